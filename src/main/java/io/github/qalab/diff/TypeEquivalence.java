package io.github.qalab.diff;

import io.github.qalab.schema.ColumnType;

import java.util.Locale;

/**
 * Decides whether two column types mean the same column. Databases map several neutral types to one SQL type
 * (PostgreSQL stores TINYINT as {@code smallint}, both LOBs as {@code oid}), so the diff compares types through
 * the target dialect ({@code sql.Dialect} implements this) rather than field by field.
 */
@FunctionalInterface
public interface TypeEquivalence {

    /** Field-by-field equality, except that enum constants compare as a set (databases sort them). */
    TypeEquivalence EXACT = (a, b) -> canonical(a).equals(canonical(b));

    boolean same(ColumnType current, ColumnType desired);

    /** The type with enum values sorted and a custom definition lower-cased and blank-normalised. */
    static ColumnType canonical(ColumnType t) {
        return new ColumnType(t.kind(), t.length(), t.precision(), t.scale(),
                t.values().stream().sorted().toList(),
                t.definition().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip());
    }
}
