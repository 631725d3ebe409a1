package io.github.qalab.sql;

import io.github.qalab.diff.Operation.AlterColumn;
import io.github.qalab.schema.ColumnType;

import java.util.List;

/** PostgreSQL (10+), rendered as Hibernate 7's {@code PostgreSQLDialect} expects. */
public final class PostgresDialect extends SqlDialect {

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public String typeOf(ColumnType t) {
        return switch (t.kind()) {
            case BOOLEAN -> "BOOLEAN";
            case TINYINT, SMALLINT -> "SMALLINT";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case REAL -> "REAL";
            case DOUBLE -> "DOUBLE PRECISION";
            case DECIMAL -> "NUMERIC(" + t.precision() + "," + t.scale() + ")";
            case CHAR -> "CHAR(" + Math.max(1, t.length()) + ")";
            case VARCHAR -> "VARCHAR(" + lengthOr255(t) + ")";
            // Hibernate maps @Lob to PostgreSQL large objects, which a column references by oid.
            case CLOB, BLOB -> "OID";
            case BINARY, VARBINARY -> "BYTEA";
            case DATE -> "DATE";
            case TIME -> "TIME(" + t.precision() + ")";
            case TIMESTAMP -> "TIMESTAMP(" + t.precision() + ")";
            case TIMESTAMP_TZ -> "TIMESTAMP(" + t.precision() + ") WITH TIME ZONE";
            case UUID -> "UUID";
            case ENUM -> "VARCHAR(" + lengthOr255(t) + ")";
            case CUSTOM -> t.definition();
        };
    }

    @Override
    List<String> alterColumn(AlterColumn o) {
        return standardAlterColumn(o, "TYPE");
    }
}
