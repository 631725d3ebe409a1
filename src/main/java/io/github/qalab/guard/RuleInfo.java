package io.github.qalab.guard;

import io.github.qalab.convention.Severity;

/**
 * What reports say about a rule: its id, one-line summary, the fix in general terms, and its default severity.
 */
public record RuleInfo(String id, String summary, String help, Severity defaultSeverity) {
}
