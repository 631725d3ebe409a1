package io.github.qalab.judge;

import io.github.qalab.testing.TestDatabases.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a database's catalog holds, read with plain JDBC queries on {@code pg_catalog} (PostgreSQL) or
 * {@code INFORMATION_SCHEMA} (MariaDB, H2) written for the judge alone (it shares no code with the plugin's
 * {@code JdbcSchemaReader}, which it judges): tables of every schema, columns with the database's own type text
 * ({@code format_type()}, MariaDB's {@code COLUMN_TYPE}, H2's data type with its length/precision), nullability,
 * default expression and identity; primary keys; unique constraints and unique indexes; other indexes; foreign keys
 * with their {@code ON DELETE} rule; check constraints; sequences. Names of constraints and indexes are not kept,
 * so two catalogs built by different DDL compare equal when they have the same structure.
 *
 * <p>Tables and sequences of the default schema ({@code public}, {@code PUBLIC}, the MariaDB database) are named
 * bare, others {@code schema.name}.
 *
 * @param dialect   {@code postgresql}, {@code mariadb} or {@code h2}
 * @param tables    the tables by (qualified) name
 * @param sequences the sequences by (qualified) name, without those behind identity columns
 */
public record CatalogSnapshot(String dialect, Map<String, TableShape> tables, Map<String, SequenceShape> sequences) {

    /** The label of the expected side in difference lines. */
    private static final String EXPECTED = "Hibernate";

    public CatalogSnapshot {
        tables = java.util.Collections.unmodifiableMap(new TreeMap<>(tables));
        sequences = java.util.Collections.unmodifiableMap(new TreeMap<>(sequences));
    }

    /**
     * One table.
     *
     * @param name        the (qualified) table name
     * @param columns     the columns in the database's order
     * @param primaryKey  the primary key's columns in key order, empty without one
     * @param uniques     every unique constraint or unique index (not the primary key) as {@code (a, b)}, sorted
     * @param indexes     every other index as {@code (a, b)}, sorted, with a count where the same columns are indexed
     *                    twice; an index the database made for a foreign key is left out where another index already
     *                    serves that key (see {@link #read(Connection, String, Collection)})
     * @param foreignKeys every foreign key, sorted by {@link ForeignKeyShape#describe()}
     * @param checks      every check constraint's normalised expression, sorted
     */
    public record TableShape(String name, List<ColumnShape> columns, List<String> primaryKey, List<String> uniques,
                             List<String> indexes, List<ForeignKeyShape> foreignKeys, List<String> checks) {

        public TableShape {
            columns = List.copyOf(columns);
            primaryKey = List.copyOf(primaryKey);
            uniques = uniques.stream().sorted().toList();
            indexes = indexes.stream().sorted().toList();
            foreignKeys = foreignKeys.stream().sorted(java.util.Comparator.comparing(ForeignKeyShape::describe))
                    .toList();
            checks = checks.stream().sorted().toList();
        }

        /** The column named {@code name}, or null. */
        public ColumnShape column(String name) {
            return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
        }
    }

    /**
     * One column.
     *
     * @param name         the column name as stored (case kept)
     * @param type         the database's own type text, e.g. {@code character varying(255)}, {@code bigint(20)},
     *                     {@code CHARACTER VARYING(255)}, {@code enum('A','B')}
     * @param nullable     whether NULL is allowed
     * @param defaultValue the default expression as the database reports it, or null without one
     * @param identity     {@code IDENTITY BY DEFAULT}, {@code IDENTITY ALWAYS}, {@code AUTO_INCREMENT}, or null
     * @param enumValues   the labels of an ENUM type (MariaDB, H2, PostgreSQL enum types), else empty
     */
    public record ColumnShape(String name, String type, boolean nullable, String defaultValue, String identity,
                              List<String> enumValues) {

        public ColumnShape {
            enumValues = List.copyOf(enumValues);
        }

        /** {@code type NULL|NOT NULL [DEFAULT expr] [identity]}: what a difference line shows. */
        public String describe() {
            return type + (nullable ? " NULL" : " NOT NULL") + (defaultValue == null ? "" : " DEFAULT " + defaultValue)
                    + (identity == null ? "" : " " + identity);
        }
    }

    /**
     * One foreign key.
     *
     * @param columns           the referencing columns in key order
     * @param referencedTable   the referenced (qualified) table
     * @param referencedColumns the referenced columns, matching {@code columns}
     * @param onDelete          {@code NO ACTION}, {@code RESTRICT}, {@code CASCADE}, {@code SET NULL} or
     *                          {@code SET DEFAULT}, as the database reports it
     */
    public record ForeignKeyShape(List<String> columns, String referencedTable, List<String> referencedColumns,
                                  String onDelete) {

        public ForeignKeyShape {
            columns = List.copyOf(columns);
            referencedColumns = List.copyOf(referencedColumns);
        }

        /** {@code (a) -> table (id) ON DELETE rule}. */
        public String describe() {
            return key(columns) + " -> " + referencedTable + " " + key(referencedColumns) + " ON DELETE " + onDelete;
        }
    }

