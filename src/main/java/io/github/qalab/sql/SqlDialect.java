package io.github.qalab.sql;

import io.github.qalab.diff.Operation;
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
import io.github.qalab.schema.ColumnType;
import io.github.qalab.schema.ForeignKey;
import io.github.qalab.schema.Index;
import io.github.qalab.schema.PrimaryKey;
import io.github.qalab.schema.Sequence;
import io.github.qalab.schema.Table;
import io.github.qalab.schema.UniqueConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SQL the three databases share (standard DDL), with hooks for where they differ; the concrete dialects
 * override only those hooks.
 */
abstract sealed class SqlDialect implements Dialect permits PostgresDialect, MariaDbDialect, H2Dialect {

    /**
     * Words quoted when used as a table or column name: reserved in at least one of PostgreSQL, MariaDB and H2 2.x
     * and plausible as a JPA field name. Quoting a lowercase name is harmless where the word is not reserved.
     */
    static final Set<String> RESERVED = Set.of(
            "all", "and", "any", "array", "as", "asc", "between", "both", "by", "case", "check", "column",
            "constraint", "create", "cross", "current_date", "current_time", "current_timestamp", "current_user",
            "day", "default", "delete", "desc", "distinct", "else", "end", "except", "exists", "false", "fetch",
            "for", "foreign", "from", "full", "group", "having", "hour", "if", "in", "index", "inner", "insert",
            "intersect", "interval", "into", "is", "join", "key", "leading", "left", "like", "limit", "localtime",
            "localtimestamp", "minus", "minute", "month", "natural", "not", "null", "offset", "on", "or", "order",
            "outer", "over", "partition", "primary", "qualify", "range", "references", "regexp", "right", "row",
            "rows", "rownum", "second", "select", "set", "some", "table", "then", "to", "trailing", "true", "union",
            "unique", "update", "user", "using", "value", "values", "when", "where", "window", "with", "year",
            // MySQL 8 reserves the window functions and a few more names that make natural column names.
            "change", "condition", "cume_dist", "database", "dense_rank", "div", "dual", "first_value", "groups",
            "lag", "last_value", "lateral", "lead", "lines", "load", "lock", "long", "match", "mod", "nth_value",
            "ntile", "of", "option", "percent_rank", "rank", "read", "recursive", "release", "rename", "repeat",
            "replace", "require", "row_number", "schema", "signal", "show", "sql", "system", "trigger", "usage",
            "write", "xor");

    @Override
    public List<String> render(Operation op) {
        if (op instanceof CreateTable o) {
            return createTable(o.table());
        }
        if (op instanceof DropTable o) {
            return List.of("DROP TABLE " + id(o.table().name()));
        }
        if (op instanceof AddColumn o) {
            return List.of(alter(o.table()) + "ADD COLUMN " + columnDefinition(o.column()));
        }
        if (op instanceof DropColumn o) {
            return List.of(alter(o.table()) + "DROP COLUMN " + id(o.column().name()));
        }
        if (op instanceof AlterColumn o) {
            return alterColumn(o);
        }
        if (op instanceof RenameTable o) {
            return List.of(alter(o.from()) + "RENAME TO " + id(o.to()));
        }
        if (op instanceof RenameColumn o) {
            return List.of(renameColumn(o));
        }
        if (op instanceof AddPrimaryKey o) {
            return List.of(alter(o.table()) + "ADD " + primaryKeyClause(o.primaryKey()));
        }
        if (op instanceof DropPrimaryKey o) {
            return List.of(dropPrimaryKey(o.table(), o.primaryKey().name()));
        }
        if (op instanceof AddUniqueConstraint o) {
            return List.of(alter(o.table()) + "ADD " + uniqueClause(o.constraint()));
        }
        if (op instanceof DropUniqueConstraint o) {
            return List.of(dropUnique(o.table(), o.constraint().name()));
        }
        if (op instanceof CreateIndex o) {
            return List.of(createIndex(o.table(), o.index()));
        }
        if (op instanceof DropIndex o) {
            return List.of(dropIndex(o.table(), o.index().name()));
        }
        if (op instanceof AddForeignKey o) {
            ForeignKey fk = o.foreignKey();
            return List.of(alter(o.table()) + "ADD CONSTRAINT " + id(fk.name()) + " FOREIGN KEY "
                    + columnList(fk.columns()) + " REFERENCES " + id(fk.referencedTable()) + " "
                    + columnList(fk.referencedColumns()));
        }
        if (op instanceof DropForeignKey o) {
            return dropForeignKey(o.table(), o.foreignKey().name());
        }
        if (op instanceof CreateSequence o) {
            return List.of(createSequence(o.sequence()));
        }
        if (op instanceof DropSequence o) {
            return List.of("DROP SEQUENCE " + id(o.sequence().name()));
        }
        if (op instanceof AlterSequence o) {
            return List.of(alterSequence(o.to()));
        }
        throw new IllegalArgumentException("Operation not supported by " + name() + ": " + op);
    }

