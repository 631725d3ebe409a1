package io.github.qalab.generate;

import io.github.qalab.db.ReplayException;
import io.github.qalab.db.ShadowDatabase;
import io.github.qalab.diff.Operation;
import io.github.qalab.diff.Operation.AddCheck;
import io.github.qalab.diff.Operation.AddColumn;
import io.github.qalab.diff.Operation.AddForeignKey;
import io.github.qalab.diff.Operation.AddPrimaryKey;
import io.github.qalab.diff.Operation.AddUniqueConstraint;
import io.github.qalab.diff.Operation.AlterColumn;
import io.github.qalab.diff.Operation.AlterSequence;
import io.github.qalab.diff.Operation.CreateIndex;
import io.github.qalab.diff.Operation.CreateSchema;
import io.github.qalab.diff.Operation.CreateSequence;
import io.github.qalab.diff.Operation.CreateTable;
import io.github.qalab.diff.Operation.DropCheck;
import io.github.qalab.diff.Operation.DropColumn;
import io.github.qalab.diff.Operation.DropForeignKey;
import io.github.qalab.diff.Operation.DropIndex;
import io.github.qalab.diff.Operation.DropPrimaryKey;
import io.github.qalab.diff.Operation.DropSchema;
import io.github.qalab.diff.Operation.DropSequence;
import io.github.qalab.diff.Operation.DropTable;
import io.github.qalab.diff.Operation.DropUniqueConstraint;
import io.github.qalab.diff.Operation.RenameColumn;
import io.github.qalab.diff.Operation.RenameTable;
import io.github.qalab.diff.Renames;
import io.github.qalab.diff.SchemaDiff;
import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.migration.MigrationFile;
import io.github.qalab.schema.Column;
import io.github.qalab.schema.Names;
import io.github.qalab.schema.Schema;
import io.github.qalab.sql.Dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Live drift (like Liquibase's {@code diff}, Atlas's {@code schema diff} or Flyway's drift report): the live
 * database's catalog compared with the schema its applied migrations produce, replayed into a shadow database, so
 * that an index or a column added by hand during an incident shows up by name. The comparison is the one
 * {@code generate} makes ({@link SchemaDiff}, types compared through the dialect), read as "what the database has
 * that the migrations do not say".
 */
public final class LiveDrift {

    /**
     * One difference between the database and its applied migrations.
     *
     * @param object  what differs: {@code table}, {@code column}, {@code primary key}, {@code unique constraint},
     *                {@code index}, {@code foreign key}, {@code sequence}, {@code check} (compared per table by name
     *                and count, not by expression), {@code schema}
     * @param table   the table it belongs to ("" for a sequence)
     * @param name    its name (the column's, index's, ...; the table's for a table)
     * @param change  {@code added} (in the database only), {@code missing} (in the migrations only) or
     *                {@code changed}
     * @param message the whole line, e.g. {@code index ix_account_email on account(email): in the database, not in
     *                the applied migrations (added by hand?)}
     */
    public record Difference(String object, String table, String name, String change, String message) {
    }

    /**
     * The outcome of a drift check.
     *
     * @param checked     false when the check could not be made (see {@code note})
     * @param revision    the revision whose schema was compared ("" for none applied)
     * @param differences every difference, in the diff's order; empty when in sync or not checked
     * @param note        one line on what was compared, or why nothing was
     */
    public record Result(boolean checked, String revision, List<Difference> differences, String note) {
        public Result {
            differences = List.copyOf(differences);
        }

        /** A check that could not be made. */
        public static Result notChecked(String revision, String why) {
            return new Result(false, revision, List.of(), why);
        }

        public boolean inSync() {
            return checked && differences.isEmpty();
        }
    }

    private LiveDrift() {
    }

    /**
     * Replays the migrations of {@code directory} up to {@code revision} (none for "") into {@code shadow} and
     * compares the schema they produce with {@code live}.
     */
    public static Result check(MigrationDirectory directory, String revision, Schema live, ShadowDatabase shadow,
                               Dialect dialect) {
        int upTo = revision.isEmpty() ? 0 : Integer.parseInt(revision);
        List<MigrationFile> applied = directory.migrations().stream().filter(m -> m.number() <= upTo).toList();
        Schema expected;
        try {
            expected = applied.isEmpty() ? Schema.EMPTY : shadow.replay(applied);
        } catch (ReplayException e) {
            return Result.notChecked(revision, "the applied migrations do not replay into the shadow database: "
                    + e.getMessage());
        }
        List<Difference> differences = compare(expected, live, dialect);
        String what = applied.isEmpty() ? "no applied migration" : applied.size() + " applied migration"
                + (applied.size() == 1 ? "" : "s") + " (up to " + revision + ")";
        return new Result(true, revision, differences, "the database compared with " + what + ": "
                + (differences.isEmpty() ? "in sync" : differences.size() + " difference"
                + (differences.size() == 1 ? "" : "s")));
    }

    /** Every difference between what the migrations produce ({@code expected}) and the database ({@code live}). */
    public static List<Difference> compare(Schema expected, Schema live, Dialect dialect) {
        List<Operation> operations = SchemaDiff.compare(expected, live, Renames.NONE, dialect).operations();
        // A foreign key re-created around a changed column is not a difference of its own.
        Set<String> dropped = operations.stream().filter(o -> o instanceof DropForeignKey)
                .map(o -> key(((DropForeignKey) o).table(), ((DropForeignKey) o).foreignKey().name()))
                .collect(Collectors.toSet());
        Set<String> added = operations.stream().filter(o -> o instanceof AddForeignKey)
                .map(o -> key(((AddForeignKey) o).table(), ((AddForeignKey) o).foreignKey().name()))
                .collect(Collectors.toSet());
        Set<Operation> sameCheck = sameChecks(operations);
        List<Difference> differences = new ArrayList<>();
        for (Operation op : operations) {
            if (op instanceof Operation.Remark || sameCheck.contains(op)) {
                continue;
            }
            if (op instanceof DropForeignKey d && added.contains(key(d.table(), d.foreignKey().name()))) {
                continue;
            }
            if (op instanceof AddForeignKey a && dropped.contains(key(a.table(), a.foreignKey().name()))) {
                continue;
            }
            differences.add(describe(op, dialect));
        }
        return differences;
    }

    /**
     * The check operations that are one check on both sides: the shadow database (H2) and the live one write a check's
     * expression each their own way (PostgreSQL reads {@code status IN ('A','B')} back as
     * {@code ((status)::text = ANY ((ARRAY['A'::character varying, ...])::text[]))}) and name an unnamed check each
     * their own way, so a live drift check compares checks per table by name and then by count, never by text: a
     * check dropped and one added on the same table are the same check; only the surplus on either side is a
     * difference.
     */
    private static Set<Operation> sameChecks(List<Operation> operations) {
        java.util.Map<String, List<DropCheck>> dropped = new java.util.LinkedHashMap<>();
        java.util.Map<String, List<AddCheck>> added = new java.util.LinkedHashMap<>();
        for (Operation op : operations) {
            if (op instanceof DropCheck d) {
                dropped.computeIfAbsent(Names.key(d.table()), k -> new ArrayList<>()).add(d);
            } else if (op instanceof AddCheck a) {
                added.computeIfAbsent(Names.key(a.table()), k -> new ArrayList<>()).add(a);
            }
        }
        Set<Operation> same = new java.util.HashSet<>();
        for (java.util.Map.Entry<String, List<DropCheck>> e : dropped.entrySet()) {
            List<DropCheck> drops = new ArrayList<>(e.getValue());
            List<AddCheck> adds = new ArrayList<>(added.getOrDefault(e.getKey(), List.of()));
            // by name first, then one for one
            for (java.util.Iterator<DropCheck> d = drops.iterator(); d.hasNext(); ) {
                DropCheck drop = d.next();
                for (java.util.Iterator<AddCheck> a = adds.iterator(); a.hasNext(); ) {
                    AddCheck add = a.next();
                    if (!drop.check().name().isEmpty() && drop.check().name().equalsIgnoreCase(add.check().name())) {
                        same.add(drop);
                        same.add(add);
                        d.remove();
                        a.remove();
                        break;
                    }
                }
            }
            for (int i = 0; i < Math.min(drops.size(), adds.size()); i++) {
                same.add(drops.get(i));
                same.add(adds.get(i));
            }
        }
        return same;
    }

    private static String key(String table, String foreignKey) {
        return (table + "." + foreignKey).toLowerCase(Locale.ROOT);
    }

    private static final String ADDED = "in the database, not in the applied migrations (added by hand?)";
    private static final String MISSING = "in the applied migrations, missing from the database (dropped by hand?)";

    private static Difference describe(Operation op, Dialect dialect) {
        if (op instanceof CreateTable o) {
            return added("table", o.table().name(), o.table().name(), "table " + o.table().name());
        }
        if (op instanceof DropTable o) {
            return missing("table", o.table().name(), o.table().name(), "table " + o.table().name());
        }
        if (op instanceof AddColumn o) {
            return added("column", o.table(), o.column().name(), "column " + o.table() + "." + o.column().name()
                    + " " + column(o.column(), dialect));
        }
        if (op instanceof DropColumn o) {
            return missing("column", o.table(), o.column().name(), "column " + o.table() + "." + o.column().name()
                    + " " + column(o.column(), dialect));
        }
        if (op instanceof AlterColumn o) {
            return new Difference("column", o.table(), o.to().name(), "changed", "column " + o.table() + "."
                    + o.to().name() + ": the applied migrations make it " + column(o.from(), dialect)
                    + ", the database has " + column(o.to(), dialect) + " (altered by hand?)");
        }
        if (op instanceof AddPrimaryKey o) {
            return added("primary key", o.table(), o.primaryKey().name(), "primary key on " + o.table()
                    + o.primaryKey().columns());
        }
        if (op instanceof DropPrimaryKey o) {
            return missing("primary key", o.table(), o.primaryKey().name(), "primary key on " + o.table()
                    + o.primaryKey().columns());
        }
        if (op instanceof AddUniqueConstraint o) {
            return added("unique constraint", o.table(), o.constraint().name(), "unique constraint "
                    + o.constraint().name() + " on " + o.table() + o.constraint().columns());
        }
        if (op instanceof DropUniqueConstraint o) {
            return missing("unique constraint", o.table(), o.constraint().name(), "unique constraint "
                    + o.constraint().name() + " on " + o.table() + o.constraint().columns());
        }
        if (op instanceof CreateIndex o) {
            return added("index", o.table(), o.index().name(), (o.index().unique() ? "unique index " : "index ")
                    + o.index().name() + " on " + o.table() + o.index().columns());
        }
        if (op instanceof DropIndex o) {
            return missing("index", o.table(), o.index().name(), (o.index().unique() ? "unique index " : "index ")
                    + o.index().name() + " on " + o.table() + o.index().columns());
        }
        if (op instanceof AddForeignKey o) {
            return added("foreign key", o.table(), o.foreignKey().name(), "foreign key " + o.foreignKey().name()
                    + " " + o.table() + o.foreignKey().columns() + " -> " + o.foreignKey().referencedTable()
                    + o.foreignKey().referencedColumns());
        }
        if (op instanceof DropForeignKey o) {
            return missing("foreign key", o.table(), o.foreignKey().name(), "foreign key " + o.foreignKey().name()
                    + " " + o.table() + o.foreignKey().columns() + " -> " + o.foreignKey().referencedTable()
                    + o.foreignKey().referencedColumns());
        }
        if (op instanceof CreateSequence o) {
            return added("sequence", "", o.sequence().name(), "sequence " + o.sequence().name());
        }
        if (op instanceof DropSequence o) {
            return missing("sequence", "", o.sequence().name(), "sequence " + o.sequence().name());
        }
        if (op instanceof AlterSequence o) {
            return new Difference("sequence", "", o.to().name(), "changed", "sequence " + o.to().name()
                    + ": the applied migrations make it increment by " + o.from().increment() + ", the database"
                    + " has " + o.to().increment() + " (altered by hand?)");
        }
        if (op instanceof AddCheck o) {
            return added("check", o.table(), o.check().name(), check(o.table(), o.check()));
        }
        if (op instanceof DropCheck o) {
            return missing("check", o.table(), o.check().name(), check(o.table(), o.check()));
        }
        if (op instanceof CreateSchema o) {
            return added("schema", "", o.name(), "schema " + o.name());
        }
        if (op instanceof DropSchema o) {
            return missing("schema", "", o.name(), "schema " + o.name());
        }
        if (op instanceof RenameTable || op instanceof RenameColumn) {
            throw new IllegalStateException("a drift check compares without renames: " + op.describe());
        }
        throw new IllegalStateException("unknown operation " + op.describe());
    }

    private static String check(String table, io.github.qalab.schema.CheckConstraint check) {
        return "check " + (check.name().isEmpty() ? "" : check.name() + " ") + "on " + table + " ("
                + check.expression() + ")";
    }

    private static Difference added(String object, String table, String name, String what) {
        return new Difference(object, table, name, "added", what + ": " + ADDED);
    }

    private static Difference missing(String object, String table, String name, String what) {
        return new Difference(object, table, name, "missing", what + ": " + MISSING);
    }

    /** E.g. {@code VARCHAR(80) NOT NULL DEFAULT 'x'}. */
    private static String column(Column c, Dialect dialect) {
        return dialect.typeOf(c.type()) + (c.identity() ? " IDENTITY" : "") + (c.nullable() ? " NULL" : " NOT NULL")
                + (c.defaultValue().isEmpty() ? "" : " DEFAULT " + c.defaultValue());
    }
}
