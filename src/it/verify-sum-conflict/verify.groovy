// a merge of two branches that each added 003 leaves conflict markers in qalab.sum: QL012 at each marker with the
// fix (resolve, renumber, hash), and QL005 for the two heads
def log = new File(basedir, 'build.log').getText('UTF-8')
def sum = 'src/main/resources/db/migration/qalab.sum'
assert log.contains("[ERROR] ${sum}:4: QL012 qalab.sum is corrupt: git conflict marker <<<<<<<: two branches changed the migrations \u2014 run mvn qalab:renumber: it renumbers the migration merged last when two share a number and rewrites the conflicted qalab.sum itself (with no shared number, mvn qalab:hash rewrites it)")
assert log.contains("[ERROR] ${sum}:7: QL012 qalab.sum is corrupt: git conflict marker =======")
assert log.contains("[ERROR] ${sum}:10: QL012 qalab.sum is corrupt: git conflict marker >>>>>>>")
assert log =~ /QL005 003_add_invoice\.sql and 003_add_project\.sql share number 003/
assert !log.contains('QL010') && !log.contains('QL011') // no noise from inside the conflict
assert !log.contains('Execution failed') && !(log =~ /(?m)^\s+at io\.github\.qalab\./)
return true
