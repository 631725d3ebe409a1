package io.github.qalab.schema;

import java.util.List;

/**
 * A foreign key from {@code columns} of its table to {@code referencedColumns} of {@code referencedTable}.
 *
 * @param onDelete the referential action on delete ({@code CASCADE}, {@code SET NULL}, ...), "" for the default
 *                 (no action)
 */
public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
                         String onDelete) {
    public ForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
        onDelete = onDelete == null ? "" : onDelete.strip();
    }

    /** A foreign key with the default (no) action on delete. */
    public ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns) {
        this(name, columns, referencedTable, referencedColumns, "");
    }
}
