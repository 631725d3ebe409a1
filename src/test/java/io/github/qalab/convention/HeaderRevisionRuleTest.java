package io.github.qalab.convention;

import io.github.qalab.testing.MigrationFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.github.qalab.convention.RuleTesting.check;
import static io.github.qalab.convention.RuleTesting.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeaderRevisionRuleTest {

    @TempDir
    Path tmp;

    private final Rule rule = new HeaderRevisionRule();

    @Test
    void validHeadersPass() {
        assertEquals(List.of(), check(rule, new MigrationFolder(tmp).chain(5)));
    }

    @Test
    void missingHeaderSaysWhichLinesToWrite() {
        MigrationFolder folder = new MigrationFolder(tmp).chain(1);
        Path file = folder.write("002_x.sql", "CREATE TABLE x (id INT);\n");
        String text = single(check(rule, folder), file, 1);
        assertTrue(text.contains("QL002 no header") && text.contains("-- revision: 002")
                && text.contains("-- down_revision: 001"), text);
    }

    @Test
    void zeroByteAndBomOnlyFilesHaveNoHeader() {
        MigrationFolder folder = new MigrationFolder(tmp);
        Path empty = folder.writeBytes("001_empty.sql", new byte[0]);
        Path bom = folder.writeBytes("002_bom.sql", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        List<Violation> found = check(rule, folder);
        assertEquals(2, found.size());
        assertEquals(empty, found.get(0).file());
        assertEquals(bom, found.get(1).file());
    }

    @Test
    void revisionDifferentFromFileNumberFailsAtItsLine() {
        MigrationFolder folder = new MigrationFolder(tmp).chain(2);
        Path file = folder.write("003_x.sql", "-- message: x\n-- revision: 3\n-- down_revision: 002\nSELECT 1;\n");
        String text = single(check(rule, folder), file, 2);
        assertTrue(text.contains("-- revision: 3 does not match the file's number 003"), text);
    }

    @Test
    void downRevisionWithoutRevisionFails() {
        MigrationFolder folder = new MigrationFolder(tmp);
        Path file = folder.write("001_x.sql", "-- down_revision: none\nSELECT 1;\n");
        assertTrue(single(check(rule, folder), file, 1).contains("no -- revision: line"));
    }

    @Test
    void extraSpacesAndUppercaseKeysAreAccepted() {
        MigrationFolder folder = new MigrationFolder(tmp);
        folder.write("001_x.sql", "--   REVISION :  001  \n-- Down_Revision: none\nSELECT 1;\n");
        assertEquals(List.of(), check(rule, folder));
    }

    @Test
    void aSecondRevisionLineIsNamed() {
        MigrationFolder folder = new MigrationFolder(tmp);
        Path file = folder.write("001_x.sql", "-- revision: 001\n-- down_revision: none\n-- revision: 004\nSELECT 1;\n");
        String text = single(check(rule, folder), file, 3);
        assertTrue(text.contains("QL002 a second -- revision: line (the first is on line 1)"), text);
    }
}
