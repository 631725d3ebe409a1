package io.github.qalab.diff;

import io.github.qalab.schema.CheckConstraint;
import io.github.qalab.schema.Column;
import io.github.qalab.schema.ForeignKey;
import io.github.qalab.schema.Index;
import io.github.qalab.schema.PrimaryKey;
import io.github.qalab.schema.Sequence;
import io.github.qalab.schema.Table;
import io.github.qalab.schema.UniqueConstraint;

/**
 * One schema change. Every operation knows its inverse; drops carry the whole dropped object so that the inverse
 * can recreate it, and say {@link #lossy()} when that inverse brings the structure back but not the data.
 */
public sealed interface Operation {

    /** The operation that undoes this one. */
    Operation inverse();

    /** True when undoing this operation cannot bring back the data it destroys. */
    default boolean lossy() {
        return false;
    }

    /** A short human description, e.g. {@code drop column account.email}. */
    String describe();

    /**
     * Creates a table with its columns, primary key, unique constraints and indexes; foreign keys are always
     * separate {@link AddForeignKey} operations so that tables can reference each other in any order.
     */
    record CreateTable(Table table) implements Operation {
        public Operation inverse() {
            return new DropTable(table);
        }

        public String describe() {
            return "create table " + table.name();
        }
    }

    /** Drops a table; carries its definition (without foreign keys, which are dropped first) for the inverse. */
    record DropTable(Table table) implements Operation {
        public Operation inverse() {
            return new CreateTable(table);
        }

        @Override
        public boolean lossy() {
            return true;
        }

        public String describe() {
            return "drop table " + table.name();
        }
    }

    /**
     * Adds a column to an existing table.
     *
     * @param fill the SQL value the rows a table already holds get in a NOT NULL column without a default of its own
     *             (written as a temporary default, dropped right after); "" for none
     */
    record AddColumn(String table, Column column, String fill) implements Operation {
        public AddColumn {
            fill = fill == null ? "" : fill.strip();
        }

        /** Adds the column without a fill for existing rows. */
        public AddColumn(String table, Column column) {
            this(table, column, "");
        }

        /** True when existing rows get {@link #fill} (a NOT NULL column without identity or default of its own). */
        public boolean fillsRows() {
            return !fill.isEmpty() && !column.nullable() && !column.identity() && column.defaultValue().isEmpty();
        }

        public Operation inverse() {
            return new DropColumn(table, column, fill);
        }

        public String describe() {
            return "add column " + table + "." + column.name();
        }
    }

    /**
     * Drops a column; carries its definition for the inverse.
     *
     * @param fill the SQL value the inverse gives existing rows when it adds the column back ("" for none)
     */
    record DropColumn(String table, Column column, String fill) implements Operation {
        public DropColumn {
            fill = fill == null ? "" : fill.strip();
        }

        /** Drops the column; the inverse re-adds it without a fill. */
        public DropColumn(String table, Column column) {
            this(table, column, "");
        }

        public Operation inverse() {
            return new AddColumn(table, column, fill);
        }

        @Override
        public boolean lossy() {
            return true;
        }

        public String describe() {
            return "drop column " + table + "." + column.name();
        }
    }

    /** What an {@link AlterColumn} changes. */
    enum Change { TYPE, NULLABILITY, DEFAULT, IDENTITY }

    /**
     * What an {@link AlterColumn} does with the rows a table already holds.
     *
     * @param fill        the SQL value that rows holding NULL get before the column becomes NOT NULL ("" for none)
     * @param conversion  for a type change between an enum's ordinals and its names: each stored value before (plain
     *                    text, e.g. {@code 0}) to the value after ({@code LOW}), in order; empty for the database's
     *                    own cast
     * @param keySequence the sequence that numbers the column while it is no identity: when the column stops being
     *                    one, the sequence is moved past the highest key; {@code null} for none
     */
    record Rows(String fill, java.util.Map<String, String> conversion, Sequence keySequence) {

        /** Nothing beyond the database's own handling. */
        public static final Rows NONE = new Rows("", java.util.Map.of(), null);

        public Rows {
            fill = fill == null ? "" : fill.strip();
            conversion = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(conversion));
        }

        /** The same handling for the inverse change: the conversion read backwards. */
        public Rows inverse() {
            java.util.Map<String, String> back = new java.util.LinkedHashMap<>();
            conversion.forEach((from, to) -> back.put(to, from));
            return new Rows(fill, back, keySequence);
        }

        public Rows withFill(String newFill) {
            return new Rows(newFill, conversion, keySequence);
        }

        public Rows withConversion(java.util.Map<String, String> newConversion) {
            return new Rows(fill, newConversion, keySequence);
        }

