package io.github.qalab.convention;

import io.github.qalab.migration.MigrationDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocationExistsRuleTest {

    @TempDir
    Path tmp;

    private final Rule rule = new LocationExistsRule();

    @Test
    void existingEmptyFolderPasses() throws Exception {
        Path db = Files.createDirectories(tmp.resolve("db"));
        assertEquals(List.of(), rule.check(MigrationDirectory.scan(List.of(db)), Severity.ERROR));
    }

    @Test
    void missingFolderAndPlainFileAreReported() throws Exception {
        Path missing = tmp.resolve("db/migraton");
        Path file = Files.writeString(tmp.resolve("migration.sql"), "SELECT 1;");
        List<Violation> found = rule.check(MigrationDirectory.scan(List.of(missing, file)), Severity.WARN);
        assertEquals(2, found.size());
        assertEquals(missing, found.get(0).file());
        assertTrue(found.get(0).format(tmp).startsWith("db/migraton:1: QL009 warning: the migration folder does not exist"));
        assertTrue(found.get(1).message().contains("not a folder"));
    }
}
