// a merged migration edited afterwards: QL010 names the file, says to create a new migration instead
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[ERROR] src/main/resources/db/migration/002_add_account_table.sql:1: QL010 edited after it was recorded in qalab.sum (generated/merged): its content no longer matches the hash on line 3 \u2014 undo the edit and create a new migration instead')
assert !log.contains('001_create_app_user.sql:1: QL010')
assert log.contains('[ERROR] 1 violation in 1 file')
assert !log.contains('Execution failed') && !(log =~ /(?m)^\s+at io\.github\.qalab\./)
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/qalab/verify.sarif'))
def results = json.runs[0].results
assert results.size() == 1 && results[0].ruleId == 'QL010' && results[0].level == 'error'
assert results[0].locations[0].physicalLocation.artifactLocation.uri == 'src/main/resources/db/migration/002_add_account_table.sql'
return true
