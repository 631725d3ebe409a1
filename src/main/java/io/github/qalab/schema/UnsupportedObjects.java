package io.github.qalab.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The objects of a database's current schema that the neutral model ({@link Schema}) cannot express, so that a
 * migration written from it would silently lose them: views, triggers, functions and procedures, exclusion
 * constraints, user-defined types and extensions, generated columns, expression, partial, prefix or non-B-tree
 * indexes, foreign keys with ON UPDATE actions or deferrable ones, and (MariaDB/MySQL) references to other
 * databases. {@code qalab:baseline} refuses a database that has any, listing them all. (Check constraints, ON DELETE
 * actions, quoted names and other schemas are part of the model.)
 *
 * <p>Each line reads {@code <kind> <name>: <what>}, e.g.
 * {@code view active_account: not part of the schema model}.
 */
public final class UnsupportedObjects {

    /** An index {@link JdbcSchemaReader} reads exactly: plain B-tree key columns, nothing else. */
    private static final Pattern PLAIN_PG_INDEX = Pattern.compile(
            "CREATE (UNIQUE )?INDEX \\S+ ON (ONLY )?\\S+ USING btree \\((\"?[a-z_][a-z0-9_$]*\"?)(, \"?[a-z_][a-z0-9_$]*\"?)*\\)");

    private UnsupportedObjects() {
    }

    /**
     * Lists what the model cannot express in the connection's current schema (PostgreSQL, H2) or database
     * (MariaDB/MySQL), sorted; {@code ignoredTables} (e.g. the history table) are left out.
     *
     * @throws SQLException when the catalog cannot be queried
     */
    public static List<String> find(Connection c, Set<String> ignoredTables) throws SQLException {
        Set<String> ignored = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        ignored.addAll(ignoredTables);
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        Set<String> found = new TreeSet<>();
        if (product.contains("postgres")) {
            postgres(c, c.getSchema(), ignored, found);
        } else if (product.contains("mariadb") || product.contains("mysql")) {
            mariaDb(c, c.getCatalog(), ignored, found);
        } else if (product.contains("h2")) {
            h2(c, c.getSchema(), found);
        }
        foreignKeyActions(c, product, ignored, found);
        return List.copyOf(found);
    }

    // ---- PostgreSQL -----------------------------------------------------------------------------------------------

