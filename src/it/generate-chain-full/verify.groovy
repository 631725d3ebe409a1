def log = new File(basedir, 'build.log').text
def f = 'src/main/resources/db/migration'
assert log.contains("[WARNING] ${f}/999_create_t999.sql:1: QL014 warning: the chain is at 999: no number is left before 999")
assert log.contains('999 migrations, 001 → 999, chain OK, 2 warnings')
assert log.contains('The migration chain is full: 999 is its highest number, and the NNN_description.sql convention ends at 999, so no file was written — squash the history into a baseline')
assert new File(basedir, f).list().findAll { it.startsWith('1000') || it == 'qalab.sum' }.isEmpty()
assert !log.contains('Execution failed')
return true
