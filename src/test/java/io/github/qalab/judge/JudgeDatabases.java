package io.github.qalab.judge;

import io.github.qalab.db.H2Compatibility;
import io.github.qalab.sql.Dialect;
import io.github.qalab.testing.TestDatabases;
import io.github.qalab.testing.TestDatabases.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The databases the judge runs on: a fresh PostgreSQL, MariaDB or H2 database per call (from {@link TestDatabases},
 * so an unreachable server skips or fails the test the same way), and the clean-up of the server-wide schemas that
 * a MariaDB mapping with {@code @Table(schema = ...)} creates.
 */
public final class JudgeDatabases {

    /** The dialects the judge covers, in the order tests run them. */
    public static final List<String> DIALECTS = List.of("postgresql", "mariadb", "h2");

    private JudgeDatabases() {
    }

    /** A new, empty database for {@code dialect} ({@code postgresql}, {@code mariadb} or {@code h2}). */
    public static TestDatabase fresh(String dialect) {
        return switch (dialect) {
            case "postgresql" -> TestDatabases.postgres();
            case "mariadb" -> TestDatabases.mariadb();
            case "h2" -> TestDatabases.h2();
            default -> throw new IllegalArgumentException("unknown dialect " + dialect + "; use one of " + DIALECTS);
        };
    }

    /**
     * A new, empty database of the same kind as {@code model}; for H2 with the same URL options (so names are
     * stored in the same case, e.g. {@code DATABASE_TO_LOWER=TRUE}).
     */
    public static TestDatabase freshLike(TestDatabase model) {
        if (!model.kind().equals("h2")) {
            return fresh(model.kind());
        }
        TestDatabase plain = TestDatabases.h2();
        int options = model.url().indexOf(';');
        String url = options < 0 ? plain.url() : "jdbc:h2:mem:" + plain.name() + model.url().substring(options);
        return new TestDatabase("h2", plain.name(), url, plain.user(), plain.password(), url);
    }

    /**
     * A new in-memory H2 database opened as the plugin opens its embedded database for migrations written for
     * {@code dialect} ({@link H2Compatibility}: e.g. {@code MODE=PostgreSQL} and an {@code oid} domain).
     */
    public static TestDatabase h2For(String dialect) {
        TestDatabase plain = TestDatabases.h2();
        String url = plain.url() + H2Compatibility.urlOptionsWithSetup(Dialect.named(dialect));
        return new TestDatabase("h2", plain.name(), url, plain.user(), plain.password(), url);
    }

    /**
     * Empties {@code database} so that it is as good as a fresh one, faster than a new database on a busy server
     * (PostgreSQL's {@code CREATE DATABASE} waits for a checkpoint): PostgreSQL drops every schema and creates
     * {@code public} again, MariaDB drops and creates the database, H2 drops all objects.
     */
    public static void reset(TestDatabase database) {
        try {
            switch (database.kind()) {
                case "postgresql" -> {
                    try (Connection c = database.connect(); Statement s = c.createStatement()) {
                        List<String> schemas = new java.util.ArrayList<>();
                        try (java.sql.ResultSet rs = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname "
                                + "NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%'")) {
                            while (rs.next()) {
                                schemas.add(rs.getString(1));
                            }
                        }
                        for (String schema : schemas) {
                            s.execute("DROP SCHEMA \"" + schema.replace("\"", "\"\"") + "\" CASCADE");
                        }
                        s.execute("CREATE SCHEMA public");
                    }
                }
                case "mariadb" -> {
                    try (Connection c = DriverManager.getConnection(database.adminUrl(), database.user(),
                            database.password()); Statement s = c.createStatement()) {
                        s.execute("DROP DATABASE " + database.name());
                        s.execute("CREATE DATABASE " + database.name() + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
                    }
                }
                default -> {
                    try (Connection c = database.connect(); Statement s = c.createStatement()) {
                        s.execute("DROP ALL OBJECTS");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty " + database.kind() + " database " + database.name()
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Drops the schemas a mapping named ({@link HibernateExport.Result#namespaces()}). On MariaDB a schema is a
     * database of the server, outside the test database, so it must go before the next export; on PostgreSQL and
     * H2 it lives inside the test database and goes with it (dropped here too, so a database can be reused).
     */
    public static void dropSchemas(TestDatabase database, List<String> namespaces) {
        if (namespaces.isEmpty()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement s = c.createStatement()) {
            for (String namespace : namespaces) {
                if (namespace.equalsIgnoreCase(database.name())) {
                    continue;
                }
                switch (database.kind()) {
                    case "mariadb" -> s.execute("DROP DATABASE IF EXISTS `" + namespace.replace("`", "``") + "`");
                    default -> s.execute("DROP SCHEMA IF EXISTS " + (namespace.matches("[A-Za-z_][A-Za-z0-9_]*")
                            ? namespace : "\"" + namespace.replace("\"", "\"\"") + "\"") + " CASCADE");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop schemas " + namespaces + " of " + database.name() + ": "
                    + e.getMessage(), e);
        }
    }
}