    /**
     * One sequence.
     *
     * @param name      the (qualified) sequence name
     * @param start     the start value
     * @param increment the increment
     */
    public record SequenceShape(String name, long start, long increment) {
        /** {@code start S increment I}. */
        public String describe() {
            return "start " + start + " increment " + increment;
        }
    }

    /**
     * The outcome of {@link #compare}: the differences (each a readable line naming the table, the item, both
     * sides), and the column-order differences, reported apart because they are no failure (a column added by a
     * later migration lands at the end of its table).
     */
    public record Comparison(List<String> differences, List<String> columnOrder) {

        public Comparison {
            differences = List.copyOf(differences);
            columnOrder = List.copyOf(columnOrder);
        }

        /** True when the catalogs are equal (column order aside). */
        public boolean equal() {
            return differences.isEmpty();
        }

        /** The differences, one per line, then the column-order notes. */
        public String describe() {
            StringBuilder text = new StringBuilder();
            differences.forEach(d -> text.append(d).append('\n'));
            columnOrder.forEach(d -> text.append("(order only) ").append(d).append('\n'));
            return text.toString();
        }
    }

    /** Reads the catalog of {@code database} (every schema of the database; on MariaDB the database itself). */
    public static CatalogSnapshot read(TestDatabase database) {
        return read(database, List.of());
    }

