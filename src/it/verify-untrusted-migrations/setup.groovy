// The example project (entities, 001, 002, qalab.sum) plus hostile migrations written here, with absolute paths.
import java.nio.file.Files

def shared = new File(basedir, '../../../src/it/shared/copy-example.groovy')
new GroovyShell(new Binding([basedir: basedir, sum: true])).evaluate(shared)

def marker = new File(basedir, 'target/pwned').absolutePath
def secret = new File(basedir, 'secret.txt')
secret.text = 'top-secret-content-4711'
def migrations = new File(basedir, 'src/main/resources/db/migration')
new File(migrations, '003_run_code.sql').text = """-- revision: 003
-- down_revision: 002

CREATE TABLE harmless (id BIGINT NOT NULL);
CREATE ALIAS RUN_IT AS \$\$ String run(String f) throws Exception { new java.io.File(f).getParentFile().mkdirs(); new java.io.File(f).createNewFile(); return f; } \$\$;
CALL RUN_IT('${marker}');
CREATE TABLE leak AS SELECT FILE_READ('${secret.absolutePath}', NULL) AS x;

/* qalab:downgrade irreversible */
"""
def flywaySet = new File(basedir, 'src/main/resources/db/flyway-set')
new File(flywaySet, 'old').mkdirs()
Files.copy(new File(migrations, '001_create_app_user.sql').toPath(), new File(flywaySet, '001_create_app_user.sql').toPath())
new File(flywaySet, 'old/002_sneaky.sql').text = '-- revision: 002\n-- down_revision: 001\n\nDROP TABLE app_user;\n\n/* qalab:downgrade irreversible */\n'
return true
