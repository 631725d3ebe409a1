package io.github.qalab.sql;

import io.github.qalab.diff.Operation.AlterColumn;
import io.github.qalab.diff.Operation.RenameColumn;
import io.github.qalab.schema.ColumnType;

import java.util.List;
import java.util.Locale;

/** H2 2.x in its default mode, rendered as Hibernate 7's {@code H2Dialect} expects. */
public final class H2Dialect extends SqlDialect {

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public String typeOf(ColumnType t) {
        return switch (t.kind()) {
            case BOOLEAN -> "BOOLEAN";
            case TINYINT -> "TINYINT";
            case SMALLINT -> "SMALLINT";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case REAL -> "REAL";
            case DOUBLE -> "DOUBLE PRECISION";
            case DECIMAL -> "NUMERIC(" + t.precision() + "," + t.scale() + ")";
            case CHAR -> "CHAR(" + Math.max(1, t.length()) + ")";
            case VARCHAR -> "VARCHAR(" + lengthOr255(t) + ")";
            case CLOB -> "CLOB";
            case BINARY -> "BINARY(" + lengthOr255(t) + ")";
            case VARBINARY -> "VARBINARY(" + lengthOr255(t) + ")";
            case BLOB -> "BLOB";
            case DATE -> "DATE";
            case TIME -> "TIME(" + t.precision() + ")";
            case TIMESTAMP -> "TIMESTAMP(" + t.precision() + ")";
            case TIMESTAMP_TZ -> "TIMESTAMP(" + t.precision() + ") WITH TIME ZONE";
            case UUID -> "UUID";
            case ENUM -> enumList(t);
            case CUSTOM -> t.definition();
        };
    }

    @Override
    List<String> alterColumn(AlterColumn o) {
        return standardAlterColumn(o, "SET DATA TYPE");
    }

    @Override
    String renameColumn(RenameColumn o) {
        return alter(o.table()) + "ALTER COLUMN " + id(o.from()) + " RENAME TO " + id(o.to());
    }

    /** H2 folds unquoted names to upper case, so a quoted reserved word must be upper case to match them. */
    @Override
    String quote(String name) {
        return '"' + name.toUpperCase(Locale.ROOT) + '"';
    }
}
