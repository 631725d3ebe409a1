package io.github.qalab.integrity;

import io.github.qalab.convention.Rule;
import io.github.qalab.convention.Severity;

import java.util.List;

/** The integrity rules QL010 to QL013 over {@code qalab.sum}, with their default severities. */
public final class IntegrityRules {

    private IntegrityRules() {
    }

    /** Every integrity rule, in id order. */
    public static List<Rule> rules() {
        return List.of(new RecordedHashRule(), new SumCoverageRule(), new SumFileRule(), new SumPresentRule());
    }

    /** {@code WARN} for QL013 (no sum yet, so that existing projects can adopt the plugin), {@code ERROR} else. */
    public static Severity defaultSeverity(String id) {
        return id.equals("QL013") ? Severity.WARN : Severity.ERROR;
    }
}
