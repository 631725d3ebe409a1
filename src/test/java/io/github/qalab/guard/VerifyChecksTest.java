package io.github.qalab.guard;

import io.github.qalab.convention.Severity;
import io.github.qalab.convention.Violation;
import io.github.qalab.lint.LintDialect;
import io.github.qalab.migration.MigrationSum;
import io.github.qalab.testing.MigrationFolder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifyChecksTest {

    @TempDir
    Path dir;

    private static final String DROP = "-- revision: 003\n-- down_revision: 002\n\nDROP TABLE t001;\n\n"
            + "/* qalab:downgrade irreversible */\n";

    @Test
    void catalogHasUniqueIdsInOrderWithDefaults() {
        List<String> ids = VerifyChecks.catalog().stream().map(RuleInfo::id).toList();
        assertEquals(ids.stream().distinct().sorted().toList(), ids);
        assertEquals(List.of("QL001", "QL002", "QL003", "QL004", "QL005", "QL006", "QL007", "QL008", "QL009",
                "QL010", "QL011", "QL012", "QL013", "QL014", "QL015", "QL020", "QL021", "QL022", "QL100", "QL101", "QL102", "QL103", "QL104", "QL105", "QL106",
                "QL107"), ids);
    }

    @Test
    void lintReadsOnlyMigrationsNotRecordedInTheSum() throws Exception {
        MigrationFolder folder = new MigrationFolder(dir).chain(2);
        folder.write("002_create_t002.sql", MigrationFolder.valid(2).replace("CREATE TABLE t002 (id BIGINT NOT NULL)",
                "DROP TABLE t001")); // old history with a DROP: not linted once recorded
        MigrationSum.update(List.of(dir));
        folder.write("003_drop.sql", DROP);
        VerifyChecks.Outcome outcome = VerifyChecks.check(folder.scan(), Map.of(), LintScope.parse("new"),
                LintDialect.UNKNOWN);
        List<String> ids = outcome.report().violations().stream().map(Violation::ruleId).toList();
        assertEquals(List.of("QL011", "QL101"), ids, outcome.report().violations().toString());
        assertTrue(outcome.notes().get(0).startsWith("Safety lint read 1 migration not recorded in qalab.sum: 003_drop.sql"));
        // all: the old DROP too; off: none
        assertEquals(2, VerifyChecks.check(folder.scan(), Map.of(), LintScope.parse("all"), LintDialect.UNKNOWN)
                .report().violations().stream().filter(v -> v.ruleId().equals("QL101")).count());
        assertEquals(List.of("QL011"), VerifyChecks.check(folder.scan(), Map.of(), LintScope.parse("off"),
                LintDialect.UNKNOWN).report().violations().stream().map(Violation::ruleId).toList());
    }

    @Test
    void branchScopeLintsEveryMigrationAddedOnTheBranchEvenWhenRecordedInTheSum() throws Exception {
        Assumptions.assumeTrue(gitInstalled(), "git is not installed");
        MigrationFolder folder = new MigrationFolder(dir).chain(2);
        folder.write("002_create_t002.sql", MigrationFolder.valid(2).replace("CREATE TABLE t002 (id BIGINT NOT NULL)",
                "DROP TABLE t001")); // history on the default branch: not this branch's business
        MigrationSum.update(List.of(dir));
        git("init", "-q");
        git("symbolic-ref", "HEAD", "refs/heads/main");
        git("add", "-A");
        git("commit", "-q", "-m", "history");
        git("checkout", "-q", "-b", "feature");
        folder.write("003_drop.sql", DROP);
        MigrationSum.update(List.of(dir)); // recorded at once, as generate does
        git("add", "-A");
        git("commit", "-q", "-m", "drop");

        VerifyChecks.Outcome branch = VerifyChecks.check(folder.scan(), Map.of(), LintScope.parse("branch"),
                LintDialect.UNKNOWN);
        assertEquals(List.of("QL101"), branch.report().violations().stream().map(Violation::ruleId).toList(),
                branch.report().violations().toString());
        assertTrue(branch.report().violations().get(0).file().endsWith("003_drop.sql"));
        assertTrue(branch.notes().get(0).startsWith("Safety lint read 1 migration added on this branch"),
                branch.notes().toString());
        // the gap this scope closes: under new, a migration recorded in qalab.sum is never linted
        assertEquals(List.of(), VerifyChecks.check(folder.scan(), Map.of(), LintScope.parse("new"),
                LintDialect.UNKNOWN).report().violations());
        // on the default branch itself, a migration not committed yet is the one added
        git("checkout", "-q", "main");
        folder.write("003_drop.sql", DROP);
        MigrationSum.update(List.of(dir));
        assertEquals(List.of("QL101"), VerifyChecks.check(folder.scan(), Map.of(), LintScope.parse("branch"),
                LintDialect.UNKNOWN).report().violations().stream().map(Violation::ruleId).toList());
    }

    private void git(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("GIT_AUTHOR_NAME", "t");
        builder.environment().put("GIT_AUTHOR_EMAIL", "t@example.com");
        builder.environment().put("GIT_COMMITTER_NAME", "t");
        builder.environment().put("GIT_COMMITTER_EMAIL", "t@example.com");
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }

    private static boolean gitInstalled() {
        try {
            return new ProcessBuilder("git", "--version").start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void withoutASumOnlyTheAdoptionWarning() {
        MigrationFolder folder = new MigrationFolder(dir).chain(2);
        folder.write("003_drop.sql", DROP);
        List<Violation> found = VerifyChecks.check(folder.scan(), Map.of(), LintScope.parse("new"),
                LintDialect.UNKNOWN).report().violations();
        assertEquals(1, found.size(), found.toString());
        assertEquals("QL013", found.get(0).ruleId());
        assertEquals(Severity.WARN, found.get(0).severity());
    }

    @Test
    void oneSeverityMapForAllRulesAndUnknownIdsNameEveryRule() {
        MigrationFolder folder = new MigrationFolder(dir).chain(1);
        folder.write("003_x.sql", "");
        assertTrue(VerifyChecks.check(folder.scan(), Map.of("ql013", Severity.OFF, "QL004", Severity.OFF,
                "QL006", Severity.OFF, "QL007", Severity.OFF, "QL002", Severity.OFF, "QL003", Severity.OFF),
                LintScope.parse("new"), LintDialect.UNKNOWN).report().violations().isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VerifyChecks.check(
                folder.scan(), Map.of("QL999", Severity.WARN), LintScope.parse("new"), LintDialect.UNKNOWN));
        assertTrue(e.getMessage().contains("unknown rule id 'QL999'") && e.getMessage().contains("QL107"),
                e.getMessage());
    }

    @Test
    void lintScopeParsing() {
        assertEquals(LintScope.Kind.SINCE, LintScope.parse("since:origin/main").kind());
        assertEquals("origin/main", LintScope.parse("since:origin/main").revision());
        assertEquals("origin/develop", LintScope.ofGithubBase("develop").orElseThrow().revision());
        assertTrue(LintScope.ofGithubBase("").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> LintScope.parse("newest"));
        assertEquals(LintScope.Kind.BRANCH, LintScope.parse("Branch").kind());
    }
}
