package io.github.qalab.db;

import io.github.qalab.diff.Normalisation;
import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.schema.Column;
import io.github.qalab.schema.ColumnType;
import io.github.qalab.schema.PrimaryKey;
import io.github.qalab.schema.Schema;
import io.github.qalab.schema.Table;
import io.github.qalab.sql.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shadow cache: the same migrations give the stored schema without a replay; any change to them replays; a
 * damaged entry is a miss; and a normalisation that needs the replayed objects still gets them.
 */
class ShadowCacheTest {

    @TempDir
    Path dir;

    @TempDir
    Path cacheDir;

    private static final Dialect POSTGRES = Dialect.named("postgresql");

    private static final String FIRST = """
            -- revision: 001
            -- down_revision: none

            CREATE SEQUENCE ticket_seq START WITH 1 INCREMENT BY 50;
            CREATE TABLE ticket (
                id BIGINT NOT NULL,
                title VARCHAR(80) NOT NULL,
                CONSTRAINT pk_ticket PRIMARY KEY (id)
            );
            CREATE INDEX ix_ticket_title ON ticket (title);

            /* qalab:downgrade
            DROP TABLE ticket;
            DROP SEQUENCE ticket_seq;
            */
            """;

    private MigrationDirectory write(String... files) throws Exception {
        for (int i = 0; i < files.length; i += 2) {
            Files.writeString(dir.resolve(files[i]), files[i + 1]);
        }
        return MigrationDirectory.scan(List.of(dir));
    }

    private ShadowDatabase shadow() {
        return ShadowDatabase.embedded(POSTGRES).withCache(cacheDir);
    }

    private long entries() throws Exception {
        try (Stream<Path> files = Files.list(cacheDir)) {
            return files.filter(f -> f.toString().endsWith(".bin")).count();
        }
    }

    @Test
    void theSameMigrationsComeFromTheCacheAndAnyChangeReplaysThem() throws Exception {
        MigrationDirectory one = write("001_ticket.sql", FIRST);
        Schema replayed;
        try (ShadowDatabase.Session session = shadow().open(one.migrations())) {
            assertFalse(session.cached(), "the first run replays");
            replayed = session.current();
        }
        assertEquals(1, entries());
        try (ShadowDatabase.Session session = shadow().open(one.migrations())) {
            assertTrue(session.cached(), "the second run reads the cache");
            assertEquals(replayed, session.current());
        }
        assertEquals(replayed, ShadowDatabase.embedded(POSTGRES).replay(one.migrations()),
                "the cache holds what a replay without it gives");

        MigrationDirectory edited = write("001_ticket.sql", FIRST.replace("VARCHAR(80)", "VARCHAR(120)"));
        try (ShadowDatabase.Session session = shadow().open(edited.migrations())) {
            assertFalse(session.cached(), "an edited migration is a new key");
            assertEquals(120, session.current().table("ticket").orElseThrow().column("title").orElseThrow().type()
                    .length());
        }
        MigrationDirectory added = write("002_note.sql", """
                -- revision: 002
                -- down_revision: 001

                ALTER TABLE ticket ADD COLUMN note VARCHAR(10);

                /* qalab:downgrade
                ALTER TABLE ticket DROP COLUMN note;
                */
                """);
        try (ShadowDatabase.Session session = shadow().open(added.migrations())) {
            assertFalse(session.cached(), "an added migration is a new key");
            assertTrue(session.current().table("ticket").orElseThrow().column("note").isPresent());
        }
        assertEquals(3, entries());
    }

    @Test
    void aDamagedEntryIsAMissAndIsWrittenAgain() throws Exception {
        MigrationDirectory one = write("001_ticket.sql", FIRST);
        Schema replayed = shadow().replay(one.migrations());
        try (Stream<Path> files = Files.list(cacheDir)) {
            for (Path entry : files.toList()) {
                Files.writeString(entry, "garbage");
            }
        }
        try (ShadowDatabase.Session session = shadow().open(one.migrations())) {
            assertFalse(session.cached());
            assertEquals(replayed, session.current());
        }
        try (ShadowDatabase.Session session = shadow().open(one.migrations())) {
            assertTrue(session.cached(), "rewritten by the replay");
        }
    }

    @Test
    void aNormalisationThatNeedsTheReplayedObjectsReplaysThemAfterAll() throws Exception {
        MigrationDirectory one = write("001_ticket.sql", FIRST.replace("CREATE SEQUENCE",
                "CREATE DOMAIN amount AS DECIMAL(12, 2);\nCREATE SEQUENCE"));
        shadow().replay(one.migrations());
        // A type the migrations created (columnDefinition = "amount"): unknown to a database without them.
        Column id = new Column("id", new ColumnType(ColumnType.Kind.CUSTOM, 0, 0, 0, List.of(), "amount"), false, "",
                false, "amount");
        Schema desired = new Schema(List.of(new Table("ticket", List.of(id), new PrimaryKey("pk_ticket",
                List.of("id")), List.of(), List.of(), List.of())), List.of());
        Column expected;
        try (ShadowDatabase.Session plain = ShadowDatabase.embedded(POSTGRES).open(one.migrations())) {
            expected = plain.normalise(desired, POSTGRES).stored("ticket", id);
        }
        try (ShadowDatabase.Session session = shadow().open(one.migrations())) {
            assertTrue(session.cached());
            Normalisation normalisation = session.normalise(desired, POSTGRES);
            assertEquals(expected, normalisation.stored("ticket", id));
            assertFalse(session.cached(), "the migrations were replayed for it");
        }
    }
}
