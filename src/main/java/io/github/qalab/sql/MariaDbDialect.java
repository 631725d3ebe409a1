package io.github.qalab.sql;

import io.github.qalab.diff.Operation.AlterColumn;
import io.github.qalab.diff.Operation.RenameColumn;
import io.github.qalab.schema.Column;
import io.github.qalab.schema.ColumnType;
import io.github.qalab.schema.PrimaryKey;
import io.github.qalab.schema.Sequence;

import java.util.ArrayList;
import java.util.List;

/**
 * MariaDB 10.5+ ({@code mariadb}) and MySQL 8 ({@code mysql}), rendered as Hibernate 7's {@code MariaDBDialect}
 * and {@code MySQLDialect} expect; they differ only in UUID columns ({@code uuid} against {@code binary(16)}).
 */
public final class MariaDbDialect extends SqlDialect {

    private final boolean mysql;

    MariaDbDialect(boolean mysql) {
        this.mysql = mysql;
    }

    @Override
    public String name() {
        return mysql ? "mysql" : "mariadb";
    }

    @Override
    public String typeOf(ColumnType t) {
        return switch (t.kind()) {
            case BOOLEAN -> "BIT";
            case TINYINT -> "TINYINT";
            case SMALLINT -> "SMALLINT";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            // FLOAT(23) is MariaDB's 4-byte float and also reads as REAL in H2's compatibility mode.
            case REAL -> "FLOAT(23)";
            case DOUBLE -> "DOUBLE";
            case DECIMAL -> "DECIMAL(" + t.precision() + "," + t.scale() + ")";
            case CHAR -> "CHAR(" + Math.max(1, t.length()) + ")";
            case VARCHAR -> "VARCHAR(" + lengthOr255(t) + ")";
            case CLOB -> "LONGTEXT";
            case BINARY -> "BINARY(" + lengthOr255(t) + ")";
            case VARBINARY -> "VARBINARY(" + lengthOr255(t) + ")";
            case BLOB -> "LONGBLOB";
            case DATE -> "DATE";
            case TIME -> "TIME(" + t.precision() + ")";
            case TIMESTAMP, TIMESTAMP_TZ -> "DATETIME(" + t.precision() + ")";
            case UUID -> mysql ? "BINARY(16)" : "UUID";
            case ENUM -> enumList(t);
            case CUSTOM -> t.definition();
        };
    }

    /** MariaDB names every primary key PRIMARY and rejects that name in a CONSTRAINT clause. */
    @Override
    String primaryKeyClause(PrimaryKey pk) {
        return "PRIMARY KEY " + columnList(pk.columns());
    }

    @Override
    String identityClause(Column c) {
        return " NOT NULL AUTO_INCREMENT";
    }

    /**
     * MODIFY restates the whole column, so one statement covers type, nullability, default and identity; NULLs are
     * filled and converted values rewritten before it, a key sequence is moved past the highest key after it. A new
     * AUTO_INCREMENT continues after the highest key by itself.
     */
    @Override
    List<String> alterColumn(AlterColumn o) {
        List<String> out = new ArrayList<>();
        if (o.fillsNulls()) {
            out.add(fillNulls(o));
        }
        if (o.converts()) {
            // Through a text column: MODIFY would map numbers to ENUM indexes (1-based, sorted) and ENUM labels to
            // their indexes, never to the names or ordinals Hibernate means.
            Column text = new Column(o.from().name(), ColumnType.varchar(conversionWidth(o)), o.from().nullable(), "",
                    false);
            out.add(alter(o.table()) + "MODIFY COLUMN " + columnDefinition(text));
            out.add(convertingTypeChange(o, "").get(1));
        }
        out.add(alter(o.table()) + "MODIFY COLUMN " + columnDefinition(o.to()));
        if (o.from().identity() && !o.to().identity() && o.rows().keySequence() != null) {
            out.addAll(continueSequence(o.table(), o.to(), o.rows().keySequence()));
        }
        return out;
    }

    @Override
    List<String> becomeIdentity(String table, Column column) {
        return List.of(alter(table) + "MODIFY COLUMN " + columnDefinition(column));
    }

    /**
     * SETVAL takes only constants here, so the statement is prepared from the highest key (a session variable, a
     * prepared statement; both end with the migration's connection).
     */
    @Override
    List<String> continueSequence(String table, Column column, Sequence sequence) {
        return List.of("SET @qalab_sql = CONCAT('SELECT SETVAL(" + id(sequence.name()) + ", ', (SELECT "
                        + nextKeyAfterRows(column, Math.max(1, sequence.increment())) + " FROM " + id(table)
                        + "), ', 0)')",
                "PREPARE qalab_statement FROM @qalab_sql",
                "EXECUTE qalab_statement",
                "DEALLOCATE PREPARE qalab_statement");
    }

    /** H2's MariaDB mode (the shadow database) stores checks with double-quoted names, which MariaDB reads as text. */
    @Override
    String checkClause(io.github.qalab.schema.CheckConstraint c) {
        return super.checkClause(new io.github.qalab.schema.CheckConstraint(c.name(), backticked(c.expression())));
    }

    /** Double-quoted identifiers (outside string literals) written with backticks. */
    static String backticked(String expression) {
        StringBuilder sb = new StringBuilder();
        boolean literal = false;
        for (int i = 0; i < expression.length(); i++) {
            char ch = expression.charAt(i);
            if (ch == '\'') {
                literal = !literal;
            }
            sb.append(!literal && ch == '"' ? '`' : ch);
        }
        return sb.toString();
    }

    @Override
    public String placeholderValue(Column column) {
        return switch (column.type().kind()) {
            case TIMESTAMP_TZ -> "'1970-01-01 00:00:00'";
            case UUID -> mysql ? "X'00000000000000000000000000000000'" : super.placeholderValue(column);
            default -> super.placeholderValue(column);
        };
    }

    @Override
    String renameColumn(RenameColumn o) {
        return alter(o.table()) + "RENAME COLUMN " + id(o.from()) + " TO " + id(o.to());
    }

    @Override
    String dropPrimaryKey(String table, String name) {
        return alter(table) + "DROP PRIMARY KEY";
    }

    @Override
    String dropUnique(String table, String name) {
        return alter(table) + "DROP INDEX " + id(name);
    }

    /**
     * MariaDB creates an index named like the foreign key when no other index serves it, and keeps that index
     * when the key is dropped; dropping it too keeps the schema equal to the one before the key was added.
     */
    @Override
    List<String> dropForeignKey(String table, String name) {
        return List.of(alter(table) + "DROP FOREIGN KEY " + id(name),
                "DROP INDEX IF EXISTS " + id(name) + " ON " + id(table));
    }

    /** NOCACHE as in Hibernate's MariaDBDialect: a cached sequence would skip values across restarts. */
    @Override
    String createSequence(Sequence s) {
        return super.createSequence(s) + " NOCACHE";
    }

    @Override
    String quote(String name) {
        return '`' + name + '`';
    }

    /** A MariaDB schema is a database, whose name the migration cannot know. */
    @Override
    String defaultSchema() {
        return "";
    }

    /** MariaDB and MySQL keep the case of names as written. */
    @Override
    String fold(String name) {
        return name;
    }

    @Override
    int maxIdentifierLength() {
        return 64;
    }

    /** Index names belong to their table on MariaDB, so they are never qualified. */
    @Override
    String dropIndex(String table, String index) {
        return "DROP INDEX " + id(io.github.qalab.schema.Names.simpleName(index)) + " ON " + id(table);
    }
}
