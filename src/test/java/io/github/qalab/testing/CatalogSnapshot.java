package io.github.qalab.testing;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A database's catalog as its own {@code INFORMATION_SCHEMA} and JDBC metadata report it (not through qalab's
 * reader), one sorted line per fact: every column with its exact type, position, nullability, default and identity;
 * primary key, unique and foreign-key constraints with their names and columns; indexes; sequences. Two databases with
 * equal snapshots have the same schema as far as an application can tell. Flyway's history table is left out.
 */
public final class CatalogSnapshot {

    private static final String HISTORY = "flyway_schema_history";

    private CatalogSnapshot() {
    }

    /** The facts of the connection's current schema (PostgreSQL) or database (MariaDB). */
    public static List<String> of(Connection c) throws SQLException {
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        String schema = postgres ? c.getSchema() : c.getCatalog();
        TreeSet<String> facts = new TreeSet<>();
        String columns = postgres
                ? "SELECT table_name, column_name, ordinal_position, data_type || coalesce('(' || character_maximum_length"
                + " || ')', '') || coalesce(' p' || numeric_precision || ',' || numeric_scale, '') || coalesce(' f'"
                + " || datetime_precision, ''), is_nullable, coalesce(column_default, ''), is_identity"
                + " FROM information_schema.columns WHERE table_schema = ?"
                : "SELECT table_name, column_name, ordinal_position, column_type, is_nullable,"
                + " coalesce(column_default, ''), extra FROM information_schema.columns WHERE table_schema = ?";
        query(c, columns, schema, rs -> {
            if (!rs.getString(1).equalsIgnoreCase(HISTORY)) {
                facts.add("column " + low(rs.getString(1)) + "." + low(rs.getString(2)) + " #" + rs.getInt(3) + " "
                        + rs.getString(4) + " nullable=" + rs.getString(5) + " default=" + rs.getString(6) + " "
                        + rs.getString(7));
            }
        });
        query(c, "SELECT tc.table_name, tc.constraint_name, tc.constraint_type, kcu.column_name, kcu.ordinal_position"
                + " FROM information_schema.table_constraints tc JOIN information_schema.key_column_usage kcu"
                + " ON kcu.constraint_schema = tc.constraint_schema AND kcu.constraint_name = tc.constraint_name"
                + " AND kcu.table_name = tc.table_name WHERE tc.table_schema = ?"
                + " AND tc.constraint_type IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')", schema, rs -> {
                    if (!rs.getString(1).equalsIgnoreCase(HISTORY)) {
                        facts.add("constraint " + low(rs.getString(1)) + " " + low(rs.getString(2)) + " "
                                + rs.getString(3) + " " + low(rs.getString(4)) + " #" + rs.getInt(5));
                    }
                });
        DatabaseMetaData md = c.getMetaData();
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = md.getTables(postgres ? null : schema, postgres ? schema : null, "%",
                new String[] {"TABLE"})) {
            while (rs.next()) {
                if (!rs.getString("TABLE_NAME").equalsIgnoreCase(HISTORY)) {
                    tables.add(rs.getString("TABLE_NAME"));
                    facts.add("table " + low(rs.getString("TABLE_NAME")));
                }
            }
        }
        for (String t : tables) {
            try (ResultSet rs = md.getIndexInfo(postgres ? null : schema, postgres ? schema : null, t, false, false)) {
                while (rs.next()) {
                    if (rs.getString("COLUMN_NAME") != null) {
                        facts.add("index " + low(t) + " " + low(rs.getString("INDEX_NAME")) + " "
                                + low(rs.getString("COLUMN_NAME")) + " #" + rs.getInt("ORDINAL_POSITION")
                                + " unique=" + !rs.getBoolean("NON_UNIQUE"));
                    }
                }
            }
            try (ResultSet rs = md.getImportedKeys(postgres ? null : schema, postgres ? schema : null, t)) {
                while (rs.next()) {
                    facts.add("fk " + low(rs.getString("FK_NAME")) + " " + low(t) + "." + low(rs.getString("FKCOLUMN_NAME"))
                            + " -> " + low(rs.getString("PKTABLE_NAME")) + "." + low(rs.getString("PKCOLUMN_NAME"))
                            + " update=" + rs.getShort("UPDATE_RULE") + " delete=" + rs.getShort("DELETE_RULE"));
                }
            }
        }
        if (postgres) {
            query(c, "SELECT sequence_name, data_type, start_value, increment FROM information_schema.sequences"
                    + " WHERE sequence_schema = ?", schema, rs -> facts.add("sequence " + low(rs.getString(1)) + " "
                    + rs.getString(2) + " start " + rs.getString(3) + " increment " + rs.getString(4)));
        } else {
            List<String> sequences = new ArrayList<>();
            query(c, "SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'SEQUENCE'",
                    schema, rs -> sequences.add(rs.getString(1)));
            for (String s : sequences) {
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT start_value, increment, cache_size FROM `" + s + "`")) {
                    rs.next();
                    facts.add("sequence " + low(s) + " start " + rs.getLong(1) + " increment " + rs.getLong(2)
                            + " cache " + rs.getLong(3));
                }
            }
        }
        return List.copyOf(facts);
    }

    @FunctionalInterface
    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, String parameter, Row row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        }
    }

    private static String low(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
