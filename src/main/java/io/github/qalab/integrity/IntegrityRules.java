package io.github.qalab.integrity;

import io.github.qalab.convention.Rule;
import io.github.qalab.convention.Severity;
import io.github.qalab.convention.Violation;
import io.github.qalab.migration.MigrationDirectory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The integrity rules QL010 to QL013 over {@code qalab.sum}, with their default severities. */
public final class IntegrityRules {

    private IntegrityRules() {
    }

    /** Every integrity rule, in id order. */
    public static List<Rule> rules() {
        return List.of(new RecordedHashRule(), new SumCoverageRule(), new SumFileRule(), new SumPresentRule());
    }

    /**
     * Runs every integrity rule, reading {@code qalab.sum} once.
     *
     * @param severities severity per rule id (upper case); missing ids take {@link #defaultSeverity}
     */
    public static List<Violation> check(MigrationDirectory directory, Map<String, Severity> severities) {
        List<Violation> found = new ArrayList<>();
        Optional<SumRule.SumState> sum = SumRule.read(directory);
        if (sum.isEmpty()) {
            return found;
        }
        for (Rule rule : rules()) {
            Severity severity = severities.getOrDefault(rule.id(), defaultSeverity(rule.id()));
            if (severity != Severity.OFF) {
                found.addAll(((SumRule) rule).check(directory, sum.get().file(), sum.get().recorded(), severity));
            }
        }
        return found;
    }

    /** {@code WARN} for QL013 (no sum yet, so that existing projects can adopt the plugin), {@code ERROR} else. */
    public static Severity defaultSeverity(String id) {
        return id.equals("QL013") ? Severity.WARN : Severity.ERROR;
    }
}
