package io.github.qalab.db;

import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.migration.MigrationFile;
import io.github.qalab.schema.ColumnType;
import io.github.qalab.schema.ColumnType.Kind;
import io.github.qalab.schema.Schema;
import io.github.qalab.schema.Table;
import io.github.qalab.sql.Dialect;
import io.github.qalab.testing.TestDatabases;
import io.github.qalab.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShadowDatabaseTest {

    @TempDir
    Path dir;

    private MigrationDirectory migrations(String... files) throws Exception {
        for (int i = 0; i < files.length; i += 2) {
            Files.writeString(dir.resolve(files[i]), files[i + 1]);
        }
        return MigrationDirectory.scan(List.of(dir));
    }

    private static final String FIRST = """
            -- revision: 001
            -- down_revision: none

            CREATE TABLE note (
                id BIGINT NOT NULL,
                body OID,
                CONSTRAINT pk_note PRIMARY KEY (id)
            );

            /* qalab:downgrade
            DROP TABLE note;
            */
            """;

    @Test
    void postgresOidColumnsSurviveTheH2ShadowAndMeanTheLobTypes() throws Exception {
        Schema schema = ShadowDatabase.embedded(Dialect.named("postgresql")).replay(
                migrations("001_note.sql", FIRST).migrations());
        Table note = schema.table("note").orElseThrow();
        ColumnType body = note.column("body").orElseThrow().type();
        assertEquals(Kind.BLOB, body.kind());
        Dialect pg = Dialect.named("postgresql");
        assertTrue(pg.same(body, ColumnType.of(Kind.CLOB)), "@Lob String is oid too");
        assertTrue(pg.same(body, ColumnType.of(Kind.BLOB)));
    }

    @Test
    void aFailingMigrationIsReportedByFileLineAndDatabaseMessage() throws Exception {
        String second = """
                -- revision: 002
                -- down_revision: 001
                -- message: broken

                ALTER TABLE note ADD COLUMN title VARCHAR(20);

                ALTER TABLE nope
                    ADD COLUMN x INTEGER;

                /* qalab:downgrade irreversible */
                """;
        MigrationDirectory d = migrations("001_note.sql", FIRST, "002_broken.sql", second);
        ReplayException e = assertThrows(ReplayException.class,
                () -> ShadowDatabase.embedded(Dialect.named("postgresql")).replay(d.migrations()));
        assertEquals(dir.resolve("002_broken.sql"), e.file());
        assertEquals(7, e.line());
        assertTrue(e.getMessage().startsWith(dir.resolve("002_broken.sql") + ":7: migration does not replay: "),
                e.getMessage());
        assertTrue(e.getMessage().toLowerCase().contains("nope"), e.getMessage());
        assertTrue(!e.getMessage().contains("SQL statement"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    /** Untrusted migrations must not run Java, touch files or reach other databases while verify replays them. */
    @Test
    void theReplayRefusesJavaCodeFilesAndLinkedDatabasesByFileAndLine() throws Exception {
        Path marker = dir.resolve("pwned");
        Path secret = Files.writeString(dir.resolve("secret.txt"), "top-secret-content");
        String alias = "CREATE ALIAS RUN AS $$ String run(String f) throws Exception {"
                + " java.nio.file.Files.createFile(java.nio.file.Path.of(f)); return f; } $$";
        List<String> refused = List.of(alias,
                "CREATE ALIAS PROP FOR \"java.lang.System.getProperty\"",
                "CREATE TABLE leak AS SELECT FILE_READ('" + secret + "', NULL) AS x",
                "CREATE TABLE leak AS SELECT * FROM CSVREAD('" + secret + "')",
                "CALL FILE_WRITE('x', '" + marker + "')",
                "SCRIPT TO '" + marker + "'",
                "RUNSCRIPT FROM '" + secret + "'",
                "CREATE LINKED TABLE other('org.h2.Driver', 'jdbc:h2:mem:other', 'sa', '', 'T')",
                "CREATE TRIGGER t BEFORE INSERT ON note AS $$ org.h2.api.Trigger create() { return null; } $$",
                "CREATE USER intruder PASSWORD 'x' ADMIN");
        for (String statement : refused) {
            Path folder = Files.createDirectories(dir.resolve("case" + refused.indexOf(statement)));
            Files.writeString(folder.resolve("001_note.sql"), FIRST);
            Files.writeString(folder.resolve("002_evil.sql"), "-- revision: 002\n-- down_revision: 001\n\n"
                    + "INSERT INTO note (id) VALUES (1);\n" + statement + ";\n\n/* qalab:downgrade irreversible */\n");
            ReplayException e = assertThrows(ReplayException.class, () -> ShadowDatabase.embedded(
                    Dialect.named("postgresql")).replay(MigrationDirectory.scan(List.of(folder)).migrations()),
                    statement);
            assertEquals(folder.resolve("002_evil.sql"), e.file(), statement);
            assertEquals(5, e.line(), statement);
            assertTrue(e.getMessage().contains("refuses this statement: it needs H2 admin rights"), e.getMessage());
            assertTrue(e.getMessage().contains("qalab.shadowUrl"), e.getMessage());
            assertTrue(!e.getMessage().contains("top-secret-content"), e.getMessage());
        }
        assertTrue(!Files.exists(marker), "no file was written by a migration");
    }

    @Test
    void harmlessSessionSwitchesStillReplayAndDeepNestingIsAClearFailure() throws Exception {
        String maria = """
                -- revision: 001
                -- down_revision: none

                SET FOREIGN_KEY_CHECKS = 0;
                CREATE TABLE doc (id BIGINT NOT NULL, CONSTRAINT pk_doc PRIMARY KEY (id));
                SET FOREIGN_KEY_CHECKS = 1;
                SET @x = 1;

                /* qalab:downgrade
                DROP TABLE doc;
                */
                """;
        Schema schema = ShadowDatabase.embedded(Dialect.named("mariadb")).replay(migrations("001_doc.sql", maria)
                .migrations());
        assertTrue(schema.table("doc").isPresent());

        // The scan refuses such a file (InputLimits); the replay's own guard is tested with a file built in memory.
        MigrationFile first = migrations("001_doc.sql", maria).migrations().get(0);
        MigrationFile deep = new MigrationFile(dir.resolve("002_deep.sql"), dir, 2, "deep", MigrationFile.Kind.READABLE,
                "", 0, MigrationFile.Header.NONE, new MigrationFile.SqlPart("CREATE TABLE t AS SELECT "
                + "NOT ".repeat(20_000) + "TRUE AS x;\n", 4), MigrationFile.Downgrade.MISSING, "");
        ReplayException e = assertThrows(ReplayException.class,
                () -> ShadowDatabase.embedded(Dialect.named("mariadb")).replay(List.of(first, deep)));
        assertEquals(dir.resolve("002_deep.sql"), e.file());
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("nests too deeply"), e.getMessage());
    }

    @Test
    void aStatementStoppedByTheTimeoutSaysSo() {
        ReplayException e = ShadowSandbox.failure(dir.resolve("003_x.sql"), 9,
                new java.sql.SQLException("Statement was canceled or the session timed out", "57014", 57014), "");
        assertTrue(e.getMessage().startsWith(dir.resolve("003_x.sql") + ":9: the statement ran longer than "
                + ShadowSandbox.STATEMENT_TIMEOUT_SECONDS + " s"), e.getMessage());
    }

    @Test
    void eachReplayIsAFreshDatabase() throws Exception {
        MigrationDirectory d = migrations("001_note.sql", FIRST.replace("body OID", "body BLOB"));
        ShadowDatabase shadow = ShadowDatabase.embedded(Dialect.named("h2"));
        assertEquals(shadow.replay(d.migrations()), shadow.replay(d.migrations()));
        assertEquals(Schema.EMPTY, ShadowDatabase.embedded(Dialect.named("h2")).replay(List.of()));
    }

    @Test
    void mariaDbMigrationsReplayInMariaDbMode() throws Exception {
        String maria = """
                -- revision: 001
                -- down_revision: none

                CREATE TABLE doc (
                    id BIGINT NOT NULL AUTO_INCREMENT,
                    body LONGTEXT,
                    flag BIT NOT NULL,
                    kind ENUM ('B','A'),
                    CONSTRAINT pk_doc PRIMARY KEY (id)
                );
                CREATE SEQUENCE doc_seq START WITH 1 INCREMENT BY 50 NOCACHE;
                """;
        Schema schema = ShadowDatabase.embedded(Dialect.named("mariadb")).replay(migrations("001_doc.sql", maria).migrations());
        Table doc = schema.table("doc").orElseThrow();
        assertEquals(Kind.CLOB, doc.column("body").orElseThrow().type().kind());
        assertEquals(Kind.BOOLEAN, doc.column("flag").orElseThrow().type().kind());
        assertEquals(List.of("B", "A"), doc.column("kind").orElseThrow().type().values());
        assertTrue(doc.column("id").orElseThrow().identity());
        assertEquals(50, schema.sequence("doc_seq").orElseThrow().increment());
    }

    @Test
    void externalPostgresShadowIsEmptiedAfterTheReplay() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            checkExternal(db);
        }
    }

    @Test
    void externalMariaDbShadowIsEmptiedAfterTheReplay() throws Exception {
        try (TestDatabase db = TestDatabases.mariadb()) {
            String maria = FIRST.replace("body OID", "body LONGTEXT");
            Schema schema = ShadowDatabase.external(db.url(), db.user(), db.password())
                    .replay(migrations("001_note.sql", maria).migrations());
            assertEquals(Kind.CLOB, schema.table("note").orElseThrow().column("body").orElseThrow().type().kind());
            assertEquals(0, tableCount(db));
        }
    }

    private void checkExternal(TestDatabase db) throws Exception {
        MigrationDirectory d = migrations("001_note.sql", FIRST);
        Schema schema = ShadowDatabase.external(db.url(), db.user(), db.password()).replay(d.migrations());
        assertEquals(List.of("note"), schema.tables().stream().map(Table::name).toList());
        assertEquals(0, tableCount(db), "the shadow is emptied afterwards");

        // A database holding someone's tables is refused and left as it is.
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE precious (id INTEGER)");
        }
        ReplayException e = assertThrows(ReplayException.class,
                () -> ShadowDatabase.external(db.url(), db.user(), db.password()).replay(d.migrations()));
        assertTrue(e.getMessage().contains("is not empty (it holds table precious)"), e.getMessage());
        assertNull(e.file());
        assertEquals(1, tableCount(db));

        // A shadow left behind by an interrupted run (marker table present) is cleaned and reused.
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + ShadowDatabase.MARKER_TABLE + " (id INTEGER)");
        }
        assertEquals(schema, ShadowDatabase.external(db.url(), db.user(), db.password()).replay(d.migrations()));
        assertEquals(0, tableCount(db));
    }

    private static int tableCount(TestDatabase db) throws Exception {
        try (Connection c = db.connect();
             ResultSet rs = c.getMetaData().getTables(db.kind().equals("mariadb") ? db.name() : null,
                     db.kind().equals("mariadb") ? null : "public", "%", new String[] {"TABLE"})) {
            int n = 0;
            while (rs.next()) {
                n++;
            }
            return n;
        }
    }

    @Test
    void passwordsNeverReachMessages() {
        assertEquals("jdbc:postgresql://h/db?user=u&password=****",
                ShadowDatabase.redact("jdbc:postgresql://h/db?user=u&password=s3cret"));
        assertEquals("jdbc:mariadb://u:****@h/db", ShadowDatabase.redact("jdbc:mariadb://u:s3cret@h/db"));
        ReplayException e = assertThrows(ReplayException.class, () -> ShadowDatabase
                .external("jdbc:postgresql://127.0.0.1:1/nodb?password=s3cret", "u", "s3cret").replay(List.of()));
        assertTrue(!e.getMessage().contains("s3cret"), e.getMessage());
        assertTrue(e.getMessage().startsWith("shadow database jdbc:postgresql://127.0.0.1:1/nodb?password=**** failed: "),
                e.getMessage());
    }
}
