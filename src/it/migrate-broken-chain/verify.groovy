// qalab:migrate on a chain with a gap (001, 003): refused before any connection, violation listed, database untouched
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log =~ /\[ERROR\] src\/main\/resources\/db\/migration\/003_add_account_table\.sql:1: QL004 003 follows 001: 002 is missing/
assert log.contains('Refusing to migrate a broken chain: 1 violation in 1 file (listed above)')
assert log.contains('nothing was applied')
// the chain is checked before connecting: no database line, no migration applied
assert !log.contains('No database configured')
assert !log.contains('Applied 001_create_app_user.sql')
assert !new File(basedir, 'target/qalab/db.mv.db').exists() : 'the embedded database was created for a broken chain'
assert !log.contains('Execution failed') && !(log =~ /(?m)^\s+at io\.github\.qalab\./)
return true
