def log = new File(basedir, 'build.log').text
def file = new File(basedir, 'src/main/resources/db/migration/003_add_account_table.sql')
assert file.isFile() : '003_add_account_table.sql was not written'
def sql = file.text
assert sql.startsWith('-- revision: 003\n-- down_revision: 002\n-- message: Add account table\n')
assert sql.contains('CREATE SEQUENCE account_seq START WITH 1 INCREMENT BY 50;')
assert sql =~ /CREATE TABLE account \(\n    id BIGINT NOT NULL,/
assert sql.contains('balance NUMERIC(12,2) NOT NULL')
assert sql.contains('currency VARCHAR(3) NOT NULL')
assert sql =~ /ALTER TABLE account ADD CONSTRAINT fk_account_owner_id FOREIGN KEY \(owner_id\) REFERENCES app_user \(id\)/
assert sql =~ /\/\* qalab:downgrade\n(.|\n)*DROP TABLE account;(.|\n)*DROP SEQUENCE account_seq;\n\*\/\n$/
// exactly one new file: generate never writes an empty or a second migration
def names = new File(basedir, 'src/main/resources/db/migration').list().sort()
assert names == ['001_create_app_user.sql', '002_add_project_table.sql', '003_add_account_table.sql', 'qalab.sum'] : names
assert log.contains('Recorded 003_add_account_table.sql in src/main/resources/db/migration/qalab.sum')
assert new File(basedir, 'src/main/resources/db/migration/qalab.sum').text.contains('003_add_account_table.sql ')
assert log.contains('Drift: entity sources (JavaParser, spring naming), 3 entities compared with 3 replayed migrations, in sync')
assert log.contains('Wrote src/main/resources/db/migration/003_add_account_table.sql for postgresql:')
assert log.contains('No changes detected between entities and migrations')
assert log =~ /Generated in \d+ ms \(entities \d+ ms alongside shadow replay (from cache )?\d+ ms, diff\+render \d+ ms\)/
assert log =~ /Compared in \d+ ms \(entities \d+ ms alongside shadow replay (from cache )?\d+ ms, diff\+render \d+ ms\)/
assert log.contains('3 migrations, 001 → 003, chain OK')
assert !log.contains('[WARNING]')
assert log =~ /Applied 003_add_account_table\.sql \(\d+ ms\)/
assert !log.contains('\tat ')
assert !log.contains('Execution failed')
return true
