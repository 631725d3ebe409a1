package io.github.qalab.db;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scenarios on the embedded default database (an H2 file database). */
class FlywayRunnerH2Test extends AbstractFlywayRunnerTest {

    @Override
    protected ConnectionSettings openDatabase(Path temp) {
        return ConnectionSettings.embedded(temp.resolve("qalab"));
    }

    @Override
    protected AutoCloseable dropDatabase() {
        return null;
    }

    /**
     * The plan reaches the caller after every check and before any statement runs, so that qalab:downgrade can warn
     * about the data a downgrade destroys while it is still there; the review finds 003's DROP COLUMN.
     */
    @Test
    void downgradeHandsOverThePlanBeforeRunningIt() throws Exception {
        Path dir = Migrations.standard(temp.resolve("migrations"));
        runner(dir).migrate("");
        List<String> seenBefore = new java.util.ArrayList<>();
        List<String> warnings = new java.util.ArrayList<>();
        DowngradeRun run = runner(dir).downgrade("-1", false, plan -> {
            try {
                seenBefore.addAll(schema());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            for (DowngradeRun.Reverted r : plan) {
                var file = Migrations.scan(dir).migrations().stream().filter(f -> f.path().equals(r.file()))
                        .findFirst().orElseThrow();
                new io.github.qalab.lint.DowngradeReview(Migrations.scan(dir)).review(file, r.statements())
                        .forEach(w -> warnings.add(r.script() + ":" + w.line() + " " + w.what()));
            }
        });
        assertEquals(List.of("003"), run.reverted().stream().map(DowngradeRun.Reverted::version).toList());
        assertTrue(seenBefore.stream().anyMatch(f -> f.startsWith("column app_user.email ")), seenBefore::toString);
        assertTrue(schema().stream().noneMatch(f -> f.startsWith("column app_user.email ")), "then it ran");
        assertEquals(List.of("003_add_email.sql:13 drops column app_user.email: its data is lost"), warnings);
    }

    /** H2 commits each DDL statement (Flyway knows: no DDL transactions), so the failed step is recorded as such. */
    @Test
    void failingMigrationInTheMiddleSaysWhatRemains() throws Exception {
        Path dir = failingChain();
        String message = migrateFailing(dir);
        assertTrue(message.contains("H2 cannot roll back DDL") && message.contains("delete target/qalab"), message);
        assertTrue(tableExists("half_done"), "H2 committed the CREATE TABLE before the failing INSERT");
        DatabaseStatus status = runner(dir).info();
        assertEquals(RevisionState.FAILED, status.revisions().get(0).state());

        fix(dir);
        String refused = assertThrows(DatabaseException.class, () -> runner(dir).migrate("")).getMessage();
        assertTrue(refused.contains("004_broken.sql: marked as failed"), refused);

        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE half_done");
            s.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '004'");
        }
        runner(dir).migrate("");
        assertEquals(List.of("001", "002", "003", "004"), history());
    }
}
