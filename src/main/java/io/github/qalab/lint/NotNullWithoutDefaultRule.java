package io.github.qalab.lint;

import io.github.qalab.convention.Severity;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * QL102: adding a NOT NULL column without a default to an existing table fails as soon as the table holds a row, and
 * breaks running instances that insert without the column.
 */
public final class NotNullWithoutDefaultRule implements LintRule {

    @Override
    public String id() {
        return "QL102";
    }

    @Override
    public String summary() {
        return "A NOT NULL column added to an existing table has a DEFAULT.";
    }

    @Override
    public String hint() {
        return "add the column with a DEFAULT, or add it nullable, backfill it, then SET NOT NULL in a later migration";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public List<LintFinding> check(ParsedStatement statement, LintContext context) {
        List<LintFinding> found = new ArrayList<>();
        if (!(statement.tree() instanceof Alter alter) || alter.getAlterExpressions() == null) {
            return found;
        }
        String table = alter.getTable().getFullyQualifiedName();
        if (!context.existing(table)) {
            return found;
        }
        for (AlterExpression e : alter.getAlterExpressions()) {
            if (e.getOperation() != AlterOperation.ADD || e.getColDataTypeList() == null) {
                continue;
            }
            for (AlterExpression.ColumnDataType column : e.getColDataTypeList()) {
                List<String> specs = column.getColumnSpecs() == null ? List.of()
                        : column.getColumnSpecs().stream().map(s -> s.toUpperCase(Locale.ROOT)).toList();
                boolean notNull = false;
                for (int i = 0; i + 1 < specs.size(); i++) {
                    if (specs.get(i).equals("NOT") && specs.get(i + 1).equals("NULL")) {
                        notNull = true;
                    }
                }
                // an identity/auto-increment/generated column fills itself
                boolean fills = specs.contains("DEFAULT") || specs.contains("AUTO_INCREMENT")
                        || specs.contains("GENERATED") || specs.contains("IDENTITY")
                        || specs.contains("PRIMARY");
                if (notNull && !fills) {
                    found.add(new LintFinding("adds NOT NULL column " + table + "." + column.getColumnName()
                            + " without a default: it fails on a table that has rows, and running instances that "
                            + "insert without it fail",
                            "add it with a DEFAULT, or nullable, backfill it, and SET NOT NULL in a later migration"));
                }
            }
        }
        return found;
    }
}
