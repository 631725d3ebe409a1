def log = new File(basedir, 'build.log').text
assert log.contains('Refusing to downgrade to 001 (nothing was changed):')
assert log.contains('src/main/resources/db/migration/003_backfill.sql:7: 003 is marked irreversible')
assert log.contains('Current revision: 003; head: 003')
return true
