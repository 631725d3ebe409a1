package io.github.qalab.convention;

import io.github.qalab.testing.MigrationFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConventionCheckerTest {

    @TempDir
    Path tmp;

    @Test
    void everyRuleHasAStableUniqueIdASummaryAndAHint() {
        List<Rule> rules = ConventionChecker.rules();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            // QL001-QL009 in order, then QL015 (QL010-QL014 are the integrity and ceiling checks)
            assertEquals(i < 9 ? String.format("QL%03d", i + 1) : "QL015", rule.id());
            assertTrue(ids.add(rule.id()));
            assertFalse(rule.summary().isBlank() || rule.summary().contains("\n"), rule.id());
            assertFalse(rule.hint().isBlank() || rule.hint().contains("\n"), rule.id());
        }
        assertEquals(10, rules.size());
    }

    @Test
    void validChainOf999HasNoViolations() {
        ConventionReport report = ConventionChecker.check(new MigrationFolder(tmp).chain(999).scan(), Map.of());
        assertEquals(List.of(), report.violations());
        assertFalse(report.hasErrors());
    }

    @Test
    void reportsEveryViolationSortedByFileThenLine() throws Exception {
        MigrationFolder folder = new MigrationFolder(tmp).chain(3);
        Files.writeString(tmp.resolve("002_create_t002.sql"), "-- revision: 2\n-- down_revision: 001\nSELECT 1;\n");
        folder.write("notes.txt", "x");
        ConventionReport report = ConventionChecker.check(folder.scan(), null);
        List<String> got = report.violations().stream().map(v -> v.file().getFileName() + ":" + v.line() + ":" + v.ruleId()).toList();
        assertEquals(List.of("002_create_t002.sql:1:QL002", "002_create_t002.sql:3:QL007", "notes.txt:1:QL001"), got);
        assertEquals("3 violations in 2 files", ConventionReport.summary(report.errors()));
    }

    @Test
    void severitiesDowngradeOrSwitchOffRules() {
        MigrationFolder folder = new MigrationFolder(tmp).chain(1);
        folder.write("002_x.sql", "-- revision: 002\n-- down_revision: 001\nSELECT 1;\n");
        ConventionReport warned = ConventionChecker.check(folder.scan(), Map.of("ql007", Severity.WARN));
        assertEquals(1, warned.violations().size());
        assertEquals(Severity.WARN, warned.violations().get(0).severity());
        assertFalse(warned.hasErrors());
        assertTrue(warned.violations().get(0).format(tmp).contains("QL007 warning: no downgrade block"));
        assertEquals(List.of(), ConventionChecker.check(folder.scan(), Map.of("QL007", Severity.OFF)).violations());
        assertTrue(ConventionChecker.check(folder.scan(), Map.of("QL001", Severity.WARN)).hasErrors());
    }

    @Test
    void unknownRuleIdNamesTheKnownIds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConventionChecker.check(new MigrationFolder(tmp).scan(), Map.of("QL010", Severity.WARN)));
        assertTrue(e.getMessage().contains("'QL010'") && e.getMessage().contains("QL001, QL002"), e.getMessage());
    }

    @Test
    void nastyFolderReportsOneFindingPerProblem() {
        MigrationFolder folder = new MigrationFolder(tmp).chain(2);
        folder.writeBytes("003_empty.sql", new byte[0]);
        folder.write("1000_x.sql", "SELECT 1;");
        ConventionReport report = ConventionChecker.check(folder.scan(), Map.of());
        List<String> got = report.violations().stream().map(v -> v.file().getFileName() + ":" + v.ruleId()).toList();
        assertEquals(List.of("003_empty.sql:QL002", "003_empty.sql:QL006", "003_empty.sql:QL007", "1000_x.sql:QL001"), got);
    }
}
