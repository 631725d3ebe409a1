package io.github.qalab.db;

import io.github.qalab.testing.TestDatabases;
import io.github.qalab.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scenarios on a fresh PostgreSQL database, plus what only PostgreSQL can show (transactional DDL, locking). */
class FlywayRunnerPostgresTest extends AbstractFlywayRunnerTest {

    private TestDatabase database;

    @Override
    protected ConnectionSettings openDatabase(Path temp) {
        database = TestDatabases.postgres();
        return new ConnectionSettings(database.url(), database.user(), database.password(), "qalab.url");
    }

    @Override
    protected AutoCloseable dropDatabase() {
        return database;
    }

    @Test
    void failingMigrationLeavesNothingOfItsRun() throws Exception {
        Path dir = failingChain();
        String message = migrateFailing(dir);
        assertTrue(message.contains("Nothing of this run remains: its migrations ran in one transaction"), message);
        assertTrue(message.contains("mvn qalab:hash qalab:migrate"), message);
        assertFalse(tableExists("half_done"), "the CREATE TABLE before the failing statement was rolled back");
        assertFalse(tableExists("account"), "002 ran in the same transaction: rolled back too");
        assertEquals(List.of(), history());
        DatabaseStatus status = runner(dir).info();
        assertTrue(status.revisions().stream().allMatch(r -> r.state() == RevisionState.PENDING), status::toString);
        assertEquals("", status.current());

        fix(dir);
        MigrationRun run = runner(dir).migrate("");
        assertEquals(List.of("001", "002", "003", "004"),
                run.applied().stream().map(MigrationRun.Applied::version).toList());
        assertEquals(List.of("001", "002", "003", "004"), history());
    }

    @Test
    void failingMigrationKeepsWhatEarlierRunsApplied() throws Exception {
        Path dir = failingChain();
        runner(dir).migrate("003");
        migrateFailing(dir);
        assertFalse(tableExists("half_done"));
        assertEquals(List.of("001", "002", "003"), history());
        assertEquals(RevisionState.PENDING, runner(dir).info().revisions().get(0).state());
    }

    @Test
    void aNonTransactionalStatementRunsTheMigrationsOneByOne() throws Exception {
        Path dir = Migrations.standard(temp.resolve("migrations"));
        Migrations.write(dir, "004_concurrent_index.sql", """
                -- revision: 004
                -- down_revision: 003

                CREATE INDEX CONCURRENTLY ix_concurrent ON account (id);

                /* qalab:downgrade
                DROP INDEX ix_concurrent;
                */
                """);
        MigrationRun run = runner(dir).migrate("");
        assertEquals(4, run.applied().size());
        assertEquals(List.of("001", "002", "003", "004"), history());
    }

    @Test
    void twoConcurrentMigratesApplyEachMigrationOnce() throws Exception {
        Path dir = Migrations.standard(temp.resolve("migrations"));
        for (int i = 4; i <= 12; i++) {
            String v = String.format("%03d", i);
            Migrations.write(dir, v + "_table_" + i + ".sql", "-- revision: " + v + "\n-- down_revision: "
                    + String.format("%03d", i - 1) + "\nCREATE TABLE t" + i + " (id INT);\nSELECT pg_sleep(0.02);\n"
                    + "/* qalab:downgrade\nDROP TABLE t" + i + ";\n*/\n");
        }
        List<String> progress = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<MigrationRun>> runs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                runs.add(pool.submit(() -> {
                    go.await();
                    return new FlywayRunner(settings, Migrations.scan(dir), "", getClass().getClassLoader(), progress::add)
                            .migrate("");
                }));
            }
            go.countDown();
            int applied = 0;
            for (Future<MigrationRun> run : runs) {
                applied += run.get().applied().size();
            }
            assertEquals(12, applied, "between them the two runs applied each migration exactly once");
        } finally {
            pool.shutdownNow();
        }
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            expected.add(String.format("%03d", i));
        }
        assertEquals(expected, history());
        assertEquals(12, progress.size(), progress::toString);
    }

    @Test
    void passwordNeverAppearsInAnyOutput() throws Exception {
        // PostgreSQL here trusts local connections, so any password is accepted and the runs go all the way.
        String password = "Pw-s3cret-42";
        String urlSecret = "Url-s3cret-77";
        ConnectionSettings secret = new ConnectionSettings(database.url() + "?password=" + urlSecret, database.user(),
                password, "qalab.url");
        List<String> output = new ArrayList<>();
        Path dir = Migrations.standard(temp.resolve("migrations"));
        FlywayRunner runner = new FlywayRunner(secret, Migrations.scan(dir), "", getClass().getClassLoader(), output::add);
        runner.migrate("002");
        output.add(runner.info().toString());
        output.add(runner.downgrade("-1", true).toString());
        Migrations.write(dir, "001_create_app_user.sql", Migrations.M001 + "-- edited\n");
        output.add(assertThrowsMessage(() -> runner.migrate("")));
        ConnectionSettings unreachable = new ConnectionSettings(
                "jdbc:postgresql://127.0.0.1:1/nowhere?user=x&password=" + urlSecret + "&connectTimeout=2",
                "x", password, "qalab.url");
        output.add(assertThrowsMessage(() -> new FlywayRunner(unreachable, Migrations.scan(dir), "",
                getClass().getClassLoader(), output::add).info()));
        output.add(secret.toString());
        output.add(unreachable.toString());
        String all = String.join("\n", output);
        assertTrue(all.contains("Cannot connect to jdbc:postgresql://127.0.0.1:1/nowhere?user=x&password=****"), all);
        assertFalse(all.contains(password), all);
        assertFalse(all.contains(urlSecret), all);
    }

    private static String assertThrowsMessage(org.junit.jupiter.api.function.Executable run) {
        return org.junit.jupiter.api.Assertions.assertThrows(DatabaseException.class, run).getMessage();
    }
}
