package io.github.qalab.sql;

import io.github.qalab.diff.Operation;
import io.github.qalab.diff.Operation.AddColumn;
import io.github.qalab.diff.Operation.AddForeignKey;
import io.github.qalab.diff.Operation.AddPrimaryKey;
import io.github.qalab.diff.Operation.AddUniqueConstraint;
import io.github.qalab.diff.Operation.AlterColumn;
import io.github.qalab.diff.Operation.AlterSequence;
import io.github.qalab.diff.Operation.CreateIndex;
import io.github.qalab.diff.Operation.CreateSequence;
import io.github.qalab.diff.Operation.CreateTable;
import io.github.qalab.diff.Operation.DropColumn;
import io.github.qalab.diff.Operation.RenameColumn;
import io.github.qalab.diff.Operation.RenameTable;
import io.github.qalab.diff.Renames;
import io.github.qalab.diff.SampleSchemas;
import io.github.qalab.diff.SchemaDiff;
import io.github.qalab.migration.MigrationRenderer;
import io.github.qalab.schema.Column;
import io.github.qalab.schema.ColumnType;
import io.github.qalab.schema.ColumnType.Kind;
import io.github.qalab.schema.ForeignKey;
import io.github.qalab.schema.Index;
import io.github.qalab.schema.PrimaryKey;
import io.github.qalab.schema.Schema;
import io.github.qalab.schema.Sequence;
import io.github.qalab.schema.UniqueConstraint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DialectGoldenTest {

    /** One operation of every kind; each case is rendered together with its inverse. */
    static Map<String, Operation> cases() {
        Map<String, Operation> cases = new LinkedHashMap<>();
        cases.put("create_table", new CreateTable(SampleSchemas.appUser()));
        cases.put("add_column", new AddColumn("account", new Column("kind", ColumnType.varchar(10), false, "'std'", false)));
        cases.put("alter_column", new AlterColumn("account",
                new Column("name", ColumnType.varchar(100), true, "", false),
                new Column("name", ColumnType.varchar(200), false, "'?'", false)));
        cases.put("rename_table", new RenameTable("app_user", "customer"));
        cases.put("rename_column", new RenameColumn("account", "number", "iban",
                new Column("iban", ColumnType.varchar(34), false, "", false)));
        cases.put("add_primary_key", new AddPrimaryKey("account_tag", new PrimaryKey("pk_account_tag",
                List.of("account_id", "tag_id"))));
        cases.put("add_unique_constraint", new AddUniqueConstraint("account",
                new UniqueConstraint("uk_account_owner_id_name", List.of("owner_id", "name"))));
        cases.put("create_index", new CreateIndex("account", new Index("ix_account_name", List.of("name"), false)));
        cases.put("create_unique_index", new CreateIndex("account", new Index("ux_account_iban", List.of("iban"), true)));
        cases.put("add_foreign_key", new AddForeignKey("account", new ForeignKey("fk_account_owner_id",
                List.of("owner_id"), "app_user", List.of("id"))));
        cases.put("create_sequence", new CreateSequence(new Sequence("account_seq", 1, 50)));
        cases.put("alter_sequence", new AlterSequence(new Sequence("account_seq", 1, 50), new Sequence("account_seq", 1, 20)));
        cases.put("reserved_words", new AddColumn("order", new Column("user", ColumnType.of(Kind.BIGINT), true, "", false)));
        // issue 9: steps that carry existing rows through
        cases.put("add_column_filled", new AddColumn("account", new Column("currency", ColumnType.varchar(3), false, "",
                false), "'EUR'"));
        cases.put("drop_column_refilled", new DropColumn("account", new Column("nickname", ColumnType.varchar(40), false,
                "", false), "''"));
        cases.put("alter_column_fill_nulls", new AlterColumn("account",
                new Column("note", ColumnType.varchar(255), true, "", false),
                new Column("note", ColumnType.varchar(255), false, "", false), java.util.Set.of(Operation.Change.NULLABILITY),
                new Operation.Rows("'none'", Map.of(), null)));
        Map<String, String> ordinalsToNames = new LinkedHashMap<>();
        ordinalsToNames.put("0", "LOW");
        ordinalsToNames.put("1", "HIGH");
        cases.put("alter_column_enum_names", new AlterColumn("alarm",
                new Column("level", ColumnType.of(Kind.SMALLINT), true, "", false),
                new Column("level", SampleSchemas.enumOf("LOW", "HIGH"), true, "", false),
                java.util.Set.of(Operation.Change.TYPE), new Operation.Rows("", ordinalsToNames, null)));
        cases.put("become_identity", new AlterColumn("voucher",
                new Column("id", ColumnType.of(Kind.BIGINT), false, "", false),
                new Column("id", ColumnType.of(Kind.BIGINT), false, "", true),
                java.util.Set.of(Operation.Change.IDENTITY),
                new Operation.Rows("", Map.of(), new Sequence("voucher_seq", 1, 50))));
        cases.put("update_rows", new Operation.UpdateRows("ticket", "priority", "'MEDIUM'", List.of("'HIGH'")));
        return cases;
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb", "mysql", "h2"})
    void everyOperationAndItsInverseMatchTheGoldenFile(String name) throws IOException {
        Dialect dialect = Dialect.named(name);
        for (Map.Entry<String, Operation> c : cases().entrySet()) {
            StringBuilder sb = new StringBuilder("-- ").append(c.getValue().describe()).append('\n');
            dialect.render(c.getValue()).forEach(s -> sb.append(s).append(";\n"));
            sb.append("-- inverse: ").append(c.getValue().inverse().describe()).append('\n');
            dialect.render(c.getValue().inverse()).forEach(s -> sb.append(s).append(";\n"));
            Golden.check(name, c.getKey(), sb.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb", "h2"})
    void wholeMigrationFilesMatchTheGoldenFiles(String name) throws IOException {
        Dialect dialect = Dialect.named(name);
        SchemaDiff first = SchemaDiff.compare(Schema.EMPTY, SampleSchemas.v1(), Renames.NONE, dialect);
        MigrationSql sql1 = MigrationSql.of(dialect, first);
        Golden.check(name, "001_v1", MigrationRenderer.render(1, "Create users and accounts", sql1.upgrade(), sql1.downgrade()));
        SchemaDiff second = SchemaDiff.compare(SampleSchemas.v1(), SampleSchemas.v2(), SampleSchemas.v2Renames(), dialect);
        MigrationSql sql2 = MigrationSql.of(dialect, second);
        Golden.check(name, "002_v2", MigrationRenderer.render(2, "Tags, iban and nicknames", sql2.upgrade(), sql2.downgrade()));
        SchemaDiff third = SchemaDiff.compare(SampleSchemas.v2(), SampleSchemas.v3(), SampleSchemas.v3Renames(), dialect);
        MigrationSql sql3 = MigrationSql.of(dialect, third);
        Golden.check(name, "003_v3", MigrationRenderer.render(3, "Topics", sql3.upgrade(), sql3.downgrade()));
    }

    @Test
    void namedAcceptsAliasesAndRejectsUnknownNamesClearly() {
        assertEquals("postgresql", Dialect.named("PostgreSQL").name());
        assertEquals("postgresql", Dialect.named("postgres").name());
        assertEquals("mysql", Dialect.named("mysql").name());
        assertEquals("mariadb", Dialect.named(" mariadb ").name());
        assertEquals("h2", Dialect.named("h2").name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dialect.named("oracle"));
        assertEquals("Unknown dialect 'oracle': use one of postgresql, mariadb, mysql, h2 (e.g. -Dqalab.dialect=postgresql)",
                e.getMessage());
    }

    @Test
    void typesThatMapToTheSameSqlTypeAreTheSame() {
        Dialect pg = Dialect.named("postgresql");
        assertTrue(pg.same(ColumnType.of(Kind.TINYINT), ColumnType.of(Kind.SMALLINT)));
        assertTrue(pg.same(ColumnType.of(Kind.CLOB), ColumnType.of(Kind.BLOB)));
        assertTrue(pg.same(SampleSchemas.enumOf("A", "B"), ColumnType.varchar(255)));
        assertTrue(pg.same(ColumnType.custom("varchar( 255 )"), ColumnType.varchar(255)));
        assertTrue(!pg.same(ColumnType.varchar(255), ColumnType.varchar(256)));
        Dialect maria = Dialect.named("mariadb");
        assertTrue(maria.same(SampleSchemas.temporal(Kind.TIMESTAMP_TZ, 6), SampleSchemas.temporal(Kind.TIMESTAMP, 6)));
        assertTrue(!maria.same(SampleSchemas.enumOf("A", "B"), SampleSchemas.enumOf("A")));
        assertTrue(maria.same(SampleSchemas.enumOf("B", "A"), SampleSchemas.enumOf("A", "B")));
    }
}
