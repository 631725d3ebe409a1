package io.github.qalab.schema;

import java.util.List;

/** A unique constraint: name and columns in order. */
public record UniqueConstraint(String name, List<String> columns) {
    public UniqueConstraint {
        columns = List.copyOf(columns);
    }
}
