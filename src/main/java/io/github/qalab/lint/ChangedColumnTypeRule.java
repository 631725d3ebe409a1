package io.github.qalab.lint;

import io.github.qalab.convention.Severity;

import java.util.ArrayList;
import java.util.List;

/**
 * QL104: a column's type changes on an existing table; the database may rewrite the table under a lock, and running
 * instances may not handle the new type. A longer text of the same kind is not reported (cheap and compatible).
 */
public final class ChangedColumnTypeRule implements LintRule {

    @Override
    public String id() {
        return "QL104";
    }

    @Override
    public String summary() {
        return "A column type change on an existing table is reviewed (other than a longer text of the same kind).";
    }

    @Override
    public String hint() {
        return "add a new column of the new type, backfill it, switch the application to it, then drop the old one "
                + "in a later migration";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARN;
    }

    @Override
    public List<LintFinding> check(ParsedStatement statement, LintContext context) {
        List<LintFinding> found = new ArrayList<>();
        for (ColumnTypeChange change : ColumnTypeChange.of(statement, context)) {
            if (change.narrowing() || change.widensTextOnly()) {
                continue; // narrowing is QL103's finding
            }
            String from = change.before().map(b -> " from " + b).orElse("");
            found.add(new LintFinding("changes the type of " + change.table() + "." + change.column() + from + " to "
                    + change.after() + ": the table may be rewritten under an exclusive lock and running instances "
                    + "may not read the new type", hint()));
        }
        return found;
    }
}
