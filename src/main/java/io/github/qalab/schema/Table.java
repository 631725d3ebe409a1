package io.github.qalab.schema;

import java.util.List;
import java.util.Optional;

/**
 * A table with its columns in declaration order and its constraints.
 *
 * @param name         the table name, qualified with its schema when it lives outside the default one
 *                     ({@code billing.invoice}); quoted parts carry backticks ({@code `OrderItem`})
 * @param columns      the columns, in the order the table declares them
 * @param primaryKey   the primary key, or {@code null} for a table without one
 * @param uniques      unique constraints
 * @param indexes      indexes that are not constraints
 * @param foreignKeys  foreign keys
 * @param checks       check constraints
 * @param initCommands statements that seed a new table (Hibernate's table generators insert their first row), run
 *                     right after it is created; never compared
 */
public record Table(String name, List<Column> columns, PrimaryKey primaryKey, List<UniqueConstraint> uniques,
                    List<Index> indexes, List<ForeignKey> foreignKeys, List<CheckConstraint> checks,
                    List<String> initCommands) {

    public Table {
        columns = new NamedList<>(columns, Column::name);
        uniques = List.copyOf(uniques);
        indexes = List.copyOf(indexes);
        foreignKeys = List.copyOf(foreignKeys);
        checks = List.copyOf(checks);
        initCommands = List.copyOf(initCommands);
    }

    /** A table without check constraints or seed rows. */
    public Table(String name, List<Column> columns, PrimaryKey primaryKey, List<UniqueConstraint> uniques,
                 List<Index> indexes, List<ForeignKey> foreignKeys) {
        this(name, columns, primaryKey, uniques, indexes, foreignKeys, List.of(), List.of());
    }

    /** The column of that name, compared as the database compares names (see {@link Names#same}). */
    public Optional<Column> column(String columnName) {
        return ((NamedList<Column>) columns).named(columnName);
    }

    /**
     * Whether a unique constraint or a unique index covers exactly {@code columnNames}, in that order (compared as
     * {@link Names#same} compares); the primary key does not count.
     */
    public boolean uniqueOn(List<String> columnNames) {
        List<String> wanted = columnNames.stream().map(Names::key).toList();
        java.util.function.Predicate<List<String>> same = cols -> cols.stream().map(Names::key).toList().equals(wanted);
        return uniques.stream().anyMatch(u -> same.test(u.columns()))
                || indexes.stream().anyMatch(i -> i.unique() && same.test(i.columns()));
    }

    public Optional<PrimaryKey> primaryKeyIfAny() {
        return Optional.ofNullable(primaryKey);
    }

    /** The schema part of {@link #name()}, or "" for a table in the default schema. */
    public String schema() {
        return Names.schemaOf(name);
    }

    /** The name without its schema. */
    public String simpleName() {
        return Names.simpleName(name);
    }

    /** The same table with other foreign keys. */
    public Table withForeignKeys(List<ForeignKey> newForeignKeys) {
        return new Table(name, columns, primaryKey, uniques, indexes, newForeignKeys, checks, initCommands);
    }
}
