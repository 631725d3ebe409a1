def log = new File(basedir, 'build.log').text
assert log =~ /Applied 001_create_app_user\.sql/
assert log.contains('src/main/resources/db/migration/002_broken.sql:5: migration 002_broken.sql failed at the statement on line 5: Table "no_such_table" not found')
assert log.contains('H2 cannot roll back DDL')
assert log.contains('delete target/qalab and start afresh')
assert !log.contains('\tat ')
return true
