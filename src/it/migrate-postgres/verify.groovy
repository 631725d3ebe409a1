def skipped = new File(basedir, 'skipped.txt')
if (skipped.isFile()) {
    println "[qalab-it] migrate-postgres skipped: ${skipped.text}"
    return true
}
def pg = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/shared/PgDriver.groovy'))
def name = new File(basedir, 'database.txt').text.trim()
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains("Database jdbc:postgresql://127.0.0.1:5432/${name}?password=**** as postgres (from qalab.url)")
    assert log =~ /Applied 001_create_app_user\.sql \(\d+ ms\)/
    assert log =~ /Migrated an empty database to 002: 2 migrations applied in \d+ ms/
    assert log.contains('Current revision: 002; head: 002')
    assert log =~ /Reverted 002_add_account_table\.sql \(\d+ ms\)/
    assert log.contains('Current revision: 001; head: 002; 1 pending')
    assert log =~ /Migrated from 001 to 002: 1 migration applied/
    assert !log.contains('It-Secret-91') : 'the password leaked into the build log'
    assert !log.contains('Url-Secret-19') : 'the URL password leaked into the build log'
    def c = pg.connect(new File(localRepositoryPath.toString()), name)
    try {
        def rs = c.createStatement().executeQuery('SELECT version FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank')
        def versions = []
        while (rs.next()) {
            versions << rs.getString(1)
        }
        assert versions == ['001', '002']
    } finally {
        c.close()
    }
} finally {
    def admin = pg.connect(new File(localRepositoryPath.toString()), 'postgres')
    try {
        admin.createStatement().execute("DROP DATABASE IF EXISTS ${name} WITH (FORCE)")
    } finally {
        admin.close()
    }
}
return true
