package io.github.qalab.lint;

import io.github.qalab.convention.Severity;

import java.util.List;

/** QL100: a statement the SQL parser does not understand is reported, not silently passed (the linter emits it). */
public final class UnparsedStatementRule implements LintRule {

    @Override
    public String id() {
        return "QL100";
    }

    @Override
    public String summary() {
        return "A statement of a new migration that the lint's SQL parser (JSqlParser) cannot read is not checked.";
    }

    @Override
    public String hint() {
        return "review this statement by hand against the QL101-QL107 risks; set <QL100>off</QL100> when the "
                + "migrations use much database-specific SQL";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARN;
    }

    @Override
    public List<LintFinding> check(ParsedStatement statement, LintContext context) {
        return List.of(); // reported by MigrationLinter when parsing fails
    }
}
