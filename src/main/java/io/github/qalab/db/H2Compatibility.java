package io.github.qalab.db;

import io.github.qalab.sql.Dialect;

/**
 * How an H2 database must be opened to run migrations written for a dialect: the compatibility mode in the URL,
 * plus an {@code oid} domain for PostgreSQL, the type Hibernate gives {@code @Lob} columns there. The shadow database
 * and the embedded default database use the same settings, so a migration that replays also migrates.
 */
public final class H2Compatibility {

    private H2Compatibility() {
    }

    /** The URL options (each starting with {@code ;}) for migrations written for {@code dialect}. */
    public static String urlOptions(Dialect dialect) {
        return switch (dialect.name()) {
            case "postgresql" -> ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
            case "mariadb", "mysql" -> ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE";
            default -> "";
        };
    }

    /** A statement to run once per connection before any migration, or "" when none is needed. */
    public static String setupSql(Dialect dialect) {
        return dialect.name().equals("postgresql") ? "CREATE DOMAIN IF NOT EXISTS oid AS BIGINT" : "";
    }

    /** The URL options plus H2's {@code INIT} option running {@link #setupSql(Dialect)} on every connection. */
    public static String urlOptionsWithSetup(Dialect dialect) {
        String setup = setupSql(dialect);
        return urlOptions(dialect) + (setup.isEmpty() ? "" : ";INIT=" + setup);
    }
}
