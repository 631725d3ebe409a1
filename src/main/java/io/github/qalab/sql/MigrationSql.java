package io.github.qalab.sql;

import io.github.qalab.diff.Operation;
import io.github.qalab.diff.Operation.AddColumn;
import io.github.qalab.diff.Operation.DropColumn;
import io.github.qalab.diff.Operation.DropSequence;
import io.github.qalab.diff.Operation.DropTable;
import io.github.qalab.diff.SchemaDiff;
import io.github.qalab.migration.MigrationStep;

import java.util.ArrayList;
import java.util.List;

/**
 * The upgrade and downgrade steps of a migration for one dialect: the diff's operations rendered in order, and
 * their inverses in reverse order, with a note wherever a step destroys data or cannot bring it back.
 *
 * @param upgrade   the steps of the upgrade part
 * @param downgrade the steps of the downgrade block
 */
public record MigrationSql(List<MigrationStep> upgrade, List<MigrationStep> downgrade) {

    public MigrationSql {
        upgrade = List.copyOf(upgrade);
        downgrade = List.copyOf(downgrade);
    }

    /** Renders the diff's operations and their inverses with {@code dialect}. */
    public static MigrationSql of(Dialect dialect, SchemaDiff diff) {
        List<MigrationStep> up = new ArrayList<>();
        for (Operation op : diff.operations()) {
            up.add(new MigrationStep(dialect.render(op), upgradeNote(op)));
        }
        List<MigrationStep> down = new ArrayList<>();
        List<Operation> ops = diff.operations();
        for (int i = ops.size() - 1; i >= 0; i--) {
            Operation op = ops.get(i);
            Operation inverse = op.inverse();
            down.add(new MigrationStep(dialect.render(inverse), downgradeNote(op, inverse)));
        }
        return new MigrationSql(up, down);
    }

    private static String upgradeNote(Operation op) {
        if (op instanceof DropColumn o) {
            return "Drops column " + o.table() + "." + o.column().name() + " and its data.";
        }
        if (op instanceof DropTable o) {
            return "Drops table " + o.table().name() + " and its data.";
        }
        if (op instanceof DropSequence o) {
            return "Drops sequence " + o.sequence().name() + ": its current value is lost (a new one starts at "
                    + o.sequence().start() + ").";
        }
        if (op instanceof AddColumn o && !o.column().nullable() && !o.column().identity()
                && o.column().defaultValue().isEmpty()) {
            return "NOT NULL without a default: fails if " + o.table() + " has rows (fill them first or add a default).";
        }
        return "";
    }

    private static String downgradeNote(Operation op, Operation inverse) {
        if (op instanceof DropColumn o) {
            return "Data loss: column " + o.table() + "." + o.column().name()
                    + " comes back empty; the upgrade destroyed its data.";
        }
        if (op instanceof DropTable o) {
            return "Data loss: table " + o.table().name() + " comes back empty; the upgrade destroyed its data.";
        }
        if (inverse instanceof DropSequence o) {
            return "Drops sequence " + o.sequence().name() + ": its current value is lost.";
        }
        if (inverse.lossy()) {
            return "Data loss: " + inverse.describe() + " destroys the data written since the upgrade.";
        }
        return "";
    }
}
