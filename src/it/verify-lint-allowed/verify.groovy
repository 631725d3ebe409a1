// -- qalab:allow destructive acknowledges the DROP; lint=all reads recorded migrations too; a MariaDB CHANGE that
// renames is a warning, which does not fail the build
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] Safety lint read 2 migrations (all): 001_create_tables.sql, 002_drop_audit_log.sql (mariadb)')
assert !log.contains('QL101')
assert log.contains('[WARNING] src/main/resources/db/migration/002_drop_audit_log.sql:7: QL107 warning: ALTER TABLE account CHANGE COLUMN legacy_code old_code VARCHAR(20): renames column account.legacy_code to old_code')
assert log.contains('[INFO] 2 migrations, 001 \u2192 002, chain OK, 1 warning')
assert !log.contains('::warning') // not under GitHub Actions
return true
