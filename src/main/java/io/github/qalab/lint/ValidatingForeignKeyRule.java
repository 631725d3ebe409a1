package io.github.qalab.lint;

import io.github.qalab.convention.Severity;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;

import java.util.ArrayList;
import java.util.List;

/**
 * QL106 (PostgreSQL): a foreign key added to an existing table without {@code NOT VALID} checks every row while
 * holding locks on both tables.
 */
public final class ValidatingForeignKeyRule implements LintRule {

    @Override
    public String id() {
        return "QL106";
    }

    @Override
    public String summary() {
        return "On PostgreSQL, a foreign key on an existing table is added NOT VALID and validated separately.";
    }

    @Override
    public String hint() {
        return "ADD CONSTRAINT ... FOREIGN KEY ... NOT VALID, then ALTER TABLE ... VALIDATE CONSTRAINT ... in a "
                + "later migration";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARN;
    }

    @Override
    public List<LintFinding> check(ParsedStatement statement, LintContext context) {
        List<LintFinding> found = new ArrayList<>();
        if (!context.postgres() || statement.notValid() || !(statement.tree() instanceof Alter alter)
                || alter.getAlterExpressions() == null) {
            return found;
        }
        String table = alter.getTable().getFullyQualifiedName();
        if (!context.existing(table)) {
            return found;
        }
        for (AlterExpression e : alter.getAlterExpressions()) {
            boolean foreignKey = e.getOperation() == AlterOperation.ADD
                    && (e.getIndex() instanceof ForeignKeyIndex || e.getFkColumns() != null);
            if (foreignKey) {
                found.add(new LintFinding("adds a foreign key to existing table " + table
                        + " and checks every row while locking it and the referenced table",
                        "add it with NOT VALID, then run ALTER TABLE " + table
                                + " VALIDATE CONSTRAINT <name> in a later migration"));
            }
        }
        return found;
    }
}
