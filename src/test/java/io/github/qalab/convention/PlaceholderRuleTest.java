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

class PlaceholderRuleTest {

    @TempDir
    Path tmp;

    private final Rule rule = new PlaceholderRule();

    @Test
    void plainSqlAndFlywayBuiltInsPass() {
        MigrationFolder folder = new MigrationFolder(tmp);
        folder.write("001_x.sql", "-- revision: 001\n-- down_revision: none\n\nCREATE TABLE t (price VARCHAR(9));\n"
                + "INSERT INTO t VALUES ('$5 {x}');\nCOMMENT ON TABLE t IS 'by ${flyway:user}';\n"
                + "/* qalab:downgrade\nDROP TABLE t;\n*/\n");
        assertEquals(List.of(), check(rule, folder));
    }

    @Test
    void aPlaceholderEvenInACommentOrStringIsNamedWithItsLine() {
        MigrationFolder folder = new MigrationFolder(tmp);
        Path file = folder.write("001_x.sql", "-- revision: 001\n-- down_revision: none\n\nCREATE TABLE t (id INT);\n"
                + "-- owner: ${team}\n/* qalab:downgrade\nDROP TABLE t;\n*/\n");
        String text = single(check(rule, folder), file, 5);
        assertTrue(text.contains("QL015 ${team} is a Flyway placeholder without a value"), text);
    }
}
