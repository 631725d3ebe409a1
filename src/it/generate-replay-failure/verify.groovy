def log = new File(basedir, 'build.log').text
assert log =~ /An existing migration does not replay into the shadow database: .*002_add_project_table\.sql:13: .*no_such_table/
assert new File(basedir, 'src/main/resources/db/migration').list().length == 2
assert !log.contains('\tat ')
assert !log.contains('Execution failed')
return true
