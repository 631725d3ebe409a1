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

class FileNameRuleTest {

    @TempDir
    Path tmp;

    private final Rule rule = new FileNameRule();

    @Test
    void conventionalNamesPass() {
        MigrationFolder folder = new MigrationFolder(tmp).chain(3);
        folder.write("004_add_2fa_column.sql", MigrationFolder.valid(4));
        assertEquals(List.of(), check(rule, folder));
    }

    @Test
    void flywayStyleNameGetsAFreeNumberSuggested() {
        MigrationFolder folder = new MigrationFolder(tmp).chain(3);
        Path stray = folder.write("V3__Add_Account.sql", "SELECT 1;");
        String text = single(check(rule, folder), stray, 1);
        assertTrue(text.startsWith("V3__Add_Account.sql:1: QL001 file name does not match NNN_description.sql"), text);
        assertTrue(text.contains("rename it to 004_add_account.sql"), text); // 003 is taken
    }

    @Test
    void aFileInASubFolderIsReportedBecauseFlywayWouldApplyIt() {
        MigrationFolder folder = new MigrationFolder(tmp).chain(2);
        Path sneaky = folder.write("old/003_sneaky.sql", MigrationFolder.valid(3));
        String text = single(check(rule, folder), sneaky, 1);
        assertTrue(text.contains("QL001 a file in a sub-folder of the migration location (old/003_sneaky.sql):"
                + " Flyway scans sub-folders and would apply it too"), text);
        assertTrue(text.contains("into the folder itself as 003_<description>.sql"), text);
    }

    @Test
    void flywayCallbacksAndRepeatablesAreNamedForWhatFlywayDoesWithThem() {
        MigrationFolder folder = new MigrationFolder(tmp).chain(1);
        Path callback = folder.write("beforeMigrate.sql", "SELECT 1;");
        assertTrue(single(check(rule, folder), callback, 1).contains("QL001 a Flyway SQL callback: Flyway runs"
                + " beforeMigrate.sql around every migrate"));
        MigrationFolder other = new MigrationFolder(tmp.resolve("other")).chain(1);
        Path repeatable = other.write("R__views.sql", "SELECT 1;");
        assertTrue(single(check(rule, other), repeatable, 1).contains("QL001 a Flyway repeatable migration"));
    }

    @Test
    void shortNumberKeepsItsNumberWhenFree() {
        MigrationFolder folder = new MigrationFolder(tmp).chain(2);
        Path stray = folder.write("3_Add Account-Table.sql", "SELECT 1;");
        assertTrue(single(check(rule, folder), stray, 1).contains("rename it to 003_add_account_table.sql"));
    }

    @Test
    void separateDowngradeFileIsNamedAsSuch() {
        MigrationFolder folder = new MigrationFolder(tmp).chain(3);
        Path down = folder.write("003_create_t003.down.sql", "DROP TABLE t003;");
        String text = single(check(rule, folder), down, 1);
        assertTrue(text.contains("separate downgrade file") && text.contains("/* qalab:downgrade"), text);
    }

    @Test
    void nonSqlFileIsToldToMoveOut() {
        MigrationFolder folder = new MigrationFolder(tmp).chain(1);
        Path notes = folder.write("notes.txt", "remember to add indexes");
        assertTrue(single(check(rule, folder), notes, 1).contains("move it out of the migration folder"));
    }

    @Test
    void fourDigitNumberIsBeyondTheConvention() {
        MigrationFolder folder = new MigrationFolder(tmp).chain(2);
        Path big = folder.write("1000_x.sql", "SELECT 1;");
        String text = single(check(rule, folder), big, 1);
        assertTrue(text.contains("more than three digits"), text);
    }

    @Test
    void uppercaseOrDoubleUnderscoreDescriptionFails() {
        MigrationFolder folder = new MigrationFolder(tmp);
        folder.write("001_Create.sql", "SELECT 1;");
        folder.write("002__x.sql", "SELECT 1;");
        folder.write("003_x.SQL", "SELECT 1;");
        assertEquals(3, check(rule, folder).size());
    }
}
