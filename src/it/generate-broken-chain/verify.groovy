def log = new File(basedir, 'build.log').text
assert log =~ /\[ERROR\] src\/main\/resources\/db\/migration\/003_add_project_table\.sql:\d+: QL004 /
assert log.contains('fix the migration chain first (mvn qalab:verify shows the same), then generate again')
def names = new File(basedir, 'src/main/resources/db/migration').list().sort()
assert names == ['001_create_app_user.sql', '003_add_project_table.sql'] : names
assert !log.contains('\tat ')
assert !log.contains('Execution failed')
return true
