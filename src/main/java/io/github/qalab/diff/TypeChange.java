package io.github.qalab.diff;

import io.github.qalab.schema.ColumnType;
import io.github.qalab.schema.ColumnType.Kind;

import java.util.List;
import java.util.Map;

/**
 * What a column type change does to the values a column already holds, judged on the neutral types: every value
 * fits unchanged ({@link #WIDENS}), some may not fit ({@link #NARROWS}: shorter text, fewer digits, a smaller integer,
 * fewer fractional seconds, enum constants gone), or each value is converted into another kind of type
 * ({@link #CONVERTS}: text to number, timestamp to timestamp with time zone, an unknown {@code columnDefinition}).
 * The same rules as the safety lint's QL103/QL104, on types instead of SQL text.
 */
public enum TypeChange {
    /** Every value fits the new type unchanged. */
    WIDENS,
    /** Some values may not fit the new type: they make the migration fail or are cut. */
    NARROWS,
    /** Every value is converted into another kind of type, which may fail or change it. */
    CONVERTS;

    private static final List<Kind> INTEGERS = List.of(Kind.TINYINT, Kind.SMALLINT, Kind.INTEGER, Kind.BIGINT);
    /** Decimal digits each integer type needs. */
    private static final Map<Kind, Integer> DIGITS = Map.of(Kind.TINYINT, 3, Kind.SMALLINT, 5, Kind.INTEGER, 10,
            Kind.BIGINT, 19);

    /** How a change from {@code from} to {@code to} treats the stored values. */
    public static TypeChange of(ColumnType from, ColumnType to) {
        Kind a = from.kind();
        Kind b = to.kind();
        if (INTEGERS.contains(a) && INTEGERS.contains(b)) {
            return INTEGERS.indexOf(b) >= INTEGERS.indexOf(a) ? WIDENS : NARROWS;
        }
        if (INTEGERS.contains(a) && b == Kind.DECIMAL) {
            return to.precision() - to.scale() >= DIGITS.get(a) ? WIDENS : NARROWS;
        }
        if (text(a) && text(b)) {
            if (b == Kind.CLOB) {
                return WIDENS;
            }
            if (a == Kind.CLOB) {
                return NARROWS;
            }
            return length(to) >= length(from) ? WIDENS : NARROWS;
        }
        if (binary(a) && binary(b)) {
            if (b == Kind.BLOB) {
                return WIDENS;
            }
            if (a == Kind.BLOB) {
                return NARROWS;
            }
            return length(to) >= length(from) ? WIDENS : NARROWS;
        }
        if (a != b) {
            if (a == Kind.REAL && b == Kind.DOUBLE || a == Kind.DATE && b == Kind.TIMESTAMP) {
                return WIDENS;
            }
            return CONVERTS;
        }
        return switch (a) {
            case DECIMAL -> to.scale() >= from.scale() && to.precision() - to.scale() >= from.precision() - from.scale()
                    ? WIDENS : NARROWS;
            case TIME, TIMESTAMP, TIMESTAMP_TZ -> to.precision() >= from.precision() ? WIDENS : NARROWS;
            case ENUM -> to.values().containsAll(from.values()) ? WIDENS : NARROWS;
            case CUSTOM -> from.definition().equalsIgnoreCase(to.definition()) ? WIDENS : CONVERTS;
            default -> WIDENS;
        };
    }

    private static boolean text(Kind kind) {
        return kind == Kind.CHAR || kind == Kind.VARCHAR || kind == Kind.CLOB;
    }

    private static boolean binary(Kind kind) {
        return kind == Kind.BINARY || kind == Kind.VARBINARY || kind == Kind.BLOB;
    }

    /** A length as the dialects write it: 255 where none is given (CHAR: 1). */
    private static int length(ColumnType type) {
        if (type.length() > 0) {
            return type.length();
        }
        return type.kind() == Kind.CHAR ? 1 : 255;
    }
}
