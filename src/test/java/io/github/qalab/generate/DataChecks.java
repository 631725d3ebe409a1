package io.github.qalab.generate;

import io.github.qalab.testing.TestDatabases.TestDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the rows must look like after a data-bearing step of a field or data case (issue 9): the values a migration
 * converts, fills or maps, and keys that continue after the highest one. {@link FieldCaseAcceptanceTest} calls the
 * hooks around each upgrade to {@code version} and around its {@code downgrade -1}.
 */
interface DataChecks {

    /** No checks. */
    DataChecks NONE = new DataChecks() {
    };

    /** Right before the upgrade to {@code version} is applied (rows are in the tables). */
    default void beforeUpgrade(int version, TestDatabase database) throws SQLException {
    }

    /** Right after the upgrade to {@code version}. */
    default void afterUpgrade(int version, TestDatabase database) throws SQLException {
    }

    /** Right before {@code version}'s downgrade runs (rows written in the new shape are in the tables too). */
    default void beforeDowngrade(int version, TestDatabase database) throws SQLException {
    }

    /** Right after {@code version}'s downgrade. */
    default void afterDowngrade(int version, TestDatabase database) throws SQLException {
    }

    /** The checks for a case by name. */
    static DataChecks forCase(String name) {
        return switch (name) {
            case "enum-ordinal-to-string" -> new ValueMap(2, "alarm", "level",
                    v -> v == null ? null : List.of("LOW", "MEDIUM", "HIGH").get(Integer.parseInt(v)),
                    v -> v == null ? null : String.valueOf(List.of("LOW", "MEDIUM", "HIGH").indexOf(v)));
            case "not-null-existing-rows" -> new ValueMap(2, "invoice", "note",
                    v -> v == null ? "none" : v, UnaryOperator.identity());
            case "enum-constant-removed" -> new Both(
                    new ValueMap(2, "ticket", "priority", v -> "HIGH".equals(v) ? "MEDIUM" : v,
                            UnaryOperator.identity()),
                    new ValueMap(2, "ticket", "severity", v -> "2".equals(v) ? "1" : v, UnaryOperator.identity()));
            case "not-null-and-narrowing" -> new NewColumn(2, "account", "currency", "EUR");
            case "sequence-identity" -> new KeysContinue("voucher");
            default -> NONE;
        };
    }

    /** Two checks in a row. */
    record Both(DataChecks first, DataChecks second) implements DataChecks {
        public void beforeUpgrade(int version, TestDatabase database) throws SQLException {
            first.beforeUpgrade(version, database);
            second.beforeUpgrade(version, database);
        }

        public void afterUpgrade(int version, TestDatabase database) throws SQLException {
            first.afterUpgrade(version, database);
            second.afterUpgrade(version, database);
        }

        public void beforeDowngrade(int version, TestDatabase database) throws SQLException {
            first.beforeDowngrade(version, database);
            second.beforeDowngrade(version, database);
        }

        public void afterDowngrade(int version, TestDatabase database) throws SQLException {
            first.afterDowngrade(version, database);
            second.afterDowngrade(version, database);
        }
    }

    /**
     * Each row's value of {@code table.column} after the upgrade to {@code version} is {@code up} of its value before,
     * and after the downgrade {@code down} of its value before the downgrade (rows matched by {@code id}).
     */
    final class ValueMap implements DataChecks {
        private final int version;
        private final String table;
        private final String column;
        private final UnaryOperator<String> up;
        private final UnaryOperator<String> down;
        private Map<Long, String> before = Map.of();

        ValueMap(int version, String table, String column, UnaryOperator<String> up, UnaryOperator<String> down) {
            this.version = version;
            this.table = table;
            this.column = column;
            this.up = up;
            this.down = down;
        }

        @Override
        public void beforeUpgrade(int v, TestDatabase database) throws SQLException {
            if (v == version) {
                before = values(database, table, column);
                assertTrue(before.size() > 1, table + " must hold rows before the upgrade");
            }
        }

        @Override
        public void afterUpgrade(int v, TestDatabase database) throws SQLException {
            if (v == version) {
                assertMapped(before, values(database, table, column), up, "upgrade to v" + v);
            }
        }

        @Override
        public void beforeDowngrade(int v, TestDatabase database) throws SQLException {
            if (v == version) {
                before = values(database, table, column);
            }
        }

        @Override
        public void afterDowngrade(int v, TestDatabase database) throws SQLException {
            if (v == version) {
                assertMapped(before, values(database, table, column), down, "downgrade of v" + v);
            }
        }

