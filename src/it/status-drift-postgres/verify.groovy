import groovy.json.JsonSlurper

def skipped = new File(basedir, 'skipped.txt')
if (skipped.isFile()) {
    println "[qalab-it] status-drift-postgres skipped: ${skipped.text}"
    return true
}
def pg = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/shared/PgDriver.groovy'))
def name = new File(basedir, 'database.txt').text.trim()
try {
    def log = new File(basedir, 'build.log').text
    assert log =~ /Reverted 003_change_by_hand\.sql \(\d+ ms\)/

    def index = 'index ix_app_user_display_name on app_user[display_name]: in the database, not in the applied migrations (added by hand?)'
    def column = 'column app_user.nickname VARCHAR(40) NULL: in the database, not in the applied migrations (added by hand?)'
    // 3: JSON carries the same list, and the build fails
    def json = new JsonSlurper().parse(new File(basedir, 'target/qalab/status.json'))
    assert json.current == '002'
    assert json.drift.checked == true
    assert json.drift.inSync == false
    assert json.drift.revision == '002'
    assert json.drift.differences*.message == [column, index]
    assert json.drift.differences*.object == ['column', 'index']
    assert json.drift.differences*.change == ['added', 'added']
    assert json.drift.differences*.table == ['app_user', 'app_user']
    assert json.drift.differences*.name == ['nickname', 'ix_app_user_display_name']
    assert log.contains('Drift: the database differs from its applied migrations in 2 places (listed above)')
    // 4: the text lists them, one warning each, and says what to do
    assert log.contains('[WARNING] Drift: the database compared with 2 applied migrations (up to 002): 2 differences:')
    assert log.contains('[WARNING]   ' + index)
    assert log.contains('[WARNING]   ' + column)
    assert log.contains('[WARNING] Drift: put each intended change into a migration')
    assert log.readLines().findAll { it.contains('BUILD ') }.last().contains('BUILD SUCCESS')
    // 1: the live drift is opt-in
    def plain = new JsonSlurper().parse(new File(basedir, 'target/qalab/status-plain.json'))
    assert plain.drift.checked == false && plain.drift.differences == []
    assert (log =~ /Drift: the database compared with/).count == 2
} finally {
    def admin = pg.connect(new File(localRepositoryPath.toString()), 'postgres')
    try {
        admin.createStatement().execute("DROP DATABASE IF EXISTS ${name} WITH (FORCE)")
    } finally {
        admin.close()
    }
}
return true
