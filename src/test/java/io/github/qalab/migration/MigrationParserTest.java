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
    void brokenSymbolicLinkIsNotARegularFile() throws Exception {
        Path link = Files.createSymbolicLink(tmp.resolve("004_link.sql"), tmp.resolve("nowhere.sql"));
        MigrationFile file = MigrationParser.read(link, tmp);
        assertEquals(Kind.NOT_REGULAR, file.kind());
        assertTrue(file.problem().contains("symbolic link"), file.problem());
    }

    @Test
    void directoryScanIgnoresHiddenFilesAndSubFoldersAndRecordsMissingLocations() throws Exception {
        MigrationFolder folder = new MigrationFolder(tmp.resolve("db"));
        folder.chain(2);
        folder.write(".DS_Store", "x");
        folder.write("archive/001_old.sql", "SELECT 1;");
        Path missing = tmp.resolve("nope");
        MigrationDirectory dir = MigrationDirectory.scan(List.of(folder.path(), missing));
        assertEquals(2, dir.files().size());
        assertEquals(List.of(missing), dir.missingLocations());
        assertEquals(3, dir.nextNumber());
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
