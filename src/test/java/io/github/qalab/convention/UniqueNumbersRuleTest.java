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

class UniqueNumbersRuleTest {

    @TempDir
    Path tmp;

    private final Rule rule = new UniqueNumbersRule();

    @Test
    void distinctNumbersPass() {
        assertEquals(List.of(), check(rule, new MigrationFolder(tmp).chain(3)));
    }

    @Test
    void twoHeadsNameBothFilesAndTheRenumbering() {
        MigrationFolder folder = new MigrationFolder(tmp).chain(2);
        folder.write("002_add_invoice.sql", MigrationFolder.valid(2));
        folder.migration(3);
        List<Violation> found = check(rule, folder);
        // 002_add_invoice.sql sorts before 002_create_t002.sql, so the second is where it is reported
        String text = single(found, tmp.resolve("002_create_t002.sql"), 1);
        assertTrue(text.contains("002_add_invoice.sql and 002_create_t002.sql share number 002"), text);
        assertTrue(text.contains("renumber the newer one (the one merged last) to 004 (-- down_revision: 003)"), text);
    }

    @Test
    void threeFilesWithOneNumberGetConsecutiveNewNumbers() {
        MigrationFolder folder = new MigrationFolder(tmp).chain(1);
        folder.write("001_b.sql", MigrationFolder.valid(1));
        folder.write("001_c.sql", MigrationFolder.valid(1));
        List<Violation> found = check(rule, folder);
        assertEquals(1, found.size());
        String text = found.get(0).format(tmp);
        assertTrue(text.contains("001_b.sql, 001_c.sql and 001_create_t001.sql share number 001"), text);
        assertTrue(text.contains("to 002 (-- down_revision: 001) and 003 (-- down_revision: 002)"), text);
    }
}
