package io.github.qalab.diff;

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

    /** Adds a column to an existing table. */
    record AddColumn(String table, Column column) implements Operation {
        public Operation inverse() {
            return new DropColumn(table, column);
        }

        public String describe() {
            return "add column " + table + "." + column.name();
        }
    }

    /** Drops a column; carries its definition for the inverse. */
    record DropColumn(String table, Column column) implements Operation {
        public Operation inverse() {
            return new AddColumn(table, column);
        }

        @Override
        public boolean lossy() {
            return true;
        }

        public String describe() {
            return "drop column " + table + "." + column.name();
        }
    }

    /**
     * Changes a column's type, length, precision, nullability or default; {@code from} and {@code to} have the
     * same name.
     */
    record AlterColumn(String table, Column from, Column to) implements Operation {
        public Operation inverse() {
            return new AlterColumn(table, to, from);
        }

        public boolean typeChanged() {
            return !from.type().equals(to.type()) || from.identity() != to.identity();
        }

        public boolean nullabilityChanged() {
            return from.nullable() != to.nullable();
        }

        public boolean defaultChanged() {
            return !from.defaultValue().equals(to.defaultValue());
        }

        public String describe() {
            return "alter column " + table + "." + to.name();
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
            return new RenameColumn(table, to, from, new Column(from, column.type(), column.nullable(),
                    column.defaultValue(), column.identity()));
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
}
