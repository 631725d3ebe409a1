package io.github.qalab.db;

import io.github.qalab.diff.Normalisation;
import io.github.qalab.schema.CheckConstraint;
import io.github.qalab.schema.Column;
import io.github.qalab.schema.JdbcSchemaReader;
import io.github.qalab.schema.Names;
import io.github.qalab.schema.Schema;
import io.github.qalab.schema.Table;
import io.github.qalab.sql.Dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Learns how a database stores the desired schema, by creating its distinct column types and defaults, and its
 * checks, in scratch tables of the shadow database and reading them back with the same {@link JdbcSchemaReader}
 * that reads the replayed migrations (Atlas' "dev database" normalisation). The scratch tables live in a schema of
 * their own ({@code qalab_norm}) where the database has schemas, else in tables named {@code qalab_norm_*}, and are
 * dropped before this returns.
 */
final class ShadowNormaliser {

    static final String SCRATCH = "qalab_norm";
    private static final int COLUMNS_PER_TABLE = 40;

    /** A distinct column shape: the SQL type as written and the default expression ("" for none). */
    private record Spec(String sqlType, String defaultValue) {
    }

    private ShadowNormaliser() {
    }

    /**
     * @param c    the connection the scratch objects are created on (the sandboxed user of the embedded shadow: the
     *             types, defaults and checks come from the project's mapping)
     * @param read the connection they are read back with
     */
    static Normalisation normalise(Connection c, Connection read, Schema desired, Dialect target, boolean embedded)
            throws SQLException, io.github.qalab.db.ReplayException {
        boolean schemas = !c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).matches(".*(mariadb|mysql).*");
        String prefix = schemas ? SCRATCH + "." : SCRATCH + "_";
        Map<Spec, List<String>> users = new LinkedHashMap<>();
        for (Table t : desired.tables()) {
            for (Column col : t.columns()) {
                users.computeIfAbsent(spec(col, target), k -> new ArrayList<>()).add(t.name() + "." + col.name());
            }
        }
        List<Spec> specs = new ArrayList<>(users.keySet());
        Map<String, List<CheckConstraint>> checkTables = new LinkedHashMap<>();
        Map<String, Table> checkSources = new LinkedHashMap<>();
        for (Table t : desired.tables()) {
            for (CheckConstraint check : t.checks()) {
                String key = Names.key(t.name());
                if (!checkTables.containsKey(key)) {
                    checkTables.put(key, new ArrayList<>());
                    checkSources.put(key, t);
                }
                checkTables.get(key).add(check);
            }
        }
        List<String> created = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            if (schemas) {
                s.execute("CREATE SCHEMA " + SCRATCH);
            }
            // Columns: COLUMNS_PER_TABLE distinct shapes per scratch table; a rejected table is retried column by
            // column, so that the message names the type the database does not take.
            Map<String, Spec> scratchColumns = new HashMap<>();
            for (int from = 0, n = 0; from < specs.size(); from += COLUMNS_PER_TABLE, n++) {
                List<Spec> chunk = specs.subList(from, Math.min(specs.size(), from + COLUMNS_PER_TABLE));
                String table = prefix + "c" + n;
                List<String> defs = new ArrayList<>();
                for (int i = 0; i < chunk.size(); i++) {
                    defs.add(columnDef("c" + i, chunk.get(i)));
                    scratchColumns.put(key(table, "c" + i), chunk.get(i));
                }
                try {
                    s.execute("CREATE TABLE " + table + " (" + String.join(", ", defs) + ")");
                    created.add(table);
                } catch (SQLException e) {
                    for (int i = 0; i < chunk.size(); i++) {
                        try {
                            s.execute("CREATE TABLE " + prefix + "probe (" + defs.get(i) + ")");
                            s.execute("DROP TABLE " + prefix + "probe");
                        } catch (SQLException rejected) {
                            Spec spec = chunk.get(i);
                            throw new ReplayException(null, 0, "the shadow database rejects the type " + spec.sqlType()
                                    + (spec.defaultValue().isEmpty() ? "" : " with DEFAULT " + spec.defaultValue())
                                    + " of " + String.join(", ", users.get(spec)) + ": " + firstLine(rejected),
                                    embedded ? "the embedded H2 cannot run it; set qalab.shadowUrl to an empty database"
                                            + " of your real vendor" : "check the mapping of that column");
                        }
                    }
                    throw e;
                }
            }
            // Checks: a scratch table per distinct check expression, with the columns it names (many tables share
            // e.g. an enum column and its check); when the guess of the named columns falls short, with all the
            // columns of the table that has it.
            Map<String, List<String>> checkOwners = new HashMap<>();
            Map<String, String> scratchByShape = new HashMap<>();
            int n = 0;
            for (Map.Entry<String, List<CheckConstraint>> e : checkTables.entrySet()) {
                Table source = checkSources.get(e.getKey());
                for (CheckConstraint check : e.getValue()) {
                    List<String> named = new ArrayList<>();
                    for (Column col : source.columns()) {
                        if (mentions(check.expression(), Names.unquoted(Names.simpleName(col.name())))) {
                            named.add(target.identifier(Names.simpleName(col.name())) + " " + sqlType(col, target));
                        }
                    }
                    String shape = String.join(", ", named) + " | " + check.expression();
                    String scratchName = scratchByShape.get(shape);
                    if (scratchName == null) {
                        scratchName = SCRATCH + "_k" + n;
                        String table = prefix + "k" + n++;
                        if (!createCheckTable(s, table, named, scratchName, check)) {
                            List<String> all = new ArrayList<>();
                            for (Column col : source.columns()) {
                                all.add(target.identifier(Names.simpleName(col.name())) + " " + sqlType(col, target));
                            }
                            try {
                                s.execute("CREATE TABLE " + table + " (" + String.join(", ", all) + ", CONSTRAINT "
                                        + scratchName + " CHECK (" + check.expression() + "))");
                            } catch (SQLException rejected) {
                                throw new ReplayException(null, 0, "the shadow database rejects the check ("
                                        + check.expression() + ") of " + source.name() + ": " + firstLine(rejected),
                                        embedded ? "the embedded H2 cannot run it; set qalab.shadowUrl to an empty"
                                        + " database of your real vendor" : "check the mapping");
                            }
                        }
                        created.add(table);
                        scratchByShape.put(shape, scratchName);
                    }
                    checkOwners.computeIfAbsent(scratchName, k -> new ArrayList<>())
                            .add(checkKey(source.name(), check));
                }
            }
            // The scratch schema as the database stores its unquoted name (H2 in its own mode: upper case).
            String stored = read.getMetaData().storesUpperCaseIdentifiers() ? SCRATCH.toUpperCase(Locale.ROOT) : SCRATCH;
            Schema scratch = new JdbcSchemaReader(Set.of()).read(read, schemas ? stored : null,
                    schemas ? "" : SCRATCH + "_");
            Map<Spec, Column> storedColumns = new HashMap<>();
            Map<String, String> storedChecks = new HashMap<>();
            for (Table t : scratch.tables()) {
                String table = prefix + Names.unquoted(t.name()).toLowerCase(Locale.ROOT)
                        .substring(schemas ? 0 : SCRATCH.length() + 1);
                for (Column col : t.columns()) {
                    Spec spec = scratchColumns.get(key(table, col.name()));
                    if (spec != null) {
                        storedColumns.put(spec, col);
                    }
                }
                for (CheckConstraint check : t.checks()) {
                    for (String owner : checkOwners.getOrDefault(Names.key(check.name()), List.of())) {
                        storedChecks.put(owner, check.expression());
                    }
                }
            }
            return new Stored(storedColumns, storedChecks, target);
        } finally {
            try (Statement s = c.createStatement()) {
                if (schemas) {
                    s.execute("DROP SCHEMA IF EXISTS " + SCRATCH + " CASCADE");
                } else {
                    for (String table : created) {
                        s.execute("DROP TABLE IF EXISTS " + table);
                    }
                }
            } catch (SQLException e) {
                // An embedded shadow disappears anyway; an external one is wiped by the session's close.
            }
        }
    }

    /** Creates a scratch table for one check; false when the database rejects it (e.g. a column was missed). */
    private static boolean createCheckTable(Statement s, String table, List<String> columns, String name,
                                            CheckConstraint check) {
        if (columns.isEmpty()) {
            return false;
        }
        try {
            s.execute("CREATE TABLE " + table + " (" + String.join(", ", columns) + ", CONSTRAINT " + name
                    + " CHECK (" + check.expression() + "))");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** True when {@code expression} names {@code column} as a word (case-insensitively), quoted or not. */
    private static boolean mentions(String expression, String column) {
        return java.util.regex.Pattern.compile("(?i)(?<![\\w$])" + java.util.regex.Pattern.quote(column)
                + "(?![\\w$])").matcher(expression).find();
    }

    /** The normalisation learnt from the scratch tables. */
    private record Stored(Map<Spec, Column> columns, Map<String, String> checks, Dialect target)
            implements Normalisation {

        @Override
        public Column stored(String table, Column desired) {
            Column read = columns.get(spec(desired, target));
            if (read == null) {
                return desired;
            }
            return new Column(desired.name(), read.type(), desired.nullable(), desired.identity() ? ""
                    : read.defaultValue(), desired.identity(), desired.sqlType());
        }

        @Override
        public String stored(String table, CheckConstraint desired) {
            return checks.getOrDefault(checkKey(table, desired), desired.expression());
        }
    }

    private static Spec spec(Column col, Dialect target) {
        return new Spec(sqlType(col, target), col.identity() ? "" : col.defaultValue());
    }

    private static String sqlType(Column col, Dialect target) {
        return col.sqlType().isEmpty() ? target.typeOf(col.type()) : col.sqlType();
    }

    private static String columnDef(String name, Spec spec) {
        return name + " " + spec.sqlType() + (spec.defaultValue().isEmpty() ? "" : " DEFAULT " + spec.defaultValue());
    }

    private static String key(String table, String column) {
        return table.toLowerCase(Locale.ROOT) + "/" + Names.key(column);
    }

    private static String checkKey(String table, CheckConstraint check) {
        return Names.key(table) + "/" + check.expression();
    }

    private static String firstLine(SQLException e) {
        String message = e.getMessage() == null ? "unknown error" : e.getMessage().strip();
        int statement = message.indexOf("; SQL statement:");
        if (statement > 0) {
            message = message.substring(0, statement);
        }
        int eol = message.indexOf('\n');
        return eol < 0 ? message : message.substring(0, eol);
    }
}
