package io.github.qalab.lint;

import io.github.qalab.convention.Severity;

import java.util.List;

/** One safety check on the statements of a new migration, with a stable id ({@code QL101}…) and a default severity. */
public sealed interface LintRule permits UnparsedStatementRule, DestructiveChangeRule, NotNullWithoutDefaultRule,
        NarrowedColumnTypeRule, ChangedColumnTypeRule, BlockingIndexRule, ValidatingForeignKeyRule, RenameRule {

    /** The stable id. */
    String id();

    /** One line: what the rule guards against. */
    String summary();

    /** The safe alternative, in general terms. */
    String hint();

    /** The severity when the {@code <rules>} configuration does not name the rule. */
    Severity defaultSeverity();

    /** What the rule finds in one statement (usually nothing). */
    List<LintFinding> check(ParsedStatement statement, LintContext context);
}
