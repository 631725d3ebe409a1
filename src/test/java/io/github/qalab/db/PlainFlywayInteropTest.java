package io.github.qalab.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's Spring Boot claim: plain Flyway, configured only with the two properties that
 * {@code spring.flyway.sql-migration-prefix=} and {@code spring.flyway.sql-migration-separator=_} set, runs the same
 * files unchanged (downgrade blocks are comments to it), and qalab then sees them as applied and unedited.
 */
class PlainFlywayInteropTest {

    @TempDir
    Path temp;

    @Test
    void plainFlywayWithTheTwoPropertiesRunsTheSameFiles() throws Exception {
        Path dir = Migrations.standard(temp.resolve("db/migration"));
        String url = "jdbc:h2:file:" + temp.resolve("app").toAbsolutePath().toString().replace('\\', '/');
        Flyway plain = Flyway.configure()
                .configuration(Map.of(
                        "flyway.url", url,
                        "flyway.user", "sa",
                        "flyway.locations", "filesystem:" + dir.toAbsolutePath(),
                        "flyway.sqlMigrationPrefix", "",
                        "flyway.sqlMigrationSeparator", "_"))
                .load();
        MigrateResult result = plain.migrate();
        assertEquals(3, result.migrationsExecuted);
        MigrationInfo current = plain.info().current();
        assertEquals("003", current.getVersion().getVersion());
        assertEquals("add email", current.getDescription());

        DatabaseStatus status = new FlywayRunner(new ConnectionSettings(url, "sa", "", "test"), Migrations.scan(dir), "",
                getClass().getClassLoader(), ProgressListener.NONE).info();
        assertEquals("003", status.current());
        assertTrue(status.upToDate(), status.toString());
    }
}
