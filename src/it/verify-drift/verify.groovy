def log = new File(basedir, 'build.log').text
// each missing change is named at the entity, with the command that fixes it
assert log =~ /\[ERROR\] src\/main\/java\/io\/github\/qalab\/example\/model\/Account\.java:1[56]: QL020 entities changed without a migration: table account missing — run mvn qalab:generate -Dqalab\.message="<what changed>" to write the missing migration/
assert log =~ /Account\.java:1[56]: QL020 entities changed without a migration: create sequence account_seq/
assert log.contains('Drift: entity sources (JavaParser, spring naming), 3 entities compared with 2 replayed migrations, 3 differences')
assert log =~ /\[ERROR\] 3 violations in 1 file/
// with checkDrift=false the same project passes
assert log.contains('2 migrations, 001 → 002, chain OK')
assert !log.contains('Execution failed')
assert !(log =~ /(?m)^\s+at io\.github\.qalab\./)
// the SARIF report carries the drift findings too
def sarif = new File(basedir, 'target/qalab/verify.sarif').text
assert sarif.contains('"ruleId" : "QL020"') || sarif.contains('"ruleId":"QL020"')
return true
