package io.github.qalab.schema;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A dialect-neutral database schema: tables and sequences, each sorted by name. */
public record Schema(List<Table> tables, List<Sequence> sequences) {

    public static final Schema EMPTY = new Schema(List.of(), List.of());

    public Schema {
        tables = tables.stream().sorted(Comparator.comparing(Table::name)).toList();
        sequences = sequences.stream().sorted(Comparator.comparing(Sequence::name)).toList();
    }

    /** The table of that name, compared case-insensitively. */
    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The sequence of that name, compared case-insensitively. */
    public Optional<Sequence> sequence(String name) {
        return sequences.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }
}
