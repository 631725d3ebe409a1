package io.github.qalab.schema;

import java.util.List;

/** A primary key: constraint name and its columns in key order. */
public record PrimaryKey(String name, List<String> columns) {
    public PrimaryKey {
        columns = List.copyOf(columns);
    }
}
