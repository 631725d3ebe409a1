package io.github.qalab.schema;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A dialect-neutral database schema: tables and sequences, each sorted by name, and the schemas (namespaces) other
 * than the default one that hold them or exist.
 *
 * @param namespaces the non-default schemas, sorted; for a desired schema the ones its tables and sequences need
 */
public record Schema(List<Table> tables, List<Sequence> sequences, List<String> namespaces) {

    public static final Schema EMPTY = new Schema(List.of(), List.of());

    public Schema {
        tables = new NamedList<>(tables.stream().sorted(Comparator.comparing(Table::name)).toList(), Table::name);
        sequences = new NamedList<>(sequences.stream().sorted(Comparator.comparing(Sequence::name)).toList(),
                Sequence::name);
        TreeSet<String> all = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        all.addAll(namespaces);
        Stream.concat(tables.stream().map(Table::name), sequences.stream().map(Sequence::name))
                .map(Names::schemaOf).filter(s -> !s.isEmpty()).forEach(all::add);
        namespaces = List.copyOf(all);
    }

    /** A schema whose namespaces are the ones its tables and sequences name. */
    public Schema(List<Table> tables, List<Sequence> sequences) {
        this(tables, sequences, List.of());
    }

    /** The table of that (possibly qualified) name, compared as {@link Names#same} does. */
    public Optional<Table> table(String name) {
        return ((NamedList<Table>) tables).named(name);
    }

    /** The sequence of that (possibly qualified) name, compared as {@link Names#same} does. */
    public Optional<Sequence> sequence(String name) {
        return ((NamedList<Sequence>) sequences).named(name);
    }

    /** True when the schema (namespace) exists or is needed. */
    public boolean hasNamespace(String namespace) {
        return namespaces.stream().anyMatch(n -> Names.same(n, namespace));
    }
}
