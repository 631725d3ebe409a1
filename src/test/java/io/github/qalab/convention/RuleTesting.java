package io.github.qalab.convention;

import io.github.qalab.testing.MigrationFolder;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Small assertions shared by the rule tests. */
final class RuleTesting {

    private RuleTesting() {
    }

    static List<Violation> check(Rule rule, MigrationFolder folder) {
        List<Violation> found = rule.check(folder.scan(), Severity.ERROR);
        for (Violation v : found) {
            assertEquals(rule.id(), v.ruleId());
            assertEquals(Severity.ERROR, v.severity());
            assertTrue(v.line() >= 1, "line " + v.line());
            assertTrue(!v.message().isBlank() && !v.hint().isBlank(), v.toString());
        }
        return found;
    }

    /** Asserts exactly one violation, in {@code file} at {@code line}, and returns its formatted text. */
    static String single(List<Violation> found, Path file, int line) {
        assertEquals(1, found.size(), found.toString());
        Violation v = found.get(0);
        assertEquals(file, v.file());
        assertEquals(line, v.line(), v.toString());
        return v.format(file.getParent());
    }
}
