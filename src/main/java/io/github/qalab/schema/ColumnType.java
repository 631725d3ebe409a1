package io.github.qalab.schema;

import java.util.List;

/**
 * A dialect-neutral column type. Each {@code sql.Dialect} renders it the way Hibernate 6/7 maps the same Java type
 * on that database, so that {@code hbm2ddl.auto=validate} accepts the result.
 *
 * @param kind       the logical type
 * @param length     for CHAR, VARCHAR, BINARY, VARBINARY: the length; else 0
 * @param precision  for DECIMAL: the precision; for TIME/TIMESTAMP(_TZ): fractional-second digits; else 0
 * @param scale      for DECIMAL: the scale; else 0
 * @param values     for ENUM: the constant names in declaration order; else empty
 * @param definition for CUSTOM: the SQL type written by the user ({@code @Column(columnDefinition)}); else ""
 */
public record ColumnType(Kind kind, int length, int precision, int scale, List<String> values, String definition) {

    /** The logical types the entity model produces and the schema reader recognises. */
    public enum Kind {
        BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, REAL, DOUBLE, DECIMAL,
        CHAR, VARCHAR, CLOB, BINARY, VARBINARY, BLOB,
        DATE, TIME, TIMESTAMP, TIMESTAMP_TZ, UUID, ENUM, CUSTOM
    }

    public ColumnType {
        values = List.copyOf(values);
        definition = definition == null ? "" : definition;
    }

    public static ColumnType of(Kind kind) {
        return new ColumnType(kind, 0, 0, 0, List.of(), "");
    }

    public static ColumnType varchar(int length) {
        return new ColumnType(Kind.VARCHAR, length, 0, 0, List.of(), "");
    }

    public static ColumnType decimal(int precision, int scale) {
        return new ColumnType(Kind.DECIMAL, 0, precision, scale, List.of(), "");
    }

    public static ColumnType custom(String definition) {
        return new ColumnType(Kind.CUSTOM, 0, 0, 0, List.of(), definition.strip());
    }
}
