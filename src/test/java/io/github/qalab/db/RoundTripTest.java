package io.github.qalab.db;

import io.github.qalab.diff.Renames;
import io.github.qalab.diff.SampleSchemas;
import io.github.qalab.diff.SchemaDiff;
import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.migration.MigrationStep;
import io.github.qalab.migration.MigrationWriter;
import io.github.qalab.schema.JdbcSchemaReader;
import io.github.qalab.schema.Schema;
import io.github.qalab.sql.Dialect;
import io.github.qalab.sql.MigrationSql;
import io.github.qalab.testing.TestDatabases;
import io.github.qalab.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Idempotence, proved on real databases: render a diff for a dialect, run it (through the shadow and on the real
 * server), read the schema back and diff again: nothing may be left. Then the downgrade must give back the
 * previous schema.
 */
class RoundTripTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb", "h2"})
    void migrationsReplayedIntoTheShadowReadBackAsTheSchemaTheyWereGeneratedFrom(String name) throws Exception {
        Dialect dialect = Dialect.named(name);
        Path location = dir.resolve("db");
        write(location, dialect, Schema.EMPTY, SampleSchemas.v1(), Renames.NONE, "Users and accounts");
        Schema afterFirst = ShadowDatabase.embedded(dialect).replay(scan(location).migrations());
        assertNoDifference(dialect, afterFirst, SampleSchemas.v1());
        if (name.equals("h2")) {
            // On its own database H2 gives back exactly the neutral types, except the enum length it does not keep.
            SchemaDiff exact = SchemaDiff.compare(afterFirst, withoutEnumLengths(SampleSchemas.v1()), Renames.NONE);
            assertTrue(exact.isEmpty(), exact.operations().toString());
        }
        assertEquals(SampleSchemas.v1().tables().get(1).columns().stream().map(c -> c.name()).toList(),
                afterFirst.tables().get(1).columns().stream().map(c -> c.name()).toList(), "column order");

        write(location, dialect, afterFirst, SampleSchemas.v2(), SampleSchemas.v2Renames(), "Tags");
        Schema afterSecond = ShadowDatabase.embedded(dialect).replay(scan(location).migrations());
        assertNoDifference(dialect, afterSecond, SampleSchemas.v2());

        write(location, dialect, afterSecond, SampleSchemas.v3(), SampleSchemas.v3Renames(), "Topics");
        Schema afterThird = ShadowDatabase.embedded(dialect).replay(scan(location).migrations());
        assertNoDifference(dialect, afterThird, SampleSchemas.v3());
    }

    @Test
    void postgresql() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            upgradeAndDowngrade(Dialect.named("postgresql"), db.url(), db.user(), db.password());
        }
    }

    @Test
    void mariadb() throws Exception {
        try (TestDatabase db = TestDatabases.mariadb()) {
            upgradeAndDowngrade(Dialect.named("mariadb"), db.url(), db.user(), db.password());
        }
    }

    @Test
    void h2() throws Exception {
        upgradeAndDowngrade(Dialect.named("h2"), "jdbc:h2:mem:rt" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    /** v1, v2, v3 up, then down again to nothing, on a real database, reading the schema back after every step. */
    private static void upgradeAndDowngrade(Dialect dialect, String url, String user, String password) throws Exception {
        List<Schema> versions = List.of(Schema.EMPTY, SampleSchemas.v1(), SampleSchemas.v2(), SampleSchemas.v3());
        List<Renames> renames = List.of(Renames.NONE, Renames.NONE, SampleSchemas.v2Renames(), SampleSchemas.v3Renames());
        List<MigrationSql> applied = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            for (int v = 1; v < versions.size(); v++) {
                SchemaDiff diff = SchemaDiff.compare(read(c), versions.get(v), renames.get(v), dialect);
                assertTrue(!diff.isEmpty());
                MigrationSql sql = MigrationSql.of(dialect, diff);
                run(c, sql.upgrade());
                assertNoDifference(dialect, read(c), versions.get(v));
                assertTrue(SchemaDiff.compare(read(c), versions.get(v), renames.get(v), dialect).isEmpty(),
                        "generate again: no changes");
                applied.add(sql);
            }
            for (int v = versions.size() - 1; v >= 1; v--) {
                run(c, applied.get(v - 1).downgrade());
                assertNoDifference(dialect, read(c), versions.get(v - 1));
            }
            assertEquals(Schema.EMPTY, read(c));
        }
    }

    private static Schema withoutEnumLengths(Schema s) {
        return new Schema(s.tables().stream().map(t -> new io.github.qalab.schema.Table(t.name(),
                t.columns().stream().map(c -> c.type().kind() != io.github.qalab.schema.ColumnType.Kind.ENUM ? c
                        : new io.github.qalab.schema.Column(c.name(), new io.github.qalab.schema.ColumnType(
                        c.type().kind(), 0, 0, 0, c.type().values(), ""), c.nullable(), c.defaultValue(),
                        c.identity())).toList(),
                t.primaryKey(), t.uniques(), t.indexes(), t.foreignKeys())).toList(), s.sequences());
    }

    static void assertNoDifference(Dialect dialect, Schema actual, Schema expected) {
        SchemaDiff diff = SchemaDiff.compare(actual, expected, Renames.NONE, dialect);
        assertTrue(diff.isEmpty(), dialect.name() + ": read back differs: "
                + diff.operations().stream().map(o -> o.describe() + " " + o).toList());
        assertEquals(expected.tables().stream().map(t -> t.name()).toList(),
                actual.tables().stream().map(t -> t.name()).toList());
    }

    private static void write(Path location, Dialect dialect, Schema from, Schema to, Renames renames, String message)
            throws Exception {
        MigrationSql sql = MigrationSql.of(dialect, SchemaDiff.compare(from, to, renames, dialect));
        MigrationWriter.writeNext(scan(location), message, sql.upgrade(), sql.downgrade());
    }

    private static MigrationDirectory scan(Path location) throws Exception {
        return MigrationDirectory.scan(List.of(location));
    }

    private static void run(Connection c, List<MigrationStep> steps) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (MigrationStep step : steps) {
                for (String sql : step.statements()) {
                    try {
                        s.execute(sql);
                    } catch (SQLException e) {
                        throw new SQLException(e.getMessage() + " in: " + sql, e);
                    }
                }
            }
        }
    }

    private static Schema read(Connection c) throws SQLException {
        return new JdbcSchemaReader().read(c);
    }
}
