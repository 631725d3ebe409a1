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

class DownRevisionRuleTest {

    @TempDir
    Path tmp;

    private final Rule rule = new DownRevisionRule();

    @Test
    void validChainPasses() {
        assertEquals(List.of(), check(rule, new MigrationFolder(tmp).chain(12)));
    }

    @Test
    void wrongPreviousNumberFailsAtTheDownRevisionLine() {
        MigrationFolder folder = new MigrationFolder(tmp).chain(2);
        Path file = folder.write("003_x.sql", "-- revision: 003\n-- down_revision: 001\nSELECT 1;\n");
        String text = single(check(rule, folder), file, 2);
        assertTrue(text.contains("QL003 -- down_revision: 001 is wrong: the previous number is 002"), text);
        assertTrue(text.endsWith("write -- down_revision: 002"), text);
    }

    @Test
    void firstMigrationNeedsNone() {
        MigrationFolder folder = new MigrationFolder(tmp);
        Path file = folder.write("001_x.sql", "-- revision: 001\n-- down_revision: 000\nSELECT 1;\n");
        assertTrue(single(check(rule, folder), file, 2).contains("write -- down_revision: none"));
    }

    @Test
    void noneIsAcceptedInAnyCase() {
        MigrationFolder folder = new MigrationFolder(tmp);
        folder.write("001_x.sql", "-- revision: 001\n-- down_revision: None\nSELECT 1;\n");
        assertEquals(List.of(), check(rule, folder));
    }

    @Test
    void missingDownRevisionIsReportedAtTheRevisionLine() {
        MigrationFolder folder = new MigrationFolder(tmp).chain(1);
        Path file = folder.write("002_x.sql", "-- revision: 002\nSELECT 1;\n");
        assertTrue(single(check(rule, folder), file, 1).contains("add -- down_revision: 001"));
    }

    @Test
    void fileWithoutAnyHeaderIsLeftToQl002() {
        MigrationFolder folder = new MigrationFolder(tmp).chain(1);
        folder.write("002_x.sql", "SELECT 1;\n");
        assertEquals(List.of(), check(rule, folder));
    }
}
