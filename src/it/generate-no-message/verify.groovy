def log = new File(basedir, 'build.log').text
assert log.contains('No migration message given: describe the change, e.g. mvn qalab:generate -Dqalab.message="Add account table"')
assert new File(basedir, 'src/main/resources/db/migration').list().length == 2
assert !log.contains('\tat ')
assert !log.contains('Execution failed')
return true
