package io.github.qalab.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renames the user declared, because a renamed column or table cannot be told from a drop plus an add:
 * parsed from {@code table.old_column:new_column,old_table:new_table}.
 *
 * @param tables  table renames
 * @param columns column renames; {@code table} may be the table's old or new name
 */
public record Renames(List<TableRename> tables, List<ColumnRename> columns) {

    /** No renames. */
    public static final Renames NONE = new Renames(List.of(), List.of());

    /** A table rename. */
    public record TableRename(String from, String to) {
    }

    /** A column rename inside one table. */
    public record ColumnRename(String table, String from, String to) {
    }

    public Renames {
        tables = List.copyOf(tables);
        columns = List.copyOf(columns);
    }

    /**
     * Parses {@code table.old_column:new_column,old_table:new_table}; blank gives {@link #NONE}.
     *
     * @throws IllegalArgumentException naming the bad entry and showing the expected form
     */
    public static Renames parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return NONE;
        }
        List<TableRename> tables = new ArrayList<>();
        List<ColumnRename> columns = new ArrayList<>();
        for (String raw : spec.split(",")) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            String[] sides = entry.split(":", -1);
            if (sides.length != 2 || sides[0].isBlank() || sides[1].isBlank() || sides[1].contains(".")) {
                throw bad(entry);
            }
            String left = lower(sides[0]);
            String right = lower(sides[1]);
            int dot = left.lastIndexOf('.');
            if (dot < 0) {
                tables.add(new TableRename(left, right));
            } else {
                // table.column, or schema.table.column for a table in a schema (@Table(schema = ...))
                String table = left.substring(0, dot);
                String column = left.substring(dot + 1);
                if (table.isEmpty() || column.isEmpty() || table.startsWith(".") || table.endsWith(".")
                        || table.chars().filter(c -> c == '.').count() > 1) {
                    throw bad(entry);
                }
                columns.add(new ColumnRename(table, column, right));
            }
        }
        return new Renames(tables, columns);
    }

    private static IllegalArgumentException bad(String entry) {
        return new IllegalArgumentException("Invalid rename '" + entry
                + "': expected table.old_column:new_column (schema.table.old_column:new_column for a table in a"
                + " schema) or old_table:new_table, separated by commas");
    }

    private static String lower(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }

    /** The new name of a table renamed from {@code from}, if declared. */
    public Optional<String> tableRenamedFrom(String from) {
        return tables.stream().filter(r -> r.from().equalsIgnoreCase(from)).map(TableRename::to).findFirst();
    }

    /** The column renames declared for a table known as {@code oldName} before and {@code newName} after. */
    public List<ColumnRename> columnsOf(String oldName, String newName) {
        return columns.stream()
                .filter(r -> r.table().equalsIgnoreCase(oldName) || r.table().equalsIgnoreCase(newName))
                .toList();
    }
}
