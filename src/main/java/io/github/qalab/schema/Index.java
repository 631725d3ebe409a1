package io.github.qalab.schema;

import java.util.List;

/** A (non-constraint) index: name, columns in order, and whether it is unique. */
public record Index(String name, List<String> columns, boolean unique) {
    public Index {
        columns = List.copyOf(columns);
    }
}
