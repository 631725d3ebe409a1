package io.github.qalab.convention;

import io.github.qalab.migration.MigrationDirectory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Runs every convention {@link Rule} over a {@link MigrationDirectory} with per-rule severities. */
public final class ConventionChecker {

    private ConventionChecker() {
    }

    /** Every rule, in id order ({@code QL001} first). */
    public static List<Rule> rules() {
        return List.of(
                new FileNameRule(),
                new HeaderRevisionRule(),
                new DownRevisionRule(),
                new ContiguousNumbersRule(),
                new UniqueNumbersRule(),
                new UpgradeStatementRule(),
                new DowngradeBlockRule(),
                new ReadableFileRule(),
                new LocationExistsRule(),
                new PlaceholderRule());
    }

    /**
     * Checks the directory. Rules missing from {@code severities} run with their default severity; rules set to
     * {@link Severity#OFF} do not run.
     *
     * @param severities severity per rule id (case-insensitive); may be empty or null
     * @throws IllegalArgumentException when a key is not a known rule id; the message names the known ids
     */
    public static ConventionReport check(MigrationDirectory dir, Map<String, Severity> severities) {
        List<Rule> rules = rules();
        Map<String, Severity> byId = new HashMap<>();
        if (severities != null) {
            for (Map.Entry<String, Severity> entry : severities.entrySet()) {
                String id = entry.getKey() == null ? "" : entry.getKey().strip().toUpperCase(Locale.ROOT);
                if (rules.stream().noneMatch(r -> r.id().equals(id))) {
                    throw new IllegalArgumentException("unknown rule id '" + entry.getKey() + "': the rules are "
                            + String.join(", ", rules.stream().map(Rule::id).toList()));
                }
                if (entry.getValue() == null) {
                    throw new IllegalArgumentException("no severity for rule " + id + ": use error, warn or off");
                }
                byId.put(id, entry.getValue());
            }
        }
        List<Violation> found = new ArrayList<>();
        for (Rule rule : rules) {
            Severity severity = byId.getOrDefault(rule.id(), rule.defaultSeverity());
            if (severity != Severity.OFF) {
                found.addAll(rule.check(dir, severity));
            }
        }
        return new ConventionReport(dir, found);
    }
}
