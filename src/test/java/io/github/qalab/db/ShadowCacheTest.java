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

    /** A desired table with the types, defaults and checks an entity change brings. */
    private static Schema desired(Column... extra) {
        List<Column> columns = new java.util.ArrayList<>(List.of(
                new Column("id", ColumnType.of(ColumnType.Kind.BIGINT), false, "", false),
                new Column("title", ColumnType.varchar(80), false, "", false),
                new Column("status", ColumnType.varchar(20), false, "'NEW'", false),
                new Column("price", ColumnType.decimal(12, 2), true, "0", false)));
        columns.addAll(List.of(extra));
        return new Schema(List.of(new Table("ticket", columns, new PrimaryKey("pk_ticket", List.of("id")), List.of(),
                List.of(), List.of(), List.of(new io.github.qalab.schema.CheckConstraint("ck_status",
                "status in ('NEW','DONE')")), List.of())), List.of());
    }

    /** What a normalisation gives for every column and check of {@code schema}. */
    private static List<Object> stored(Normalisation normalisation, Schema schema) {
        List<Object> stored = new java.util.ArrayList<>();
        for (Table t : schema.tables()) {
            t.columns().forEach(c -> stored.add(normalisation.stored(t.name(), c)));
            t.checks().forEach(c -> stored.add(normalisation.stored(t.name(), c)));
        }
        return stored;
    }

    @Test
    void whatNormalisingLearntIsKeptAndANormalisationTheCacheCoversStartsNoDatabase() throws Exception {
        MigrationDirectory one = write("001_ticket.sql", FIRST);
        shadow().replay(one.migrations());
        Schema desired = desired();
        List<Object> expected;
        try (ShadowDatabase.Session plain = ShadowDatabase.embedded(POSTGRES).open(one.migrations())) {
            expected = stored(plain.normalise(desired, POSTGRES), desired);
        }
        assertFalse(expected.equals(stored(Normalisation.NONE, desired)), "the shadow stores some of it otherwise "
                + "than written (so the comparisons below can tell a normalisation from none): " + expected);
        try (ShadowDatabase.Session first = shadow().open(one.migrations())) {
            assertEquals(expected, stored(first.normalise(desired, POSTGRES), desired));
            assertTrue(first.started(), "the first normalisation needs the database");
        }
        try (ShadowDatabase.Session second = shadow().open(one.migrations())) {
            assertEquals(expected, stored(second.normalise(desired, POSTGRES), desired), "the same from the cache");
            assertFalse(second.started(), "every shape known: no database started");
        }
        // an entity change brings one new type: only it is created, and the rest still comes from the cache
        Column note = new Column("note", ColumnType.varchar(500), true, "'none'", false);
        Schema changed = desired(note);
        List<Object> expectedChanged;
        try (ShadowDatabase.Session plain = ShadowDatabase.embedded(POSTGRES).open(one.migrations())) {
            expectedChanged = stored(plain.normalise(changed, POSTGRES), changed);
        }
        try (ShadowDatabase.Session third = shadow().open(one.migrations())) {
            assertEquals(expectedChanged, stored(third.normalise(changed, POSTGRES), changed));
            assertTrue(third.started());
        }
        try (ShadowDatabase.Session fourth = shadow().open(one.migrations())) {
            assertEquals(expectedChanged, stored(fourth.normalise(changed, POSTGRES), changed));
            assertFalse(fourth.started());
        }
    }

    @Test
    void aNormalisationThatNeededTheMigrationsIsNotKeptAndADamagedEntryIsLearntAgain() throws Exception {
        MigrationDirectory one = write("001_ticket.sql", FIRST.replace("CREATE SEQUENCE",
                "CREATE DOMAIN amount AS DECIMAL(12, 2);\nCREATE SEQUENCE"));
        shadow().replay(one.migrations());
        Column amount = new Column("total", ColumnType.custom("amount"), false, "", false, "amount");
        Schema desired = desired(amount);
        for (int run = 0; run < 2; run++) {
            try (ShadowDatabase.Session session = shadow().open(one.migrations())) {
                session.normalise(desired, POSTGRES);
                assertFalse(session.cached(), "run " + run + ": the type needs the migrations, every time");
            }
        }
        Schema plainDesired = desired();
        try (ShadowDatabase.Session session = shadow().open(one.migrations())) {
            session.normalise(plainDesired, POSTGRES);
        }
        try (Stream<Path> files = Files.list(cacheDir)) {
            for (Path entry : files.toList()) {
                Files.writeString(entry, "garbage");
            }
        }
        List<Object> expected;
        try (ShadowDatabase.Session plain = ShadowDatabase.embedded(POSTGRES).open(one.migrations())) {
            expected = stored(plain.normalise(plainDesired, POSTGRES), plainDesired);
        }
        try (ShadowDatabase.Session session = shadow().open(one.migrations())) {
            assertEquals(expected, stored(session.normalise(plainDesired, POSTGRES), plainDesired));
            assertTrue(session.started(), "a damaged entry is a miss");
        }
    }

    @Test
    void aTypeTheMigrationsCreateUnderABuiltInNameIsNeverTakenFromTheCache() throws Exception {
        // H2 (as PostgreSQL) reads a domain before its built-in type of the same name: clob means text here
        MigrationDirectory one = write("001_doc.sql", """
                -- revision: 001
                -- down_revision: none

                CREATE DOMAIN clob AS text;
                CREATE TABLE doc (id BIGINT NOT NULL, body clob, CONSTRAINT pk_doc PRIMARY KEY (id));

                /* qalab:downgrade
                DROP TABLE doc;
                DROP DOMAIN clob;
                */
                """);
        Column body = new Column("body", ColumnType.custom("clob"), true, "", false, "clob");
        Schema desired = new Schema(List.of(new Table("doc", List.of(
                new Column("id", ColumnType.of(ColumnType.Kind.BIGINT), false, "", false), body),
                new PrimaryKey("pk_doc", List.of("id")), List.of(), List.of(), List.of())), List.of());
        Column expected;
        try (ShadowDatabase.Session plain = ShadowDatabase.embedded(POSTGRES).open(one.migrations())) {
            expected = plain.normalise(desired, POSTGRES).stored("doc", body);
        }
        // another project taught the cache what the built-in clob is
        MigrationDirectory other = write("001_doc.sql", FIRST);
        shadow().replay(other.migrations());
        try (ShadowDatabase.Session session = shadow().open(other.migrations())) {
            session.normalise(desired, POSTGRES);
        }
        shadow().replay(one.migrations());
        for (int run = 0; run < 2; run++) {
            try (ShadowDatabase.Session session = shadow().open(one.migrations())) {
                assertEquals(expected, session.normalise(desired, POSTGRES).stored("doc", body), "run " + run);
                assertFalse(session.cached(), "normalised where the migrations ran");
            }
        }
        try (ShadowDatabase.Session session = shadow().open(one.migrations())) {
            assertEquals(session.current().table("doc").orElseThrow().column("body").orElseThrow().type(),
                    session.normalise(desired, POSTGRES).stored("doc", body).type(),
                    "the entity's clob is the migrations' clob: no change");
        }
    }

    @Test
    void aColumnDefinitionThatSaysNotNullIsNotNullWhateverTheMappingSays() throws Exception {
        MigrationDirectory one = write("001_ticket.sql", FIRST);
        Column cd = new Column("cd", ColumnType.varchar(40), true, "", false, "varchar(40) not null default 'x'");
        Schema desired = new Schema(List.of(new Table("ticket", List.of(
                new Column("id", ColumnType.of(ColumnType.Kind.BIGINT), false, "", false), cd),
                new PrimaryKey("pk_ticket", List.of("id")), List.of(), List.of(), List.of())), List.of());
        for (int run = 0; run < 2; run++) {
            try (ShadowDatabase.Session session = shadow().open(one.migrations())) {
                assertFalse(session.normalise(desired, POSTGRES).stored("ticket", cd).nullable(), "run " + run);
            }
        }
    }

    @Test
    void aTypeTheShadowCannotHoldIsTheEntitiesSchemaNotAMigration() throws Exception {
        MigrationDirectory one = write("001_ticket.sql", FIRST);
        Column odd = new Column("odd", ColumnType.custom("no_such_type_here"), true, "", false, "no_such_type_here");
        Schema desired = desired(odd);
        try (ShadowDatabase.Session session = shadow().open(one.migrations())) {
            ReplayException e = org.junit.jupiter.api.Assertions.assertThrows(ReplayException.class,
                    () -> session.normalise(desired, POSTGRES));
            assertTrue(e.desiredSchemaRefused(), e.getMessage());
            assertTrue(e.getMessage().contains("the shadow database rejects the type no_such_type_here of ticket.odd"),
                    e.getMessage());
        }
        try {
            ShadowDatabase.embedded(POSTGRES).replay(write("002_bad.sql", """
                    -- revision: 002
                    -- down_revision: 001

                    ALTER TABLE nowhere ADD COLUMN x INT;

                    /* qalab:downgrade
                    ALTER TABLE nowhere DROP COLUMN x;
                    */
                    """).migrations());
            org.junit.jupiter.api.Assertions.fail("the migration cannot replay");
        } catch (ReplayException e) {
            assertFalse(e.desiredSchemaRefused(), "a migration at fault: " + e.getMessage());
        }
    }
}