    // ---- shared rendering ---------------------------------------------------------------------------------------

    List<String> createTable(Table t) {
        List<String> lines = new ArrayList<>();
        for (Column c : t.columns()) {
            lines.add(columnDefinition(c));
        }
        if (t.primaryKey() != null) {
            lines.add(primaryKeyClause(t.primaryKey()));
        }
        for (UniqueConstraint u : t.uniques()) {
            lines.add(uniqueClause(u));
        }
        List<String> statements = new ArrayList<>();
        statements.add("CREATE TABLE " + id(t.name()) + " (\n    " + String.join(",\n    ", lines) + "\n)");
        for (Index i : t.indexes()) {
            statements.add(createIndex(t.name(), i));
        }
        return statements;
    }

    String columnDefinition(Column c) {
        StringBuilder sb = new StringBuilder(id(c.name())).append(' ').append(typeOf(c.type()));
        if (c.identity()) {
            sb.append(identityClause(c));
            return sb.toString();
        }
        if (!c.defaultValue().isEmpty()) {
            sb.append(" DEFAULT ").append(c.defaultValue());
        }
        if (!c.nullable()) {
            sb.append(" NOT NULL");
        }
        return sb.toString();
    }

    /** What follows the type of an identity column. */
    String identityClause(Column c) {
        return " GENERATED BY DEFAULT AS IDENTITY";
    }

    String primaryKeyClause(PrimaryKey pk) {
        return "CONSTRAINT " + id(pk.name()) + " PRIMARY KEY " + columnList(pk.columns());
    }

    String uniqueClause(UniqueConstraint u) {
        return "CONSTRAINT " + id(u.name()) + " UNIQUE " + columnList(u.columns());
    }

    String createIndex(String table, Index i) {
        return "CREATE " + (i.unique() ? "UNIQUE " : "") + "INDEX " + id(i.name()) + " ON " + id(table) + " "
                + columnList(i.columns());
    }

    String dropIndex(String table, String index) {
        return "DROP INDEX " + id(index);
    }

    String dropPrimaryKey(String table, String name) {
        return alter(table) + "DROP CONSTRAINT " + id(name);
    }

    String dropUnique(String table, String name) {
        return alter(table) + "DROP CONSTRAINT " + id(name);
    }

    List<String> dropForeignKey(String table, String name) {
        return List.of(alter(table) + "DROP CONSTRAINT " + id(name));
    }

    String renameColumn(RenameColumn o) {
        return alter(o.table()) + "RENAME COLUMN " + id(o.from()) + " TO " + id(o.to());
    }

    String createSequence(Sequence s) {
        return "CREATE SEQUENCE " + id(s.name()) + " START WITH " + s.start() + " INCREMENT BY " + s.increment();
    }

    String alterSequence(Sequence s) {
        return "ALTER SEQUENCE " + id(s.name()) + " INCREMENT BY " + s.increment();
    }

    abstract List<String> alterColumn(AlterColumn o);

    /** Standard {@code ALTER COLUMN} steps; {@code typeKeyword} is {@code TYPE} or {@code SET DATA TYPE}. */
    List<String> standardAlterColumn(AlterColumn o, String typeKeyword) {
        List<String> out = new ArrayList<>();
        String prefix = alter(o.table()) + "ALTER COLUMN " + id(o.to().name()) + " ";
        Column from = o.from();
        Column to = o.to();
        if (from.identity() && !to.identity()) {
            out.add(prefix + "DROP IDENTITY");
        }
        if (!same(from.type(), to.type())) {
            out.add(prefix + typeKeyword + " " + typeOf(to.type()));
        }
        if (!from.identity() && to.identity()) {
            out.add(prefix + "ADD GENERATED BY DEFAULT AS IDENTITY");
        }
        if (!to.identity() && !from.defaultValue().equals(to.defaultValue())) {
            out.add(prefix + (to.defaultValue().isEmpty() ? "DROP DEFAULT" : "SET DEFAULT " + to.defaultValue()));
        }
        if (from.nullable() != to.nullable()) {
            out.add(prefix + (to.nullable() ? "DROP NOT NULL" : "SET NOT NULL"));
        }
        return out;
    }

    String alter(String table) {
        return "ALTER TABLE " + id(table) + " ";
    }

    String columnList(List<String> columns) {
        return columns.stream().map(this::id).collect(Collectors.joining(", ", "(", ")"));
    }

    String id(String name) {
        return identifier(name);
    }

    @Override
    public String identifier(String name) {
        return RESERVED.contains(name.toLowerCase(Locale.ROOT)) ? quote(name) : name;
    }

    String quote(String name) {
        return '"' + name + '"';
    }

    static String enumList(ColumnType t) {
        // Sorted like Hibernate's own DDL, and as the database reports them back.
        return t.values().stream().sorted().map(v -> "'" + v.replace("'", "''") + "'")
                .collect(Collectors.joining(",", "ENUM (", ")"));
    }

    static int lengthOr255(ColumnType t) {
        return t.length() > 0 ? t.length() : 255;
    }
}
