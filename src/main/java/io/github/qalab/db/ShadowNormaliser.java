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
import java.util.Optional;
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
    record Spec(String sqlType, String defaultValue) {
    }

    /**
     * What normalising taught, by shape: the column each distinct type and default reads back as, and the text each
     * check reads back as, keyed by its {@linkplain Needs#checkShape shape} (the columns it names, with their types,
     * and its expression). For one shadow set-up (dialect, H2 version, plugin build) it depends on nothing else, so
     * {@link ShadowCache} keeps it across runs.
     */
    record Learnt(Map<Spec, Column> columns, Map<String, String> checks) {
        static final Learnt NONE = new Learnt(Map.of(), Map.of());

        Learnt {
            columns = Map.copyOf(columns);
            checks = Map.copyOf(checks);
        }

        int size() {
            return columns.size() + checks.size();
        }

        /** What this holds of the shapes {@code needs} names. */
        Learnt only(Needs needs) {
            Map<Spec, Column> c = new HashMap<>(columns);
            c.keySet().retainAll(needs.users().keySet());
            Map<String, String> k = new HashMap<>(checks);
            k.keySet().retainAll(needs.checks().keySet());
            return new Learnt(c, k);
        }
    }

    /**
     * The shapes a desired schema needs normalised.
     *
     * @param users    each distinct column shape, with the {@code table.column}s that have it (for messages)
     * @param checks   each distinct check shape, with a table and check that have it
     * @param shapeOf  each table's check ({@link #checkKey}) to its shape
     */
    record Needs(Map<Spec, List<String>> users, Map<String, CheckUse> checks, Map<String, String> shapeOf) {
    }

    /** A check to create in a scratch table: the columns it names (with their types) and the table it comes from. */
    record CheckUse(Table source, CheckConstraint check, List<String> named) {
    }

    /** What one normalisation learnt: the shapes to keep, and checks learnt with all columns of their table. */
    record Learning(Learnt learnt, Map<String, String> uncacheableChecks) {
    }

    private ShadowNormaliser() {
    }

    /** The distinct column and check shapes of {@code desired} for {@code target}. */
    static Needs needs(Schema desired, Dialect target) {
        Map<Spec, List<String>> users = new LinkedHashMap<>();
        Map<String, CheckUse> checks = new LinkedHashMap<>();
        Map<String, String> shapeOf = new HashMap<>();
        for (Table t : desired.tables()) {
            for (Column col : t.columns()) {
                users.computeIfAbsent(spec(col, target), k -> new ArrayList<>()).add(t.name() + "." + col.name());
            }
            for (CheckConstraint check : t.checks()) {
                List<String> named = new ArrayList<>();
                for (Column col : t.columns()) {
                    if (mentions(check.expression(), Names.unquoted(Names.simpleName(col.name())))) {
                        named.add(target.identifier(Names.simpleName(col.name())) + " " + sqlType(col, target));
                    }
                }
                String shape = String.join(", ", named) + " | " + check.expression();
                checks.putIfAbsent(shape, new CheckUse(t, check, named));
                shapeOf.put(checkKey(t.name(), check), shape);
            }
        }
        return new Needs(users, checks, shapeOf);
    }

    private static final java.util.regex.Pattern CREATED_TYPE = java.util.regex.Pattern.compile(
            "(?i)\\bcreate\\s+(?:or\\s+replace\\s+)?(?:domain|type)\\s+(?:if\\s+not\\s+exists\\s+)?"
                    + "((?:\"[^\"]+\"|[\\w$]+)(?:\\s*\\.\\s*(?:\"[^\"]+\"|[\\w$]+))*)");

    /**
     * The names (lower case, without schema or quotes) of the domains and types the upgrade parts of
     * {@code migrations} create ({@code CREATE DOMAIN}, {@code CREATE TYPE}); a name in a comment counts too, which
     * only costs a replay.
     */
    static Set<String> typesCreatedBy(List<io.github.qalab.migration.MigrationFile> migrations) {
        Set<String> names = new java.util.HashSet<>();
        for (io.github.qalab.migration.MigrationFile m : migrations) {
            java.util.regex.Matcher created = CREATED_TYPE.matcher(m.upgrade().sql());
            while (created.find()) {
                names.add(lastName(created.group(1)));
            }
        }
        return names;
    }

    /** Whether a column type, or a column of a check, of {@code needs} names one of {@code types}. */
    static boolean usesAny(Needs needs, Set<String> types) {
        if (types.isEmpty()) {
            return false;
        }
        for (Spec spec : needs.users().keySet()) {
            String type = spec.sqlType().strip().split("[\\s(]", 2)[0];
            if (types.contains(lastName(type))) {
                return true;
            }
        }
        for (String shape : needs.checks().keySet()) {
            for (String type : types) {
                if (mentions(shape, type)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The last part of a possibly qualified, possibly quoted name, unquoted and in lower case. */
    private static String lastName(String name) {
        String last = name.substring(name.lastIndexOf('.') + 1).strip();
        return Names.unquoted(last.replace("\"", "")).toLowerCase(Locale.ROOT);
    }

    /** The normalisation {@code learnt} gives for {@code needs}, when it knows every shape; empty otherwise. */
    static Optional<Normalisation> known(Needs needs, Learnt learnt, Dialect target) {
        if (!learnt.columns().keySet().containsAll(needs.users().keySet())
                || !learnt.checks().keySet().containsAll(needs.checks().keySet())) {
            return Optional.empty();
        }
        return Optional.of(new Stored(learnt.columns(), learnt.checks(), needs.shapeOf(), target));
    }

    /** The normalisation of {@code needs} from what {@code learning} holds. */
    static Normalisation normalisation(Needs needs, Learning learning, Dialect target) {
        Map<String, String> checks = new HashMap<>(learning.learnt().checks());
        checks.putAll(learning.uncacheableChecks());
        return new Stored(learning.learnt().columns(), checks, needs.shapeOf(), target);
    }

    /**
     * Creates the shapes of {@code needs} that {@code known} lacks in scratch tables, reads them back, and drops them.
     *
     * @param c    the connection the scratch objects are created on (the sandboxed user of the embedded shadow: the
     *             types, defaults and checks come from the project's mapping)
     * @param read the connection they are read back with
     * @return {@code known} plus the shapes learnt now
     */
    static Learning learn(Connection c, Connection read, Needs needs, Learnt known, Dialect target, boolean embedded)
            throws SQLException, io.github.qalab.db.ReplayException {
        boolean schemas = !c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).matches(".*(mariadb|mysql).*");
        String prefix = schemas ? SCRATCH + "." : SCRATCH + "_";
        Map<Spec, List<String>> users = needs.users();
        List<Spec> specs = users.keySet().stream().filter(spec -> !known.columns().containsKey(spec)).toList();
        Map<Spec, Column> storedColumns = new HashMap<>(known.columns());
        Map<String, String> storedChecks = new HashMap<>(known.checks());
        Map<String, String> allColumnChecks = new HashMap<>();
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
                            throw ReplayException.desiredSchemaRefused("the shadow database rejects the type "
                                    + spec.sqlType() + (spec.defaultValue().isEmpty() ? "" : " with DEFAULT " + spec.defaultValue())
                                    + " of " + String.join(", ", users.get(spec)) + ": " + firstLine(rejected),
                                    embedded ? "the embedded H2 cannot run it; set qalab.shadowUrl to an empty database"
                                            + " of your real vendor" : "check the mapping of that column");
                        }
                    }
                    throw e;
                }
            }
            // Checks: a scratch table per distinct check shape, with the columns it names (many tables share e.g. an
            // enum column and its check); when the guess of the named columns falls short, with all the columns of
            // the table that has it (then what it reads back as is not kept: it depends on that table).
            Map<String, String> shapeByScratch = new HashMap<>();
            java.util.Set<String> withAllColumns = new java.util.HashSet<>();
            int n = 0;
            for (Map.Entry<String, CheckUse> e : needs.checks().entrySet()) {
                if (known.checks().containsKey(e.getKey())) {
                    continue;
                }
                Table source = e.getValue().source();
                CheckConstraint check = e.getValue().check();
                String scratchName = SCRATCH + "_k" + n;
                String table = prefix + "k" + n++;
                if (!createCheckTable(s, table, e.getValue().named(), scratchName, check)) {
                    List<String> all = new ArrayList<>();
                    for (Column col : source.columns()) {
                        all.add(target.identifier(Names.simpleName(col.name())) + " " + sqlType(col, target));
                    }
                    try {
                        s.execute("CREATE TABLE " + table + " (" + String.join(", ", all) + ", CONSTRAINT "
                                + scratchName + " CHECK (" + check.expression() + "))");
                    } catch (SQLException rejected) {
                        throw ReplayException.desiredSchemaRefused("the shadow database rejects the check ("
                                + check.expression() + ") of " + source.name() + ": " + firstLine(rejected),
                                embedded ? "the embedded H2 cannot run it; set qalab.shadowUrl to an empty"
                                + " database of your real vendor" : "check the mapping");
                    }
                    withAllColumns.add(e.getKey());
                }
                created.add(table);
                shapeByScratch.put(Names.key(scratchName), e.getKey());
            }
            // The scratch schema as the database stores its unquoted name (H2 in its own mode: upper case).
            String stored = read.getMetaData().storesUpperCaseIdentifiers() ? SCRATCH.toUpperCase(Locale.ROOT) : SCRATCH;
            Schema scratch = new JdbcSchemaReader(Set.of()).read(read, schemas ? stored : null,
                    schemas ? "" : SCRATCH + "_");
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
                    String shape = shapeByScratch.get(Names.key(check.name()));
                    if (shape != null) {
                        (withAllColumns.contains(shape) ? allColumnChecks : storedChecks).put(shape, check.expression());
                    }
                }
            }
            return new Learning(new Learnt(storedColumns, storedChecks), allColumnChecks);
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

    /**
     * True when {@code expression} names {@code column} as a word (case-insensitively), quoted or not: not preceded
     * or followed by a letter, digit, {@code _} or {@code $}. A plain scan rather than a regular expression, since it
     * runs for every column of every table with a check.
     */
    static boolean mentions(String expression, String column) {
        int n = column.length();
        if (n == 0) {
            return false;
        }
        for (int i = 0; i + n <= expression.length(); i++) {
            if (expression.regionMatches(true, i, column, 0, n)
                    && (i == 0 || !wordChar(expression.charAt(i - 1)))
                    && (i + n == expression.length() || !wordChar(expression.charAt(i + n)))) {
                return true;
            }
        }
        return false;
    }

    /** A character of {@code [\w$]} as Java's regular expressions define {@code \w}: ASCII letters, digits, _. */
    private static boolean wordChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '$');
    }

    /** The normalisation learnt from the scratch tables: checks by their shape, found through each table's check. */
    private record Stored(Map<Spec, Column> columns, Map<String, String> checks, Map<String, String> shapeOf,
                          Dialect target) implements Normalisation {

        @Override
        public Column stored(String table, Column desired) {
            Column read = columns.get(spec(desired, target));
            if (read == null) {
                return desired;
            }
            // a columnDefinition that says NOT NULL (or a type that implies it, as serial does) makes the column NOT
            // NULL whatever the mapping says, as in Hibernate's own DDL
            return new Column(desired.name(), read.type(), desired.nullable() && read.nullable(), desired.identity() ? ""
                    : read.defaultValue(), desired.identity(), desired.sqlType());
        }

        @Override
        public String stored(String table, CheckConstraint desired) {
            String shape = shapeOf.get(checkKey(table, desired));
            String expression = shape == null ? null : checks.get(shape);
            return expression == null ? desired.expression() : expression;
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
