def log = new File(basedir, 'build.log').text
assert log.contains('[DEBUG]') : 'the first build ran with -X'
for (secret in ['Url,Se', 'Se)cr', 'cr@t', 't/19', 'Pw-Secret-91']) {
    assert !log.contains(secret) : "a password fragment reached the log: ${secret}"
}
assert log.contains('Cannot connect to jdbc:postgresql://127.0.0.1:1/app?user=app&password=****&ssl=false')
assert log.contains('-Dqalab.message holds ${...}: Maven replaces that with the value of a property')
assert !log.contains("Add ${localRepositoryPath}") : 'the expanded value is never shown'
def folder = new File(basedir, 'src/main/resources/db/migration')
assert folder.list().length == 0 : 'nothing was written: ' + folder.list()
return true
