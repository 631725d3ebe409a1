package io.github.qalab.convention;

import io.github.qalab.migration.MigrationDirectory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs every convention rule over a directory. Placeholder on the database branch: the rule list is empty here and
 * the lead's merge replaces this class with the real one (same signature).
 */
public final class ConventionChecker {

    private ConventionChecker() {
    }

    /** Every rule, in id order. */
    public static List<Rule> rules() {
        return List.of();
    }

    /** Checks the directory; {@code severities} overrides a rule's severity by id (default {@code ERROR}). */
    public static ConventionReport check(MigrationDirectory directory, Map<String, Severity> severities) {
        List<Violation> found = new ArrayList<>();
        for (Rule rule : rules()) {
            Severity severity = severities.getOrDefault(rule.id(), Severity.ERROR);
            if (severity != Severity.OFF) {
                found.addAll(rule.check(directory, severity));
            }
        }
        return new ConventionReport(directory, found);
    }
}
