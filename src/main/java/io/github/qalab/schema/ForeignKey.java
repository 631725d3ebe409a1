package io.github.qalab.schema;

import java.util.List;

/** A foreign key from {@code columns} of its table to {@code referencedColumns} of {@code referencedTable}. */
public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns) {
    public ForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }
}
