package io.github.qalab.judge;

import io.github.qalab.judge.CatalogSnapshot.ColumnShape;
import io.github.qalab.judge.CatalogSnapshot.ForeignKeyShape;
import io.github.qalab.judge.CatalogSnapshot.TableShape;
import io.github.qalab.testing.TestDatabases.TestDatabase;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts a few rows into every table of a database, so that a migration is tried on tables that hold data (issue 9).
 * The first row of each table holds NULL in every column that allows it; the other rows hold a value in every
 * column. Tables are filled parents first (foreign keys reference existing rows; a key that is also unique gets a
 * parent row nobody references yet); values are distinct per row (so unique columns stay unique, also across
 * repeated fills); a column under a check constraint or of an ENUM type gets one of the values the check or the type
 * names (trying the next one when the database rejects it); identity columns are left to the database, and a
 * numeric key takes its values from the table's {@code <table>_seq} sequence when there is one, as Hibernate would.
 */
public final class RowFiller {

    private static final Pattern STRING_LITERAL = Pattern.compile("'((?:[^']|'')*)'");
    private static final Pattern NUMBER_LITERAL = Pattern.compile("(?<![\\w.\"])-?[0-9]+(?:\\.[0-9]+)?(?![\\w.])");
    private static final Pattern LENGTH = Pattern.compile("\\(([0-9]+)(?:\\s*,\\s*([0-9]+))?\\)");

    private RowFiller() {
    }

