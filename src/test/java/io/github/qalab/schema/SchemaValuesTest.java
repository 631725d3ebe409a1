package io.github.qalab.schema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A schema stored as plain values comes back equal, every record of the model included. */
class SchemaValuesTest {

    @TempDir
    Path dir;

    @Test
    void aSchemaWithEveryKindOfObjectSurvivesTheRoundTripThroughAFile() throws Exception {
        Table customer = new Table("billing.customer", List.of(
                new Column("id", ColumnType.of(ColumnType.Kind.BIGINT), false, "", true),
                new Column("name", ColumnType.varchar(80), false, "'anonymous'", false, "varchar(80)"),
                new Column("balance", ColumnType.decimal(12, 2), true, "", false),
                new Column("status", new ColumnType(ColumnType.Kind.ENUM, 0, 0, 0, List.of("NEW", "OLD"), ""), true,
                        "", false),
                new Column("`Order`", new ColumnType(ColumnType.Kind.CUSTOM, 0, 0, 0, List.of(), "jsonb"), true, "",
                        false, "jsonb")),
                new PrimaryKey("pk_customer", List.of("id")),
                List.of(new UniqueConstraint("uk_customer_name", List.of("name"))),
                List.of(new Index("ix_customer_status", List.of("status", "name"), false)),
                List.of(new ForeignKey("fk_customer_parent", List.of("id"), "billing.parent", List.of("id"),
                        "CASCADE")),
                List.of(new CheckConstraint("ck_customer_balance", "balance >= 0")),
                List.of("INSERT INTO billing.customer (id, name) VALUES (1, 'x')"));
        Table parent = new Table("billing.parent", List.of(
                new Column("id", ColumnType.of(ColumnType.Kind.BIGINT), false, "", false)), null, List.of(), List.of(),
                List.of());
        Schema schema = new Schema(List.of(customer, parent), List.of(new Sequence("customer_seq", 50, 50)),
                List.of("audit"));
        Path file = dir.resolve("schema.bin");
        PlainValues.write(file, Map.of("schema", SchemaValues.toValues(schema)));
        Schema back = SchemaValues.fromValues(PlainValues.read(file).get("schema"));
        assertEquals(schema, back);
    }

    @Test
    void valuesOfAnotherShapeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SchemaValues.fromValues(Map.of("tables", List.of())));
    }
}