    private static void postgres(Connection c, String schema, Set<String> ignored, Set<String> found)
            throws SQLException {
        query(c, "SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relkind IN ('v', 'm', 'p', 'f')", schema, rs -> {
                    String kind = switch (rs.getString(2)) {
                        case "v" -> "view";
                        case "m" -> "materialized view";
                        case "p" -> "partitioned table";
                        default -> "foreign table";
                    };
                    found.add(kind + " " + rs.getString(1) + ": not part of the schema model");
                });
        query(c, "SELECT DISTINCT trigger_name, event_object_table FROM information_schema.triggers"
                + " WHERE trigger_schema = ?", schema,
                rs -> found.add("trigger " + rs.getString(1) + " on " + rs.getString(2) + ": not part of the schema model"));
        // Functions of an extension come with the extension, which is listed itself.
        query(c, "SELECT p.proname, p.prokind FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                + " WHERE n.nspname = ? AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass"
                + " AND d.objid = p.oid AND d.deptype = 'e')", schema,
                rs -> found.add(("p".equals(rs.getString(2)) ? "procedure " : "function ") + rs.getString(1)
                        + ": not part of the schema model"));
        query(c, "SELECT e.extname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
                + " WHERE n.nspname = ?", schema,
                rs -> found.add("extension " + rs.getString(1) + ": CREATE EXTENSION is not part of the schema model"));
        query(c, "SELECT t.typname, t.typtype FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                + " LEFT JOIN pg_class r ON r.oid = t.typrelid"
                + " WHERE n.nspname = ? AND (t.typtype IN ('e', 'd', 'r', 'm') OR (t.typtype = 'c' AND r.relkind = 'c'))"
                + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass"
                + " AND d.objid = t.oid AND d.deptype = 'e')", schema, rs -> {
                    String kind = switch (rs.getString(2)) {
                        case "e" -> "enum type";
                        case "d" -> "domain";
                        case "r", "m" -> "range type";
                        default -> "composite type";
                    };
                    found.add(kind + " " + rs.getString(1) + ": CREATE TYPE is not part of the schema model");
                });
        query(c, "SELECT con.conname, rel.relname, pg_get_constraintdef(con.oid), con.contype FROM pg_constraint con"
                + " JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace n ON n.oid = rel.relnamespace"
                + " WHERE n.nspname = ? AND con.contype = 'x'", schema, rs -> {
                    if (!ignored.contains(rs.getString(2))) {
                        found.add("exclusion constraint " + rs.getString(1) + " on " + rs.getString(2) + ": "
                                + rs.getString(3));
                    }
                });
        query(c, "SELECT i.relname, t.relname, pg_get_indexdef(i.oid) FROM pg_index x"
                + " JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid"
                + " JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = ?", schema, rs -> {
                    String definition = rs.getString(3);
                    if (!ignored.contains(rs.getString(2)) && !PLAIN_PG_INDEX.matcher(definition).matches()) {
                        found.add("index " + rs.getString(1) + " on " + rs.getString(2) + ": " + definition
                                + " (only plain B-tree indexes on columns are part of the schema model)");
                    }
                });
        query(c, "SELECT table_name, column_name, is_generated, identity_generation, data_type, udt_name,"
                + " numeric_precision FROM information_schema.columns WHERE table_schema = ?", schema, rs -> {
                    String where = rs.getString(1) + "." + rs.getString(2);
                    if (ignored.contains(rs.getString(1))) {
                        return;
                    }
                    if ("ALWAYS".equalsIgnoreCase(rs.getString(3))) {
                        found.add("generated column " + where + ": GENERATED ALWAYS AS (...) is not part of the schema model");
                    }
                    if ("ALWAYS".equalsIgnoreCase(rs.getString(4))) {
                        found.add("column " + where + ": GENERATED ALWAYS AS IDENTITY (qalab writes GENERATED BY"
                                + " DEFAULT AS IDENTITY, as Hibernate does)");
                    }
                    if ("USER-DEFINED".equalsIgnoreCase(rs.getString(5))) {
                        found.add("column " + where + ": type " + rs.getString(6) + " is user-defined or comes from an"
                                + " extension");
                    }
                    if ("numeric".equalsIgnoreCase(rs.getString(5)) && rs.getObject(7) == null) {
                        found.add("column " + where + ": NUMERIC without precision (the model needs precision and scale)");
                    }
                });
    }

    // ---- MariaDB / MySQL ------------------------------------------------------------------------------------------