        private void assertMapped(Map<Long, String> was, Map<Long, String> now, UnaryOperator<String> f,
                                  String step) {
            for (Map.Entry<Long, String> row : was.entrySet()) {
                assertEquals(f.apply(row.getValue()), now.get(row.getKey()), step + ": " + table + "." + column
                        + " of row id=" + row.getKey() + " (was " + row.getValue() + ")");
            }
        }
    }

    /** Every row that existed before the upgrade to {@code version} holds {@code value} in the new column. */
    final class NewColumn implements DataChecks {
        private final int version;
        private final String table;
        private final String column;
        private final String value;
        private Map<Long, String> before = Map.of();

        NewColumn(int version, String table, String column, String value) {
            this.version = version;
            this.table = table;
            this.column = column;
            this.value = value;
        }

        @Override
        public void beforeUpgrade(int v, TestDatabase database) throws SQLException {
            if (v == version) {
                before = values(database, table, "id");
                assertTrue(before.size() > 1, table + " must hold rows before the upgrade");
            }
        }

        @Override
        public void afterUpgrade(int v, TestDatabase database) throws SQLException {
            if (v == version) {
                Map<Long, String> now = values(database, table, column);
                for (Long id : before.keySet()) {
                    assertEquals(value, now.get(id), table + "." + column + " of row id=" + id + " after v" + v);
                }
            }
        }
    }

    /**
     * Keys of {@code table} continue after the highest one whichever generator numbers them: an identity hands out a
     * new key at the first insert, and the {@code <table>_seq} sequence's next value, less what Hibernate's pooled
     * optimizer uses below it, lies above the highest key.
     */
    record KeysContinue(String table) implements DataChecks {
        public void afterUpgrade(int version, TestDatabase database) throws SQLException {
            check(database, "after the upgrade to v" + version);
        }

        public void afterDowngrade(int version, TestDatabase database) throws SQLException {
            check(database, "after the downgrade of v" + version);
        }

        private void check(TestDatabase database, String when) throws SQLException {
            try (Connection c = database.connect(); Statement s = c.createStatement()) {
                long max = single(s, "SELECT COALESCE(MAX(id), 0) FROM " + table);
                assertTrue(max > 0, table + " must hold rows " + when);
                if (identity(c)) {
                    s.executeUpdate("INSERT INTO " + table + " (code) VALUES ('first-insert')");
                    long id = single(s, "SELECT id FROM " + table + " WHERE code = 'first-insert'");
                    s.executeUpdate("DELETE FROM " + table + " WHERE code = 'first-insert'");
                    assertTrue(id > max, "the identity of " + table + " hands out " + id + " " + when
                            + ", not above the highest key " + max);
                } else {
                    String next = switch (database.kind()) {
                        case "postgresql" -> "SELECT nextval('" + table + "_seq')";
                        case "mariadb" -> "SELECT NEXTVAL(" + table + "_seq)";
                        default -> "SELECT NEXT VALUE FOR " + table + "_seq";
                    };
                    long value = single(s, next);
                    assertTrue(value - 49 > max, "sequence " + table + "_seq hands out " + value + " " + when
                            + ": Hibernate's pooled optimizer would use " + (value - 49) + " to " + value
                            + ", not above the highest key " + max);
                }
            }
        }

        private boolean identity(Connection c) throws SQLException {
            String sql = switch (c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)) {
                case "postgresql" -> "SELECT is_identity FROM information_schema.columns WHERE table_name = '"
                        + table + "' AND column_name = 'id'";
                case "mariadb", "mysql" -> "SELECT CASE WHEN extra LIKE '%auto_increment%' THEN 'YES' ELSE 'NO' END"
                        + " FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = '"
                        + table + "' AND column_name = 'id'";
                default -> "SELECT is_identity FROM information_schema.columns WHERE LOWER(table_name) = '" + table
                        + "' AND LOWER(column_name) = 'id'";
            };
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                return rs.next() && "YES".equalsIgnoreCase(rs.getString(1));
            }
        }
    }

    /** {@code id} to the column's value as text, for every row. */
    static Map<Long, String> values(TestDatabase database, String table, String column) throws SQLException {
        Map<Long, String> values = new LinkedHashMap<>();
        try (Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, " + column + " FROM " + table + " ORDER BY id")) {
            while (rs.next()) {
                values.put(rs.getLong(1), rs.getString(2));
            }
        }
        return values;
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), "no row from " + sql);
            return Objects.requireNonNull(rs.getLong(1));
        }
    }
}
