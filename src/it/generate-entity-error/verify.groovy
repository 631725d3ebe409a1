def log = new File(basedir, 'build.log').text
// names the file, the line and the field, and says what to do
assert log =~ /\[ERROR\] src\/main\/java\/com\/example\/Invoice\.java:12: .*total.*Money.* — .*/
assert log.contains('1 entity mapping problem: fix the entities above')
def folder = new File(basedir, 'src/main/resources/db/migration')
assert !folder.exists() || folder.list().length == 0 : 'nothing may be written'
assert !log.contains('\tat ')
assert !log.contains('Execution failed')
return true
