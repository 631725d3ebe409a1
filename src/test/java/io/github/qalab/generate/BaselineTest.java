package io.github.qalab.generate;

import io.github.qalab.db.ConnectionSettings;
import io.github.qalab.db.DatabaseStatus;
import io.github.qalab.db.FlywayRunner;
import io.github.qalab.db.LiveDatabase;
import io.github.qalab.db.ProgressListener;
import io.github.qalab.db.RevisionState;
import io.github.qalab.db.ShadowDatabase;
import io.github.qalab.diff.Operation;
import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.sql.Dialect;
import io.github.qalab.testing.TestDatabases;
import io.github.qalab.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A baseline in a project that already has migrations (embedded H2, no server): only what the database has beyond
 * them is written, as the next number; recorded there, the earlier revision shows as below the baseline; a fresh
 * database migrated through both ends with the same schema; once written, nothing is left to baseline.
 */
class BaselineTest {

    private static final String V1 = """
            -- revision: 001
            -- down_revision: none

            CREATE TABLE app_user (
                id BIGINT NOT NULL,
                email VARCHAR(255) NOT NULL,
                CONSTRAINT pk_app_user PRIMARY KEY (id)
            );

            /* qalab:downgrade
            DROP TABLE app_user;
            */
            """;

    @Test
    void writesOnlyWhatTheMigrationsDoNotMakeAsTheNextNumber(@TempDir Path folder) throws Exception {
        Dialect h2 = Dialect.named("h2");
        Files.writeString(folder.resolve("001_create_app_user.sql"), V1);
        try (TestDatabase existing = TestDatabases.h2(); TestDatabase fresh = TestDatabases.h2()) {
            try (Connection c = existing.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE app_user (id BIGINT NOT NULL, email VARCHAR(255) NOT NULL,"
                        + " CONSTRAINT pk_app_user PRIMARY KEY (id))");
                s.execute("CREATE TABLE project (id BIGINT NOT NULL, owner_id BIGINT NOT NULL,"
                        + " CONSTRAINT pk_project PRIMARY KEY (id))");
                s.execute("ALTER TABLE project ADD CONSTRAINT fk_project_owner FOREIGN KEY (owner_id)"
                        + " REFERENCES app_user (id)");
                s.execute("CREATE INDEX ix_project_owner ON project (owner_id)");
                s.execute("CREATE SEQUENCE project_seq START WITH 1 INCREMENT BY 50");
            }
            ConnectionSettings settings = settings(existing);
            MigrationDirectory before = MigrationDirectory.scan(List.of(folder));
            LiveDatabase.Catalog catalog = new LiveDatabase(settings, runner(settings, before)).read(true);
            assertEquals(List.of(), catalog.unsupported());
            assertTrue(catalog.runs("postgresql") && catalog.runs("h2"), "H2 runs any dialect's migrations");

            Baseline.Plan plan = Baseline.plan(before, catalog.schema(), ShadowDatabase.embedded(h2), h2);
            assertEquals(List.of("create sequence project_seq", "create table project",
                            "add foreign key fk_project_owner project[owner_id] -> app_user[id]"),
                    plan.diff().operations().stream().map(Operation::describe).toList());
            Path written = Baseline.write(before, "Baseline", plan);
            assertEquals("002_baseline.sql", written.getFileName().toString());
            String sql = Files.readString(written, StandardCharsets.UTF_8);
            assertTrue(sql.startsWith("-- revision: 002\n-- down_revision: 001\n"), sql);
            assertTrue(sql.contains("CREATE INDEX ix_project_owner ON project (owner_id);"), sql);

            MigrationDirectory after = MigrationDirectory.scan(List.of(folder));
            FlywayRunner runner = runner(settings, after);
            new LiveDatabase(settings, runner).baseline("002", "baseline");
            DatabaseStatus status = runner.info();
            assertEquals("002", status.current());
            assertEquals(List.of(RevisionState.BASELINE, RevisionState.BELOW_BASELINE),
                    status.revisions().stream().map(r -> r.state()).toList());
            assertTrue(status.upToDate());
            assertEquals(0, runner.migrate(null).applied().size());

            assertEquals(2, runner(settings(fresh), after).migrate(null).applied().size());
            assertEquals(catalog.schema(), new LiveDatabase(settings(fresh), runner(settings(fresh), after))
                    .read(false).schema(), "the fresh database has the existing one's schema");

            Baseline.Plan again = Baseline.plan(after, catalog.schema(), ShadowDatabase.embedded(h2), h2);
            assertTrue(again.noChanges());
            assertThrows(IllegalStateException.class, () -> Baseline.write(after, "Baseline", again));
        }
    }

    /**
     * The README's Spring Boot way to adopt the same baseline elsewhere: plain Flyway with {@code baseline-on-migrate}
     * and {@code baseline-version=001} records 001 on a database that already holds its schema and runs what follows,
     * while an empty database runs 001 too; qalab then reads the first as baselined, the second as applied.
     */
    @Test
    void flywaysBaselineOnMigrateAdoptsTheSameBaseline(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("001_create_app_user.sql"), V1);
        Files.writeString(folder.resolve("002_add_name.sql"), """
                -- revision: 002
                -- down_revision: 001
                ALTER TABLE app_user ADD COLUMN name VARCHAR(80);
                /* qalab:downgrade
                ALTER TABLE app_user DROP COLUMN name;
                */
                """);
        MigrationDirectory directory = MigrationDirectory.scan(List.of(folder));
        try (TestDatabase existing = TestDatabases.h2(); TestDatabase empty = TestDatabases.h2()) {
            try (Connection c = existing.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE app_user (id BIGINT NOT NULL, email VARCHAR(255) NOT NULL,"
                        + " CONSTRAINT pk_app_user PRIMARY KEY (id))");
            }
            assertEquals(1, springBootFlyway(existing, folder).migrate().migrationsExecuted, "only 002 runs");
            assertEquals(2, springBootFlyway(empty, folder).migrate().migrationsExecuted, "001 and 002 run");
            assertEquals(List.of(RevisionState.APPLIED, RevisionState.BASELINE),
                    runner(settings(existing), directory).info().revisions().stream().map(r -> r.state()).toList());
            assertEquals(List.of(RevisionState.APPLIED, RevisionState.APPLIED),
                    runner(settings(empty), directory).info().revisions().stream().map(r -> r.state()).toList());
        }
    }

    /** Flyway as Spring Boot configures it from the README's properties. */
    private static org.flywaydb.core.Flyway springBootFlyway(TestDatabase database, Path folder) {
        return org.flywaydb.core.Flyway.configure().configuration(java.util.Map.of(
                "flyway.url", database.url(), "flyway.user", database.user(),
                "flyway.locations", "filesystem:" + folder.toAbsolutePath(),
                "flyway.sqlMigrationPrefix", "", "flyway.sqlMigrationSeparator", "_",
                "flyway.baselineOnMigrate", "true", "flyway.baselineVersion", "001",
                "flyway.loggers", io.github.qalab.db.QuietFlywayLog.class.getName())).load();
    }

    private static FlywayRunner runner(ConnectionSettings connection, MigrationDirectory directory) {
        return new FlywayRunner(connection, directory, "", BaselineTest.class.getClassLoader(), ProgressListener.NONE);
    }

    private static ConnectionSettings settings(TestDatabase database) {
        return new ConnectionSettings(database.url(), database.user(), database.password(), "test");
    }
}
