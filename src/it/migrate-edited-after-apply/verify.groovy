def log = new File(basedir, 'build.log').text
assert log.contains('Refusing to migrate:')
assert log =~ /v2\/001_create_app_user\.sql: edited after it was applied \(checksum -?\d+ in flyway_schema_history, -?\d+ now\)/
assert log =~ /\[WARNING\]\s+001  001_create_app_user\.sql\s+edited after apply/
assert !log.contains('\tat ')
return true
