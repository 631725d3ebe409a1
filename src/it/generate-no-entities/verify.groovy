// A mistyped qalab.entityPackages finds no entity: generate refuses instead of dropping every table.
def log = new File(basedir, 'build.log').text
assert log.contains('No entity found, but the migrations create 1 table: generating now would drop it')
assert log.contains('Searched source roots [src/main/java], packages [com.exmaple]')
assert log.contains('Nothing was written')
assert log.contains('check qalab.entityPackages and qalab.sourceRoots')
def names = new File(basedir, 'src/main/resources/db/migration').list().sort()
assert names == ['001_create_invoice.sql'] : 'nothing may be written: ' + names
assert !log.contains('\tat ')
assert !log.contains('Execution failed')
return true