    private static void mariaDb(Connection c, String database, Set<String> ignored, Set<String> found)
            throws SQLException {
        query(c, "SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'VIEW'",
                database, rs -> found.add("view " + rs.getString(1) + ": not part of the schema model"));
        query(c, "SELECT trigger_name, event_object_table FROM information_schema.triggers WHERE trigger_schema = ?",
                database, rs -> found.add("trigger " + rs.getString(1) + " on " + rs.getString(2)
                        + ": not part of the schema model"));
        query(c, "SELECT routine_name, routine_type FROM information_schema.routines WHERE routine_schema = ?",
                database, rs -> found.add(rs.getString(2).toLowerCase(Locale.ROOT) + " " + rs.getString(1)
                        + ": not part of the schema model"));
        query(c, "SELECT event_name FROM information_schema.events WHERE event_schema = ?",
                database, rs -> found.add("event " + rs.getString(1) + ": not part of the schema model"));
        query(c, "SELECT DISTINCT index_name, table_name, index_type, sub_part, collation FROM information_schema.statistics"
                + " WHERE table_schema = ? AND (index_type <> 'BTREE' OR sub_part IS NOT NULL OR collation = 'D')",
                database, rs -> {
                    if (ignored.contains(rs.getString(2))) {
                        return;
                    }
                    String what = !"BTREE".equals(rs.getString(3)) ? rs.getString(3) + " index"
                            : rs.getObject(4) != null ? "prefix index (" + rs.getString(4) + " characters)"
                            : "descending index";
                    found.add("index " + rs.getString(1) + " on " + rs.getString(2) + ": " + what
                            + " (only plain B-tree indexes on columns are part of the schema model)");
                });
        query(c, "SELECT table_name, column_name, extra FROM information_schema.columns WHERE table_schema = ?"
                + " AND (extra LIKE '%GENERATED%' OR extra LIKE '%PERSISTENT%' OR extra LIKE '%on update%')",
                database, rs -> {
                    if (ignored.contains(rs.getString(1))) {
                        return;
                    }
                    String extra = rs.getString(3).toLowerCase(Locale.ROOT);
                    if (extra.contains("default_generated") && !extra.contains("on update")) {
                        return; // MySQL 8's marker of an expression default, which the model keeps
                    }
                    found.add("column " + rs.getString(1) + "." + rs.getString(2) + ": " + rs.getString(3)
                            + " is not part of the schema model");
                });
    }

    // ---- H2 -------------------------------------------------------------------------------------------------------

    private static void h2(Connection c, String schema, Set<String> found) throws SQLException {
        query(c, "SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'VIEW'",
                schema, rs -> found.add("view " + rs.getString(1) + ": not part of the schema model"));
        query(c, "SELECT trigger_name, event_object_table FROM information_schema.triggers WHERE trigger_schema = ?",
                schema, rs -> found.add("trigger " + rs.getString(1) + " on " + rs.getString(2)
                        + ": not part of the schema model"));
    }

    // ---- every product --------------------------------------------------------------------------------------------

    /** Foreign-key actions and cross-schema references, through the driver's metadata. */
    private static void foreignKeyActions(Connection c, String product, Set<String> ignored, Set<String> found)
            throws SQLException {
        boolean mariaDb = product.contains("mariadb") || product.contains("mysql");
        String catalog = mariaDb ? c.getCatalog() : null;
        String schema = mariaDb ? null : c.getSchema();
        DatabaseMetaData md = c.getMetaData();
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = md.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                if (!ignored.contains(rs.getString("TABLE_NAME"))) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
        }
        for (String table : tables) {
            try (ResultSet rs = md.getImportedKeys(catalog, schema, table)) {
                while (rs.next()) {
                    if (rs.getInt("KEY_SEQ") != 1) {
                        continue;
                    }
                    String fk = "foreign key " + rs.getString("FK_NAME") + " on " + table + ": ";
                    String update = action(rs.getShort("UPDATE_RULE"));
                    if (!update.isEmpty()) {
                        found.add(fk + "ON UPDATE " + update + " is not part of the schema model");
                    }
                    if (rs.getShort("DEFERRABILITY") != DatabaseMetaData.importedKeyNotDeferrable && !mariaDb) {
                        found.add(fk + "DEFERRABLE is not part of the schema model");
                    }
                    String referenced = mariaDb ? rs.getString("PKTABLE_CAT") : rs.getString("PKTABLE_SCHEM");
                    String own = mariaDb ? catalog : schema;
                    if (mariaDb && referenced != null && own != null && !referenced.equalsIgnoreCase(own)) {
                        found.add(fk + "references " + referenced + "." + rs.getString("PKTABLE_NAME")
                                + " in another schema");
                    }
                }
            }
        }
    }

    /** The action's SQL words, or "" for NO ACTION / RESTRICT (the model's only behaviour). */
    private static String action(short rule) {
        return switch (rule) {
            case DatabaseMetaData.importedKeyCascade -> "CASCADE";
            case DatabaseMetaData.importedKeySetNull -> "SET NULL";
            case DatabaseMetaData.importedKeySetDefault -> "SET DEFAULT";
            default -> "";
        };
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
}
