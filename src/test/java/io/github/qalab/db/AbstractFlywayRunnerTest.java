package io.github.qalab.db;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same migrate / status / downgrade scenarios on every database; subclasses provide a fresh database. */
abstract class AbstractFlywayRunnerTest {

    @TempDir
    Path temp;

    ConnectionSettings settings;
    private AutoCloseable cleanup;
    final List<String> lines = new ArrayList<>();

    /** A fresh, empty database, and what drops it. */
    protected abstract ConnectionSettings openDatabase(Path temp) throws Exception;

    protected abstract AutoCloseable dropDatabase();

    @BeforeEach
    void open() throws Exception {
        settings = openDatabase(temp);
        cleanup = dropDatabase();
    }

    @AfterEach
    void close() throws Exception {
        if (cleanup != null) {
            cleanup.close();
        }
    }

    FlywayRunner runner(Path dir) {
        return new FlywayRunner(settings, Migrations.scan(dir), "", getClass().getClassLoader(), lines::add);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(settings.url(), settings.user(), settings.password());
    }

    List<String> schema() throws SQLException {
        try (Connection c = connect()) {
            return SchemaSnapshot.of(c, FlywayRunner.DEFAULT_TABLE);
        }
    }

    List<String> history() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + q("version") + ", " + q("success") + " FROM " + q(FlywayRunner.DEFAULT_TABLE)
                     + " WHERE " + q("version") + " IS NOT NULL ORDER BY " + q("installed_rank"))) {
            while (rs.next()) {
                rows.add(rs.getString(1) + (rs.getBoolean(2) ? "" : " failed"));
            }
        }
        return rows;
    }

    /** Flyway creates the history table with quoted lower-case names on H2. */
    String q(String name) {
        return settings.url().startsWith("jdbc:h2:") ? "\"" + name + "\"" : name;
    }

    boolean tableExists(String name) throws SQLException {
        return schema().contains("table " + name);
    }

    @Test
    void migrateStatusDowngradeStatusMigrateAgain() throws Exception {
        Path dir = Migrations.standard(temp.resolve("migrations"));
        List<String> empty = schema();

        MigrationRun upTo2 = runner(dir).migrate("002");
        assertEquals(List.of("001", "002"), upTo2.applied().stream().map(MigrationRun.Applied::version).toList());
        List<String> before3 = schema();
        assertNotEquals(empty, before3);

        MigrationRun rest = runner(dir).migrate("");
        assertEquals(List.of("003"), rest.applied().stream().map(MigrationRun.Applied::version).toList());
        assertTrue(lines.stream().anyMatch(l -> l.matches("Applied 003_add_email\\.sql \\(\\d+ ms\\)")), lines::toString);
        assertNotEquals(before3, schema());

        DatabaseStatus status = runner(dir).info();
        assertEquals("003", status.current());
        assertEquals("003", status.head());
        assertEquals(List.of("003", "002", "001"), status.revisions().stream().map(RevisionStatus::version).toList());
        assertTrue(status.revisions().stream().allMatch(r -> r.state() == RevisionState.APPLIED && r.appliedOn() != null));
        assertTrue(status.revisions().get(0).head() && status.revisions().get(0).current());
        assertTrue(status.upToDate());

        DowngradeRun down = runner(dir).downgrade("-1", false);
        assertEquals(List.of("003"), down.reverted().stream().map(DowngradeRun.Reverted::version).toList());
        assertEquals(3, down.reverted().get(0).statements().size(), "Flyway's parser keeps 'semi;colon' in one statement");
        assertEquals(before3, schema(), "the schema after the downgrade equals the schema before 003");
        assertEquals(List.of("001", "002"), history());

        DatabaseStatus after = runner(dir).info();
        assertEquals("002", after.current());
        assertEquals(RevisionState.PENDING, after.revisions().get(0).state());
        assertTrue(after.revisions().get(0).head());
        assertTrue(after.revisions().get(1).current());

        MigrationRun again = runner(dir).migrate("");
        assertEquals(List.of("003"), again.applied().stream().map(MigrationRun.Applied::version).toList());
        assertEquals(List.of("001", "002", "003"), history());

        runner(dir).downgrade("base", false);
        assertEquals(empty, schema());
        assertEquals(List.of(), history());
    }

    @Test
    void downgradeToARevisionAndDryRun() throws Exception {
        Path dir = Migrations.standard(temp.resolve("migrations"));
        runner(dir).migrate("");
        List<String> full = schema();

        DowngradeRun dry = runner(dir).downgrade("001", true);
        assertTrue(dry.dryRun());
        assertEquals(List.of("003", "002"), dry.reverted().stream().map(DowngradeRun.Reverted::version).toList());
        assertEquals("DROP TABLE account", dry.reverted().get(1).statements().get(0).sql().strip());
        assertEquals(13, dry.reverted().get(1).statements().get(0).line(), "line of DROP TABLE in 002's file");
        assertEquals(full, schema(), "a dry run changes nothing");
        assertEquals(List.of("001", "002", "003"), history());

        DowngradeRun real = runner(dir).downgrade("001", false);
        assertEquals("001", real.to());
        assertEquals(List.of("001"), history());
        assertFalse(tableExists("account"));
    }

    @Test
    void downgradeRefusesBadTargetsAndIrreversibleMigrationsWithoutChangingAnything() throws Exception {
        Path dir = Migrations.standard(temp.resolve("migrations"));
        Migrations.write(dir, "004_irreversible.sql", """
                -- revision: 004
                -- down_revision: 003
                CREATE TABLE audit_log (id BIGINT NOT NULL);
                /* qalab:downgrade irreversible */
                """);
        Migrations.write(dir, "005_no_block.sql", """
                -- revision: 005
                -- down_revision: 004
                CREATE TABLE other_log (id BIGINT NOT NULL);
                """);
        runner(dir).migrate("");
        List<String> full = schema();

        String noBlock = assertThrows(DatabaseException.class, () -> runner(dir).downgrade("-1", false)).getMessage();
        assertTrue(noBlock.contains("005_no_block.sql:1: 005 has no /* qalab:downgrade"), noBlock);

        String irreversible = assertThrows(DatabaseException.class, () -> runner(dir).downgrade("002", false)).getMessage();
        assertTrue(irreversible.contains("004_irreversible.sql:4: 004 is marked irreversible"), irreversible);
        assertTrue(irreversible.contains("005 has no"), "every problem is listed at once: " + irreversible);

        String unknown = assertThrows(DatabaseException.class, () -> runner(dir).downgrade("042", false)).getMessage();
        assertTrue(unknown.startsWith("Unknown downgrade target 042"), unknown);
        String below = assertThrows(DatabaseException.class, () -> runner(dir).downgrade("-6", false)).getMessage();
        assertTrue(below.contains("would go below the first migration: only 5 applied"), below);
        String garbage = assertThrows(DatabaseException.class, () -> runner(dir).downgrade("latest", false)).getMessage();
        assertTrue(garbage.contains("use a revision number (002), -N (-1) or base"), garbage);

        assertEquals(full, schema());
        assertEquals(List.of("001", "002", "003", "004", "005"), history());
    }

    @Test
    void editedAfterApplyIsReportedByFileNameInMigrateAndStatus() throws Exception {
        Path dir = Migrations.standard(temp.resolve("migrations"));
        runner(dir).migrate("002");
        Path edited = Migrations.write(dir, "001_create_app_user.sql", Migrations.M001.replace("name VARCHAR(100)", "name VARCHAR(120)"));

        DatabaseStatus status = runner(dir).info();
        RevisionStatus r001 = status.revisions().get(2);
        assertEquals(RevisionState.EDITED_AFTER_APPLY, r001.state());
        assertEquals(edited, r001.file());
        assertNotEquals(r001.appliedChecksum(), r001.fileChecksum());

        String message = assertThrows(DatabaseException.class, () -> runner(dir).migrate("")).getMessage();
        assertTrue(message.contains(edited + ": edited after it was applied"), message);
        assertEquals(List.of("001", "002"), history(), "nothing applied while a file is edited");
    }

    @Test
    void anAppliedMigrationWhoseFileIsGoneIsRefusedEvenWhenNewest() throws Exception {
        Path dir = Migrations.standard(temp.resolve("migrations"));
        runner(dir).migrate("");
        java.nio.file.Files.delete(dir.resolve("003_add_email.sql"));
        assertEquals(RevisionState.FILE_MISSING, runner(dir).info().revisions().get(0).state());
        String message = assertThrows(DatabaseException.class, () -> runner(dir).migrate("")).getMessage();
        assertTrue(message.contains("003_add_email.sql: applied as 003 but no file has that number any more"
                + " \u2014 restore the file from version control"), message);
    }

    @Test
    void migrateToAnUnknownTargetIsRefused() throws Exception {
        Path dir = Migrations.standard(temp.resolve("migrations"));
        String message = assertThrows(DatabaseException.class, () -> runner(dir).migrate("007")).getMessage();
        assertTrue(message.contains("Unknown target 007") && message.contains("the head is 003"), message);
    }

    /** A migration failing at its second statement; what remains depends on the database. */
    Path failingChain() {
        Path dir = Migrations.standard(temp.resolve("migrations"));
        Migrations.write(dir, "004_broken.sql", """
                -- revision: 004
                -- down_revision: 003

                CREATE TABLE half_done (id BIGINT NOT NULL);
                INSERT INTO no_such_table (id) VALUES (1);

                /* qalab:downgrade
                DROP TABLE half_done;
                */
                """);
        return dir;
    }

    String migrateFailing(Path dir) {
        String message = assertThrows(DatabaseException.class, () -> runner(dir).migrate("")).getMessage();
        assertTrue(message.contains("004_broken.sql:5: migration 004_broken.sql failed at the statement on line 5: "),
                message);
        assertTrue(message.toLowerCase().contains("no_such_table"), "the database's message: " + message);
        return message;
    }

    void fix(Path dir) throws Exception {
        Files.writeString(dir.resolve("004_broken.sql"),
                Files.readString(dir.resolve("004_broken.sql")).replace("INSERT INTO no_such_table", "INSERT INTO half_done"));
    }
}
