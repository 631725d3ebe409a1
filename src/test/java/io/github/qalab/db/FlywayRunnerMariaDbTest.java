package io.github.qalab.db;

import io.github.qalab.testing.TestDatabases;
import io.github.qalab.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scenarios on a fresh MariaDB database, where DDL is not transactional. */
class FlywayRunnerMariaDbTest extends AbstractFlywayRunnerTest {

    private TestDatabase database;

    @Override
    protected ConnectionSettings openDatabase(Path temp) {
        database = TestDatabases.mariadb();
        return new ConnectionSettings(database.url(), database.user(), database.password(), "qalab.url");
    }

    @Override
    protected AutoCloseable dropDatabase() {
        return database;
    }

    @Test
    void failingMigrationInTheMiddleSaysWhatMayRemain() throws Exception {
        Path dir = failingChain();
        String message = migrateFailing(dir);
        assertTrue(message.contains("cannot roll back DDL") && message.contains("before line 5 may have been applied"),
                message);
        assertTrue(message.matches("(?s).*delete that row \\(DELETE FROM `qalab_t_\\w+`\\.`flyway_schema_history`"
                + " WHERE `version` = '004'\\).*"), message);
        assertTrue(tableExists("half_done"), "MariaDB committed the CREATE TABLE");
        assertEquals(List.of("001", "002", "003", "004 failed"), history());
        assertEquals(RevisionState.FAILED, runner(dir).info().revisions().get(0).state());
    }
}
