package io.github.qalab.schema;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * An unmodifiable list of named elements that finds one by name in constant time: the first element whose name is
 * {@link Names#same} as the one asked for, exactly as a scan of the list would find it. A schema of 500 tables was
 * searched by scanning for each table the diff compared, lower-casing two names per step (a quarter of a million
 * times); the index is built on the first search. Equal to any list with the same elements, as lists are.
 */
final class NamedList<T> extends AbstractList<T> implements RandomAccess {

    private final List<T> elements;
    private final Function<T, String> name;
    private volatile Map<String, T> index;

    NamedList(List<T> elements, Function<T, String> name) {
        this.elements = List.copyOf(elements);
        this.name = name;
    }

    @Override
    public T get(int i) {
        return elements.get(i);
    }

    @Override
    public int size() {
        return elements.size();
    }

    /** The first element named {@code wanted}, compared as {@link Names#same} compares. */
    Optional<T> named(String wanted) {
        Map<String, T> byKey = index;
        if (byKey == null) {
            byKey = new HashMap<>();
            for (T element : elements) {
                byKey.putIfAbsent(Names.key(name.apply(element)), element);
            }
            index = byKey;
        }
        return Optional.ofNullable(byKey.get(Names.key(wanted)));
    }
}
