package io.github.qalab.generate;

import io.github.qalab.schema.Column;
import io.github.qalab.schema.ColumnType;
import io.github.qalab.schema.Index;
import io.github.qalab.schema.PrimaryKey;
import io.github.qalab.schema.Schema;
import io.github.qalab.schema.Table;
import io.github.qalab.schema.UniqueConstraint;
import io.github.qalab.diff.Renames;
import io.github.qalab.diff.SchemaDiff;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A name an earlier migration gave another table is not given again (found by the re-check run: table x_y.z got
 * uk_x_y_z in 001, table x.y_z got it again in 002, and PostgreSQL refused the migration).
 */
class ConstraintNamesTest {

    private static final ColumnType TEXT = ColumnType.of(ColumnType.Kind.VARCHAR);

    private static Table table(String name, String column, String unique, String index) {
        return new Table(name, List.of(new Column("id", ColumnType.of(ColumnType.Kind.BIGINT), false, null, false),
                new Column(column, TEXT, true, null, false)), new PrimaryKey("pk_" + name, List.of("id")),
                List.of(new UniqueConstraint(unique, List.of(column))),
                index == null ? List.of() : List.of(new Index(index, List.of(column), false)), List.of());
    }

    @Test
    void aNameTheMigrationsGaveAnotherTableGetsANumber() {
        Schema current = new Schema(List.of(table("x_y", "z", "uk_x_y_z", "ix_shared")), List.of());
        Schema desired = new Schema(List.of(table("x", "y_z", "uk_x_y_z", "ix_shared"),
                table("x_y", "z", "uk_x_y_z_2", "ix_shared")), List.of());
        Schema apart = ConstraintNames.apart(current, desired);
        Table x = apart.table("x").orElseThrow();
        // uk_x_y_z_2 is taken by the desired x_y already: the next free number
        assertEquals("uk_x_y_z_3", x.uniques().get(0).name());
        assertEquals("ix_shared_2", x.indexes().get(0).name());
        assertEquals("pk_x", x.primaryKey().name());
        // the table that owns the name in the migrations keeps its own, and nothing else changes
        assertEquals(desired.table("x_y"), apart.table("x_y"));
        // compared by meaning: x_y has nothing to change, x is created with the new names
        SchemaDiff diff = SchemaDiff.compare(current, apart, Renames.NONE);
        assertEquals(1, diff.operations().size(), diff.operations().toString());
        assertTrue(diff.operations().get(0).toString().contains("uk_x_y_z_3"), diff.operations().toString());
    }

    @Test
    void withoutACollisionTheSchemaIsTheSame() {
        Schema current = new Schema(List.of(table("a", "b", "uk_a_b", null)), List.of());
        Schema desired = new Schema(List.of(table("a", "b", "uk_a_b", null), table("c", "d", "uk_c_d", null)),
                List.of());
        assertSame(desired, ConstraintNames.apart(current, desired));
        assertSame(desired, ConstraintNames.apart(Schema.EMPTY, desired));
    }
}
