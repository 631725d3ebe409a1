def log = new File(basedir, 'build.log').text
assert log.contains('No database configured (qalab.url, QALAB_URL): using the embedded H2 database target/qalab/db')
assert log =~ /\[INFO\] Applied 001_create_app_user\.sql \(\d+ ms\)/
assert log =~ /\[INFO\] Applied 002_add_account_table\.sql \(\d+ ms\)/
assert log =~ /Migrated an empty database to 002: 2 migrations applied in \d+ ms/
assert log.contains('Current revision: 002; head: 002')
assert log =~ /002  002_add_account_table\.sql\s+applied \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(head\) \(current\)/
assert log =~ /Status read in \d+ ms/
assert new File(basedir, 'target/qalab/db.mv.db').isFile()
assert !log.contains('\tat ')
return true
