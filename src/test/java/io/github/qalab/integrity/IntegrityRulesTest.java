package io.github.qalab.integrity;

import io.github.qalab.convention.Rule;
import io.github.qalab.convention.Severity;
import io.github.qalab.convention.Violation;
import io.github.qalab.migration.MigrationSum;
import io.github.qalab.testing.MigrationFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntegrityRulesTest {

    @TempDir
    Path dir;

    private List<Violation> check(Rule rule, MigrationFolder folder) {
        List<Violation> found = rule.check(folder.scan(), Severity.ERROR);
        for (Violation v : found) {
            assertEquals(rule.id(), v.ruleId());
            assertTrue(v.line() >= 1 && !v.message().isBlank() && !v.hint().isBlank(), v.toString());
        }
        return found;
    }

    private MigrationFolder recorded(int count) throws IOException {
        MigrationFolder folder = new MigrationFolder(dir).chain(count);
        MigrationSum.update(List.of(dir));
        return folder;
    }

    @Test
    void anIntactHistoryPassesEveryRule() throws IOException {
        MigrationFolder folder = recorded(5);
        for (Rule rule : IntegrityRules.rules()) {
            assertEquals(List.of(), check(rule, folder), rule.id());
        }
    }

    @Test
    void aSumThatIsALoopingLinkIsCorruptNotMissingSoTheBuildFails() throws IOException {
        MigrationFolder folder = new MigrationFolder(dir).chain(2);
        Files.createSymbolicLink(dir.resolve("loop.sum"), dir.resolve(MigrationSum.FILE_NAME));
        Files.createSymbolicLink(dir.resolve(MigrationSum.FILE_NAME), dir.resolve("loop.sum"));
        assertEquals(List.of(), check(new SumPresentRule(), folder), "there is a qalab.sum, just not a readable one");
        List<Violation> found = IntegrityRules.check(folder.scan(), java.util.Map.of());
        assertEquals(1, found.size(), found.toString());
        assertEquals("QL012", found.get(0).ruleId());
        assertEquals(Severity.ERROR, found.get(0).severity());
        assertTrue(found.get(0).message().contains("symbolic link that leads nowhere"), found.get(0).message());
    }

    @Test
    void aSumThatLinksToAnotherFileIsNotReadSoNoLineOfThatFileIsQuoted() throws IOException {
        MigrationFolder folder = new MigrationFolder(dir.resolve("db")).chain(1);
        Path secret = Files.writeString(dir.resolve("id_rsa"), "-----BEGIN KEY-----\nAAAAsecretkeyline\n");
        Files.createSymbolicLink(folder.path().resolve(MigrationSum.FILE_NAME), secret);
        List<Violation> found = IntegrityRules.check(folder.scan(), java.util.Map.of());
        assertEquals(List.of("QL012"), found.stream().map(Violation::ruleId).toList());
        assertTrue(found.get(0).message().contains("it is a symbolic link, which qalab does not read through"),
                found.get(0).message());
        assertTrue(found.stream().noneMatch(v -> v.message().contains("secretkeyline")));
    }

    @Test
    void ql010EditedAfterRecorded() throws IOException {
        MigrationFolder folder = recorded(3);
        Path edited = folder.write("002_create_t002.sql", MigrationFolder.valid(2).replace("BIGINT", "INT"));
        List<Violation> found = check(new RecordedHashRule(), folder);
        assertEquals(1, found.size(), found.toString());
        assertEquals(edited, found.get(0).file());
        assertEquals(1, found.get(0).line());
        String text = found.get(0).format(dir);
        assertTrue(text.startsWith("002_create_t002.sql:1: QL010 edited after it was recorded in qalab.sum "
                + "(generated/merged): its content no longer matches the hash on line 3"), text);
        assertTrue(text.contains("create a new migration instead"), text);
        // line endings alone are no edit
        Files.writeString(edited, MigrationFolder.valid(2).replace("\n", "\r\n"));
        assertEquals(List.of(), check(new RecordedHashRule(), folder));
    }

    @Test
    void ql011MissingFromTheSumAndSumNamesAMissingFile() throws IOException {
        MigrationFolder folder = recorded(2);
        Path added = folder.migration(3);
        Files.delete(dir.resolve("001_create_t001.sql"));
        List<Violation> found = check(new SumCoverageRule(), folder);
        assertEquals(2, found.size(), found.toString());
        assertEquals(added, found.get(0).file());
        assertTrue(found.get(0).message().contains("not recorded in qalab.sum"));
        assertTrue(found.get(0).hint().contains("mvn qalab:hash"));
        assertEquals(dir.resolve("qalab.sum"), found.get(1).file());
        assertEquals(2, found.get(1).line());
        assertTrue(found.get(1).message().startsWith("001_create_t001.sql is recorded in qalab.sum but the file is "
                + "missing"));
    }

    @Test
    void ql012ConflictMarkersAreReportedAtTheirLinesWithTheRenumberHint() throws IOException {
        MigrationFolder folder = recorded(2);
        Path sum = dir.resolve("qalab.sum");
        List<String> lines = Files.readAllLines(sum);
        Files.writeString(sum, lines.get(0) + "\n" + lines.get(1) + "\n<<<<<<< HEAD\n" + lines.get(2) + "\n"
                + lines.get(3) + "\n=======\n003_other.sql sha256:" + "c".repeat(64) + "\n" + lines.get(3)
                + "\n>>>>>>> topic\n");
        List<Violation> found = check(new SumFileRule(), folder);
        assertEquals(List.of(3, 6, 9), found.stream().map(Violation::line).toList());
        assertTrue(found.get(0).message().contains("git conflict marker <<<<<<<"));
        assertTrue(found.get(0).hint().contains("mvn qalab:renumber") && found.get(0).hint().contains("mvn qalab:hash"));
        // a conflicted sum is one finding, not also QL010/QL011 noise
        assertEquals(List.of(), check(new SumCoverageRule(), folder));
        assertEquals(List.of(), check(new RecordedHashRule(), folder));
    }

    @Test
    void ql012WrongTotal() throws IOException {
        MigrationFolder folder = recorded(2);
        Path sum = dir.resolve("qalab.sum");
        Files.writeString(sum, Files.readString(sum).replaceFirst("(001_create_t001.sql sha256:)[0-9a-f]", "$1f"));
        List<Violation> found = check(new SumFileRule(), folder);
        assertEquals(1, found.size());
        assertEquals(4, found.get(0).line());
        assertTrue(found.get(0).message().contains("total hash does not match"));
    }

    @Test
    void ql013NoSumIsAWarningByDefaultAndSilentForAnEmptyFolder() {
        MigrationFolder folder = new MigrationFolder(dir);
        assertEquals(List.of(), check(new SumPresentRule(), folder));
        folder.chain(2);
        List<Violation> found = check(new SumPresentRule(), folder);
        assertEquals(1, found.size());
        assertTrue(found.get(0).hint().startsWith("run mvn qalab:hash"));
        assertEquals(Severity.WARN, IntegrityRules.defaultSeverity("QL013"));
        assertEquals(Severity.ERROR, IntegrityRules.defaultSeverity("QL010"));
        // without a sum the other rules have nothing to compare
        assertEquals(List.of(), check(new SumCoverageRule(), folder));
    }
}
