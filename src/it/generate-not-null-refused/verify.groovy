def log = new File(basedir, 'build.log').text
def folder = new File(basedir, 'src/main/resources/db/migration')
// 1: both refused at the entity, naming the column and the flag, nothing written
assert log =~ /\[ERROR\] src\/main\/java\/com\/example\/Customer\.java:\d+: customer\.email becomes NOT NULL: .* — give them a value: "-Dqalab\.backfill=customer\.email='none'"/
assert log =~ /\[ERROR\] src\/main\/java\/com\/example\/Customer\.java:\d+: adds NOT NULL column customer\.currency without a default: .* "-Dqalab\.backfill=customer\.currency=/
assert log.contains('2 changes would destroy data or fail on the rows the tables already hold, so nothing was written')
// 2: with values for the existing rows: written, the rows are filled first, and verify accepts it
def file = new File(folder, '002_require_email_and_currency.sql')
assert file.isFile() : 'not written once the values were given'
def sql = file.text
assert sql.contains("UPDATE customer SET email = 'unknown@example.com' WHERE email IS NULL;\nALTER TABLE customer ALTER COLUMN email SET NOT NULL;")
assert sql.contains("ALTER TABLE customer ADD COLUMN currency VARCHAR(3) DEFAULT 'EUR' NOT NULL;\nALTER TABLE customer ALTER COLUMN currency DROP DEFAULT;")
assert log.contains("[WARNING] Review: rows holding NULL in customer.email get 'unknown@example.com' before it becomes NOT NULL")
assert log.contains('2 migrations, 001 → 002, chain OK')
// the project had no qalab.sum: generate says that it recorded the earlier migration unchecked
assert log.contains('[WARNING] There was no qalab.sum (QL013): it now records the earlier migration as it is, unchecked')
assert folder.list().sort() == ['001_create_customer.sql', '002_require_email_and_currency.sql', 'qalab.sum']
assert !log.contains('\tat ')
return true
