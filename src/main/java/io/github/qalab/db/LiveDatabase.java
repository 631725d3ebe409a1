package io.github.qalab.db;

import io.github.qalab.schema.JdbcSchemaReader;
import io.github.qalab.schema.Schema;
import io.github.qalab.schema.UnsupportedObjects;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.Configuration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A real database seen as a catalog, as {@code qalab:baseline} and the live drift of {@code qalab:status} need it:
 * its schema read into the neutral model (without the history table), the objects that model cannot express, and a
 * Flyway baseline recorded in its history table. It connects exactly as {@link FlywayRunner} does (same URL,
 * credentials and class loader for the JDBC driver).
 */
public final class LiveDatabase {

    private final ConnectionSettings connection;
    private final FlywayRunner runner;

    /** The database {@code runner} works on. */
    public LiveDatabase(ConnectionSettings connection, FlywayRunner runner) {
        this.connection = connection;
        this.runner = runner;
    }

    /**
     * What was read.
     *
     * @param product     the database product, e.g. {@code PostgreSQL}, {@code MariaDB}, {@code H2}
     * @param schema      the tables and sequences of the connection's current schema, without the history table
     * @param unsupported one line per object the schema model cannot express (views, triggers, check
     *                    constraints, ...), sorted; empty when the schema says everything
     */
    public record Catalog(String product, Schema schema, List<String> unsupported) {
        public Catalog {
            unsupported = List.copyOf(unsupported);
        }

        /** The dialect names whose SQL this product runs: {@code postgresql}; {@code mariadb}, {@code mysql}; any for H2. */
        public boolean runs(String dialect) {
            String p = product.toLowerCase(Locale.ROOT);
            if (p.contains("postgres")) {
                return dialect.equals("postgresql");
            }
            if (p.contains("mariadb") || p.contains("mysql")) {
                return dialect.equals("mariadb") || dialect.equals("mysql");
            }
            return true;
        }
    }

    /**
     * Reads the catalog.
     *
     * @param withUnsupported also list the objects the schema model cannot express (a few more catalog queries)
     * @throws DatabaseException when the database cannot be reached or read (the message names it, masked)
     */
    public Catalog read(boolean withUnsupported) throws DatabaseException {
        Set<String> ignored = Set.of(runner.table(), FlywayRunner.JOURNAL_TABLE);
        try (Connection c = connect()) {
            String product = c.getMetaData().getDatabaseProductName();
            Schema schema = new JdbcSchemaReader(ignored).read(c);
            List<String> unsupported = withUnsupported ? UnsupportedObjects.find(c, ignored) : List.of();
            return new Catalog(product, schema, unsupported);
        } catch (SQLException e) {
            throw new DatabaseException(connection.mask("Cannot read the schema of " + connection.url() + ": "
                    + FlywayRunner.rootMessage(e)));
        }
    }

    /**
     * Records {@code version} as applied without running anything, as Flyway's {@code baseline} does: the history
     * table is created with one row of type BASELINE; {@code migrate} then runs only the later versions.
     *
     * @param description the row's description, e.g. the migration file's ({@code baseline})
     * @throws DatabaseException when the history table already holds rows, or Flyway refuses
     */
    public void baseline(String version, String description) throws DatabaseException {
        try {
            runner.configure().baselineVersion(version).baselineDescription(description).load().baseline();
        } catch (FlywayException e) {
            throw new DatabaseException(connection.mask("Cannot record the baseline " + version + " in "
                    + runner.table() + ": " + FlywayRunner.rootMessage(e)));
        }
    }

    private Connection connect() throws DatabaseException {
        Configuration config = runner.configure().load().getConfiguration();
        try {
            return config.getDataSource().getConnection();
        } catch (SQLException | FlywayException e) {
            throw new DatabaseException(connection.mask("Cannot connect to " + connection.url()
                    + (connection.user().isEmpty() ? "" : " as " + connection.user()) + ": "
                    + FlywayRunner.rootMessage(e) + " \u2014 check qalab.url/qalab.user/qalab.password (or"
                    + " QALAB_URL/QALAB_USER/QALAB_PASSWORD, or qalab.serverId) and that the database server is running"));
        }
    }
}
