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

class DowngradeBlockRuleTest {

    private static final String HEAD = "-- revision: 001\n-- down_revision: none\nCREATE TABLE a (id INT);\n";

    @TempDir
    Path tmp;

    private final Rule rule = new DowngradeBlockRule();

    @Test
    void sqlAndIrreversibleBlocksPass() {
        MigrationFolder folder = new MigrationFolder(tmp).chain(2);
        folder.write("003_x.sql", HEAD.replace("001", "003").replace("none", "002")
                + "/* qalab:downgrade irreversible */\n");
        assertEquals(List.of(), check(rule, folder));
    }

    @Test
    void missingBlockIsReportedAtTheLastLine() {
        MigrationFolder folder = new MigrationFolder(tmp);
        Path file = folder.write("001_x.sql", HEAD);
        String text = single(check(rule, folder), file, 3);
        assertTrue(text.contains("QL007 no downgrade block") && text.contains("irreversible"), text);
    }

    @Test
    void emptyBlockIsReportedAtTheMarker() {
        MigrationFolder folder = new MigrationFolder(tmp);
        Path file = folder.write("001_x.sql", HEAD + "\n/* qalab:downgrade\n*/\n");
        assertTrue(single(check(rule, folder), file, 5).contains("the downgrade block is empty"));
    }

    @Test
    void closingCommentInsideIsReportedWhereItIs() {
        MigrationFolder folder = new MigrationFolder(tmp);
        Path file = folder.write("001_x.sql", HEAD + "/* qalab:downgrade\nDROP TABLE a; /* gone */\n*/\n");
        String text = single(check(rule, folder), file, 5);
        assertTrue(text.contains("nested /*"), text);
        Path other = folder.write("001_y.sql", HEAD + "/* qalab:downgrade\n-- see */\nDROP TABLE a;\n*/\n");
        List<Violation> found = check(rule, folder);
        assertEquals(2, found.size());
        assertEquals(other, found.get(1).file());
        assertEquals(5, found.get(1).line());
        assertTrue(found.get(1).message().contains("*/"), found.get(1).message());
    }

    @Test
    void unclosedBlockIsReportedAtTheMarker() {
        MigrationFolder folder = new MigrationFolder(tmp);
        Path file = folder.write("001_x.sql", HEAD + "/* qalab:downgrade\nDROP TABLE a;\n");
        assertTrue(single(check(rule, folder), file, 4).contains("is not closed"));
    }

    @Test
    void crlfFileReportsTheSameLines() {
        MigrationFolder folder = new MigrationFolder(tmp);
        Path file = folder.write("001_x.sql", (HEAD + "/* qalab:downgrade\nDROP TABLE a; /* x */\n*/\n")
                .replace("\n", "\r\n"));
        single(check(rule, folder), file, 5);
    }
}