        public Rows withKeySequence(Sequence newKeySequence) {
            return new Rows(fill, conversion, newKeySequence);
        }
    }

    /**
     * Changes a column's type, length, precision, nullability, default or identity; {@code from} and {@code to}
     * have the same name. Which of them changed is decided by the diff (types and defaults compare as the database
     * stores them, so the two columns' texts may differ where nothing changed); {@code rows} says how existing rows
     * are carried through.
     */
    record AlterColumn(String table, Column from, Column to, java.util.Set<Change> changes, Rows rows)
            implements Operation {
        public AlterColumn {
            changes = changes.isEmpty() ? java.util.Set.of()
                    : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(changes));
            rows = rows == null ? Rows.NONE : rows;
        }

        /** The given changes, with no handling of existing rows beyond the database's own. */
        public AlterColumn(String table, Column from, Column to, java.util.Set<Change> changes) {
            this(table, from, to, changes, Rows.NONE);
        }

        /** The changes told by comparing the two columns field by field. */
        public AlterColumn(String table, Column from, Column to) {
            this(table, from, to, fieldChanges(from, to));
        }

        private static java.util.Set<Change> fieldChanges(Column from, Column to) {
            java.util.Set<Change> changes = java.util.EnumSet.noneOf(Change.class);
            if (!from.type().equals(to.type()) || !from.sqlType().equalsIgnoreCase(to.sqlType())
                    && !from.sqlType().isEmpty() && !to.sqlType().isEmpty()) {
                changes.add(Change.TYPE);
            }
            if (from.nullable() != to.nullable()) {
                changes.add(Change.NULLABILITY);
            }
            if (!from.defaultValue().equals(to.defaultValue())) {
                changes.add(Change.DEFAULT);
            }
            if (from.identity() != to.identity()) {
                changes.add(Change.IDENTITY);
            }
            return changes;
        }

        public Operation inverse() {
            return new AlterColumn(table, to, from, changes, rows.inverse());
        }

        /** The same change with another handling of existing rows. */
        public AlterColumn withRows(Rows newRows) {
            return new AlterColumn(table, from, to, changes, newRows);
        }

        /** True when the type changes (or the column becomes or stops being an identity). */
        public boolean typeChanged() {
            return changes.contains(Change.TYPE) || changes.contains(Change.IDENTITY);
        }

        public boolean nullabilityChanged() {
            return changes.contains(Change.NULLABILITY);
        }

        public boolean defaultChanged() {
            return changes.contains(Change.DEFAULT);
        }

        /** True when the column becomes NOT NULL and rows holding NULL get {@link Rows#fill()} first. */
        public boolean fillsNulls() {
            return nullabilityChanged() && !to.nullable() && !rows.fill().isEmpty();
        }

        /** True when stored values are mapped one by one ({@link Rows#conversion()}) instead of cast. */
        public boolean converts() {
            return changes.contains(Change.TYPE) && !rows.conversion().isEmpty();
        }

        public String describe() {
            return "alter column " + table + "." + to.name();
        }
    }

    /**
     * Sets a column to a value in the rows that hold one of the given values (e.g. the constants an enum lost), so
     * that a narrower type or check accepts every row. The old values cannot be told apart afterwards, so the
     * inverse is a {@link Remark}.
     *
     * @param value    the SQL value written
     * @param matching the SQL literals of the values replaced
     */
    record UpdateRows(String table, String column, String value, java.util.List<String> matching)
            implements Operation {
        public UpdateRows {
            matching = java.util.List.copyOf(matching);
        }

        public Operation inverse() {
            return new Remark("rows of " + table + " whose " + column + " the upgrade set to " + value
                    + " keep that value");
        }

        public String describe() {
            return "update " + table + "." + column + " to " + value + " where it holds " + String.join(", ", matching);
        }
    }

    /** No SQL: a line in the migration that says what happens to rows a step cannot bring back. */
    record Remark(String text) implements Operation {
        public Operation inverse() {
            return this;
        }

        public String describe() {
            return "note: " + text;
        }
    }

    /** Renames a table. */
    record RenameTable(String from, String to) implements Operation {
        public Operation inverse() {
            return new RenameTable(to, from);
        }

        public String describe() {
            return "rename table " + from + " to " + to;
        }
    }

    /** Renames a column; {@code column} is its definition (under the new name), which MariaDB's syntax needs. */
    record RenameColumn(String table, String from, String to, Column column) implements Operation {
        public Operation inverse() {
            return new RenameColumn(table, to, from, column.renamed(from));
        }

        public String describe() {
            return "rename column " + table + "." + from + " to " + to;
        }
    }

    /** Adds a primary key to an existing table. */
    record AddPrimaryKey(String table, PrimaryKey primaryKey) implements Operation {
        public Operation inverse() {
            return new DropPrimaryKey(table, primaryKey);
        }

        public String describe() {
            return "add primary key " + table + primaryKey.columns();
        }
    }

    /** Drops a primary key. */
    record DropPrimaryKey(String table, PrimaryKey primaryKey) implements Operation {
        public Operation inverse() {
            return new AddPrimaryKey(table, primaryKey);
        }

        public String describe() {
            return "drop primary key " + table + primaryKey.columns();
        }
    }

    /** Adds a unique constraint. */
    record AddUniqueConstraint(String table, UniqueConstraint constraint) implements Operation {
        public Operation inverse() {
            return new DropUniqueConstraint(table, constraint);
        }

        public String describe() {
            return "add unique constraint " + constraint.name() + " on " + table + constraint.columns();
        }
    }

    /** Drops a unique constraint. */
    record DropUniqueConstraint(String table, UniqueConstraint constraint) implements Operation {
        public Operation inverse() {
            return new AddUniqueConstraint(table, constraint);
        }

        public String describe() {
            return "drop unique constraint " + constraint.name() + " on " + table;
        }
    }

    /** Creates an index. */
    record CreateIndex(String table, Index index) implements Operation {
        public Operation inverse() {
            return new DropIndex(table, index);
        }

        public String describe() {
            return "create index " + index.name() + " on " + table + index.columns();
        }
    }

    /** Drops an index. */
    record DropIndex(String table, Index index) implements Operation {
        public Operation inverse() {
            return new CreateIndex(table, index);
        }

        public String describe() {
            return "drop index " + index.name() + " on " + table;
        }
    }

    /** Adds a foreign key. */
    record AddForeignKey(String table, ForeignKey foreignKey) implements Operation {
        public Operation inverse() {
            return new DropForeignKey(table, foreignKey);
        }

        public String describe() {
            return "add foreign key " + foreignKey.name() + " " + table + foreignKey.columns() + " -> "
                    + foreignKey.referencedTable() + foreignKey.referencedColumns();
        }
    }

    /** Drops a foreign key. */
    record DropForeignKey(String table, ForeignKey foreignKey) implements Operation {
        public Operation inverse() {
            return new AddForeignKey(table, foreignKey);
        }

        public String describe() {
            return "drop foreign key " + foreignKey.name() + " on " + table;
        }
    }

    /** Creates a sequence. */
    record CreateSequence(Sequence sequence) implements Operation {
        public Operation inverse() {
            return new DropSequence(sequence);
        }

        public String describe() {
            return "create sequence " + sequence.name();
        }
    }

    /** Drops a sequence; its current value is lost, but it holds no rows, so the inverse is not lossy. */
    record DropSequence(Sequence sequence) implements Operation {
        public Operation inverse() {
            return new CreateSequence(sequence);
        }

        public String describe() {
            return "drop sequence " + sequence.name();
        }
    }

    /** Changes a sequence's increment (the start value of an existing sequence is history, not schema). */
    record AlterSequence(Sequence from, Sequence to) implements Operation {
        public Operation inverse() {
            return new AlterSequence(to, from);
        }

        public String describe() {
            return "alter sequence " + to.name();
        }
    }

    /** Adds a check constraint. */
    record AddCheck(String table, CheckConstraint check) implements Operation {
        public Operation inverse() {
            return new DropCheck(table, check);
        }

        public String describe() {
            return "add check " + (check.name().isEmpty() ? "" : check.name() + " ") + "on " + table + " ("
                    + check.expression() + ")";
        }
    }

    /** Drops a check constraint; {@code check} carries the name the database gave it. */
    record DropCheck(String table, CheckConstraint check) implements Operation {
        public Operation inverse() {
            return new AddCheck(table, check);
        }

        public String describe() {
            return "drop check " + check.name() + " on " + table + " (" + check.expression() + ")";
        }
    }

    /** Creates a schema (a database on MariaDB/MySQL) that new tables live in. */
    record CreateSchema(String name) implements Operation {
        public Operation inverse() {
            return new DropSchema(name);
        }

        public String describe() {
            return "create schema " + name;
        }
    }

    /** Drops an empty schema; only ever the inverse of {@link CreateSchema}. */
    record DropSchema(String name) implements Operation {
        public Operation inverse() {
            return new CreateSchema(name);
        }

        public String describe() {
            return "drop schema " + name;
        }
    }

    /** The table an operation changes, or {@code null} for a sequence. */
    static String tableOf(Operation op) {
        if (op instanceof CreateTable o) {
            return o.table().name();
        }
        if (op instanceof DropTable o) {
            return o.table().name();
        }
        if (op instanceof RenameTable o) {
            return o.to();
        }
        if (op instanceof AddColumn o) {
            return o.table();
        }
        if (op instanceof DropColumn o) {
            return o.table();
        }
        if (op instanceof AlterColumn o) {
            return o.table();
        }
        if (op instanceof RenameColumn o) {
            return o.table();
        }
        if (op instanceof AddPrimaryKey o) {
            return o.table();
        }
        if (op instanceof DropPrimaryKey o) {
            return o.table();
        }
        if (op instanceof AddUniqueConstraint o) {
            return o.table();
        }
        if (op instanceof DropUniqueConstraint o) {
            return o.table();
        }
        if (op instanceof CreateIndex o) {
            return o.table();
        }
        if (op instanceof DropIndex o) {
            return o.table();
        }
        if (op instanceof AddForeignKey o) {
            return o.table();
        }
        if (op instanceof DropForeignKey o) {
            return o.table();
        }
        if (op instanceof AddCheck o) {
            return o.table();
        }
        if (op instanceof DropCheck o) {
            return o.table();
        }
        return null;
    }
}
