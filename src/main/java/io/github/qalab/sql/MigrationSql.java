package io.github.qalab.sql;

import io.github.qalab.diff.Operation;
import io.github.qalab.diff.Operation.AddColumn;
import io.github.qalab.diff.Operation.AlterColumn;
import io.github.qalab.diff.Operation.DropColumn;
import io.github.qalab.diff.Operation.DropSequence;
import io.github.qalab.diff.Operation.DropTable;
import io.github.qalab.diff.Operation.Remark;
import io.github.qalab.diff.Operation.UpdateRows;
import io.github.qalab.diff.SchemaDiff;
import io.github.qalab.diff.TypeChange;
import io.github.qalab.migration.MigrationStep;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The upgrade and downgrade steps of a migration for one dialect: the operations rendered in order, and their
 * inverses in reverse order, with a note wherever a step destroys data, cannot bring it back, or moves rows.
 *
 * @param upgrade   the steps of the upgrade part
 * @param downgrade the steps of the downgrade block
 */
public record MigrationSql(List<MigrationStep> upgrade, List<MigrationStep> downgrade) {

    /**
     * The comment that tells the safety lint (QL101, QL103) that a data-destroying step is intended; generate writes
     * such a step only when the user allowed it ({@code -Dqalab.allowDataLoss}).
     */
    public static final String ALLOW_DESTRUCTIVE = "qalab:allow destructive";

    public MigrationSql {
        upgrade = List.copyOf(upgrade);
        downgrade = List.copyOf(downgrade);
    }

    /** Renders the diff's operations and their inverses with {@code dialect}. */
    public static MigrationSql of(Dialect dialect, SchemaDiff diff) {
        return of(dialect, diff.operations());
    }

    /** Renders the operations and their inverses with {@code dialect}. */
    public static MigrationSql of(Dialect dialect, List<Operation> ops) {
        List<MigrationStep> up = new ArrayList<>();
        for (Operation op : ops) {
            up.add(new MigrationStep(dialect.render(op), upgradeNote(op, dialect)));
        }
        List<MigrationStep> down = new ArrayList<>();
        for (int i = ops.size() - 1; i >= 0; i--) {
            Operation op = ops.get(i);
            Operation inverse = op.inverse();
            down.add(new MigrationStep(dialect.render(inverse), downgradeNote(op, inverse, dialect)));
        }
        return new MigrationSql(up, down);
    }

    private static String upgradeNote(Operation op, Dialect dialect) {
        if (op instanceof DropColumn o) {
            return ALLOW_DESTRUCTIVE + ": drops column " + o.table() + "." + o.column().name() + " and its data.";
        }
        if (op instanceof DropTable o) {
            return ALLOW_DESTRUCTIVE + ": drops table " + o.table().name() + " and its data.";
        }
        if (op instanceof DropSequence o) {
            return "Drops sequence " + o.sequence().name() + ": its current value is lost (a new one starts at "
                    + o.sequence().start() + ").";
        }
        if (op instanceof AddColumn o && o.fillsRows()) {
            return "Rows already in " + o.table() + " get " + o.fill() + " in " + o.column().name()
                    + " (a default only while the column is added).";
        }
        if (op instanceof AddColumn o && !o.column().nullable() && !o.column().identity()
                && o.column().defaultValue().isEmpty()) {
            return "NOT NULL without a default: fails if " + o.table() + " has rows (fill them first or add a default).";
        }
        if (op instanceof UpdateRows o) {
            return "Rows of " + o.table() + " holding " + String.join(", ", o.matching()) + " in " + o.column()
                    + " (no longer allowed) get " + o.value() + ".";
        }
        if (op instanceof Remark o) {
            return o.text() + ".";
        }
        if (op instanceof AlterColumn o) {
            return alterNote(o, dialect, false);
        }
        return "";
    }

    private static String downgradeNote(Operation op, Operation inverse, Dialect dialect) {
        if (op instanceof DropColumn o) {
            return "Data loss: column " + o.table() + "." + o.column().name() + (o.fill().isEmpty()
                    || o.column().nullable() ? " comes back empty" : " comes back holding " + o.fill()
                    + " in every existing row") + "; the upgrade destroyed its data.";
        }
        if (op instanceof DropTable o) {
            return "Data loss: table " + o.table().name() + " comes back empty; the upgrade destroyed its data.";
        }
        if (inverse instanceof DropSequence o) {
            return "Drops sequence " + o.sequence().name() + ": its current value is lost.";
        }
        if (inverse instanceof Remark o) {
            return o.text() + ".";
        }
        if (inverse instanceof AlterColumn o) {
            return alterNote(o, dialect, true);
        }
        if (inverse.lossy()) {
            return "Data loss: " + inverse.describe() + " destroys the data written since the upgrade.";
        }
        return "";
    }

    /** What an AlterColumn does to existing rows, when it does more than the database's own cast. */
    private static String alterNote(AlterColumn o, Dialect dialect, boolean downgrade) {
        String column = o.table() + "." + o.to().name();
        List<String> parts = new ArrayList<>();
        if (o.converts()) {
            parts.add("Converts the stored values of " + column + ": " + o.rows().conversion().entrySet().stream()
                    .map(e -> e.getKey() + " -> " + e.getValue()).collect(Collectors.joining(", ")));
        } else if (o.changes().contains(Operation.Change.TYPE)) {
            TypeChange change = TypeChange.of(o.from().type(), o.to().type());
            String type = o.to().sqlType().isEmpty() ? dialect.typeOf(o.to().type()) : o.to().sqlType();
            if (change == TypeChange.NARROWS) {
                parts.add((downgrade ? "Narrows " + column + " back to " : ALLOW_DESTRUCTIVE + ": narrows " + column
                        + " to ") + type + ": values that do not fit make it fail (or are cut)");
            } else if (change == TypeChange.CONVERTS) {
                parts.add((downgrade ? "" : ALLOW_DESTRUCTIVE + ": ") + "converts every value of " + column + " to "
                        + type + ": a value that does not convert makes it fail");
            }
        }
        if (o.fillsNulls()) {
            parts.add("Rows holding NULL in " + column + " get " + o.rows().fill() + " before it becomes NOT NULL");
        }
        if (!o.from().identity() && o.to().identity()) {
            parts.add(column + " becomes an identity that continues after the highest existing key");
        }
        if (o.from().identity() && !o.to().identity() && o.rows().keySequence() != null) {
            parts.add("Sequence " + o.rows().keySequence().name() + " continues after the highest key of " + column);
        }
        return parts.isEmpty() ? "" : String.join("; ", parts) + ".";
    }
}
