def log = new File(basedir, 'build.log').text
assert log.contains('Dry run: downgrading from 002 to 001 would run:')
assert log.contains('-- src/main/resources/db/migration/002_add_account_table.sql:13')
assert log.contains('[INFO] DROP TABLE account;')
assert log.contains("DELETE FROM \"public\".\"flyway_schema_history\" WHERE \"version\" = '002';")
assert log.contains('Dry run: nothing was changed')
assert log =~ /Reverted 002_add_account_table\.sql \(\d+ ms\)/
assert log =~ /Downgraded from 002 to 001: 1 migration reverted in \d+ ms/
assert log.contains('Current revision: 001; head: 002; 1 pending')
assert log =~ /002  002_add_account_table\.sql\s+pending \(head\)/
assert log =~ /Downgraded from 001 to base \(nothing applied\): 1 migration reverted/
return true
