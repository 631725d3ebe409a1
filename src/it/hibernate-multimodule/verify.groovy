def log = new File(basedir, 'build.log').text
def folder = new File(basedir, 'app/src/main/resources/db/migration')
def file = new File(folder, '001_initial_shop_schema.sql')
assert file.isFile() : "001_initial_shop_schema.sql was not written: ${folder.list()}"
def sql = file.text
// Hibernate's mapping of the entities module: sequences, tables, the @ManyToOne inside the @Embeddable
assert sql.contains('CREATE SEQUENCE customer_seq START WITH 1 INCREMENT BY 50;')
assert sql =~ /CREATE TABLE purchase_order \(\n    id bigint NOT NULL,/
assert sql.contains('quantity integer NOT NULL')
assert sql.contains('customer_id bigint NOT NULL')
assert sql.contains('contact_id bigint,')
assert sql.contains('city varchar(255)')
assert sql =~ /FOREIGN KEY \(contact_id\) REFERENCES customer \(id\)/
assert sql =~ /FOREIGN KEY \(customer_id\) REFERENCES customer \(id\)/
// the project's own Hibernate (6.2 here), never the plugin's
assert log.contains('Entities: Hibernate 6.2.13.Final (org.hibernate.dialect.PostgreSQLDialect 15.0), 2 entity classes')
// the second build: drift runs after compilation and finds the migrations in sync
assert log.contains('Drift: checked by qalab:drift once the classes are compiled')
assert log =~ /Drift: Hibernate 6\.2\.13\.Final .* compared with 1 replayed migration, in sync/
assert log.contains('No changes detected between entities and migrations')
assert log =~ /Applied 001_initial_shop_schema\.sql \(\d+ ms\)/
assert !log.contains('\tat ')
assert !log.contains('Execution failed')
return true
