package io.github.qalab.diff;

import io.github.qalab.diff.Operation.AddColumn;
import io.github.qalab.diff.Operation.AddForeignKey;
import io.github.qalab.diff.Operation.AddPrimaryKey;
import io.github.qalab.diff.Operation.AddUniqueConstraint;
import io.github.qalab.diff.Operation.AlterColumn;
import io.github.qalab.diff.Operation.AlterSequence;
import io.github.qalab.diff.Operation.CreateIndex;
import io.github.qalab.diff.Operation.CreateSequence;
import io.github.qalab.diff.Operation.CreateTable;
import io.github.qalab.diff.Operation.DropColumn;
import io.github.qalab.diff.Operation.DropForeignKey;
import io.github.qalab.diff.Operation.DropIndex;
import io.github.qalab.diff.Operation.DropPrimaryKey;
import io.github.qalab.diff.Operation.DropSequence;
import io.github.qalab.diff.Operation.DropTable;
import io.github.qalab.diff.Operation.DropUniqueConstraint;
import io.github.qalab.diff.Operation.RenameColumn;
import io.github.qalab.diff.Operation.RenameTable;
import io.github.qalab.schema.Column;
import io.github.qalab.schema.ForeignKey;
import io.github.qalab.schema.Index;
import io.github.qalab.schema.PrimaryKey;
import io.github.qalab.schema.Schema;
import io.github.qalab.schema.Sequence;
import io.github.qalab.schema.Table;
import io.github.qalab.schema.UniqueConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Test-only: executes operations on the schema model, failing on any operation that does not fit the schema. */
final class SchemaModelInterpreter {

    private SchemaModelInterpreter() {
    }

    static Schema apply(Schema s, Operation op) {
        if (op instanceof CreateTable o) {
            require(s.table(o.table().name()).isEmpty(), op);
            return withTables(s, add(s.tables(), o.table()));
        }
        if (op instanceof DropTable o) {
            Table t = s.table(o.table().name()).orElseThrow(() -> fail(op));
            require(t.foreignKeys().isEmpty(), op);
            require(s.tables().stream().flatMap(x -> x.foreignKeys().stream())
                    .noneMatch(fk -> fk.referencedTable().equals(t.name())), op);
            return withTables(s, s.tables().stream().filter(x -> x != t).toList());
        }
        if (op instanceof RenameTable o) {
            return withTables(s, s.tables().stream().map(t -> {
                List<ForeignKey> fks = t.foreignKeys().stream().map(fk -> fk.referencedTable().equals(o.from())
                        ? new ForeignKey(fk.name(), fk.columns(), o.to(), fk.referencedColumns()) : fk).toList();
                return new Table(t.name().equals(o.from()) ? o.to() : t.name(), t.columns(), t.primaryKey(),
                        t.uniques(), t.indexes(), fks);
            }).toList());
        }
        if (op instanceof CreateSequence o) {
            require(s.sequence(o.sequence().name()).isEmpty(), op);
            return new Schema(s.tables(), add(s.sequences(), o.sequence()));
        }
        if (op instanceof DropSequence o) {
            Sequence q = s.sequence(o.sequence().name()).orElseThrow(() -> fail(op));
            return new Schema(s.tables(), s.sequences().stream().filter(x -> x != q).toList());
        }
        if (op instanceof AlterSequence o) {
            require(s.sequence(o.from().name()).orElseThrow(() -> fail(op)).equals(o.from()), op);
            return new Schema(s.tables(), s.sequences().stream().map(q -> q.name().equals(o.to().name()) ? o.to() : q).toList());
        }
        String table = tableOf(op);
        Table t = s.table(table).orElseThrow(() -> fail(op));
        return withTables(s, s.tables().stream().map(x -> x == t ? change(t, op) : x).toList());
    }

    private static Table change(Table t, Operation op) {
        List<Column> cols = new ArrayList<>(t.columns());
        PrimaryKey pk = t.primaryKey();
        List<UniqueConstraint> uniques = new ArrayList<>(t.uniques());
        List<Index> indexes = new ArrayList<>(t.indexes());
        List<ForeignKey> fks = new ArrayList<>(t.foreignKeys());
        if (op instanceof AddColumn o) {
            require(t.column(o.column().name()).isEmpty(), op);
            cols.add(o.column());
        } else if (op instanceof DropColumn o) {
            require(cols.remove(o.column()), op);
        } else if (op instanceof AlterColumn o) {
            require(cols.contains(o.from()), op);
            cols.set(cols.indexOf(o.from()), o.to());
        } else if (op instanceof RenameColumn o) {
            Column c = t.column(o.from()).orElseThrow(() -> fail(op));
            cols.set(cols.indexOf(c), new Column(o.to(), c.type(), c.nullable(), c.defaultValue(), c.identity()));
            UnaryOperator<List<String>> map = l -> l.stream().map(x -> x.equals(o.from()) ? o.to() : x).toList();
            pk = pk == null ? null : new PrimaryKey(pk.name(), map.apply(pk.columns()));
            uniques.replaceAll(u -> new UniqueConstraint(u.name(), map.apply(u.columns())));
            indexes.replaceAll(i -> new Index(i.name(), map.apply(i.columns()), i.unique()));
            fks.replaceAll(f -> new ForeignKey(f.name(), map.apply(f.columns()), f.referencedTable(), f.referencedColumns()));
        } else if (op instanceof AddPrimaryKey o) {
            require(pk == null, op);
            pk = o.primaryKey();
        } else if (op instanceof DropPrimaryKey o) {
            require(o.primaryKey().equals(pk), op);
            pk = null;
        } else if (op instanceof AddUniqueConstraint o) {
            uniques.add(o.constraint());
        } else if (op instanceof DropUniqueConstraint o) {
            require(uniques.remove(o.constraint()), op);
        } else if (op instanceof CreateIndex o) {
            indexes.add(o.index());
        } else if (op instanceof DropIndex o) {
            require(indexes.remove(o.index()), op);
        } else if (op instanceof AddForeignKey o) {
            fks.add(o.foreignKey());
        } else if (op instanceof DropForeignKey o) {
            require(fks.remove(o.foreignKey()), op);
        } else {
            throw fail(op);
        }
        for (String c : referencedColumns(pk, uniques, indexes, fks)) {
            require(cols.stream().anyMatch(x -> x.name().equals(c)), op);
        }
        return new Table(t.name(), cols, pk, uniques, indexes, fks);
    }

    private static List<String> referencedColumns(PrimaryKey pk, List<UniqueConstraint> u, List<Index> i,
                                                  List<ForeignKey> f) {
        List<String> all = new ArrayList<>(pk == null ? List.of() : pk.columns());
        u.forEach(x -> all.addAll(x.columns()));
        i.forEach(x -> all.addAll(x.columns()));
        f.forEach(x -> all.addAll(x.columns()));
        return all;
    }

    private static String tableOf(Operation op) {
        for (var m : op.getClass().getRecordComponents()) {
            if (m.getName().equals("table") && m.getType() == String.class) {
                try {
                    return (String) m.getAccessor().invoke(op);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw fail(op);
    }

    private static <T> List<T> add(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }

    private static Schema withTables(Schema s, List<Table> tables) {
        return new Schema(tables, s.sequences());
    }

    private static void require(boolean ok, Operation op) {
        if (!ok) {
            throw fail(op);
        }
    }

    private static IllegalStateException fail(Operation op) {
        return new IllegalStateException("operation does not fit the schema: " + op.describe());
    }
}
