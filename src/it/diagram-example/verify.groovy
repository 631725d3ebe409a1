def log = new File(basedir, 'build.log').text
def head = new File(basedir, 'target/qalab/schema.md').getText('UTF-8')
def first = new File(basedir, 'target/qalab/schema-001.md').getText('UTF-8')

// the entity block of one table, from its name to its closing brace
def block = { String md, String table ->
    def m = md =~ /(?s)\n    ${table} \{\n(.*?)\n    \}\n/
    assert m.find() : "no entity ${table} in\n${md}"
    return m.group(1).readLines()*.trim()
}

assert head.startsWith('# Schema at revision 002 (head)\n')
assert head.contains('from 2 migrations in src/main/resources/db/migration (postgresql types): 2 tables, 1 relation, 2 sequences.')
assert head.contains('```mermaid\nerDiagram\n')
assert block(head, 'app_user') == [
        'bigint id PK',
        'varchar(255) email UK "not null"',
        'varchar(255) display_name "not null"']
assert block(head, 'project') == [
        'bigint id PK "new in 002"',
        'varchar(255) name "not null, new in 002"',
        'varchar(255) description "new in 002"',
        'bigint owner_id FK "not null, new in 002"']
assert head.contains('\n    app_user ||..o{ project : "owner_id"\n')
assert head.contains('Migration 002 touches `project`')
assert head.contains('- `project`: created')
assert head.contains('- `app_user_seq`: start 1, increment 50\n- `project_seq`: start 1, increment 50\n')
assert log =~ /Wrote target\/qalab\/schema\.md: the schema at revision 002 \(head\), 2 tables, 1 touched by 002 marked \(\d+ ms\)/

assert first.startsWith('# Schema at revision 001\n')
assert first.contains('from 1 migration in src/main/resources/db/migration (up to 001) (postgresql types): 1 table, 0 relations, 1 sequence.')
assert block(first, 'app_user') == [
        'bigint id PK',
        'varchar(255) email UK "not null"',
        'varchar(255) display_name "not null"']
assert !first.contains('project')
assert !first.contains('new in')

assert log.contains('qalab.revision=007: no migration has that number (they run from 001 to 002)')
return true