    /**
     * Reads the catalog of {@code database}; on MariaDB also the databases named in {@code extraSchemas} (a schema
     * there is a database of the server: pass {@link HibernateExport.Result#namespaces()}).
     */
    public static CatalogSnapshot read(TestDatabase database, Collection<String> extraSchemas) {
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            return read(c, database.kind(), extraSchemas);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the catalog of " + database.kind() + " database "
                    + database.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the catalog through {@code connection}.
     *
     * <p>Indexes a database makes by itself for a foreign key (MariaDB's InnoDB names it after the constraint, H2
     * {@code <constraint>_INDEX_<n>}) depend on statement order: MariaDB drops it when a later index can serve the
     * key, H2 keeps it. Such an index is left out where another index of the table starts with the key's columns,
     * and kept (as an ordinary index) where it is the only one: so a catalog whose foreign key is served by the
     * index Hibernate created explicitly equals Hibernate's, while an index Hibernate has and this catalog lacks, or
     * an extra one, is still a difference.
     *
     * @param dialect      {@code postgresql}, {@code mariadb} or {@code h2}
     * @param extraSchemas MariaDB only: further databases to read (qualified by name)
     */
    public static CatalogSnapshot read(Connection connection, String dialect, Collection<String> extraSchemas)
            throws SQLException {
        Reader reader = switch (dialect) {
            case "postgresql" -> new PostgresReader(connection);
            case "mariadb" -> new MariaDbReader(connection, extraSchemas);
            case "h2" -> new H2Reader(connection);
            default -> throw new IllegalArgumentException("unknown dialect " + dialect);
        };
        return reader.read(dialect);
    }

    /** This catalog without the tables named in {@code names} (compared ignoring case). */
    public CatalogSnapshot without(Collection<String> names) {
        Set<String> drop = names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Map<String, TableShape> kept = new TreeMap<>(tables);
        kept.keySet().removeIf(name -> drop.contains(name.toLowerCase(Locale.ROOT)));
        return new CatalogSnapshot(dialect, kept, sequences);
    }

    /** This catalog without Flyway's history table ({@code flyway_schema_history}), which no mapping declares. */
    public CatalogSnapshot withoutFlywayHistory() {
        return without(List.of(FLYWAY_HISTORY));
    }

    /** The default name of Flyway's history table. */
    public static final String FLYWAY_HISTORY = "flyway_schema_history";

    /** The table named {@code name} (qualified outside the default schema), or null. */
    public TableShape table(String name) {
        return tables.get(name);
    }

    /**
     * Compares {@code actual} against {@code expected} (Hibernate's own catalog).
     *
     * @return every difference as a line such as
     *         {@code table shipment: column start_depot_id missing (Hibernate: bigint NULL)}
     */
    public static Comparison compare(CatalogSnapshot expected, CatalogSnapshot actual) {
        List<String> out = new ArrayList<>();
        List<String> order = new ArrayList<>();
        for (String name : union(expected.tables.keySet(), actual.tables.keySet())) {
            TableShape e = expected.tables.get(name);
            TableShape a = actual.tables.get(name);
            if (a == null) {
                out.add("table " + name + ": missing (" + EXPECTED + ": " + e.columns().stream()
                        .map(c -> c.name() + " " + c.describe()).collect(Collectors.joining(", ")) + ")");
            } else if (e == null) {
                out.add("table " + name + ": not in " + EXPECTED + "'s catalog");
            } else {
                compareTables(e, a, out, order);
            }
        }
        for (String name : union(expected.sequences.keySet(), actual.sequences.keySet())) {
            SequenceShape e = expected.sequences.get(name);
            SequenceShape a = actual.sequences.get(name);
            if (a == null) {
                out.add("sequence " + name + ": missing (" + EXPECTED + ": " + e.describe() + ")");
            } else if (e == null) {
                out.add("sequence " + name + ": not in " + EXPECTED + "'s catalog (here: " + a.describe() + ")");
            } else if (!e.equals(a)) {
                out.add("sequence " + name + ": " + a.describe() + " (" + EXPECTED + ": " + e.describe() + ")");
            }
        }
        return new Comparison(out, order);
    }

    private static void compareTables(TableShape e, TableShape a, List<String> out, List<String> order) {
        String t = "table " + e.name() + ": ";
        Map<String, ColumnShape> expectedColumns = byName(e.columns());
        Map<String, ColumnShape> actualColumns = byName(a.columns());
        for (String column : union(expectedColumns.keySet(), actualColumns.keySet())) {
            ColumnShape ec = expectedColumns.get(column);
            ColumnShape ac = actualColumns.get(column);
            if (ac == null) {
                out.add(t + "column " + column + " missing (" + EXPECTED + ": " + ec.describe() + ")");
            } else if (ec == null) {
                out.add(t + "column " + column + " not in " + EXPECTED + "'s catalog (here: " + ac.describe() + ")");
            } else if (!ec.equals(ac)) {
                out.add(t + "column " + column + " is " + ac.describe() + " (" + EXPECTED + ": " + ec.describe() + ")");
            }
        }
        List<String> expectedOrder = e.columns().stream().map(ColumnShape::name)
                .filter(actualColumns::containsKey).toList();
        List<String> actualOrder = a.columns().stream().map(ColumnShape::name)
                .filter(expectedColumns::containsKey).toList();
        if (!expectedOrder.equals(actualOrder)) {
            order.add(t + "column order " + actualOrder + " (" + EXPECTED + ": " + expectedOrder + ")");
        }
        if (!e.primaryKey().equals(a.primaryKey())) {
            out.add(t + "primary key " + key(a.primaryKey()) + " (" + EXPECTED + ": " + key(e.primaryKey()) + ")");
        }
        compareLists(t, "unique ", e.uniques(), a.uniques(), out);
        compareLists(t, "index ", e.indexes(), a.indexes(), out);
        compareLists(t, "foreign key ", e.foreignKeys().stream().map(ForeignKeyShape::describe).toList(),
                a.foreignKeys().stream().map(ForeignKeyShape::describe).toList(), out);
        compareLists(t, "check ", e.checks(), a.checks(), out);
    }

    /** Multiset difference: an item listed twice on one side and once on the other is one difference. */
    private static void compareLists(String t, String what, List<String> expected, List<String> actual,
                                     List<String> out) {
        Map<String, Long> e = expected.stream().collect(Collectors.groupingBy(Function.identity(), TreeMap::new,
                Collectors.counting()));
        Map<String, Long> a = actual.stream().collect(Collectors.groupingBy(Function.identity(), TreeMap::new,
                Collectors.counting()));
        for (String item : union(e.keySet(), a.keySet())) {
            long ec = e.getOrDefault(item, 0L);
            long ac = a.getOrDefault(item, 0L);
            if (ac < ec) {
                out.add(t + what + item + " missing" + (ec > 1 ? " (" + EXPECTED + " has it " + ec + " times, here "
                        + ac + ")" : ""));
            } else if (ac > ec) {
                out.add(t + what + item + " not in " + EXPECTED + "'s catalog" + (ec > 0 ? " (here " + ac
                        + " times, " + EXPECTED + " " + ec + ")" : ""));
            }
        }
    }

    private static Map<String, ColumnShape> byName(List<ColumnShape> columns) {
        Map<String, ColumnShape> map = new LinkedHashMap<>();
        columns.forEach(c -> map.put(c.name(), c));
        return map;
    }

    private static Set<String> union(Collection<String> a, Collection<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    static String key(List<String> columns) {
        return "(" + String.join(", ", columns) + ")";
    }

    /**
     * A check expression in one spelling: whitespace collapsed, backticks dropped, keywords and identifiers in lower
     * case (string literals kept), redundant outer parentheses and a leading {@code CHECK} removed.
     */
    static String normaliseCheck(String clause) {
        StringBuilder out = new StringBuilder();
        boolean literal = false;
        for (int i = 0; i < clause.length(); i++) {
            char ch = clause.charAt(i);
            if (ch == '\'') {
                literal = !literal;
                out.append(ch);
            } else if (literal) {
                out.append(ch);
            } else if (ch == '`') {
                continue;
            } else if (Character.isWhitespace(ch)) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else {
                out.append(Character.toLowerCase(ch));
            }
        }
        String text = out.toString().strip();
        if (text.startsWith("check ") || text.startsWith("check(")) {
            text = text.substring("check".length()).strip();
        }
        while (text.startsWith("(") && text.endsWith(")") && closes(text)) {
            text = text.substring(1, text.length() - 1).strip();
        }
        return text;
    }

    /** True when the opening parenthesis at 0 closes at the last character (so the pair is redundant). */
    private static boolean closes(String text) {
        int depth = 0;
        boolean literal = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\'') {
                literal = !literal;
            } else if (!literal && ch == '(') {
                depth++;
            } else if (!literal && ch == ')') {
                depth--;
                if (depth == 0 && i < text.length() - 1) {
                    return false;
                }
            }
        }
        return depth == 0;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Readers: one per database, each filling the same builders.

    /** The catalog of one table while it is read. */
    private static final class TableBuilder {
        final String name;
        final List<ColumnShape> columns = new ArrayList<>();
        List<String> primaryKey = List.of();
        final List<List<String>> uniques = new ArrayList<>();
        /** Index columns by index name; {@code autoForeignKey} marks indexes the database made for a foreign key. */
        final Map<String, List<String>> indexes = new TreeMap<>();
        final Set<String> autoForeignKey = new TreeSet<>();
        final Map<String, List<String>> foreignKeyColumns = new TreeMap<>();
        final List<ForeignKeyShape> foreignKeys = new ArrayList<>();
        final List<String> checks = new ArrayList<>();

        TableBuilder(String name) {
            this.name = name;
        }

        TableShape build() {
            List<List<String>> servers = new ArrayList<>(uniques);
            if (!primaryKey.isEmpty()) {
                servers.add(primaryKey);
            }
            List<String> kept = new ArrayList<>();
            for (Map.Entry<String, List<String>> index : indexes.entrySet()) {
                List<String> cols = index.getValue();
                boolean auto = autoForeignKey.contains(index.getKey());
                boolean redundant = auto && (servers.stream().anyMatch(other -> startsWith(other, cols))
                        || indexes.entrySet().stream().anyMatch(other -> !other.getKey().equals(index.getKey())
                        && !autoForeignKey.contains(other.getKey()) && startsWith(other.getValue(), cols)));
                if (!redundant) {
                    kept.add(key(cols));
                }
            }
            return new TableShape(name, columns, primaryKey, uniques.stream().map(CatalogSnapshot::key).toList(),
                    kept, foreignKeys, checks);
        }

        private static boolean startsWith(List<String> list, List<String> prefix) {
            return list.size() >= prefix.size() && list.subList(0, prefix.size()).equals(prefix);
        }
    }

    private abstract static class Reader {
        final Connection connection;
        final Map<String, TableBuilder> tables = new TreeMap<>();
        final Map<String, SequenceShape> sequences = new TreeMap<>();

        Reader(Connection connection) {
            this.connection = connection;
        }

        abstract void readAll() throws SQLException;

        CatalogSnapshot read(String dialect) throws SQLException {
            readAll();
            Map<String, TableShape> built = new TreeMap<>();
            tables.forEach((name, builder) -> built.put(name, builder.build()));
            return new CatalogSnapshot(dialect, built, sequences);
        }

        TableBuilder table(String qualifiedName) {
            return tables.get(qualifiedName);
        }

        /** Runs {@code sql} with {@code parameters} and hands each row to {@code row}. */
        void query(String sql, List<?> parameters, RowHandler row) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        row.handle(rs);
                    }
                }
            }
        }

        String single(String sql) throws SQLException {
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @FunctionalInterface
    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    private static final class PostgresReader extends Reader {
        private static final String SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema') "
                + "AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'";
        private String defaultSchema;

        PostgresReader(Connection connection) {
            super(connection);
        }

        private String qualify(String schema, String name) {
            return schema.equals(defaultSchema) ? name : schema + "." + name;
        }

        @Override
        void readAll() throws SQLException {
            defaultSchema = single("SELECT current_schema()");
            query("SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                    + "WHERE c.relkind IN ('r', 'p') AND c.relpersistence <> 't' AND NOT c.relispartition AND "
                    + SCHEMAS, List.of(), rs -> {
                String name = qualify(rs.getString(1), rs.getString(2));
                tables.put(name, new TableBuilder(name));
            });
            query("SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, "
                    + "pg_get_expr(d.adbin, d.adrelid), a.attidentity, t.typtype, "
                    + "(SELECT string_agg(e.enumlabel, '|' ORDER BY e.enumsortorder) FROM pg_enum e "
                    + "  WHERE e.enumtypid = a.atttypid) "
                    + "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
                    + "JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_type t ON t.oid = a.atttypid "
                    + "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                    + "WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND " + SCHEMAS
                    + " ORDER BY n.nspname, c.relname, a.attnum", List.of(), rs -> {
                TableBuilder table = table(qualify(rs.getString(1), rs.getString(2)));
                if (table == null) {
                    return;
                }
                String identity = switch (rs.getString(7)) {
                    case "a" -> "IDENTITY ALWAYS";
                    case "d" -> "IDENTITY BY DEFAULT";
                    default -> null;
                };
                String labels = rs.getString(9);
                List<String> values = labels == null ? List.of() : List.of(labels.split("\\|"));
                String type = rs.getString(4) + (values.isEmpty() ? "" : " enum(" + values.stream()
                        .map(v -> "'" + v + "'").collect(Collectors.joining(",")) + ")");
                table.columns.add(new ColumnShape(rs.getString(3), type, !rs.getBoolean(5), rs.getString(6),
                        identity, values));
            });
            // Constraints: p, u, f, c; conkey/confkey in key order.
            query("SELECT n.nspname, c.relname, k.contype, k.oid, "
                    + "ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY u(n, i) JOIN pg_attribute a "
                    + "  ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i), "
                    + "rn.nspname, rc.relname, "
                    + "ARRAY(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY u(n, i) JOIN pg_attribute a "
                    + "  ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.i), "
                    + "k.confdeltype, pg_get_constraintdef(k.oid, true) "
                    + "FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid "
                    + "JOIN pg_namespace n ON n.oid = c.relnamespace "
                    + "LEFT JOIN pg_class rc ON rc.oid = k.confrelid "
                    + "LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace "
                    + "WHERE k.contype IN ('p', 'u', 'f', 'c') AND " + SCHEMAS, List.of(), rs -> {
                TableBuilder table = table(qualify(rs.getString(1), rs.getString(2)));
                if (table == null) {
                    return;
                }
                List<String> columns = List.of((String[]) rs.getArray(5).getArray());
                switch (rs.getString(3)) {
                    case "p" -> table.primaryKey = columns;
                    case "u" -> table.uniques.add(columns);
                    case "f" -> table.foreignKeys.add(new ForeignKeyShape(columns,
                            qualify(rs.getString(6), rs.getString(7)), List.of((String[]) rs.getArray(8).getArray()),
                            switch (rs.getString(9)) {
                                case "c" -> "CASCADE";
                                case "n" -> "SET NULL";
                                case "d" -> "SET DEFAULT";
                                case "r" -> "RESTRICT";
                                default -> "NO ACTION";
                            }));
                    default -> table.checks.add(normaliseCheck(rs.getString(10)));
                }
            });
            // Indexes that back no constraint: unique ones count as uniques, the others as indexes.
            query("SELECT n.nspname, c.relname, ic.relname, i.indisunique, "
                    + "ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true) FROM generate_series(1, i.indnkeyatts) k "
                    + "  ORDER BY k), pg_get_expr(i.indpred, i.indrelid, true) "
                    + "FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid "
                    + "JOIN pg_namespace n ON n.oid = c.relnamespace "
                    + "WHERE NOT i.indisprimary AND NOT EXISTS (SELECT 1 FROM pg_constraint k "
                    + "  WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x')) AND " + SCHEMAS,
                    List.of(), rs -> {
                TableBuilder table = table(qualify(rs.getString(1), rs.getString(2)));
                if (table == null) {
                    return;
                }
                List<String> columns = new ArrayList<>(List.of((String[]) rs.getArray(5).getArray()));
                String predicate = rs.getString(6);
                if (predicate != null) {
                    columns.set(columns.size() - 1, columns.get(columns.size() - 1) + " WHERE " + predicate);
                }
                if (rs.getBoolean(4)) {
                    table.uniques.add(columns);
                } else {
                    table.indexes.put(rs.getString(3), columns);
                }
            });
            // Sequences, except those owned by an identity column.
            query("SELECT s.schemaname, s.sequencename, s.start_value, s.increment_by FROM pg_sequences s "
                    + "JOIN pg_namespace n ON n.nspname = s.schemaname "
                    + "JOIN pg_class c ON c.relname = s.sequencename AND c.relnamespace = n.oid "
                    + "WHERE NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'i') AND "
                    + SCHEMAS, List.of(), rs -> {
                String name = qualify(rs.getString(1), rs.getString(2));
                sequences.put(name, new SequenceShape(name, rs.getLong(3), rs.getLong(4)));
            });
        }
    }

    private static final class MariaDbReader extends Reader {
        private final List<String> schemas = new ArrayList<>();
        private String defaultSchema;

        MariaDbReader(Connection connection, Collection<String> extraSchemas) {
            super(connection);
            schemas.addAll(extraSchemas);
        }

        private String qualify(String schema, String name) {
            return schema.equals(defaultSchema) ? name : schema + "." + name;
        }

        private String in() {
            return schemas.stream().map(s -> "?").collect(Collectors.joining(", ", "(", ")"));
        }

        @Override
        void readAll() throws SQLException {
            defaultSchema = single("SELECT DATABASE()");
            schemas.remove(defaultSchema);
            schemas.add(0, defaultSchema);
            query("SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA IN "
                    + in() + " AND TABLE_TYPE IN ('BASE TABLE', 'SEQUENCE')", schemas, rs -> {
                String name = qualify(rs.getString(1), rs.getString(2));
                if (rs.getString(3).equals("SEQUENCE")) {
                    sequences.put(name, null);
                } else {
                    tables.put(name, new TableBuilder(name));
                }
            });
            for (String name : List.copyOf(sequences.keySet())) {
                String quoted = java.util.Arrays.stream(name.contains(".") ? name.split("\\.", 2) : new String[]{name})
                        .map(p -> "`" + p.replace("`", "``") + "`").collect(Collectors.joining("."));
                query("SELECT start_value, increment FROM " + quoted, List.of(), rs ->
                        sequences.put(name, new SequenceShape(name, rs.getLong(1), rs.getLong(2))));
            }
            query("SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA "
                    + "FROM information_schema.COLUMNS WHERE TABLE_SCHEMA IN " + in()
                    + " ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION", schemas, rs -> {
                TableBuilder table = table(qualify(rs.getString(1), rs.getString(2)));
                if (table == null) {
                    return;
                }
                String type = rs.getString(4);
                String defaultValue = rs.getString(6);
                if ("NULL".equals(defaultValue)) {
                    defaultValue = null; // MariaDB spells "no default" of a nullable column as NULL
                }
                String extra = rs.getString(7) == null ? "" : rs.getString(7).toLowerCase(Locale.ROOT);
                table.columns.add(new ColumnShape(rs.getString(3), type, "YES".equals(rs.getString(5)), defaultValue,
                        extra.contains("auto_increment") ? "AUTO_INCREMENT" : null, enumLabels(type)));
            });
            Map<String, String> deleteRules = new TreeMap<>();
            query("SELECT CONSTRAINT_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, DELETE_RULE "
                    + "FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA IN " + in(), schemas,
                    rs -> deleteRules.put(rs.getString(1) + "." + rs.getString(2) + "." + rs.getString(3),
                            rs.getString(4)));
            Map<String, List<String[]>> fkColumns = new LinkedHashMap<>();
            query("SELECT TABLE_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, REFERENCED_TABLE_SCHEMA, "
                    + "REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE "
                    + "WHERE TABLE_SCHEMA IN " + in() + " AND REFERENCED_TABLE_NAME IS NOT NULL "
                    + "ORDER BY TABLE_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION", schemas, rs ->
                    fkColumns.computeIfAbsent(rs.getString(1) + "." + rs.getString(2) + "." + rs.getString(3),
                            k -> new ArrayList<>()).add(new String[]{rs.getString(1), rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)}));
            fkColumns.forEach((id, rows) -> {
                String[] first = rows.get(0);
                TableBuilder table = table(qualify(first[0], first[1]));
                if (table == null) {
                    return;
                }
                List<String> columns = rows.stream().map(r -> r[3]).toList();
                table.foreignKeyColumns.put(first[2], columns);
                table.foreignKeys.add(new ForeignKeyShape(columns, qualify(first[4], first[5]),
                        rows.stream().map(r -> r[6]).toList(), deleteRules.get(id)));
            });
            Map<String, List<String>> indexColumns = new LinkedHashMap<>();
            Map<String, Boolean> indexUnique = new LinkedHashMap<>();
            query("SELECT TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART "
                    + "FROM information_schema.STATISTICS WHERE TABLE_SCHEMA IN " + in()
                    + " ORDER BY TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX", schemas, rs -> {
                String id = qualify(rs.getString(1), rs.getString(2)) + "\u0000" + rs.getString(3);
                String sub = rs.getString(6);
                indexColumns.computeIfAbsent(id, k -> new ArrayList<>())
                        .add(rs.getString(5) + (sub == null ? "" : "(" + sub + ")"));
                indexUnique.put(id, rs.getInt(4) == 0);
            });
            indexColumns.forEach((id, columns) -> {
                String[] parts = id.split("\u0000", 2);
                TableBuilder table = table(parts[0]);
                if (table == null) {
                    return;
                }
                if (parts[1].equals("PRIMARY")) {
                    table.primaryKey = columns;
                } else if (indexUnique.get(id)) {
                    table.uniques.add(columns);
                } else {
                    table.indexes.put(parts[1], columns);
                    // InnoDB names the index it makes for a foreign key after the constraint.
                    if (columns.equals(table.foreignKeyColumns.get(parts[1]))) {
                        table.autoForeignKey.add(parts[1]);
                    }
                }
            });
            query("SELECT CONSTRAINT_SCHEMA, TABLE_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS "
                    + "WHERE CONSTRAINT_SCHEMA IN " + in(), schemas, rs -> {
                TableBuilder table = table(qualify(rs.getString(1), rs.getString(2)));
                if (table != null) {
                    table.checks.add(normaliseCheck(rs.getString(3)));
                }
            });
        }
    }

    private static final class H2Reader extends Reader {
        private String defaultSchema;

        H2Reader(Connection connection) {
            super(connection);
        }

        private String qualify(String schema, String name) {
            return schema.equals(defaultSchema) ? name : schema + "." + name;
        }

        @Override
        void readAll() throws SQLException {
            defaultSchema = single("SELECT CURRENT_SCHEMA");
            query("SELECT TABLE_SCHEMA, TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE' "
                    + "AND " + notInformationSchema("TABLE_SCHEMA"), List.of(), rs -> {
                String name = qualify(rs.getString(1), rs.getString(2));
                tables.put(name, new TableBuilder(name));
            });
            Map<String, List<String>> enumValues = new TreeMap<>();
            query("SELECT c.TABLE_SCHEMA, c.TABLE_NAME, c.COLUMN_NAME, e.VALUE_NAME FROM INFORMATION_SCHEMA.COLUMNS c "
                    + "JOIN INFORMATION_SCHEMA.ENUM_VALUES e ON e.OBJECT_SCHEMA = c.TABLE_SCHEMA "
                    + "AND e.OBJECT_NAME = c.TABLE_NAME AND e.ENUM_IDENTIFIER = c.DTD_IDENTIFIER "
                    + "AND e.OBJECT_TYPE = 'TABLE' WHERE " + notInformationSchema("c.TABLE_SCHEMA")
                    + " ORDER BY c.TABLE_SCHEMA, c.TABLE_NAME, c.COLUMN_NAME, e.VALUE_ORDINAL", List.of(), rs ->
                    enumValues.computeIfAbsent(rs.getString(1) + "\u0000" + rs.getString(2) + "\u0000"
                            + rs.getString(3), k -> new ArrayList<>()).add(rs.getString(4)));
            query("SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, "
                    + "NUMERIC_PRECISION, NUMERIC_SCALE, DATETIME_PRECISION, IS_NULLABLE, COLUMN_DEFAULT, IS_IDENTITY, "
                    + "IDENTITY_GENERATION, DOMAIN_SCHEMA, DOMAIN_NAME, INTERVAL_TYPE, INTERVAL_PRECISION "
                    + "FROM INFORMATION_SCHEMA.COLUMNS WHERE " + notInformationSchema("TABLE_SCHEMA")
                    + " ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION", List.of(), rs -> {
                TableBuilder table = table(qualify(rs.getString(1), rs.getString(2)));
                if (table == null) {
                    return;
                }
                List<String> values = enumValues.getOrDefault(rs.getString(1) + "\u0000" + rs.getString(2)
                        + "\u0000" + rs.getString(3), List.of());
                String type = h2Type(rs, values);
                String identity = "YES".equalsIgnoreCase(rs.getString(11))
                        ? "IDENTITY " + rs.getString(12).toUpperCase(Locale.ROOT) : null;
                table.columns.add(new ColumnShape(rs.getString(3), type, "YES".equalsIgnoreCase(rs.getString(9)),
                        rs.getString(10), identity, values));
            });
            // Constraints and their columns.
            Map<String, String[]> constraints = new LinkedHashMap<>();
            query("SELECT CONSTRAINT_SCHEMA, CONSTRAINT_NAME, TABLE_SCHEMA, TABLE_NAME, CONSTRAINT_TYPE, INDEX_NAME "
                    + "FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE " + notInformationSchema("TABLE_SCHEMA"),
                    List.of(), rs ->
                    constraints.put(rs.getString(1) + "\u0000" + rs.getString(2), new String[]{
                            qualify(rs.getString(3), rs.getString(4)), rs.getString(5).toUpperCase(Locale.ROOT),
                            rs.getString(6),
                            rs.getString(2)}));
            Map<String, List<String>> constraintColumns = new LinkedHashMap<>();
            Map<String, List<Integer>> uniquePositions = new LinkedHashMap<>();
            query("SELECT CONSTRAINT_SCHEMA, CONSTRAINT_NAME, COLUMN_NAME, POSITION_IN_UNIQUE_CONSTRAINT "
                    + "FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE WHERE " + notInformationSchema("TABLE_SCHEMA")
                    + " ORDER BY CONSTRAINT_SCHEMA, CONSTRAINT_NAME, ORDINAL_POSITION", List.of(), rs -> {
                String id = rs.getString(1) + "\u0000" + rs.getString(2);
                constraintColumns.computeIfAbsent(id, k -> new ArrayList<>()).add(rs.getString(3));
                uniquePositions.computeIfAbsent(id, k -> new ArrayList<>()).add(rs.getInt(4));
            });
            Set<String> constraintIndexes = new TreeSet<>();
            Map<String, String> fkIndex = new TreeMap<>();
            constraints.forEach((id, c) -> {
                TableBuilder table = table(c[0]);
                if (table == null) {
                    return;
                }
                List<String> columns = constraintColumns.getOrDefault(id, List.of());
                switch (c[1]) {
                    case "PRIMARY KEY" -> {
                        table.primaryKey = columns;
                        constraintIndexes.add(c[0] + "\u0000" + c[2]);
                    }
                    case "UNIQUE" -> {
                        table.uniques.add(columns);
                        constraintIndexes.add(c[0] + "\u0000" + c[2]);
                    }
                    case "FOREIGN KEY" -> {
                        table.foreignKeyColumns.put(c[3], columns);
                        if (c[2] != null) {
                            fkIndex.put(c[0] + "\u0000" + c[2], c[3]);
                        }
                    }
                    default -> {
                    }
                }
            });
            query("SELECT r.CONSTRAINT_SCHEMA, r.CONSTRAINT_NAME, r.UNIQUE_CONSTRAINT_SCHEMA, "
                    + "r.UNIQUE_CONSTRAINT_NAME, r.DELETE_RULE FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS r "
                    + "WHERE " + notInformationSchema("r.CONSTRAINT_SCHEMA"), List.of(), rs -> {
                String id = rs.getString(1) + "\u0000" + rs.getString(2);
                String[] fk = constraints.get(id);
                String[] target = constraints.get(rs.getString(3) + "\u0000" + rs.getString(4));
                if (fk == null || target == null || table(fk[0]) == null) {
                    return;
                }
                List<String> targetColumns = constraintColumns.getOrDefault(rs.getString(3) + "\u0000"
                        + rs.getString(4), List.of());
                List<String> referenced = uniquePositions.getOrDefault(id, List.of()).stream()
                        .map(position -> position >= 1 && position <= targetColumns.size()
                                ? targetColumns.get(position - 1) : "?").toList();
                table(fk[0]).foreignKeys.add(new ForeignKeyShape(constraintColumns.getOrDefault(id, List.of()),
                        target[0], referenced, rs.getString(5).toUpperCase(Locale.ROOT)));
            });
            query("SELECT k.CONSTRAINT_SCHEMA, k.CONSTRAINT_NAME, k.CHECK_CLAUSE FROM "
                    + "INFORMATION_SCHEMA.CHECK_CONSTRAINTS k WHERE " + notInformationSchema("k.CONSTRAINT_SCHEMA"),
                    List.of(), rs -> {
                String[] c = constraints.get(rs.getString(1) + "\u0000" + rs.getString(2));
                if (c != null && table(c[0]) != null) {
                    table(c[0]).checks.add(normaliseCheck(rs.getString(3)));
                }
            });
            Map<String, List<String>> indexColumns = new LinkedHashMap<>();
            Map<String, String> indexType = new LinkedHashMap<>();
            query("SELECT i.TABLE_SCHEMA, i.TABLE_NAME, i.INDEX_NAME, i.INDEX_TYPE_NAME, c.COLUMN_NAME "
                    + "FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c "
                    + "ON c.INDEX_SCHEMA = i.INDEX_SCHEMA AND c.INDEX_NAME = i.INDEX_NAME "
                    + "AND c.TABLE_NAME = i.TABLE_NAME WHERE " + notInformationSchema("i.TABLE_SCHEMA")
                    + " ORDER BY i.TABLE_SCHEMA, i.TABLE_NAME, i.INDEX_NAME, "
                    + "c.ORDINAL_POSITION", List.of(), rs -> {
                String id = qualify(rs.getString(1), rs.getString(2)) + "\u0000" + rs.getString(3);
                indexColumns.computeIfAbsent(id, k -> new ArrayList<>()).add(rs.getString(5));
                indexType.put(id, rs.getString(4).toUpperCase(Locale.ROOT));
            });
            indexColumns.forEach((id, columns) -> {
                String[] parts = id.split("\u0000", 2);
                TableBuilder table = table(parts[0]);
                if (table == null || constraintIndexes.contains(id)) {
                    return;
                }
                if (indexType.get(id).contains("UNIQUE")) {
                    table.uniques.add(columns);
                } else if (!indexType.get(id).equals("PRIMARY KEY")) {
                    table.indexes.put(parts[1], columns);
                    String fk = fkIndex.get(id);
                    // H2 names the index it makes for a foreign key <constraint>_INDEX_<n>.
                    if (fk != null && parts[1].startsWith(fk + "_INDEX_")) {
                        table.autoForeignKey.add(parts[1]);
                    }
                }
            });
            query("SELECT SEQUENCE_SCHEMA, SEQUENCE_NAME, START_VALUE, INCREMENT FROM INFORMATION_SCHEMA.SEQUENCES "
                    + "WHERE " + notInformationSchema("SEQUENCE_SCHEMA"), List.of(), rs -> {
                String name = qualify(rs.getString(1), rs.getString(2));
                sequences.put(name, new SequenceShape(name, rs.getLong(3), rs.getLong(4)));
            });
        }

        /**
         * A condition keeping H2's own schemas out ({@code pg_catalog} exists in PostgreSQL mode), in either case
         * ({@code DATABASE_TO_LOWER} stores them in lower case).
         */
        private static String notInformationSchema(String column) {
            return "UPPER(" + column + ") NOT IN ('INFORMATION_SCHEMA', 'PG_CATALOG')";
        }

        /** The type as H2 spells it in DDL: data type with length, precision/scale or fractional seconds. */
        private static String h2Type(ResultSet rs, List<String> enumValues) throws SQLException {
            if (rs.getString(14) != null) {
                return rs.getString(14).toUpperCase(Locale.ROOT);
            }
            // Upper case as H2 reports it, also in DATABASE_TO_LOWER mode (which lowers these values too).
            String dataType = rs.getString(4).toUpperCase(Locale.ROOT);
            return switch (dataType) {
                case "CHARACTER", "CHARACTER VARYING", "VARCHAR_IGNORECASE", "BINARY", "BINARY VARYING",
                     "CHARACTER LARGE OBJECT", "BINARY LARGE OBJECT", "JSON" ->
                        dataType + "(" + rs.getLong(5) + ")";
                case "NUMERIC", "DECIMAL", "DECFLOAT" -> dataType + "(" + rs.getInt(6)
                        + (dataType.equals("DECFLOAT") ? "" : ", " + rs.getInt(7)) + ")";
                case "TIME", "TIMESTAMP" -> dataType + "(" + rs.getInt(8) + ")";
                case "TIME WITH TIME ZONE", "TIMESTAMP WITH TIME ZONE" ->
                        dataType.replace(" WITH", "(" + rs.getInt(8) + ") WITH");
                case "ENUM" -> "ENUM(" + enumValues.stream().map(v -> "'" + v + "'")
                        .collect(Collectors.joining(", ")) + ")";
                case "INTERVAL" -> "INTERVAL " + rs.getString(15);
                default -> dataType;
            };
        }
    }

    /** The labels of a MariaDB {@code enum('a','b')} column type, else empty. */
    private static List<String> enumLabels(String columnType) {
        if (!columnType.toLowerCase(Locale.ROOT).startsWith("enum(")) {
            return List.of();
        }
        List<String> labels = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("'((?:[^']|'')*)'").matcher(columnType);
        while (m.find()) {
            labels.add(m.group(1).replace("''", "'"));
        }
        return labels;
    }
}
