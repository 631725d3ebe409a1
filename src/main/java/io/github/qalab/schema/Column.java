package io.github.qalab.schema;

/**
 * A table column.
 *
 * @param name          the column name as it is written in SQL; a name Hibernate quotes carries a backtick on each
 *                      side ({@code `OrderItem`}), Hibernate's own marker for a quoted identifier
 * @param type          the dialect-neutral type
 * @param nullable      whether NULL is allowed
 * @param defaultValue  the SQL default expression, "" for none
 * @param identity      whether the database generates the value ({@code GenerationType.IDENTITY})
 * @param sqlType       the exact SQL type to write for this column, as Hibernate's dialect renders it (e.g.
 *                      {@code varchar(255)}, {@code jsonb}, {@code timestamp(6) with time zone}), or "" to let the
 *                      target dialect render {@code type}; never compared, only written
 */
public record Column(String name, ColumnType type, boolean nullable, String defaultValue, boolean identity,
                     String sqlType) {
    public Column {
        defaultValue = defaultValue == null ? "" : defaultValue;
        sqlType = sqlType == null ? "" : sqlType.strip();
    }

    /** A column whose SQL type the target dialect renders from {@code type}. */
    public Column(String name, ColumnType type, boolean nullable, String defaultValue, boolean identity) {
        this(name, type, nullable, defaultValue, identity, "");
    }

    /** The same column under another name. */
    public Column renamed(String newName) {
        return new Column(newName, type, nullable, defaultValue, identity, sqlType);
    }

    /** The same column with another nullability. */
    public Column withNullable(boolean newNullable) {
        return new Column(name, type, newNullable, defaultValue, identity, sqlType);
    }

    /** The same column with another default expression ("" for none). */
    public Column withDefault(String newDefault) {
        return new Column(name, type, nullable, newDefault, identity, sqlType);
    }
}
