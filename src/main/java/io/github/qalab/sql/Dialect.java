package io.github.qalab.sql;

import io.github.qalab.diff.Operation;
import io.github.qalab.diff.TypeEquivalence;
import io.github.qalab.schema.ColumnType;

import java.util.List;
import java.util.Locale;

/**
 * One target database: how neutral column types and schema operations are written in its SQL, the way
 * Hibernate 7's dialect for that database expects them.
 */
public sealed interface Dialect extends TypeEquivalence permits SqlDialect {

    /** The names {@link #named(String)} accepts. */
    List<String> NAMES = List.of("postgresql", "mariadb", "mysql", "h2");

    /**
     * The dialect for {@code postgresql} (also {@code postgres}), {@code mariadb}, {@code mysql} or {@code h2},
     * case-insensitive.
     *
     * @throws IllegalArgumentException naming the unknown value and the accepted ones
     */
    static Dialect named(String name) {
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return switch (key) {
            case "postgresql", "postgres" -> new PostgresDialect();
            case "mariadb" -> new MariaDbDialect(false);
            case "mysql" -> new MariaDbDialect(true);
            case "h2" -> new H2Dialect();
            default -> throw new IllegalArgumentException("Unknown dialect '" + name + "': use one of "
                    + String.join(", ", NAMES) + " (e.g. -Dqalab.dialect=postgresql)");
        };
    }

    /** The dialect's canonical name, e.g. {@code postgresql}. */
    String name();

    /** The SQL type for a neutral column type, e.g. {@code VARCHAR(255)}. */
    String typeOf(ColumnType type);

    /** The SQL statements (without trailing semicolons) that perform the operation. */
    List<String> render(Operation operation);

    /**
     * A value of the column's type that every row can take where the real values are gone (a downgrade that adds back
     * a dropped NOT NULL column): {@code 0}, {@code ''}, {@code FALSE}, the epoch, the first enum constant, written
     * as an SQL literal for this database.
     */
    String placeholderValue(io.github.qalab.schema.Column column);

    /**
     * An identifier as it must be written: quoted when Hibernate quotes it, when it is a reserved word or holds
     * other characters than letters, digits, {@code _} and {@code $}; else unchanged.
     *
     * @throws IllegalArgumentException when {@link #identifierProblem} finds one
     */
    String identifier(String name);

    /**
     * Why a name cannot be written safely on this database (a quote, semicolon, dot, control character or line
     * separator in it, or longer than the database allows: 63 bytes on PostgreSQL, 64 characters on MariaDB and
     * MySQL), or empty when it can.
     */
    java.util.Optional<String> identifierProblem(String name);

    /** Two types are the same column type for this database when they render to the same SQL type. */
    @Override
    default boolean same(ColumnType current, ColumnType desired) {
        return normalised(typeOf(current)).equals(normalised(typeOf(desired)));
    }

    private static String normalised(String sqlType) {
        return io.github.qalab.schema.SqlTypes.normalise(sqlType);
    }
}
