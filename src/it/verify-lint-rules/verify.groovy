// one finding per lint rule in the new (unrecorded) migration 002, each with file:line, the statement, the risk and
// the safe alternative; the SARIF report and GitHub annotation lines carry the same findings
def log = new File(basedir, 'build.log').getText('UTF-8')
def f = 'src/main/resources/db/migration/002_risky_changes.sql'
assert log.contains('[INFO] Safety lint read 1 migration not recorded in qalab.sum: 002_risky_changes.sql (postgresql)')
assert log.contains("[ERROR] ${f}:1: QL011 not recorded in qalab.sum")
assert log.contains("[ERROR] ${f}:5: QL101 DROP TABLE audit_log: drops table audit_log with all its rows, and running instances that still use it fail \u2014 stop using the table")
assert log.contains("[ERROR] ${f}:6: QL102 ALTER TABLE account ADD COLUMN balance BIGINT NOT NULL: adds NOT NULL column account.balance without a default")
assert log.contains("[ERROR] ${f}:7: QL103 ALTER TABLE account ALTER COLUMN name TYPE VARCHAR(50): narrows account.name from VARCHAR (255) to VARCHAR (50)")
assert log.contains("[WARNING] ${f}:8: QL104 warning: ALTER TABLE account ALTER COLUMN legacy_code TYPE INTEGER: changes the type of account.legacy_code from VARCHAR (20) to INTEGER")
assert log.contains("[WARNING] ${f}:9: QL105 warning: CREATE INDEX ix_account_total ON account (total): builds an index on existing table account while blocking every write to it \u2014 write CREATE INDEX CONCURRENTLY")
assert log.contains("[WARNING] ${f}:10: QL106 warning: ALTER TABLE account ADD CONSTRAINT fk_account_owner FOREIGN KEY (owner_id) REFERENCES app_user (id): adds a foreign key to existing table account")
assert log.contains("[WARNING] ${f}:11: QL107 warning: ALTER TABLE account RENAME COLUMN total TO amount: renames column account.total to amount")
assert log.contains("[WARNING] ${f}:12: QL100 warning: DO \$\$ BEGIN RAISE NOTICE 'a ; in a dollar quote'; END \$\$: not understood by the lint's SQL parser")
assert log.contains('[ERROR] 4 violations in 1 file')

// GitHub annotations: raw workflow-command lines at the start of a line
assert log =~ /(?m)^::error file=src\/main\/resources\/db\/migration\/002_risky_changes\.sql,line=5,title=QL101::DROP TABLE audit_log: drops table/
assert log =~ /(?m)^::warning file=src\/main\/resources\/db\/migration\/002_risky_changes\.sql,line=9,title=QL105::CREATE INDEX/
assert (log =~ /(?m)^::(error|warning) /).count == 9

def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/qalab/verify.sarif'))
def results = json.runs[0].results
assert results*.ruleId as Set == ['QL011', 'QL100', 'QL101', 'QL102', 'QL103', 'QL104', 'QL105', 'QL106', 'QL107'] as Set
assert results.find { it.ruleId == 'QL105' }.level == 'warning'
assert results.find { it.ruleId == 'QL101' }.locations[0].physicalLocation.region.startLine == 5
assert !log.contains('Execution failed') && !(log =~ /(?m)^\s+at io\.github\.qalab\./)
return true
