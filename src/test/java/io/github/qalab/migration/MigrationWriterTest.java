package io.github.qalab.migration;

import io.github.qalab.migration.MigrationFile.DowngradeState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationWriterTest {

    @TempDir
    Path dir;

    private static final List<MigrationStep> UP = List.of(
            MigrationStep.of(List.of("CREATE TABLE account (\n    id BIGINT NOT NULL\n)")),
            new MigrationStep(List.of("ALTER TABLE app_user DROP COLUMN rank"), "Drops column app_user.rank and its data."));
    private static final List<MigrationStep> DOWN = List.of(
            new MigrationStep(List.of("ALTER TABLE app_user ADD COLUMN rank SMALLINT"), "Data loss: rank comes back empty."),
            MigrationStep.of(List.of("DROP TABLE account")));

    @Test
    void descriptionFollowsTheFileNameConvention() {
        assertEquals("add_account_table", MigrationRenderer.description("Add account table"));
        assertEquals("creer_les_debits_a_l_ecole", MigrationRenderer.description("  Créer les débits à l'école!! "));
        assertEquals("v2_api", MigrationRenderer.description("--V2 -- API--"));
        String longOne = MigrationRenderer.description("a".repeat(59) + " bcdef");
        assertEquals("a".repeat(59), longOne, "capped at 60 without a trailing underscore");
        assertTrue(MigrationFile.NAME.matcher(MigrationRenderer.fileName(3, "Add account table")).matches());
        assertEquals("strasse_ol_aeble", MigrationRenderer.description("Straße, Øl & Æble"));
    }

    @Test
    void aMessageWithoutAsciiLettersGetsANeutralNameAndKeepsItsTextInTheHeader() throws Exception {
        for (String message : List.of("添加账户表", "🚀🔥", "!!", "✓ 添加 ✓")) {
            assertEquals(MigrationRenderer.NEUTRAL_DESCRIPTION, MigrationRenderer.description(message), message);
        }
        assertEquals("add_account", MigrationRenderer.description("添加 add 账户 account 表"));
        Path file = MigrationWriter.writeNextEmpty(MigrationDirectory.scan(List.of(dir)), "添加账户表 🚀");
        assertEquals(dir.resolve("001_migration.sql"), file);
        assertTrue(MigrationFile.NAME.matcher(file.getFileName().toString()).matches());
        assertEquals("添加账户表 🚀", MigrationParser.read(file, dir).header().message());
    }

    @Test
    void theHeaderHoldsTheMessageOnOneVisibleLine() {
        String message = "Add\taccount\u2028table\r\n-- revision: 999\u0000\u202Etxt.exe\u200B and ${price} 👨\u200D👩";
        String header = MigrationRenderer.renderEmpty(4, message);
        String line = header.lines().filter(l -> l.startsWith("-- message: ")).findFirst().orElseThrow();
        assertEquals("-- message: Add account table -- revision: 999 txt.exe and $ {price} 👨\u200D👩", line);
        assertEquals(1, header.lines().filter(l -> l.startsWith("-- revision:")).count(), header);
        assertTrue(header.chars().noneMatch(c -> c < 0x20 && c != '\n' || c == 0x2028 || c == 0x202E), header);
    }

    @Test
    void theNextMigrationIsRecordedInQalabSumTogetherWithTheFile() throws Exception {
        Files.writeString(dir.resolve("001_init.sql"), "-- revision: 001\n-- down_revision: none\n\nSELECT 1;\n");
        MigrationSum.update(List.of(dir));
        Path file = MigrationWriter.writeNext(MigrationDirectory.scan(List.of(dir)), "Add account table", UP, DOWN);
        MigrationSum.Recorded recorded = MigrationSum.read(dir.resolve(MigrationSum.FILE_NAME)).orElseThrow();
        assertTrue(recorded.intact(), recorded.problems().toString());
        assertEquals(MigrationSum.hashOf(MigrationParser.read(file, dir)),
                recorded.entries().get(file.getFileName().toString()).hash());
        assertEquals(MigrationSum.of(MigrationDirectory.scan(List.of(dir))), new MigrationSum(
                java.util.Map.of("001_init.sql", recorded.entries().get("001_init.sql").hash(),
                        file.getFileName().toString(), recorded.entries().get(file.getFileName().toString()).hash())));
    }

    /**
     * The sum records the files as the caller read (and checked) them: an edit made after that scan is not laundered
     * into qalab.sum, so verify still reports it (QL010).
     */
    @Test
    void anEditAfterTheScanIsNotRecordedAsTheFilesContent() throws Exception {
        Path first = dir.resolve("001_init.sql");
        Files.writeString(first, "-- revision: 001\n-- down_revision: none\n\nSELECT 1;\n");
        MigrationSum.update(List.of(dir));
        MigrationDirectory checked = MigrationDirectory.scan(List.of(dir));
        String before = MigrationSum.hashOf(checked.migrations().get(0));
        Files.writeString(first, "-- revision: 001\n-- down_revision: none\n\nSELECT 2;\n");
        MigrationWriter.writeNext(checked, "Add account table", UP, DOWN);
        MigrationSum.Recorded recorded = MigrationSum.read(dir.resolve(MigrationSum.FILE_NAME)).orElseThrow();
        assertEquals(before, recorded.entries().get("001_init.sql").hash());
        assertFalse(before.equals(MigrationSum.hashOf(MigrationParser.read(first, dir))));
    }

    @Test
    void theFirstMigrationCreatesItsFolderAndItsSum() throws Exception {
        Path folder = dir.resolve("not/yet");
        Path file = MigrationWriter.writeNextEmpty(MigrationDirectory.scan(List.of(folder)), "First");
        assertEquals(folder.resolve("001_first.sql"), file);
        assertTrue(MigrationSum.read(folder.resolve(MigrationSum.FILE_NAME)).orElseThrow().intact());
    }

    @Test
    void at999TheWriterRefusesInsteadOfWriting1000() {
        new io.github.qalab.testing.MigrationFolder(dir).chain(999);
        MigrationDirectory full = assertDoesNotThrowScan();
        assertTrue(MigrationWriter.ceiling(full).orElseThrow().startsWith("The migration chain is full: 999 is its"
                + " highest number"));
        assertThrows(IllegalStateException.class, () -> MigrationWriter.writeNextEmpty(full, "One more"));
        assertFalse(Files.exists(dir.resolve("1000_one_more.sql")));
        assertThrows(IllegalArgumentException.class, () -> MigrationRenderer.fileName(1000, "x"));
    }

    private MigrationDirectory assertDoesNotThrowScan() {
        try {
            return MigrationDirectory.scan(List.of(dir));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void writesTheNextFileInTheDesignFormatAndTheParserReadsItBack() throws Exception {
        Files.writeString(dir.resolve("001_init.sql"), "-- revision: 001\n-- down_revision: none\n\nSELECT 1;\n");
        Files.writeString(dir.resolve("002_more.sql"), "-- revision: 002\n-- down_revision: 001\n\nSELECT 1;\n");
        Path file = MigrationWriter.writeNext(MigrationDirectory.scan(List.of(dir)), "Add account table", UP, DOWN);
        assertEquals(dir.resolve("003_add_account_table.sql"), file);
        assertEquals("""
                -- revision: 003
                -- down_revision: 002
                -- message: Add account table

                CREATE TABLE account (
                    id BIGINT NOT NULL
                );
                -- Drops column app_user.rank and its data.
                ALTER TABLE app_user DROP COLUMN rank;

                /* qalab:downgrade
                -- Data loss: rank comes back empty.
                ALTER TABLE app_user ADD COLUMN rank SMALLINT;
                DROP TABLE account;
                */
                """, Files.readString(file));

        MigrationFile parsed = MigrationParser.read(file, dir);
        assertEquals(3, parsed.number());
        assertEquals("003", parsed.header().revision());
        assertEquals("002", parsed.header().downRevision());
        assertEquals(DowngradeState.SQL, parsed.downgrade().state());
        assertTrue(parsed.downgrade().sql().contains("DROP TABLE account;"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("001_init.sql", "002_more.sql", "003_add_account_table.sql", MigrationSum.FILE_NAME),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file is left behind");
        }
    }

    @Test
    void sameInputGivesTheSameBytes() throws Exception {
        Path a = MigrationWriter.write(dir.resolve("a"), "001_x.sql", MigrationRenderer.render(1, "X", UP, DOWN));
        Path b = MigrationWriter.write(dir.resolve("b"), "001_x.sql", MigrationRenderer.render(1, "X", UP, DOWN));
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertFalse(new String(Files.readAllBytes(a), StandardCharsets.UTF_8).contains("\r"));
        assertTrue(MigrationRenderer.render(1, "X", UP, DOWN).startsWith("-- revision: 001\n-- down_revision: none\n"));
    }

    @Test
    void neverOverwritesAFileOrReusesANumber() throws Exception {
        Files.writeString(dir.resolve("003_add_account_table.sql"), "keep me");
        assertThrows(FileAlreadyExistsException.class,
                () -> MigrationWriter.write(dir, "003_add_account_table.sql", "new"));
        assertThrows(FileAlreadyExistsException.class, () -> MigrationWriter.write(dir, "003_other.sql", "new"));
        assertEquals("keep me", Files.readString(dir.resolve("003_add_account_table.sql")));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void emptyTemplateHasAHeaderAPlaceholderAndNoStatement() throws Exception {
        Path file = MigrationWriter.writeNextEmpty(MigrationDirectory.scan(List.of(dir)), "Backfill names");
        assertEquals(dir.resolve("001_backfill_names.sql"), file);
        MigrationFile parsed = MigrationParser.read(file, dir);
        assertEquals("001", parsed.header().revision());
        assertEquals("none", parsed.header().downRevision());
        assertEquals("Backfill names", parsed.header().message());
        assertFalse(SqlText.hasStatement(parsed.upgrade().sql()), "verify's empty-upgrade rule keeps failing on it");
        assertTrue(parsed.upgrade().sql().contains(MigrationRenderer.PLACEHOLDER));
        assertEquals(DowngradeState.EMPTY, parsed.downgrade().state());
    }

    @Test
    void aDowngradeStatementThatWouldCloseTheBlockIsRejected() {
        List<MigrationStep> bad = List.of(MigrationStep.of(List.of("SELECT 1 /* x */")));
        assertThrows(IllegalArgumentException.class, () -> MigrationRenderer.render(1, "X", UP, bad));
        assertTrue(MigrationRenderer.render(2, "X", UP, List.of()).endsWith("/* qalab:downgrade irreversible */\n"));
    }
}
