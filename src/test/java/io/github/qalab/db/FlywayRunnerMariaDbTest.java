package io.github.qalab.db;

import io.github.qalab.testing.TestDatabases;
import io.github.qalab.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
        assertTrue(message.contains("then run: mvn qalab:repair qalab:hash qalab:migrate"), message);
        assertTrue(tableExists("half_done"), "MariaDB committed the CREATE TABLE");
        assertEquals(List.of("001", "002", "003", "004 failed"), history());
        assertEquals(RevisionState.FAILED, runner(dir).info().revisions().get(0).state());
        assertNoJournalRows();

        // the one way forward the message names: undo, fix, repair, migrate
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE half_done");
        }
        fix(dir);
        assertEquals(List.of("removed the failed row of 004 (004_broken.sql)"),
                runner(dir).repair());
        assertEquals(RevisionState.PENDING, runner(dir).info().revisions().get(0).state());
        runner(dir).migrate("");
        assertEquals(List.of("001", "002", "003", "004"), history());
        assertEquals(List.of(), runner(dir).repair(), "nothing left to repair");
    }

    @Test
    void migrationInterruptedHalfWayIsNamedRefusedAndRepaired() throws Exception {
        Path dir = failingChain();
        fix(dir);
        runner(dir).migrate("003");
        assertNoJournalRows();
        // What kill -9 in the middle of 004 leaves: its first statement committed, the journal row, no history row.
        try (Connection c = connect(); Statement st = c.createStatement()) {
            MigrateJournal.create(c);
            MigrateJournal.start(c, "004", "004_broken.sql");
            st.execute("CREATE TABLE half_done (id BIGINT NOT NULL)");
        }
        RevisionStatus newest = runner(dir).info().revisions().get(0);
        assertEquals(RevisionState.INTERRUPTED, newest.state());
        assertEquals("003", runner(dir).info().current());

        String refused = assertThrows(DatabaseException.class, () -> runner(dir).migrate("")).getMessage();
        assertTrue(refused.contains("Refusing to migrate (nothing was changed): 004 was interrupted")
                && refused.contains("mvn qalab:repair qalab:migrate"), refused);
        assertEquals(List.of("001", "002", "003"), history());

        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE half_done");
        }
        assertEquals(List.of("forgot the interrupted run of 004 (its history row, if any, stands again)"), runner(dir).repair());
        runner(dir).migrate("");
        assertEquals(List.of("001", "002", "003", "004"), history());
        assertFalse(schema().contains("table " + FlywayRunner.JOURNAL_TABLE), "the journal is not part of the schema");
    }

    @Test
    void downgradeFailingHalfWayLeavesTheHistoryTellingTheTruth() throws Exception {
        Path dir = Migrations.standard(temp.resolve("migrations"));
        Migrations.write(dir, "004_two_tables.sql", """
                -- revision: 004
                -- down_revision: 003

                CREATE TABLE t4 (id BIGINT NOT NULL);
                CREATE TABLE t5 (id BIGINT NOT NULL);

                /* qalab:downgrade
                DROP TABLE t5;
                DROP TABLE no_such_table;
                DROP TABLE t4;
                */
                """);
        runner(dir).migrate("");
        String message = assertThrows(DatabaseException.class, () -> runner(dir).downgrade("-1", false)).getMessage();
        assertTrue(message.contains("qalab:status shows it as partially applied") && message.contains("mvn qalab:repair"),
                message);
        assertFalse(tableExists("t5"), "MariaDB committed the first DROP");
        assertEquals(List.of("001", "002", "003", "004"), history());
        assertEquals(RevisionState.INTERRUPTED, runner(dir).info().revisions().get(0).state());
        String refused = assertThrows(DatabaseException.class, () -> runner(dir).downgrade("-1", false)).getMessage();
        assertTrue(refused.startsWith("Refusing to downgrade (nothing was changed): 004 is partially applied"), refused);

        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t5 (id BIGINT NOT NULL)"); // undone by hand
        }
        assertEquals(List.of("forgot the interrupted run of 004 (its history row, if any, stands again)"),
                runner(dir).repair());
        assertEquals(RevisionState.APPLIED, runner(dir).info().revisions().get(0).state());
    }

    private void assertNoJournalRows() throws Exception {
        assertFalse(schema().contains("table " + FlywayRunner.JOURNAL_TABLE),
                "a finished or failed run leaves no journal behind");
    }
}
