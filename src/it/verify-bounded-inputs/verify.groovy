def log = new File(basedir, 'build.log').text
def f = 'src/main/resources/db/migration'
assert log.contains("[ERROR] ${f}/002_deep.sql:4: QL008 the file nests expressions more than 100 levels deep at line 4")
assert log.contains("[ERROR] ${f}/003_comments.sql:1: QL008 the file holds more than 500 comments in a row from line 1")
assert log =~ /\[ERROR\] src\/main\/resources\/db\/migration\/004_huge\.sql:1: QL008 the file is 11\.0 MB, larger than the 10 MB a migration may be/
assert log.contains("[ERROR] ${f}/005_two_boms.sql:1: QL008 the file starts with two byte-order marks (U+FEFF)")
assert log.contains("[ERROR] ${f}/006_self.sql:1: QL008 the file is a symbolic link to a folder that contains it")
assert log.contains("[ERROR] ${f}/qalab.sum:1: QL012 qalab.sum is corrupt: cannot be read (it is a symbolic link that leads nowhere")
assert log.contains('[ERROR] 6 violations in 6 files')
assert log.contains('Refusing to migrate a broken chain: 5 violations in 5 files (listed above)')
assert !log.contains('QL002') && !log.contains('QL013')
assert !log.contains('Execution failed') && !log.contains('StackOverflowError') && !log.contains('OutOfMemoryError')
assert !(log =~ /(?m)^\s+at /)
return true
