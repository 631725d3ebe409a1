package io.github.qalab.guard;

import io.github.qalab.convention.Severity;
import io.github.qalab.convention.Violation;
import io.github.qalab.lint.LintDialect;
import io.github.qalab.migration.MigrationSum;
import io.github.qalab.testing.MigrationFolder;
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
                "QL010", "QL011", "QL012", "QL013", "QL020", "QL021", "QL022", "QL100", "QL101", "QL102", "QL103", "QL104", "QL105", "QL106",
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
    }
}
