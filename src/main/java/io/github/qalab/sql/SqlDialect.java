package io.github.qalab.sql;

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
import io.github.qalab.diff.Operation.Remark;
import io.github.qalab.diff.Operation.UpdateRows;
import io.github.qalab.schema.CheckConstraint;
import io.github.qalab.schema.Column;
import io.github.qalab.schema.ColumnType;
import io.github.qalab.schema.ForeignKey;
import io.github.qalab.schema.Index;
import io.github.qalab.schema.Names;
import io.github.qalab.schema.PrimaryKey;
import io.github.qalab.schema.Sequence;
import io.github.qalab.schema.Table;
import io.github.qalab.schema.UniqueConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
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
            if (o.fillsRows()) {
                // The fill is a default only while the column is added: every existing row takes it at once (without
                // a table rewrite on PostgreSQL 11+), and the column ends up as the entities declare it.
                return List.of(alter(o.table()) + "ADD COLUMN " + columnDefinition(o.column().withDefault(o.fill())),
                        alter(o.table()) + "ALTER COLUMN " + id(o.column().name()) + " DROP DEFAULT");
            }
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
            String referenced = fk.referencedTable();
            if (Names.schemaOf(referenced).isEmpty() && !Names.schemaOf(o.table()).isEmpty()
                    && !defaultSchema().isEmpty()) {
                // H2 (and so the shadow database) looks an unqualified referenced table up in the referencing
                // table's own schema: a table of the default schema must be named with it.
                referenced = Names.qualify(defaultSchema(), referenced);
            }
            return List.of(alter(o.table()) + "ADD CONSTRAINT " + id(fk.name()) + " FOREIGN KEY "
                    + columnList(fk.columns()) + " REFERENCES " + id(referenced) + " "
                    + columnList(fk.referencedColumns()) + (fk.onDelete().isEmpty() ? "" : " ON DELETE "
                    + fk.onDelete()));
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
        if (op instanceof AddCheck o) {
            return List.of(alter(o.table()) + "ADD " + checkClause(o.check()));
        }
        if (op instanceof DropCheck o) {
            return List.of(dropCheck(o.table(), o.check().name()));
        }
        if (op instanceof CreateSchema o) {
            return List.of(createSchema(o.name()));
        }
        if (op instanceof DropSchema o) {
            return List.of(dropSchema(o.name()));
        }
        if (op instanceof UpdateRows o) {
            return List.of("UPDATE " + id(o.table()) + " SET " + id(o.column()) + " = " + o.value() + " WHERE "
                    + id(o.column()) + " IN (" + String.join(", ", o.matching()) + ")");
        }
        if (op instanceof Remark) {
            return List.of();
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
        for (CheckConstraint c : t.checks()) {
            lines.add(checkClause(c));
        }
        List<String> statements = new ArrayList<>();
        statements.add("CREATE TABLE " + id(t.name()) + " (\n    " + String.join(",\n    ", lines) + "\n)"
                + tableOptions());
        for (Index i : t.indexes()) {
            statements.add(createIndex(t.name(), i));
        }
        statements.addAll(t.initCommands());
        return statements;
    }

    /** The name of the default schema, for qualifying references to it from other schemas ("" where none). */
    String defaultSchema() {
        return "public";
    }

    /** What follows the closing parenthesis of CREATE TABLE ("" by default). */
    String tableOptions() {
        return "";
    }

    /** The SQL type written for a column: Hibernate's own text when the model has it, else the neutral type's. */
    String sqlType(Column c) {
        return c.sqlType().isEmpty() ? typeOf(c.type()) : c.sqlType();
    }

    String columnDefinition(Column c) {
        StringBuilder sb = new StringBuilder(id(c.name())).append(' ').append(sqlType(c));
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

    /** A named check as {@code CONSTRAINT n CHECK (e)}; an unnamed one lets the database name it, as Hibernate does. */
    String checkClause(CheckConstraint c) {
        return (c.name().isEmpty() ? "" : "CONSTRAINT " + id(c.name()) + " ") + "CHECK (" + c.expression() + ")";
    }

    String dropCheck(String table, String name) {
        return alter(table) + "DROP CONSTRAINT " + id(name);
    }

    String createSchema(String name) {
        return "CREATE SCHEMA " + id(name);
    }

    String dropSchema(String name) {
        return "DROP SCHEMA " + id(name);
    }

    String createIndex(String table, Index i) {
        return "CREATE " + (i.unique() ? "UNIQUE " : "") + "INDEX " + id(Names.simpleName(i.name())) + " ON "
                + id(table) + " " + columnList(i.columns());
    }

    /** An index lives in its table's schema, so its name is qualified like the table's. */
    String dropIndex(String table, String index) {
        return "DROP INDEX " + id(Names.qualify(Names.schemaOf(table), Names.simpleName(index)));
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

    /**
     * Standard {@code ALTER COLUMN} steps; {@code typeKeyword} is {@code TYPE} or {@code SET DATA TYPE}. Existing rows
     * are carried through as {@link AlterColumn#rows()} says: values converted one by one, NULLs filled before SET NOT
     * NULL, a new identity continued after the highest key, a key sequence moved past it when the identity goes.
     */
    List<String> standardAlterColumn(AlterColumn o, String typeKeyword) {
        List<String> out = new ArrayList<>();
        String prefix = alterColumnPrefix(o);
        Column from = o.from();
        Column to = o.to();
        if (from.identity() && !to.identity()) {
            out.add(prefix + "DROP IDENTITY");
            if (o.rows().keySequence() != null) {
                out.addAll(continueSequence(o.table(), to, o.rows().keySequence()));
            }
        }
        if (o.changes().contains(Operation.Change.TYPE)) {
            if (o.converts()) {
                out.addAll(convertingTypeChange(o, typeKeyword));
            } else {
                out.add(prefix + typeKeyword + " " + sqlType(to) + usingClause(o));
            }
        }
        if (!from.identity() && to.identity()) {
            out.addAll(becomeIdentity(o.table(), to));
        }
        if (!to.identity() && o.defaultChanged()) {
            out.add(prefix + (to.defaultValue().isEmpty() ? "DROP DEFAULT" : "SET DEFAULT " + to.defaultValue()));
        }
        if (o.nullabilityChanged()) {
            if (o.fillsNulls()) {
                out.add(fillNulls(o));
            }
            out.add(prefix + (to.nullable() ? "DROP NOT NULL" : "SET NOT NULL"));
        }
        return out;
    }

    String alterColumnPrefix(AlterColumn o) {
        return alter(o.table()) + "ALTER COLUMN " + id(o.to().name()) + " ";
    }

    /** {@code UPDATE t SET c = fill WHERE c IS NULL}: the rows a NOT NULL column cannot hold get the fill first. */
    String fillNulls(AlterColumn o) {
        String column = id(o.to().name());
        return "UPDATE " + id(o.table()) + " SET " + column + " = " + o.rows().fill() + " WHERE " + column + " IS NULL";
    }

    /**
     * A type change that maps each stored value ({@link AlterColumn#converts()}): by default through a text column,
     * so that both the old and the new values fit while an {@code UPDATE ... CASE} rewrites them; values the mapping
     * does not name are left as they are, so that the final type change rejects them instead of guessing.
     */
    List<String> convertingTypeChange(AlterColumn o, String typeKeyword) {
        String prefix = alterColumnPrefix(o);
        String column = id(o.to().name());
        StringBuilder cases = new StringBuilder("CASE ").append(column);
        o.rows().conversion().forEach((before, after) -> cases.append(" WHEN ").append(stringLiteral(before))
                .append(" THEN ").append(stringLiteral(after)));
        cases.append(" ELSE ").append(column).append(" END");
        return List.of(prefix + typeKeyword + " VARCHAR(" + conversionWidth(o) + ")",
                "UPDATE " + id(o.table()) + " SET " + column + " = " + cases,
                prefix + typeKeyword + " " + sqlType(o.to()));
    }

    /** Wide enough for every value before and after a conversion (and for any number). */
    static int conversionWidth(AlterColumn o) {
        int widest = 255;
        for (java.util.Map.Entry<String, String> e : o.rows().conversion().entrySet()) {
            widest = Math.max(widest, Math.max(e.getKey().length(), e.getValue().length()));
        }
        return widest;
    }

    /** The statements that make a column an identity whose next value follows the highest existing key. */
    abstract List<String> becomeIdentity(String table, Column column);

    /**
     * The statements that move {@code sequence} so that the next key it hands out, also through Hibernate's pooled
     * optimizer (which uses the {@code increment} values below the one it fetches), lies above the highest key.
     */
    abstract List<String> continueSequence(String table, Column column, Sequence sequence);

    /** {@code COALESCE(MAX(c), 0) + n}, the first key after the existing ones when a generator hands out n at once. */
    String nextKeyAfterRows(Column column, long step) {
        return "COALESCE(MAX(" + id(column.name()) + "), 0) + " + step;
    }

    /** A value as an SQL string literal. */
    static String stringLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** A value as a literal of {@code type}: a number stays a number for a numeric column, else a string literal. */
    static String literal(String value, ColumnType type) {
        boolean numeric = switch (type.kind()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL, REAL, DOUBLE -> true;
            default -> false;
        };
        return numeric && value.matches("-?[0-9]+(\\.[0-9]+)?") ? value : stringLiteral(value);
    }

    @Override
    public String placeholderValue(Column column) {
        ColumnType type = column.type();
        return switch (type.kind()) {
            case BOOLEAN -> "FALSE";
            case TINYINT, SMALLINT, INTEGER, BIGINT, REAL, DOUBLE, DECIMAL -> "0";
            case CHAR, VARCHAR, CLOB -> "''";
            case BINARY, VARBINARY, BLOB -> emptyBinary();
            case DATE -> "'1970-01-01'";
            case TIME -> "'00:00:00'";
            case TIMESTAMP -> "'1970-01-01 00:00:00'";
            case TIMESTAMP_TZ -> "'1970-01-01 00:00:00+00'";
            case UUID -> "'00000000-0000-0000-0000-000000000000'";
            case ENUM -> type.values().isEmpty() ? "''" : stringLiteral(type.values().get(0));
            case CUSTOM -> customPlaceholder(column);
        };
    }

    /** An empty binary value. */
    String emptyBinary() {
        return "X''";
    }

    /** A placeholder for a {@code columnDefinition} type: by the words in it, else an empty string. */
    String customPlaceholder(Column column) {
        String text = (column.sqlType().isEmpty() ? column.type().definition() : column.sqlType())
                .toLowerCase(Locale.ROOT);
        if (text.contains("json")) {
            return "'{}'";
        }
        if (text.matches("(?s).*\\b(int|integer|bigint|smallint|tinyint|numeric|decimal|float|double|real|oid)\\b.*")) {
            return "0";
        }
        if (text.contains("bool") || text.startsWith("bit")) {
            return "FALSE";
        }
        if (text.contains("timestamp") || text.contains("datetime")) {
            return "'1970-01-01 00:00:00'";
        }
        if (text.startsWith("date")) {
            return "'1970-01-01'";
        }
        if (text.contains("uuid")) {
            return "'00000000-0000-0000-0000-000000000000'";
        }
        return "''";
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

    /** Characters that make up a name no database needs quoted; anything else is quoted. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    /**
     * A name as it must be written: each part of a qualified name on its own; a part Hibernate quotes
     * ({@code `OrderItem`}) quoted with its exact case; a reserved word or a name with other characters quoted in
     * the case the database folds unquoted names to (so {@code value} stays the column Hibernate queries as
     * {@code value}); any other name as it is.
     *
     * @throws IllegalArgumentException for a name no quoting makes safe ({@link #identifierProblem})
     */
    @Override
    public String identifier(String name) {
        identifierProblem(name).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        String schema = Names.schemaOf(name);
        String simple = Names.simpleName(name);
        return (schema.isEmpty() ? "" : part(schema) + ".") + part(simple);
    }

    private String part(String part) {
        if (Names.quoted(part)) {
            return quote(Names.unquoted(part));
        }
        if (RESERVED.contains(part.toLowerCase(Locale.ROOT)) || !PLAIN.matcher(part).matches()) {
            return quote(fold(part));
        }
        return part;
    }

    /** How the database stores an unquoted name: PostgreSQL lower-cases it, H2 upper-cases it, MariaDB keeps it. */
    abstract String fold(String name);

    @Override
    public Optional<String> identifierProblem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("an empty name");
        }
        String schema = Names.schemaOf(name);
        for (String part : schema.isEmpty() ? List.of(Names.simpleName(name)) : List.of(schema, Names.simpleName(name))) {
            String text = Names.unquoted(part);
            if (text.isEmpty()) {
                return Optional.of("an empty name");
            }
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (ch == '"' || ch == '`' || ch == '\'' || ch == ';' || ch == '.' || ch == '\\'
                        || Character.isISOControl(ch) || Character.getType(ch) == Character.LINE_SEPARATOR
                        || Character.getType(ch) == Character.PARAGRAPH_SEPARATOR) {
                    return Optional.of("name " + printable(name) + " contains " + printable(String.valueOf(ch))
                            + ", which no SQL identifier may hold here");
                }
            }
            int bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (text.length() > maxIdentifierLength() || bytes > maxIdentifierBytes()) {
                return Optional.of("name " + printable(name) + " is " + text.length() + " characters long; "
                        + name() + " allows " + maxIdentifierLength() + (maxIdentifierBytes() < Integer.MAX_VALUE
                        ? " (" + maxIdentifierBytes() + " bytes)" : "") + " and would silently cut or reject it");
            }
        }
        return Optional.empty();
    }

    /** The longest identifier, in characters. */
    int maxIdentifierLength() {
        return 256;
    }

    /** The longest identifier, in UTF-8 bytes. */
    int maxIdentifierBytes() {
        return Integer.MAX_VALUE;
    }

    /** A USING clause converting existing values for a type change ("" where the database converts by itself). */
    String usingClause(AlterColumn o) {
        return "";
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder("'");
        for (int i = 0; i < s.length() && i < 80; i++) {
            char ch = s.charAt(i);
            sb.append(Character.isISOControl(ch) || ch == '\u2028' || ch == '\u2029'
                    ? String.format("\\u%04x", (int) ch) : String.valueOf(ch));
        }
        return sb.append(s.length() > 80 ? "...'" : "'").toString();
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
