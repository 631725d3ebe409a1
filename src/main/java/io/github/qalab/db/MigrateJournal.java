package io.github.qalab.db;

import io.github.qalab.schema.JdbcSchemaReader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The plugin's journal of started migrate and downgrade steps, on databases without transactional DDL: a row per step
 * that has started and not finished, so that a run killed or failed half way is told apart from a pending (or still
 * applied) revision. The table exists only while a run goes on, or after one was interrupted.
 */
final class MigrateJournal {

    /** The journal table, beside the history table. */
    static final String TABLE = JdbcSchemaReader.QALAB_JOURNAL;

    private MigrateJournal() {
    }

    /** Creates the table unless it exists; once per run. */
    static void create(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (version VARCHAR(50) NOT NULL,"
                    + " script VARCHAR(1000) NOT NULL, started_at TIMESTAMP NOT NULL)");
        }
    }

    /**
     * Records that {@code version} starts ({@link #create} first), and commits when the connection is in a
     * transaction: the row must outlive a kill before the step's first statement commits.
     */
    static void start(Connection c, String version, String script) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + TABLE
                + " (version, script, started_at) VALUES (?, ?, CURRENT_TIMESTAMP)")) {
            insert.setString(1, version);
            insert.setString(2, script == null ? "" : script);
            insert.executeUpdate();
        }
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    /** Removes the row of a finished step, in the caller's transaction (with its history change). */
    static void finish(Connection c, String version) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + TABLE + " WHERE version = ?")) {
            delete.setString(1, version);
            delete.executeUpdate();
        }
    }

    /** The versions started and never finished; empty when there is no journal. */
    static Set<String> versions(Connection c) throws SQLException {
        Set<String> versions = new HashSet<>();
        if (!exists(c)) {
            return versions;
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT version FROM " + TABLE)) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        }
        return versions;
    }

    /**
     * Forgets the given versions, then drops the table when no row is left, and commits; nothing happens where there
     * is no journal.
     */
    static void forget(Connection c, Collection<String> versions) throws SQLException {
        if (!exists(c)) {
            return;
        }
        for (String version : versions) {
            finish(c, version);
        }
        try (Statement st = c.createStatement()) {
            boolean empty;
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + TABLE)) {
                empty = rs.next() && rs.getInt(1) == 0;
            }
            if (empty) {
                st.execute("DROP TABLE " + TABLE);
            }
        }
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    /**
     * Whether the table exists in the connection's schema, asked through the metadata so that a database without it
     * logs nothing (a failed SELECT makes some drivers print a warning).
     */
    private static boolean exists(Connection c) throws SQLException {
        String schema = null;
        try {
            schema = c.getSchema();
        } catch (SQLException | AbstractMethodError e) {
            // older drivers: search every schema
        }
        for (String name : List.of(TABLE, TABLE.toUpperCase(Locale.ROOT))) {
            try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), schema, name, null)) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
