// an existing project adopts the plugin: a warning without qalab.sum, qalab:hash writes it, then verify is clean
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[WARNING] src/main/resources/db/migration/qalab.sum:1: QL013 warning: no qalab.sum: the migrations\' integrity is not checked \u2014 run mvn qalab:hash')
assert log.contains('[INFO] 2 migrations, 001 \u2192 002, chain OK, 1 warning')
assert log.contains('[INFO] Recorded 001_create_app_user.sql (new)')
assert log.contains('[INFO] Wrote src/main/resources/db/migration/qalab.sum: 2 migrations')
assert log.contains('[INFO] 2 migrations, 001 \u2192 002, chain OK\n') || log.contains('[INFO] 2 migrations, 001 \u2192 002, chain OK\r\n')
def sum = new File(basedir, 'src/main/resources/db/migration/qalab.sum').getText('UTF-8')
assert sum =~ /(?m)^001_create_app_user\.sql sha256:[0-9a-f]{64}$/
assert sum =~ /(?m)^total sha256:[0-9a-f]{64}$/
def sarif = new File(basedir, 'target/qalab/verify.sarif')
assert sarif.isFile()
def json = new groovy.json.JsonSlurper().parse(sarif)
assert json.version == '2.1.0'
assert json.runs[0].results.isEmpty() // the second verify overwrote the first report
assert json.runs[0].tool.driver.rules*.id.containsAll(['QL001', 'QL010', 'QL013', 'QL101', 'QL107'])
assert !log.contains('::error') && !log.contains('::warning') // not under GitHub Actions
return true
