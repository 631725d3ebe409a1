package io.github.qalab.schema;

import java.util.List;
import java.util.Optional;

/**
 * A table with its columns in declaration order and its constraints.
 *
 * @param name        the table name (lowercase for generated names)
 * @param columns     the columns, in the order the table declares them
 * @param primaryKey  the primary key, or {@code null} for a table without one
 * @param uniques     unique constraints
 * @param indexes     indexes that are not constraints
 * @param foreignKeys foreign keys
 */
public record Table(String name, List<Column> columns, PrimaryKey primaryKey, List<UniqueConstraint> uniques,
                    List<Index> indexes, List<ForeignKey> foreignKeys) {

    public Table {
        columns = List.copyOf(columns);
        uniques = List.copyOf(uniques);
        indexes = List.copyOf(indexes);
        foreignKeys = List.copyOf(foreignKeys);
    }

    /** The column of that name, compared case-insensitively. */
    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(columnName)).findFirst();
    }

    public Optional<PrimaryKey> primaryKeyIfAny() {
        return Optional.ofNullable(primaryKey);
    }
}
