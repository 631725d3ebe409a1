// Simulates the merge that qalab:renumber fixes, in a git repository of its own:
//   main: 001, 002 (2024-01-01) -> 003_add_project (2024-02-01)
//   feature/invoice: 003_add_invoice (2024-03-01, the newest commit)
// merging feature/invoice into main leaves two 003 files and a conflict in qalab.sum.
import java.security.MessageDigest

def dir = new File(basedir, 'src/main/resources/db/migration')

def git = { String date, List<String> args, boolean mayFail = false ->
    def env = System.getenv().collect { k, v -> "$k=$v" }.findAll { !it.startsWith('GIT_') }
    env += ["GIT_AUTHOR_NAME=it", "GIT_AUTHOR_EMAIL=it@example.com", "GIT_COMMITTER_NAME=it",
            "GIT_COMMITTER_EMAIL=it@example.com", "GIT_AUTHOR_DATE=$date", "GIT_COMMITTER_DATE=$date"]
    def p = (['git'] + args).execute(env, basedir)
    def out = new StringBuilder()
    p.consumeProcessOutput(out, out)
    def rc = p.waitFor()
    assert mayFail || rc == 0 : "git ${args.join(' ')} failed: $out"
    rc
}

def hex = { byte[] b -> MessageDigest.getInstance('SHA-256').digest(b).encodeHex().toString() }
// the qalab.sum format (see MigrationSum): sorted entries, then the total over the entry lines
def writeSum = {
    def entries = dir.listFiles().findAll { it.name.endsWith('.sql') }.sort { it.name }.collect {
        "${it.name} sha256:${hex(it.getText('UTF-8').replace('\r\n', '\n').getBytes('UTF-8'))}".toString()
    }
    def lines = entries.collect { it + '\n' }.join('')
    new File(dir, 'qalab.sum').setText("# qalab.sum\n" + lines + "total sha256:${hex(lines.getBytes('UTF-8'))}\n", 'UTF-8')
}
def migration = { String table -> """-- revision: 003
-- down_revision: 002
-- message: Add ${table}

CREATE TABLE ${table} (
    id BIGINT NOT NULL,
    CONSTRAINT pk_${table} PRIMARY KEY (id)
);

/* qalab:downgrade
DROP TABLE ${table};
*/
""" }

new File(basedir, '.gitignore').text = 'target/\nbuild.log\n'
git('2024-01-01T10:00:00Z', ['init', '-q', '-b', 'main'])
writeSum()
git('2024-01-01T10:00:00Z', ['add', '-A'])
git('2024-01-01T10:00:00Z', ['commit', '-q', '-m', 'history 001-002'])

git('2024-01-01T10:00:00Z', ['checkout', '-q', '-b', 'feature/invoice'])
new File(dir, '003_add_invoice.sql').setText(migration('invoice'), 'UTF-8')
writeSum()
git('2024-03-01T10:00:00Z', ['add', '-A'])
git('2024-03-01T10:00:00Z', ['commit', '-q', '-m', 'invoice'])

git('2024-01-01T10:00:00Z', ['checkout', '-q', 'main'])
new File(dir, '003_add_project.sql').setText(migration('project'), 'UTF-8')
writeSum()
git('2024-02-01T10:00:00Z', ['add', '-A'])
git('2024-02-01T10:00:00Z', ['commit', '-q', '-m', 'project'])

assert git('2024-04-01T10:00:00Z', ['merge', '-q', '--no-edit', 'feature/invoice'], true) != 0 : 'expected a conflict'
assert new File(dir, 'qalab.sum').text.contains('<<<<<<<')
return true
