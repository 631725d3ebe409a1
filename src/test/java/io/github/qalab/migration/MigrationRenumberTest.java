package io.github.qalab.migration;

import io.github.qalab.testing.MigrationFolder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationRenumberTest {

    @TempDir
    Path repo;

    private static String migration(int number, String table) {
        return MigrationFolder.valid(number).replace("t" + String.format("%03d", number), table);
    }

    private void git(String date, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(concat(args)).directory(repo.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("GIT_AUTHOR_NAME", "t");
        env.put("GIT_AUTHOR_EMAIL", "t@example.com");
        env.put("GIT_COMMITTER_NAME", "t");
        env.put("GIT_COMMITTER_EMAIL", "t@example.com");
        env.put("GIT_AUTHOR_DATE", date);
        env.put("GIT_COMMITTER_DATE", date);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }

    private static List<String> concat(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("git"));
        all.addAll(List.of(args));
        return all;
    }

    private static boolean gitInstalled() {
        try {
            return new ProcessBuilder("git", "--version").start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void movesTheNewerCommitToTheNextNumberAndUpdatesHeaderAndSum() throws Exception {
        Assumptions.assumeTrue(gitInstalled(), "git is not installed");
        MigrationFolder folder = new MigrationFolder(repo);
        git("2024-01-01T10:00:00Z", "init", "-q");
        folder.write("001_create_app_user.sql", migration(1, "app_user"));
        MigrationSum.update(List.of(repo));
        git("2024-01-01T10:00:00Z", "add", "-A");
        git("2024-01-01T10:00:00Z", "commit", "-q", "-m", "001");
        // the later commit is the one merged last
        folder.write("002_add_invoice.sql", migration(2, "invoice"));
        git("2024-03-01T10:00:00Z", "add", "002_add_invoice.sql");
        git("2024-03-01T10:00:00Z", "commit", "-q", "-m", "invoice");
        folder.write("002_add_project.sql", migration(2, "project"));
        git("2024-02-01T10:00:00Z", "add", "002_add_project.sql");
        git("2024-02-01T10:00:00Z", "commit", "-q", "-m", "project");
        MigrationSum.update(List.of(repo).subList(0, 1)); // records both 002s, as a merge of both sides would

        MigrationDirectory directory = folder.scan();
        MigrationRenumber.Plan plan = MigrationRenumber.plan(directory, Optional.empty(), Set.of(),
                new GitHistory(repo));
        assertEquals(1, plan.moves().size());
        assertEquals("002_add_invoice.sql \u2192 003_add_invoice.sql (-- revision: 003, -- down_revision: 002)",
                plan.moves().get(0).describe());
        assertTrue(plan.notes().contains("002_add_invoice.sql: committed 2024-03-01T10:00:00Z"), plan.notes().toString());

        assertTrue(MigrationRenumber.apply(directory, plan));
        assertFalse(Files.exists(repo.resolve("002_add_invoice.sql")));
        String moved = Files.readString(repo.resolve("003_add_invoice.sql"));
        assertTrue(moved.startsWith("-- revision: 003\n-- down_revision: 002\n"), moved);
        assertTrue(moved.contains("CREATE TABLE invoice"));
        MigrationSum.Recorded sum = MigrationSum.read(repo.resolve("qalab.sum")).orElseThrow();
        assertTrue(sum.intact(), sum.problems().toString());
        assertEquals(Set.of("001_create_app_user.sql", "002_add_project.sql", "003_add_invoice.sql"),
                sum.entries().keySet());
        assertEquals(MigrationSum.of(folder.scan()).entries(), Map.copyOf(
                sum.entries().values().stream().collect(java.util.stream.Collectors.toMap(
                        MigrationSum.RecordedEntry::fileName, MigrationSum.RecordedEntry::hash))));
    }

    @Test
    void anUncommittedFileIsTheNewestAndANamedFileWins() throws Exception {
        Assumptions.assumeTrue(gitInstalled(), "git is not installed");
        MigrationFolder folder = new MigrationFolder(repo);
        git("2024-01-01T10:00:00Z", "init", "-q");
        folder.write("001_a.sql", migration(1, "a"));
        folder.write("001_b.sql", migration(1, "b"));
        git("2024-01-01T10:00:00Z", "add", "001_a.sql");
        git("2024-01-01T10:00:00Z", "commit", "-q", "-m", "a");
        MigrationRenumber.Plan plan = MigrationRenumber.plan(folder.scan(), Optional.empty(), Set.of(),
                new GitHistory(repo));
        assertEquals("001_b.sql", plan.moves().get(0).file().fileName());
        assertEquals(2, plan.moves().get(0).newNumber());
        assertTrue(plan.notes().contains("001_b.sql: not committed (counts as newest)"));

        MigrationRenumber.Plan named = MigrationRenumber.plan(folder.scan(), Optional.of("001_a.sql"), Set.of(),
                new GitHistory(repo));
        assertEquals("001_a.sql", named.moves().get(0).file().fileName());
    }

    @Test
    void withoutGitTheModificationTimeDecidesAndAppliedFilesNeverMove() throws IOException, RenumberException {
        Path dir = repo.resolve("nogit");
        MigrationFolder folder = new MigrationFolder(dir);
        folder.write("001_a.sql", migration(1, "a"));
        Path older = folder.write("002_old.sql", migration(2, "old"));
        Path newer = folder.write("002_new.sql", migration(2, "new"));
        folder.write("003_c.sql", migration(3, "c"));
        Files.setLastModifiedTime(older, FileTime.from(Instant.parse("2024-01-01T00:00:00Z")));
        Files.setLastModifiedTime(newer, FileTime.from(Instant.parse("2024-06-01T00:00:00Z")));
        // a folder that is no git work tree: use a GitHistory that cannot answer
        GitHistory noGit = new GitHistory(Path.of(System.getProperty("java.io.tmpdir")).getRoot());
        Assumptions.assumeFalse(noGit.available(), "the file system root is inside a git work tree");
        MigrationRenumber.Plan plan = MigrationRenumber.plan(folder.scan(), Optional.empty(), Set.of(), noGit);
        assertEquals("002_new.sql", plan.moves().get(0).file().fileName());
        assertEquals(4, plan.moves().get(0).newNumber());
        assertTrue(plan.notes().get(0).contains("by file modification time"), plan.notes().toString());

        // the newer one is applied in the database: the other moves instead
        MigrationRenumber.Plan applied = MigrationRenumber.plan(folder.scan(), Optional.empty(), Set.of("002_new.sql"),
                noGit);
        assertEquals("002_old.sql", applied.moves().get(0).file().fileName());
        RenumberException e = assertThrows(RenumberException.class, () -> MigrationRenumber.plan(folder.scan(),
                Optional.of("002_new.sql"), Set.of("002_new.sql"), noGit));
        assertTrue(e.getMessage().contains("is applied in the database"));
        // MigrationRenumber.apply without a sum: files move, no sum is created
        assertFalse(MigrationRenumber.apply(folder.scan(), plan));
        assertTrue(Files.exists(dir.resolve("004_new.sql")));
        assertFalse(Files.exists(dir.resolve("qalab.sum")));
    }

    @Test
    void nothingToRenumberIsAClearRefusal() {
        MigrationFolder folder = new MigrationFolder(repo).chain(2);
        RenumberException e = assertThrows(RenumberException.class, () -> MigrationRenumber.plan(folder.scan(),
                Optional.empty(), Set.of(), new GitHistory(repo)));
        assertEquals("No two migrations share a number: nothing to renumber", e.getMessage());
        RenumberException named = assertThrows(RenumberException.class, () -> {
            folder.write("002_other.sql", migration(2, "other"));
            MigrationRenumber.plan(folder.scan(), Optional.of("001_create_t001.sql"), Set.of(), new GitHistory(repo));
        });
        assertTrue(named.getMessage().contains("is not one of the migrations that share a number"));
    }

    @Test
    void headerRewriteKeepsTheRest() {
        MigrationFolder folder = new MigrationFolder(repo);
        folder.write("002_x.sql", "-- revision:   002\n-- down_revision: 001\n-- message: X\n\nSELECT 1;\n");
        MigrationFile file = folder.scan().files().get(0);
        assertEquals("-- revision: 007\n-- down_revision: 006\n-- message: X\n\nSELECT 1;\n",
                MigrationRenumber.rewriteHeader(file, 7));
    }
}
