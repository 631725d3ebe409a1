package io.github.qalab.lint;

import io.github.qalab.convention.Severity;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.truncate.Truncate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * QL101: DROP TABLE, DROP COLUMN and TRUNCATE lose data and break running application instances; allowed only when
 * the migration says {@code -- qalab:allow destructive}.
 */
public final class DestructiveChangeRule implements LintRule {

    @Override
    public String id() {
        return "QL101";
    }

    @Override
    public String summary() {
        return "No DROP TABLE, DROP COLUMN or TRUNCATE unless the migration holds -- qalab:allow destructive.";
    }

    @Override
    public String hint() {
        return "stop using the table/column in the application first and release that; drop it in a later migration "
                + "marked with -- qalab:allow destructive";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    /** What a statement destroys: a table with its rows, a column with its data, or every row of a table. */
    enum LossKind { TABLE, COLUMN, ROWS }

    /**
     * One loss a statement causes.
     *
     * @param kind  what is lost
     * @param name  the table ({@code TABLE}, {@code ROWS}) or {@code table.column} ({@code COLUMN}), as written
     */
    record Loss(LossKind kind, String name) {
    }

    @Override
    public List<LintFinding> check(ParsedStatement statement, LintContext context) {
        List<LintFinding> found = new ArrayList<>();
        if (context.allowDestructive()) {
            return found;
        }
        String ack = "; if that is intended, add the line " + LintContext.ALLOW_DESTRUCTIVE + " to the migration";
        for (Loss loss : losses(statement, context)) {
            found.add(switch (loss.kind()) {
                case TABLE -> new LintFinding("drops table " + loss.name()
                        + " with all its rows, and running instances that still use it fail",
                        "stop using the table in the application and release that first, then drop it in a later "
                                + "migration" + ack);
                case ROWS -> new LintFinding("deletes every row of " + loss.name()
                        + " and cannot be undone by the downgrade",
                        "delete data in a reviewed data migration with a WHERE clause, or back it up first" + ack);
                case COLUMN -> new LintFinding("drops column " + loss.name()
                        + " with its data, and running instances that still read or write it fail",
                        "stop using the column in the application (mark it @Transient or remove the field) and "
                                + "release that first, then drop it in a later migration" + ack);
            });
        }
        return found;
    }

    /**
     * The classifier behind QL101, without the acknowledgement: the tables dropped, the columns dropped (of tables
     * that exist before the statement's migration) and the tables truncated by one statement. The downgrade goal uses
     * it to warn before it runs a downgrade block.
     */
    static List<Loss> losses(ParsedStatement statement, LintContext context) {
        List<Loss> found = new ArrayList<>();
        if (statement.tree() instanceof Drop drop && drop.getType() != null
                && drop.getType().toUpperCase(Locale.ROOT).equals("TABLE")) {
            List<Table> tables = drop.getNames() != null ? drop.getNames() : List.of(drop.getName());
            for (Table table : tables) {
                if (context.existing(table.getFullyQualifiedName())) {
                    found.add(new Loss(LossKind.TABLE, table.getFullyQualifiedName()));
                }
            }
        } else if (statement.tree() instanceof Truncate truncate) {
            found.add(new Loss(LossKind.ROWS, truncate.getTable().getFullyQualifiedName()));
        } else if (statement.tree() instanceof Alter alter && alter.getAlterExpressions() != null) {
            String table = alter.getTable().getFullyQualifiedName();
            for (AlterExpression e : alter.getAlterExpressions()) {
                if (e.getOperation() == AlterOperation.DROP && e.getColumnName() != null
                        && context.existing(table)) {
                    found.add(new Loss(LossKind.COLUMN, table + "." + e.getColumnName()));
                }
            }
        }
        return found;
    }
}
