package io.github.qalab.convention;

import io.github.qalab.testing.MigrationFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.github.qalab.convention.RuleTesting.check;
import static io.github.qalab.convention.RuleTesting.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContiguousNumbersRuleTest {

    @TempDir
    Path tmp;

    private final Rule rule = new ContiguousNumbersRule();

    @Test
    void contiguousChainAndEmptyFolderPass() {
        assertEquals(List.of(), check(rule, new MigrationFolder(tmp.resolve("empty"))));
        assertEquals(List.of(), check(rule, new MigrationFolder(tmp.resolve("db")).chain(999)));
    }

    @Test
    void gapIsReportedAtTheFileAfterIt() throws Exception {
        MigrationFolder folder = new MigrationFolder(tmp).chain(4);
        Files.delete(tmp.resolve("003_create_t003.sql"));
        String text = single(check(rule, folder), tmp.resolve("004_create_t004.sql"), 1);
        assertTrue(text.contains("QL004 004 follows 002: 003 is missing"), text);
    }

    @Test
    void wideGapNamesTheRange() throws Exception {
        MigrationFolder folder = new MigrationFolder(tmp).chain(1);
        Path file = folder.migration(5);
        assertTrue(single(check(rule, folder), file, 1).contains("002 to 004 are missing"));
    }

    @Test
    void chainMustStartAtOne() {
        MigrationFolder folder = new MigrationFolder(tmp);
        Path first = folder.migration(2);
        folder.migration(3);
        assertTrue(single(check(rule, folder), first, 1).contains("the chain starts at 002, not at 001"));
    }

    @Test
    void numberZeroIsNotAllowed() {
        MigrationFolder folder = new MigrationFolder(tmp).chain(2);
        Path zero = folder.write("000_init.sql", "-- revision: 000\nSELECT 1;\n");
        String text = single(check(rule, folder), zero, 1);
        assertTrue(text.contains("number 000 is not allowed") && text.contains("renumber it to 003"), text);
    }

    @Test
    void unreadableFileStillHoldsItsNumber() {
        MigrationFolder folder = new MigrationFolder(tmp);
        folder.migration(1);
        folder.writeBytes("002_latin1.sql", new byte[] {'-', '-', ' ', (byte) 0xE9});
        folder.migration(3);
        assertEquals(List.of(), check(rule, folder));
    }
}
