package io.github.qalab.lint;

import io.github.qalab.convention.Severity;

import java.util.ArrayList;
import java.util.List;

/**
 * QL103: a column type is narrowed (shorter text, smaller number), which fails on or truncates existing values;
 * allowed, like QL101, when the migration says {@code -- qalab:allow destructive} (generate writes that line when the
 * user allowed the loss with {@code -Dqalab.allowDataLoss}).
 */
public final class NarrowedColumnTypeRule implements LintRule {

    @Override
    public String id() {
        return "QL103";
    }

    @Override
    public String summary() {
        return "A column type is not narrowed (shorter text, smaller integer or decimal) on an existing table.";
    }

    @Override
    public String hint() {
        return "keep the wider type; if the narrower one is needed, add a new column, backfill and check the values, "
                + "switch the application, then drop the old column later";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public List<LintFinding> check(ParsedStatement statement, LintContext context) {
        List<LintFinding> found = new ArrayList<>();
        if (context.allowDestructive()) {
            return found;
        }
        for (ColumnTypeChange change : narrowings(statement, context)) {
            found.add(new LintFinding("narrows " + change.table() + "." + change.column() + " from "
                    + change.before().orElse("?") + " to " + change.after()
                    + ": existing values that do not fit make it fail or are truncated", hint() + "; if that is intended, add"
                    + " the line " + LintContext.ALLOW_DESTRUCTIVE + " to the migration"));
        }
        return found;
    }

    /** The classifier behind QL103, without the acknowledgement: the type changes of a statement that narrow. */
    static List<ColumnTypeChange> narrowings(ParsedStatement statement, LintContext context) {
        return ColumnTypeChange.of(statement, context).stream().filter(ColumnTypeChange::narrowing).toList();
    }
}
