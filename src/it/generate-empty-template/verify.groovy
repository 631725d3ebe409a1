def log = new File(basedir, 'build.log').text
def file = new File(basedir, 'src/main/resources/db/migration/003_backfill_project_owners.sql')
assert file.isFile()
assert file.text.startsWith('-- revision: 003\n-- down_revision: 002\n-- message: Backfill project owners\n')
assert log.contains('Wrote template src/main/resources/db/migration/003_backfill_project_owners.sql')
assert log =~ /003_backfill_project_owners\.sql:\d+: QL006 /
assert !log.contains('\tat ')
return true
