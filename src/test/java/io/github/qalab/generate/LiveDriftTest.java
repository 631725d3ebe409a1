package io.github.qalab.generate;

import io.github.qalab.db.ConnectionSettings;
import io.github.qalab.db.FlywayRunner;
import io.github.qalab.db.LiveDatabase;
import io.github.qalab.db.ProgressListener;
import io.github.qalab.db.ShadowDatabase;
import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.sql.Dialect;
import io.github.qalab.testing.TestDatabases;
import io.github.qalab.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live drift on the real servers: a database migrated to the head is in sync with its migrations; an index, a column
 * and a type change made by hand, and a unique constraint dropped by hand, are each named; a revision that is not
 * applied yet is not expected; checks, which each database writes its own way, are in sync after a migrate, and one
 * added by hand is named. The index on a foreign-key column, created before the key, must not count: the H2
 * shadow reuses it for the key, which once hid it from the replayed schema.
 */
class LiveDriftTest {

    private static final String V1 = """
            -- revision: 001
            -- down_revision: none

            CREATE SEQUENCE app_user_seq START WITH 1 INCREMENT BY 50;
            CREATE TABLE app_user (
                id BIGINT NOT NULL,
                email VARCHAR(255) NOT NULL,
                display_name VARCHAR(80) NOT NULL,
                status VARCHAR(10) NOT NULL,
                CONSTRAINT pk_app_user PRIMARY KEY (id),
                CONSTRAINT uk_app_user_email UNIQUE (email),
                CONSTRAINT ck_app_user_status CHECK (status IN ('NEW', 'DONE')),
                CHECK (display_name <> '')
            );

            /* qalab:downgrade
            DROP TABLE app_user;
            DROP SEQUENCE app_user_seq;
            */
            """;

    private static final String V2 = """
            -- revision: 002
            -- down_revision: 001

            CREATE TABLE project (
                id BIGINT NOT NULL,
                owner_id BIGINT NOT NULL,
                CONSTRAINT pk_project PRIMARY KEY (id)
            );
            CREATE INDEX ix_project_owner ON project (owner_id);
            ALTER TABLE project ADD CONSTRAINT fk_project_owner FOREIGN KEY (owner_id) REFERENCES app_user (id);

            /* qalab:downgrade
            DROP TABLE project;
            */
            """;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postgresql", "mariadb"})
    void changesMadeByHandAreNamed(String dialectName, @TempDir Path folder) throws Exception {
        Dialect dialect = Dialect.named(dialectName);
        Files.writeString(folder.resolve("001_create_app_user.sql"), V1);
        Files.writeString(folder.resolve("002_add_project.sql"), V2);
        MigrationDirectory directory = MigrationDirectory.scan(List.of(folder));
        try (TestDatabase db = dialectName.equals("postgresql") ? TestDatabases.postgres() : TestDatabases.mariadb()) {
            ConnectionSettings settings = new ConnectionSettings(db.url(), db.user(), db.password(), "test");
            FlywayRunner runner = new FlywayRunner(settings, directory, "", getClass().getClassLoader(),
                    ProgressListener.NONE);
            runner.migrate("001");
            LiveDatabase live = new LiveDatabase(settings, runner);

            LiveDrift.Result atOne = LiveDrift.check(directory, "001", live.read(false).schema(),
                    ShadowDatabase.embedded(dialect), dialect);
            assertTrue(atOne.inSync(), () -> "002 is pending, not expected: " + atOne.differences());
            assertEquals("the database compared with 1 applied migration (up to 001): in sync", atOne.note());

            runner.migrate(null);
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE INDEX ix_app_user_display_name ON app_user (display_name)");
                s.execute("ALTER TABLE app_user ADD COLUMN nickname VARCHAR(40)");
                s.execute("ALTER TABLE app_user ADD CONSTRAINT ck_app_user_nickname CHECK (nickname <> 'x')");
                s.execute(dialectName.equals("postgresql")
                        ? "ALTER TABLE app_user ALTER COLUMN display_name TYPE VARCHAR(120)"
                        : "ALTER TABLE app_user MODIFY COLUMN display_name VARCHAR(120) NOT NULL");
                s.execute(dialectName.equals("postgresql")
                        ? "ALTER TABLE app_user DROP CONSTRAINT uk_app_user_email"
                        : "ALTER TABLE app_user DROP INDEX uk_app_user_email");
            }
            LiveDrift.Result drift = LiveDrift.check(directory, "002", live.read(false).schema(),
                    ShadowDatabase.embedded(dialect), dialect);
            assertTrue(drift.checked());
            assertEquals(List.of(
                    "unique constraint uk_app_user_email on app_user[email]: in the applied migrations, missing from"
                            + " the database (dropped by hand?)",
                    "column app_user.nickname VARCHAR(40) NULL: in the database, not in the applied migrations (added"
                            + " by hand?)",
                    "column app_user.display_name: the applied migrations make it VARCHAR(80) NOT NULL, the database"
                            + " has VARCHAR(120) NOT NULL (altered by hand?)",
                    "index ix_app_user_display_name on app_user[display_name]: in the database, not in the applied"
                            + " migrations (added by hand?)",
                    // the two checks of the migrations are in sync although each database writes them its own way
                    "check ck_app_user_nickname on app_user (" + (dialectName.equals("postgresql")
                            ? "(((nickname)::text <> 'x'::text))" : "`nickname` <> 'x'") + "): in the database, not"
                            + " in the applied migrations (added by hand?)"),
                    drift.differences().stream().map(LiveDrift.Difference::message).toList());
            assertEquals(List.of("unique constraint/missing", "column/added", "column/changed", "index/added",
                            "check/added"),
                    drift.differences().stream().map(d -> d.object() + "/" + d.change()).toList());
            assertEquals("the database compared with 2 applied migrations (up to 002): 5 differences", drift.note());
        }
    }
}
