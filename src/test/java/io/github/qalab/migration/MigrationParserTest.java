package io.github.qalab.migration;

import io.github.qalab.migration.MigrationFile.DowngradeState;
import io.github.qalab.migration.MigrationFile.Kind;
import io.github.qalab.testing.MigrationFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationParserTest {

    @TempDir
    Path tmp;

    private MigrationFile parse(String name, String content) {
        MigrationFolder folder = new MigrationFolder(tmp);
        return MigrationParser.read(folder.write(name, content), tmp);
    }

    private MigrationFile parseBytes(String name, byte[] bytes) {
        MigrationFolder folder = new MigrationFolder(tmp);
        return MigrationParser.read(folder.writeBytes(name, bytes), tmp);
    }

    @Test
    void readsHeaderUpgradeAndDowngradeWithLines() {
        MigrationFile file = parse("003_create_t003.sql", MigrationFolder.valid(3));
        assertEquals(3, file.number());
        assertEquals("create_t003", file.description());
        assertEquals(Kind.READABLE, file.kind());
        assertEquals("003", file.header().revision());
        assertEquals(1, file.header().revisionLine());
        assertEquals("002", file.header().downRevision());
        assertEquals(2, file.header().downRevisionLine());
        assertEquals("Create t003", file.header().message());
        assertEquals(3, file.header().endLine());
        assertEquals(4, file.upgrade().startLine());
        assertTrue(file.upgrade().sql().contains("CREATE TABLE t003"));
        assertFalse(file.upgrade().sql().contains("DROP"));
        assertEquals(DowngradeState.SQL, file.downgrade().state());
        assertEquals("DROP TABLE t003;\n", file.downgrade().sql());
        assertEquals(7, file.downgrade().line());
    }

    @Test
    void crlfAndBomGiveTheSameResultAsLf() {
        String lf = MigrationFolder.valid(2);
        MigrationFile plain = parse("002_a.sql", lf);
        byte[] crlf = lf.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[crlf.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(crlf, 0, withBom, 3, crlf.length);
        MigrationFile windows = parseBytes("002_b.sql", withBom);
        assertEquals(plain.content(), windows.content());
        assertEquals(plain.header(), windows.header());
        assertEquals(plain.upgrade(), windows.upgrade());
        assertEquals(plain.downgrade(), windows.downgrade());
    }

    @Test
    void zeroByteFileIsReadableAndEmpty() {
        MigrationFile file = parseBytes("001_empty.sql", new byte[0]);
        assertEquals(Kind.READABLE, file.kind());
        assertEquals("", file.content());
        assertFalse(file.header().hasRevision());
        assertEquals(DowngradeState.MISSING, file.downgrade().state());
    }

    @Test
    void onlyABomIsReadableAndEmpty() {
        MigrationFile file = parseBytes("001_bom.sql", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        assertEquals(Kind.READABLE, file.kind());
        assertEquals("", file.content());
        assertFalse(file.header().hasRevision());
    }

    @Test
    void headerToleratesExtraSpacesAndUppercaseKeys() {
        MigrationFile file = parse("002_x.sql", "  --   REVISION :   002   \n--Down_Revision:001\nSELECT 1;\n");
        assertEquals("002", file.header().revision());
        assertEquals("001", file.header().downRevision());
        assertEquals(2, file.header().downRevisionLine());
        assertEquals(3, file.upgrade().startLine());
    }

    @Test
    void closingCommentInsideTheDowngradeIsMalformedAtItsLine() {
        MigrationFile file = parse("001_x.sql", "-- revision: 001\n-- down_revision: none\nCREATE TABLE a (id INT);\n"
                + "/* qalab:downgrade\nDROP TABLE a; -- done */\nDROP TABLE b;\n*/\n");
        assertEquals(DowngradeState.MALFORMED, file.downgrade().state());
        assertEquals(4, file.downgrade().line());
        assertEquals(5, file.downgrade().detailLine());
        assertTrue(file.downgrade().detail().contains("*/"), file.downgrade().detail());
    }

    @Test
    void nestedOpeningCommentIsMalformedAtItsLine() {
        MigrationFile file = parse("001_x.sql", "-- revision: 001\nSELECT 1;\n/* qalab:downgrade\n\n/* note\nDROP TABLE a;\n*/\n");
        assertEquals(DowngradeState.MALFORMED, file.downgrade().state());
        assertEquals(5, file.downgrade().detailLine());
        assertTrue(file.downgrade().detail().contains("nested"), file.downgrade().detail());
    }

    @Test
    void unclosedAndRepeatedAndTrailingTextAreMalformed() {
        assertEquals(DowngradeState.MALFORMED,
                parse("001_a.sql", "SELECT 1;\n/* qalab:downgrade\nDROP TABLE a;\n").downgrade().state());
        MigrationFile twice = parse("001_b.sql",
                "SELECT 1;\n/* qalab:downgrade\nDROP TABLE a;\n*/\n/* qalab:downgrade\nDROP TABLE b;\n*/\n");
        assertEquals(DowngradeState.MALFORMED, twice.downgrade().state());
        assertEquals(5, twice.downgrade().detailLine());
        MigrationFile trailing = parse("001_c.sql", "SELECT 1;\n/* qalab:downgrade\nDROP TABLE a;\n*/\nSELECT 2;\n");
        assertEquals(DowngradeState.MALFORMED, trailing.downgrade().state());
        assertEquals(5, trailing.downgrade().detailLine());
    }

    @Test
    void irreversibleAndEmptyBlocksAreRecognised() {
        assertEquals(DowngradeState.IRREVERSIBLE,
                parse("001_a.sql", "SELECT 1;\n/* qalab:downgrade irreversible */\n").downgrade().state());
        assertEquals(DowngradeState.IRREVERSIBLE,
                parse("001_b.sql", "SELECT 1;\n/*qalab:downgrade\n  IRREVERSIBLE\n*/").downgrade().state());
        assertEquals(DowngradeState.EMPTY,
                parse("001_c.sql", "SELECT 1;\n/* qalab:downgrade\n-- nothing\n*/\n").downgrade().state());
    }

    @Test
    void notUtf8NamesTheLineOfTheBadByte() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("-- revision: 001\r\n-- message: caf".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE9); // Latin-1 'é'
        bytes.writeBytes("\r\nSELECT 1;\r\n".getBytes(StandardCharsets.UTF_8));
        MigrationFile file = parseBytes("001_latin1.sql", bytes.toByteArray());
        assertEquals(Kind.NOT_UTF8, file.kind());
        assertEquals(2, file.problemLine());
        assertTrue(file.problem().contains("0xE9"), file.problem());
        assertEquals(1, file.number());
    }

    @Test
    void namesOutsideTheConventionGetNoNumber() {
        for (String name : List.of("1000_x.sql", "V3__x.sql", "3_x.sql", "003_x.down.sql", "003_Add.sql",
                "003__x.sql", "003_x_.sql", "notes.txt", "003_x.SQL")) {
            MigrationFile file = parse(name, "SELECT 1;\n");
            assertFalse(file.conventionalName(), name);
            assertEquals(-1, file.number(), name);
        }
        assertEquals(0, parse("000_x.sql", "SELECT 1;\n").number());
        assertEquals(999, parse("999_last_one.sql", "SELECT 1;\n").number());
    }

    @Test
    void aFileLargerThanTheLimitIsNotReadAndSaysHowLargeItIs() throws Exception {
        Path big = tmp.resolve("003_big.sql");
        try (var out = Files.newOutputStream(big)) {
            byte[] chunk = "-- filler line of a huge migration, never parsed\n".repeat(1024).getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written <= InputLimits.MAX_BYTES; written += chunk.length) {
                out.write(chunk);
            }
        }
        MigrationFile file = MigrationParser.read(big, tmp);
        assertEquals(Kind.OVER_LIMIT, file.kind());
        assertEquals(3, file.number(), "it still holds its number");
        assertTrue(file.problem().startsWith("is 10.0 MB, larger than the 10 MB a migration may be"), file.problem());
        assertEquals("", file.content());
    }

    @Test
    void aSecondByteOrderMarkIsNamedInsteadOfAMissingHeader() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(bom);
        bytes.writeBytes(bom);
        bytes.writeBytes("-- revision: 001\n-- down_revision: none\n\nSELECT 1;\n".getBytes(StandardCharsets.UTF_8));
        MigrationFile file = MigrationParser.parse(tmp.resolve("001_x.sql"), tmp, 1, "x", bytes.toByteArray());
        assertEquals(Kind.NOT_UTF8, file.kind());
        assertTrue(file.problem().startsWith("starts with two byte-order marks"), file.problem());
    }

    @Test
    void nestingBeyondTheLimitIsNotParsedFurther() {
        String deep = "-- revision: 001\n-- down_revision: none\n\nSELECT " + "(".repeat(20_000) + "1"
                + ")".repeat(20_000) + ";\n";
        MigrationFile file = MigrationParser.parse(tmp.resolve("001_x.sql"), tmp, 1, "x",
                deep.getBytes(StandardCharsets.UTF_8));
        assertEquals(Kind.OVER_LIMIT, file.kind());
        assertEquals(4, file.problemLine());
        assertEquals(deep, file.content(), "kept, so that qalab.sum hashes the text as for every migration");
    }

    @Test
    void aLinkToAFileElsewhereIsNotReadSoItsTextCannotReachAnyMessage() throws Exception {
        Path secret = Files.writeString(tmp.resolve("settings.xml"), "-- revision: 003\n<password>s3cr3t</password>");
        Path link = Files.createSymbolicLink(tmp.resolve("003_x.sql"), secret);
        MigrationFile file = MigrationParser.read(link, tmp);
        assertEquals(Kind.NOT_REGULAR, file.kind());
        assertEquals("", file.content());
        assertTrue(file.problem().startsWith("is a symbolic link: qalab does not read through links"), file.problem());
    }

    @Test
    void theDowngradeBlockThatQalabRunsStaysWithinTheSameLimits() {
        String deep = "-- revision: 001\n-- down_revision: none\n\nCREATE TABLE t (id INT);\n\n/* qalab:downgrade\n"
                + "DROP TABLE t;\nSELECT " + "(".repeat(500) + "1" + ")".repeat(500) + ";\n*/\n";
        MigrationFile file = MigrationParser.parse(tmp.resolve("001_x.sql"), tmp, 1, "x",
                deep.getBytes(StandardCharsets.UTF_8));
        assertEquals(Kind.OVER_LIMIT, file.kind());
        assertEquals(8, file.problemLine());
        assertTrue(file.problem().endsWith("(in the downgrade block)"), file.problem());
    }

    @Test
    void brokenSymbolicLinkIsNotARegularFile() throws Exception {
        Path link = Files.createSymbolicLink(tmp.resolve("004_link.sql"), tmp.resolve("nowhere.sql"));
        MigrationFile file = MigrationParser.read(link, tmp);
        assertEquals(Kind.NOT_REGULAR, file.kind());
        assertTrue(file.problem().contains("symbolic link"), file.problem());
    }

    @Test
    void directoryScanSkipsHiddenFilesFindsSubFolderFilesOutsideTheChainAndRecordsMissingLocations() throws Exception {
        MigrationFolder folder = new MigrationFolder(tmp.resolve("db"));
        folder.chain(2);
        folder.write(".DS_Store", "x");
        folder.write(".hidden/003_hidden.sql", "SELECT 1;");
        Path archived = folder.write("archive/old/003_sneaky.sql", "SELECT 1;");
        Path missing = tmp.resolve("nope");
        MigrationDirectory dir = MigrationDirectory.scan(List.of(folder.path(), missing));
        // Flyway applies archive/old/003_sneaky.sql too, so it is found, but it is no migration of the chain
        assertEquals(3, dir.files().size());
        MigrationFile sneaky = dir.files().stream().filter(f -> f.path().equals(archived)).findFirst().orElseThrow();
        assertTrue(MigrationDirectory.nested(sneaky));
        assertEquals(-1, sneaky.number());
        assertEquals(2, dir.migrations().size());
        assertEquals(List.of(missing), dir.missingLocations());
        assertEquals(3, dir.nextNumber());
    }

    @Test
    void aLocationListedTwiceCountsOnceAndANestedLocationIsNotCountedTwice() throws Exception {
        MigrationFolder folder = new MigrationFolder(tmp.resolve("db")).chain(2);
        MigrationFolder inner = new MigrationFolder(tmp.resolve("db/more"));
        inner.migration(3);
        MigrationDirectory dir = MigrationDirectory.scan(List.of(folder.path(), tmp.resolve("db/../db"),
                inner.path()));
        assertEquals(List.of(folder.path(), inner.path()), dir.locations());
        assertEquals(3, dir.migrations().size());
        assertTrue(dir.files().stream().noneMatch(MigrationDirectory::nested), dir.files().toString());
    }

    @Test
    void symbolicLinksToFoldersAreFollowedLikeFlywayButALoopIsReported() throws Exception {
        MigrationFolder folder = new MigrationFolder(tmp.resolve("db")).chain(1);
        Path elsewhere = new MigrationFolder(tmp.resolve("elsewhere")).migration(2);
        Files.createSymbolicLink(folder.path().resolve("linked"), elsewhere.getParent());
        Path loop = Files.createSymbolicLink(folder.path().resolve("002_self.sql"), Path.of("."));
        MigrationDirectory dir = MigrationDirectory.scan(List.of(folder.path()));
        MigrationFile self = dir.files().stream().filter(f -> f.path().equals(loop)).findFirst().orElseThrow();
        assertEquals(Kind.NOT_REGULAR, self.kind());
        assertTrue(self.problem().contains("symbolic link to a folder that contains it"), self.problem());
        assertTrue(dir.files().stream().anyMatch(f -> f.path().equals(folder.path().resolve("linked/"
                + elsewhere.getFileName())) && MigrationDirectory.nested(f)), dir.files().toString());
    }

    @Test
    void moreFilesThanAnyMigrationFolderHoldsIsAnErrorNamingTheLocation() throws Exception {
        Path db = Files.createDirectories(tmp.resolve("db"));
        for (int i = 0; i <= MigrationDirectory.MAX_FILES; i++) {
            Files.createFile(db.resolve("f" + i + ".txt"));
        }
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> MigrationDirectory.scan(List.of(db)));
        assertTrue(e.getMessage().contains("more than " + MigrationDirectory.MAX_FILES + " files below " + db),
                e.getMessage());
    }

    @Test
    void nineHundredNinetyNineFilesFormOneChain() {
        MigrationFolder folder = new MigrationFolder(tmp.resolve("db")).chain(999);
        MigrationDirectory dir = folder.scan();
        assertEquals(999, dir.migrations().size());
        assertEquals(999, dir.head().orElseThrow().number());
        assertEquals(1000, dir.nextNumber());
    }
}
