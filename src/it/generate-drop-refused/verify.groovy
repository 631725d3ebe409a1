def log = new File(basedir, 'build.log').text
def folder = new File(basedir, 'src/main/resources/db/migration')
// 1: refused at the entity, with both ways forward, and nothing written
assert log =~ /\[ERROR\] src\/main\/java\/com\/example\/Invoice\.java:7: drops column invoice\.legacy_code and its data: .* — .*-Dqalab\.renames=invoice\.legacy_code:<new_column>.*-Dqalab\.allowDataLoss=invoice\.legacy_code/
assert log.contains('1 change would destroy data or fail on the rows the tables already hold, so nothing was written')
// 2: allowed: written, with the lint's acknowledgement, a warning, and a downgrade that runs on rows
def file = new File(folder, '002_drop_legacy_code.sql')
assert file.isFile() : '002_drop_legacy_code.sql was not written once allowed'
def sql = file.text
assert sql.contains('-- qalab:allow destructive: drops column invoice.legacy_code and its data.\nALTER TABLE invoice DROP COLUMN legacy_code;')
assert sql.contains("ALTER TABLE invoice ADD COLUMN legacy_code VARCHAR(40) DEFAULT '' NOT NULL;\nALTER TABLE invoice ALTER COLUMN legacy_code DROP DEFAULT;")
assert log.contains('[WARNING] Review: drops column invoice.legacy_code and its data (allowed)')
assert log.contains("[WARNING] Review: the downgrade adds invoice.legacy_code back as NOT NULL holding '' in every existing row")
assert log =~ /Safety lint of 002_drop_legacy_code\.sql: no findings \(\d+ ms\)/
assert folder.list().sort() == ['001_create_invoice.sql', '002_drop_legacy_code.sql', 'qalab.sum']
assert !log.contains('\tat ')
return true
