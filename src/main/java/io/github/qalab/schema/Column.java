package io.github.qalab.schema;

/**
 * A table column.
 *
 * @param name          the column name as it is written in SQL (lowercase for generated names)
 * @param type          the dialect-neutral type
 * @param nullable      whether NULL is allowed
 * @param defaultValue  the SQL default expression, "" for none
 * @param identity      whether the database generates the value ({@code GenerationType.IDENTITY})
 */
public record Column(String name, ColumnType type, boolean nullable, String defaultValue, boolean identity) {
    public Column {
        defaultValue = defaultValue == null ? "" : defaultValue;
    }
}
