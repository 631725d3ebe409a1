package io.github.qalab.sql;

import io.github.qalab.diff.Operation.AlterColumn;
import io.github.qalab.diff.Operation.RenameColumn;
import io.github.qalab.schema.Column;
import io.github.qalab.schema.ColumnType;
import io.github.qalab.schema.PrimaryKey;
import io.github.qalab.schema.Sequence;

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

    /** MODIFY restates the whole column, so one statement covers type, nullability, default and identity. */
    @Override
    List<String> alterColumn(AlterColumn o) {
        return List.of(alter(o.table()) + "MODIFY COLUMN " + columnDefinition(o.to()));
    }

    @Override
    String renameColumn(RenameColumn o) {
        return alter(o.table()) + "RENAME COLUMN " + id(o.from()) + " TO " + id(o.to());
    }

    @Override
    String dropIndex(String table, String index) {
        return "DROP INDEX " + id(index) + " ON " + id(table);
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
}
