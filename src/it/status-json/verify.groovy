import groovy.json.JsonSlurper
def log = new File(basedir, 'build.log').text
def json = new JsonSlurper().parse(new File(basedir, 'target/qalab/status.json'))
assert json.current == '001'
assert json.head == '002'
assert json.upToDate == false
assert json.migrations*.version == ['002', '001']
assert json.migrations[0].state == 'pending' && json.migrations[0].head == true && json.migrations[0].appliedOn == null
assert json.migrations[1].state == 'applied' && json.migrations[1].current == true && json.migrations[1].appliedOn != null
assert json.migrations[1].file == 'src/main/resources/db/migration/001_create_app_user.sql'
assert log.contains('"current" : "001"')
assert log.contains('Status written to target/qalab/status.json')
return true
