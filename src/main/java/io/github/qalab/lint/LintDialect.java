package io.github.qalab.lint;

import java.util.Locale;

/** The database the migrations are written for, as far as the lint needs it: some rules hold only on PostgreSQL. */
public enum LintDialect {
    POSTGRESQL, MARIADB, H2, UNKNOWN;

    /** {@code postgresql}/{@code postgres}, {@code mariadb}/{@code mysql}, {@code h2}; blank is {@code UNKNOWN}. */
    public static LintDialect parse(String text) {
        if (text == null || text.isBlank()) {
            return UNKNOWN;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "postgresql", "postgres", "pg" -> POSTGRESQL;
            case "mariadb", "mysql" -> MARIADB;
            case "h2" -> H2;
            default -> throw new IllegalArgumentException("unknown dialect '" + text
                    + "': use postgresql, mariadb or h2");
        };
    }
}
