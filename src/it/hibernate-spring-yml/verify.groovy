def log = new File(basedir, 'build.log').text
assert log.contains('The project is not compiled (no target/classes)')
assert log.contains('Compile first, e.g. mvn compile qalab:generate -Dqalab.message="Initial"')
def file = new File(basedir, 'src/main/resources/db/migration/001_initial.sql')
assert file.isFile()
def sql = file.text
// PhysicalNamingStrategyStandardImpl from application.yml: names as written; the Instant is a plain timestamp
assert sql =~ /CREATE TABLE Happening \(\n    id bigint NOT NULL,/
assert sql.contains('occurredAt timestamp(6),')
assert sql.contains('shortTitle varchar(255)')
assert !sql.contains('with time zone')
assert log.contains('No changes detected between entities and migrations')
assert log =~ /Applied 001_initial\.sql \(\d+ ms\)/
assert !log.contains('not-for-qalab')
assert !log.contains('\tat ')
return true
