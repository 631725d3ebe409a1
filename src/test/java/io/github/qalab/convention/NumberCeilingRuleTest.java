package io.github.qalab.convention;

import io.github.qalab.testing.MigrationFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.github.qalab.convention.RuleTesting.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NumberCeilingRuleTest {

    @TempDir
    Path tmp;

    @Test
    void fromNineHundredNinetyTheChainIsWarnedAboutTheCeiling() {
        MigrationFolder folder = new MigrationFolder(tmp).chain(989);
        assertEquals(List.of(), check(new NumberCeilingRule(), folder));
        Path head = folder.migration(990);
        List<Violation> found = check(new NumberCeilingRule(), folder);
        assertEquals(1, found.size());
        assertEquals(head, found.get(0).file());
        assertTrue(found.get(0).message().startsWith("the chain is at 990: 9 numbers are left before 999"),
                found.get(0).message());
        assertTrue(found.get(0).hint().startsWith("squash the history into a baseline"), found.get(0).hint());
    }

    @Test
    void itIsAWarningByDefaultSoAFullButValidChainStillPasses() {
        MigrationFolder folder = new MigrationFolder(tmp).chain(999);
        io.github.qalab.guard.VerifyChecks.Outcome outcome = io.github.qalab.guard.VerifyChecks.check(folder.scan(),
                Map.of(), io.github.qalab.guard.LintScope.parse("off"), io.github.qalab.lint.LintDialect.UNKNOWN);
        ConventionReport report = outcome.report();
        assertFalse(report.hasErrors(), report.violations().toString());
        assertEquals(List.of("QL013", "QL014"), report.violations().stream().map(Violation::ruleId).sorted().toList());
        Violation ceiling = report.violations().stream().filter(v -> v.ruleId().equals("QL014")).findFirst()
                .orElseThrow();
        assertEquals(Severity.WARN, ceiling.severity());
        assertTrue(ceiling.message().contains("no number is left"), ceiling.message());
    }
}
