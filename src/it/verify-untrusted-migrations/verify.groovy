def log = new File(basedir, 'build.log').text
def f = 'src/main/resources/db/migration/003_run_code.sql'
// 1: the replay runs the migration as a user without admin rights: H2 refuses CREATE ALIAS, named by file and line
assert log.contains("[ERROR] ${f}:5: QL022 migration does not replay into the shadow database: the shadow replay refuses this statement: it needs H2 admin rights")
assert log.contains('qalab.shadowUrl')
assert !new File(basedir, 'target/pwned').exists() : 'no code of a migration ran during verify'
assert !log.contains('top-secret-content-4711')
def sarif = new File(basedir, 'target/qalab/verify.sarif').text
assert sarif.contains('QL022') && !sarif.contains('top-secret-content-4711')
// 2: Flyway would apply old/002_sneaky.sql too: verify's rules see it, and migrate refuses before connecting
assert log.contains('[ERROR] src/main/resources/db/flyway-set/old/002_sneaky.sql:1: QL001 a file in a sub-folder of the migration location (old/002_sneaky.sql): Flyway scans sub-folders and would apply it too')
assert log.contains('Refusing to migrate a broken chain: 1 violation in 1 file')
assert !new File(basedir, 'target/qalab/db.mv.db').exists()
assert !log.contains('Execution failed') && !(log =~ /(?m)^\s+at io\.github\.qalab\./)
return true
