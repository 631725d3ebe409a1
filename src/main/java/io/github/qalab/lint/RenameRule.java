package io.github.qalab.lint;

import io.github.qalab.convention.Severity;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.alter.RenameTableStatement;

import java.util.ArrayList;
import java.util.List;

/** QL107: renaming a table or column breaks every running application instance that still uses the old name. */
public final class RenameRule implements LintRule {

    @Override
    public String id() {
        return "QL107";
    }

    @Override
    public String summary() {
        return "No table or column renames: running application instances still use the old name.";
    }

    @Override
    public String hint() {
        return "add the new table/column, write to both and backfill, switch reads, then drop the old one in a later "
                + "release (expand and contract)";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARN;
    }

    @Override
    public List<LintFinding> check(ParsedStatement statement, LintContext context) {
        List<LintFinding> found = new ArrayList<>();
        String risk = ": running instances that use the old name fail until they are redeployed";
        if (statement.tree() instanceof RenameTableStatement rename) {
            rename.getTableNames().forEach(pair -> found.add(new LintFinding("renames table "
                    + pair.getKey().getFullyQualifiedName() + " to " + pair.getValue().getFullyQualifiedName() + risk,
                    hint())));
        } else if (statement.tree() instanceof Alter alter && alter.getAlterExpressions() != null) {
            String table = alter.getTable().getFullyQualifiedName();
            if (!context.existing(table)) {
                return found;
            }
            for (AlterExpression e : alter.getAlterExpressions()) {
                if (e.getOperation() == AlterOperation.RENAME_TABLE) {
                    found.add(new LintFinding("renames table " + table + " to " + e.getNewTableName() + risk, hint()));
                } else if (e.getOperation() == AlterOperation.RENAME && e.getColOldName() != null) {
                    found.add(new LintFinding("renames column " + table + "." + e.getColOldName() + " to "
                            + e.getColumnName() + risk, hint()));
                } else if (e.getOperation() == AlterOperation.CHANGE && e.getColOldName() != null
                        && e.getColDataTypeList() != null) {
                    for (AlterExpression.ColumnDataType c : e.getColDataTypeList()) {
                        if (!LintContext.name(c.getColumnName()).equals(LintContext.name(e.getColOldName()))) {
                            found.add(new LintFinding("renames column " + table + "." + e.getColOldName() + " to "
                                    + c.getColumnName() + risk, hint()));
                        }
                    }
                }
            }
        }
        return found;
    }
}