    /**
     * What a fill inserted.
     *
     * @param rows the rows inserted per table, in fill order
     */
    public record Filled(Map<String, Integer> rows) {
        public Filled {
            rows = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rows));
        }

        /** The total number of rows inserted. */
        public int total() {
            return rows.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * Inserts {@code rowsPerTable} rows (at least 1) into every table of {@code database} but Flyway's history
     * table, as described above.
     */
    public static Filled fill(TestDatabase database, int rowsPerTable) {
        return fill(database, CatalogSnapshot.read(database).withoutFlywayHistory(), rowsPerTable);
    }

    /**
     * Inserts rows into the tables of {@code catalog} (read from {@code database}).
     *
     * @throws IllegalStateException naming the table, the row, the SQL and the database's message when a row cannot
     *                               be inserted, or when tables reference each other through NOT NULL keys
     */
    public static Filled fill(TestDatabase database, CatalogSnapshot catalog, int rowsPerTable) {
        if (rowsPerTable < 1) {
            throw new IllegalArgumentException("rowsPerTable must be at least 1, got " + rowsPerTable);
        }
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(),
                database.password())) {
            connection.setAutoCommit(true);
            Map<String, Integer> filled = new LinkedHashMap<>();
            for (TableShape table : parentsFirst(catalog)) {
                filled.put(table.name(), new TableFill(connection, catalog, table).insert(rowsPerTable));
            }
            return new Filled(filled);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot fill " + database.kind() + " database " + database.name() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The tables ordered so that each comes after the tables its foreign keys reference (self-references aside). */
    static List<TableShape> parentsFirst(CatalogSnapshot catalog) {
        Map<String, TableShape> remaining = new TreeMap<>(catalog.tables());
        List<TableShape> ordered = new ArrayList<>();
        Set<String> done = new HashSet<>();
        while (!remaining.isEmpty()) {
            TableShape next = remaining.values().stream().filter(t -> t.foreignKeys().stream()
                    .allMatch(fk -> fk.referencedTable().equals(t.name()) || done.contains(fk.referencedTable())
                            || !catalog.tables().containsKey(fk.referencedTable())))
                    .findFirst().orElse(null);
            if (next == null) {
                // A cycle: take a table whose unresolved keys can all be NULL.
                next = remaining.values().stream().filter(t -> t.foreignKeys().stream()
                        .filter(fk -> !done.contains(fk.referencedTable()) && !fk.referencedTable().equals(t.name()))
                        .allMatch(fk -> fk.columns().stream().allMatch(c -> t.column(c) != null
                                && t.column(c).nullable()))).findFirst().orElseThrow(() ->
                        new IllegalStateException("tables " + remaining.keySet()
                                + " reference each other through NOT NULL foreign keys: no fill order exists"));
            }
            ordered.add(next);
            done.add(next.name());
            remaining.remove(next.name());
        }
        return ordered;
    }

    /** The fill of one table. */
    private static final class TableFill {
        private final Connection connection;
        private final CatalogSnapshot catalog;
        private final TableShape table;
        private final String kind;

        TableFill(Connection connection, CatalogSnapshot catalog, TableShape table) {
            this.connection = connection;
            this.catalog = catalog;
            this.table = table;
            this.kind = catalog.dialect();
        }

        int insert(int rows) throws SQLException {
            long existing = count();
            Map<ForeignKeyShape, List<List<Object>>> parents = new LinkedHashMap<>();
            for (ForeignKeyShape fk : table.foreignKeys()) {
                parents.put(fk, parentRows(fk));
            }
            String sequence = keySequence();
            long nextKey = sequence == null ? maxNumericKey() + 1 : 0;
            int inserted = 0;
            for (int row = 0; row < rows; row++) {
                boolean nulls = row == 0;
                long n = existing + row + 1;
                Map<String, Object> values = new LinkedHashMap<>();
                boolean skipRow = false;
                // parents are picked as the digits of n in mixed radix, so that rows of repeated fills reference
                // other combinations of parents (a join table's key is made of its foreign keys)
                long radix = 1;
                for (ForeignKeyShape fk : table.foreignKeys()) {
                    boolean nullable = fk.columns().stream().allMatch(c -> table.column(c).nullable());
                    List<List<Object>> candidates = parents.get(fk);
                    if ((nulls && nullable) || (candidates.isEmpty() && nullable)) {
                        fk.columns().forEach(c -> values.putIfAbsent(c, null));
                        continue;
                    }
                    if (candidates.isEmpty()) {
                        skipRow = true; // a unique key whose parent rows are all referenced already
                        break;
                    }
                    List<Object> parent = uniqueKey(fk.columns()) ? candidates.remove(0)
                            : candidates.get((int) ((n / radix) % candidates.size()));
                    radix *= Math.max(1, candidates.size());
                    for (int i = 0; i < fk.columns().size(); i++) {
                        values.putIfAbsent(fk.columns().get(i), parent.get(i));
                    }
                }
                if (skipRow) {
                    break;
                }
                for (ColumnShape column : table.columns()) {
                    if (values.containsKey(column.name()) || column.identity() != null) {
                        continue;
                    }
                    if (table.primaryKey().equals(List.of(column.name())) && isNumeric(column)) {
                        values.put(column.name(), sequence != null ? nextValue(sequence) : nextKey++);
                    } else if (nulls && column.nullable()) {
                        values.put(column.name(), null);
                    } else {
                        values.put(column.name(), new Value(column, n));
                    }
                }
                insertRow(values, row);
                inserted++;
            }
            return inserted;
        }

        /** Inserts one row; a check constraint that rejects it makes the checked columns try their next value. */
        private void insertRow(Map<String, Object> values, int row) throws SQLException {
            String sql = insertSql(values.keySet());
            int attempts = 1 + values.values().stream().filter(v -> v instanceof Value).mapToInt(v ->
                    ((Value) v).alternatives()).max().orElse(0);
            SQLException last = null;
            for (int attempt = 0; attempt < attempts; attempt++) {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    int i = 1;
                    for (Object value : values.values()) {
                        bind(statement, i++, value, attempt);
                    }
                    statement.executeUpdate();
                    return;
                } catch (SQLException e) {
                    last = e;
                    String state = e.getSQLState() == null ? "" : e.getSQLState();
                    if (!state.startsWith("23") && !state.startsWith("22") && !state.equals("HY000")) {
                        break;
                    }
                }
            }
            throw new IllegalStateException("cannot insert row " + (row + 1) + " into " + table.name() + " ("
                    + sql + " with " + values + "): " + (last == null ? "?" : last.getMessage()), last);
        }

        private String insertSql(Set<String> columns) {
            if (columns.isEmpty()) {
                return kind.equals("mariadb") ? "INSERT INTO " + quoteTable(table.name()) + " () VALUES ()"
                        : "INSERT INTO " + quoteTable(table.name()) + " DEFAULT VALUES";
            }
            return "INSERT INTO " + quoteTable(table.name()) + " (" + String.join(", ",
                    columns.stream().map(this::quote).toList()) + ") VALUES ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        }

        private void bind(PreparedStatement statement, int index, Object value, int attempt) throws SQLException {
            if (value == null) {
                statement.setNull(index, Types.NULL);
            } else if (value instanceof Value v) {
                Object bound = v.value(attempt);
                if (bound instanceof String text && v.other() && kind.equals("postgresql")) {
                    statement.setObject(index, text, Types.OTHER);
                } else {
                    statement.setObject(index, bound);
                }
            } else {
                statement.setObject(index, value);
            }
        }

        private long count() throws SQLException {
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + quoteTable(table.name()))) {
                rs.next();
                return rs.getLong(1);
            }
        }

        private long maxNumericKey() throws SQLException {
            if (table.primaryKey().size() != 1 || !isNumeric(table.column(table.primaryKey().get(0)))) {
                return 0;
            }
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("SELECT MAX(" + quote(table.primaryKey().get(0)) + ") FROM "
                         + quoteTable(table.name()))) {
                rs.next();
                return rs.getLong(1);
            }
        }

        /** The {@code <table>_seq} sequence Hibernate draws this table's numeric key from, if there is one. */
        private String keySequence() {
            if (table.primaryKey().size() != 1 || !isNumeric(table.column(table.primaryKey().get(0)))) {
                return null;
            }
            for (String candidate : List.of(table.name() + "_seq", table.name() + "_SEQ")) {
                if (catalog.sequences().containsKey(candidate)) {
                    return candidate;
                }
            }
            return null;
        }

        private long nextValue(String sequence) throws SQLException {
            String sql = switch (kind) {
                case "postgresql" -> "SELECT nextval('" + quoteTable(sequence).replace("'", "''") + "')";
                default -> "SELECT NEXT VALUE FOR " + quoteTable(sequence);
            };
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        /** The referenced rows a foreign key can point at; for a unique key only those nobody references yet. */
        private List<List<Object>> parentRows(ForeignKeyShape fk) throws SQLException {
            String parent = fk.referencedTable();
            StringBuilder sql = new StringBuilder("SELECT ");
            sql.append(String.join(", ", fk.referencedColumns().stream().map(c -> "p." + quote(c)).toList()))
                    .append(" FROM ").append(quoteTable(parent)).append(" p");
            List<String> conditions = new ArrayList<>();
            for (String c : fk.referencedColumns()) {
                conditions.add("p." + quote(c) + " IS NOT NULL");
            }
            if (uniqueKey(fk.columns())) {
                List<String> join = new ArrayList<>();
                for (int i = 0; i < fk.columns().size(); i++) {
                    join.add("t." + quote(fk.columns().get(i)) + " = p." + quote(fk.referencedColumns().get(i)));
                }
                conditions.add("NOT EXISTS (SELECT 1 FROM " + quoteTable(table.name()) + " t WHERE "
                        + String.join(" AND ", join) + ")");
            }
            sql.append(" WHERE ").append(String.join(" AND ", conditions)).append(" ORDER BY 1");
            List<List<Object>> rows = new ArrayList<>();
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= fk.referencedColumns().size(); i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }

        /** True when {@code columns} are the primary key or a unique key of the table (in any order). */
        private boolean uniqueKey(List<String> columns) {
            Set<String> set = new HashSet<>(columns);
            return new HashSet<>(table.primaryKey()).equals(set) || table.uniques().stream()
                    .anyMatch(u -> new HashSet<>(Arrays.asList(u.substring(1, u.length() - 1).split(", ")))
                            .equals(set));
        }

        /** A value for a column: from its ENUM labels, its check constraints, or its type. */
        private final class Value {
            private final ColumnShape column;
            private final long n;
            private final List<Object> candidates;

            Value(ColumnShape column, long n) {
                this.column = column;
                this.n = n;
                this.candidates = candidates();
            }

            int alternatives() {
                return candidates.size();
            }

            boolean other() {
                String type = column.type().toLowerCase(Locale.ROOT);
                return type.contains("json") || type.contains("uuid") || type.contains("interval")
                        || type.contains("enum(") || type.contains("xml") || type.contains("inet");
            }

            Object value(int attempt) {
                if (candidates.isEmpty()) {
                    return byType();
                }
                return candidates.get((int) ((n + attempt) % candidates.size()));
            }

            private List<Object> candidates() {
                if (!column.enumValues().isEmpty()) {
                    return new ArrayList<>(column.enumValues());
                }
                Pattern mentions = Pattern.compile("(?<![\\w])\"?" + Pattern.quote(column.name()
                        .toLowerCase(Locale.ROOT)) + "\"?(?![\\w])");
                Set<Object> found = new LinkedHashSet<>();
                for (String check : table.checks()) {
                    if (!mentions.matcher(check).find() || check.contains("json_valid")) {
                        continue;
                    }
                    Matcher strings = STRING_LITERAL.matcher(check);
                    while (strings.find() && !isNumeric(column)) {
                        found.add(strings.group(1).replace("''", "'"));
                    }
                    if (found.isEmpty() && isNumeric(column)) {
                        Matcher numbers = NUMBER_LITERAL.matcher(check.replaceAll("'(?:[^']|'')*'", ""));
                        while (numbers.find()) {
                            BigDecimal number = new BigDecimal(numbers.group());
                            found.add(number);
                            found.add(number.add(BigDecimal.ONE));
                            found.add(number.subtract(BigDecimal.ONE));
                        }
                    }
                }
                return new ArrayList<>(found);
            }

            private Object byType() {
                String type = column.type().toLowerCase(Locale.ROOT);
                boolean json = type.contains("json") || table.checks().stream().anyMatch(c -> c.contains("json_valid")
                        && c.contains(column.name().toLowerCase(Locale.ROOT)));
                if (json) {
                    return "{\"n\": " + n + "}";
                }
                if (type.startsWith("bool") || type.equals("bit(1)") || type.equals("bit")
                        || type.startsWith("tinyint(1)")) {
                    return n % 2 == 0;
                }
                if (type.contains("uuid")) {
                    return kind.equals("mariadb") ? uuid().toString() : uuid();
                }
                if (type.contains("with time zone") || type.equals("timestamptz")) {
                    return OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).plusMinutes(n);
                }
                if (type.startsWith("timestamp") || type.startsWith("datetime")) {
                    return LocalDateTime.of(2024, 1, 1, 0, 0).plusMinutes(n);
                }
                if (type.startsWith("date")) {
                    return LocalDate.of(2024, 1, 1).plusDays(n);
                }
                if (type.startsWith("time")) {
                    return LocalTime.of(0, 0).plusMinutes(n);
                }
                if (type.contains("bytea") || type.contains("binary") || type.contains("blob")) {
                    return new byte[]{(byte) n};
                }
                if (type.startsWith("interval")) {
                    return n + " minutes";
                }
                if (isNumeric(column)) {
                    return number(type);
                }
                return text(type);
            }

            private Object number(String type) {
                if (type.startsWith("numeric") || type.startsWith("decimal")) {
                    Matcher m = LENGTH.matcher(type);
                    int precision = 10;
                    int scale = 0;
                    if (m.find()) {
                        precision = Integer.parseInt(m.group(1));
                        scale = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
                    }
                    long bound = precision - scale >= 18 ? Long.MAX_VALUE : (long) Math.pow(10, precision - scale);
                    return BigDecimal.valueOf(n % bound).setScale(scale);
                }
                if (type.startsWith("real") || type.startsWith("double") || type.startsWith("float")) {
                    return n + 0.5;
                }
                if (type.startsWith("tinyint")) {
                    return n % 100;
                }
                if (type.startsWith("smallint")) {
                    return n % 30000;
                }
                return n;
            }

            private String text(String type) {
                String text = "v" + n;
                Matcher m = LENGTH.matcher(type);
                if (m.find() && !type.contains("large object")) {
                    int length = Integer.parseInt(m.group(1));
                    if (text.length() > length) {
                        text = Long.toString(n, 36);
                        text = text.length() > length ? text.substring(text.length() - length) : text;
                    }
                }
                return text;
            }

            private UUID uuid() {
                return UUID.nameUUIDFromBytes((table.name() + "/" + column.name() + "/" + n).getBytes());
            }
        }

        private String quote(String identifier) {
            return kind.equals("mariadb") ? "`" + identifier.replace("`", "``") + "`"
                    : "\"" + identifier.replace("\"", "\"\"") + "\"";
        }

        private String quoteTable(String qualified) {
            int dot = qualified.indexOf('.');
            return dot < 0 ? quote(qualified)
                    : quote(qualified.substring(0, dot)) + "." + quote(qualified.substring(dot + 1));
        }
    }

    /** True for the integer, numeric and floating-point types (and PostgreSQL's {@code oid}). */
    static boolean isNumeric(ColumnShape column) {
        if (column == null) {
            return false;
        }
        String type = column.type().toLowerCase(Locale.ROOT);
        return type.matches("(tiny|small|medium|big)?int.*|integer.*|bigint.*|numeric.*|decimal.*|real.*|double.*"
                + "|float.*|oid|smallint.*|decfloat.*");
    }
}
