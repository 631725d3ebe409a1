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

class UpgradeStatementRuleTest {

    @TempDir
    Path tmp;

    private final Rule rule = new UpgradeStatementRule();

    @Test
    void statementsPass() {
        assertEquals(List.of(), check(rule, new MigrationFolder(tmp).chain(3)));
    }

    @Test
    void commentsAndBlankLinesOnlyFailBelowTheHeader() {
        MigrationFolder folder = new MigrationFolder(tmp);
        Path file = folder.write("001_x.sql", "-- revision: 001\n-- down_revision: none\n\n  \n-- TODO\n/* later */\n;\n"
                + "/* qalab:downgrade irreversible */\n");
        String text = single(check(rule, folder), file, 3);
        assertTrue(text.contains("QL006 the upgrade part holds no SQL statement"), text);
    }

    @Test
    void zeroByteAndBomOnlyFilesAreEmpty() {
        MigrationFolder folder = new MigrationFolder(tmp);
        Path empty = folder.writeBytes("001_empty.sql", new byte[0]);
        folder.writeBytes("002_bom.sql", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        List<Violation> found = check(rule, folder);
        assertEquals(2, found.size());
        assertEquals(empty, found.get(0).file());
        assertEquals(1, found.get(1).line());
        assertTrue(found.get(1).message().startsWith("the file is empty"));
    }

    @Test
    void statementOnlyInsideTheDowngradeDoesNotCount() {
        MigrationFolder folder = new MigrationFolder(tmp);
        Path file = folder.write("001_x.sql", "-- revision: 001\n-- down_revision: none\n/* qalab:downgrade\nDROP TABLE a;\n*/\n");
        single(check(rule, folder), file, 3);
    }
}
