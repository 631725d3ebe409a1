package io.github.qalab.schema;

import io.github.qalab.schema.ColumnType.Kind;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the schema of a connection's current schema (PostgreSQL, H2) or database (MariaDB/MySQL) into the
 * neutral model, through {@link DatabaseMetaData} and the standard {@code INFORMATION_SCHEMA} where the metadata
 * says too little (exact column types, sequences, which indexes only back a constraint).
 *
 * <p>Names come back lower-cased, as the model writes them. Indexes a database creates by itself for a primary
 * key, a unique constraint or a foreign key are not reported as indexes; a unique index and a unique constraint
 * are the same thing to MariaDB and come back as a unique constraint.
 */
public final class JdbcSchemaReader {

    /** Flyway's history table, which is not part of the application's schema. */
    public static final String FLYWAY_HISTORY = "flyway_schema_history";

    /** The plugin's journal of interrupted migrate/downgrade steps (db.MigrateJournal); never part of the schema. */
    public static final String QALAB_JOURNAL = "qalab_migrate_journal";

    /** H2's largest character length, which it gives to unbounded text such as MariaDB's LONGTEXT. */
    private static final long H2_UNBOUNDED = 1_000_000_000L;

    private static final Pattern MARIADB_TYPE = Pattern.compile("^([a-z ]+?)(?:\\((.*)\\))?( unsigned)?( zerofill)?$");
    private static final Pattern ENUM_VALUE = Pattern.compile("'((?:[^']|'')*)'");

    private final Set<String> ignoredTables;

    /** A reader that ignores Flyway's history table. */
    public JdbcSchemaReader() {
        this(Set.of(FLYWAY_HISTORY, QALAB_JOURNAL));
    }

    /** A reader that ignores the given tables (compared case-insensitively). */
    public JdbcSchemaReader(Set<String> ignoredTables) {
        this.ignoredTables = ignoredTables.stream().map(JdbcSchemaReader::lower)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    private enum Product { POSTGRESQL, MARIADB, H2 }

    /** How a database stores unquoted names: PostgreSQL lower-cases them, H2 upper-cases them, MariaDB keeps them. */
    private enum Folding {
        LOWER, UPPER, NONE;

        /**
         * A stored name as the model writes it: a name the database could only have stored quoted (an upper-case
         * letter where names fold to lower case, or the reverse) carries backticks; other names are lower-cased, as
         * unquoted names compare case-insensitively anyway.
         */
        String name(String stored) {
            return switch (this) {
                case LOWER -> stored.equals(stored.toLowerCase(Locale.ROOT)) ? stored : "`" + stored + "`";
                case UPPER -> stored.equals(stored.toUpperCase(Locale.ROOT)) ? stored.toLowerCase(Locale.ROOT)
                        : "`" + stored + "`";
                case NONE -> stored;
            };
        }
    }

    /**
     * Where the tables live: catalog and schema for metadata calls, the schema name for INFORMATION_SCHEMA, and the
     * prefix that qualifies the names of tables outside the default schema ("" inside it).
     */
    private record Scope(Product product, String catalog, String schema, String infoSchema, Folding folding,
                         String prefix, String defaultSchema, boolean mariaDbMode) {

        String name(String stored) {
            return folding.name(stored);
        }

        String qualified(String storedTable) {
            return Names.qualify(prefix, name(storedTable));
        }
    }

    /** Reads every table, sequence and check of the connection's default schema and of the other user schemas. */
    public Schema read(Connection connection) throws SQLException {
        return read(connection, null, "");
    }

    /**
     * Reads only the tables of one schema whose names start with {@code tablePrefix}, named without their schema
     * (for scratch tables).
     *
     * @param onlySchema the schema as the database spells it, or null for the connection's default schema
     */
    public Schema read(Connection connection, String onlySchema, String tablePrefix) throws SQLException {
        Scope home = scope(connection);
        DatabaseMetaData md = connection.getMetaData();
        List<Scope> scopes = new ArrayList<>();
        List<String> namespaces = new ArrayList<>();
        if (onlySchema != null || !tablePrefix.isEmpty()) {
            String schema = onlySchema == null ? home.schema() : onlySchema;
            String info = onlySchema == null ? home.infoSchema() : onlySchema;
            scopes.add(new Scope(home.product(), home.catalog(), schema, info, home.folding(), "", schema,
                    home.mariaDbMode()));
        } else {
            scopes.add(home);
            for (String other : otherSchemas(connection, home)) {
                scopes.add(new Scope(home.product(), home.catalog(), other, other, home.folding(), home.name(other),
                        home.schema(), home.mariaDbMode()));
                namespaces.add(home.name(other));
            }
        }
        List<Table> tables = new ArrayList<>();
        List<Sequence> sequences = new ArrayList<>();
        for (Scope scope : scopes) {
            List<String> tableNames = new ArrayList<>();
            try (ResultSet rs = md.getTables(scope.catalog(), scope.schema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME");
                    if (!ignoredTables.contains(lower(name)) && lower(name).startsWith(tablePrefix)) {
                        tableNames.add(name);
                    }
                }
            }
            // H2 builds its INFORMATION_SCHEMA rows for every table on each query, so per-table queries are
            // quadratic: on H2 the columns and constraints of all tables are read in one query each.
            H2Metadata h2 = scope.product() == Product.H2 ? H2Metadata.load(connection, scope) : null;
            Map<String, List<CheckConstraint>> checks = readChecks(connection, scope);
            for (String name : tableNames) {
                tables.add(readTable(connection, md, scope, name, h2, checks.getOrDefault(name, List.of())));
            }
            if (tablePrefix.isEmpty()) {
                sequences.addAll(readSequences(connection, scope));
            }
        }
        return new Schema(tables, sequences, namespaces);
    }

    private static Scope scope(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return new Scope(Product.POSTGRESQL, null, c.getSchema(), c.getSchema(), Folding.LOWER, "", c.getSchema(),
                    false);
        }
        if (product.contains("mariadb") || product.contains("mysql")) {
            return new Scope(Product.MARIADB, c.getCatalog(), null, c.getCatalog(), Folding.NONE, "", c.getCatalog(),
                    true);
        }
        if (product.contains("h2")) {
            Folding folding = Folding.UPPER;
            boolean mariaDbMode = false;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT setting_name, setting_value"
                    + " FROM information_schema.settings WHERE setting_name IN ('DATABASE_TO_LOWER', 'MODE')")) {
                while (rs.next()) {
                    if (rs.getString(1).equals("DATABASE_TO_LOWER") && "TRUE".equalsIgnoreCase(rs.getString(2))) {
                        folding = Folding.LOWER;
                    } else if (rs.getString(1).equals("MODE")) {
                        mariaDbMode = rs.getString(2).toUpperCase(Locale.ROOT).matches("MARIADB|MYSQL");
                    }
                }
            }
            return new Scope(Product.H2, c.getCatalog(), c.getSchema(), c.getSchema(), folding, "", c.getSchema(),
                    mariaDbMode);
        }
        throw new SQLException("Unsupported database '" + c.getMetaData().getDatabaseProductName()
                + "': qalab reads PostgreSQL, MariaDB, MySQL and H2");
    }

    /** The user schemas besides the default one (none on MariaDB/MySQL, where a schema is a database). */
    private static List<String> otherSchemas(Connection c, Scope home) throws SQLException {
        String sql = switch (home.product()) {
            case POSTGRESQL -> "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%'"
                    + " AND nspname <> 'information_schema' ORDER BY nspname";
            case H2 -> "SELECT schema_name FROM information_schema.schemata"
                    + " WHERE UPPER(schema_name) NOT IN ('INFORMATION_SCHEMA', 'PG_CATALOG') ORDER BY schema_name";
            case MARIADB -> null;
        };
        List<String> schemas = new ArrayList<>();
        if (sql == null) {
            return schemas;
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (!name.equals(home.schema())) {
                    schemas.add(name);
                }
            }
        }
        return schemas;
    }

    /** Check constraints by table (as the database spells it), with their expressions as the database keeps them. */
    private static Map<String, List<CheckConstraint>> readChecks(Connection c, Scope scope) throws SQLException {
        Map<String, List<CheckConstraint>> checks = new HashMap<>();
        String sql = switch (scope.product()) {
            case POSTGRESQL -> "SELECT cl.relname, co.conname, pg_get_constraintdef(co.oid) FROM pg_constraint co"
                    + " JOIN pg_class cl ON cl.oid = co.conrelid JOIN pg_namespace n ON n.oid = cl.relnamespace"
                    + " WHERE co.contype = 'c' AND n.nspname = ? ORDER BY cl.relname, co.conname";
            case H2, MARIADB -> "SELECT tc.table_name, tc.constraint_name, cc.check_clause"
                    + " FROM information_schema.table_constraints tc JOIN information_schema.check_constraints cc"
                    + " ON cc.constraint_schema = tc.constraint_schema AND cc.constraint_name = tc.constraint_name"
                    + " WHERE tc.constraint_type = 'CHECK' AND tc.table_schema = ?"
                    + " ORDER BY tc.table_name, tc.constraint_name";
        };
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, scope.infoSchema());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String expression = rs.getString(3);
                    if (scope.product() == Product.POSTGRESQL) {
                        expression = expression.replaceFirst("(?i)^CHECK\\s*", "");
                    }
                    // MariaDB gives every JSON column a json_valid() check of its own: it is part of the type.
                    if (scope.product() == Product.MARIADB && expression.matches("(?i)\\s*json_valid\\(`?[^`)]*`?\\)\\s*")) {
                        continue;
                    }
                    checks.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new CheckConstraint(scope.name(rs.getString(2)), expression));
                }
            }
        }
        return checks;
    }

    private Table readTable(Connection c, DatabaseMetaData md, Scope scope, String table, H2Metadata h2,
                            List<CheckConstraint> checks) throws SQLException {
        List<Column> columns = switch (scope.product()) {
            case H2 -> h2.columns().getOrDefault(table, List.of());
            case MARIADB -> mariaDbColumns(c, scope, table);
            case POSTGRESQL -> postgresColumns(md, scope, table);
        };

        PrimaryKey primaryKey = null;
        Map<Integer, String> pkColumns = new TreeMap<>();
        String pkName = null;
        try (ResultSet rs = md.getPrimaryKeys(scope.catalog(), scope.schema(), table)) {
            while (rs.next()) {
                pkName = rs.getString("PK_NAME");
                pkColumns.put(rs.getInt("KEY_SEQ"), scope.name(rs.getString("COLUMN_NAME")));
            }
        }
        if (!pkColumns.isEmpty()) {
            primaryKey = new PrimaryKey(scope.name(pkName == null ? "primary" : pkName), List.copyOf(pkColumns.values()));
        }

        Map<String, Map<Integer, String>> uniqueColumns = new TreeMap<>();
        Map<String, String> constraintIndexes = new LinkedHashMap<>();
        List<ConstraintColumn> constraintColumns;
        if (h2 != null) {
            constraintColumns = h2.constraintColumns().getOrDefault(table, List.of());
            // H2 gives each constraint's index its own generated name; an index created by hand that H2 then uses
            // for a foreign key is not generated, and stays an index.
            for (String index : h2.constraintIndexes().getOrDefault(table, List.of())) {
                constraintIndexes.put(index, index);
            }
        } else {
            constraintColumns = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT tc.constraint_name, tc.constraint_type,"
                    + " kcu.column_name, kcu.ordinal_position FROM information_schema.table_constraints tc"
                    + " JOIN information_schema.key_column_usage kcu ON tc.constraint_name = kcu.constraint_name"
                    + " AND tc.table_schema = kcu.table_schema AND tc.table_name = kcu.table_name"
                    + " WHERE tc.table_schema = ? AND tc.table_name = ?")) {
                ps.setString(1, scope.infoSchema());
                ps.setString(2, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        constraintColumns.add(new ConstraintColumn(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getInt(4)));
                    }
                }
            }
        }
        for (ConstraintColumn cc : constraintColumns) {
            if (h2 == null) {
                // elsewhere a constraint's index carries its name; H2 names its constraint indexes itself (above), and
                // an index created by hand may share a constraint's name there (HAPI FHIR's FK_* indexes)
                constraintIndexes.put(cc.name(), cc.name());
            }
            if ("UNIQUE".equalsIgnoreCase(cc.type())) {
                uniqueColumns.computeIfAbsent(cc.name(), k -> new TreeMap<>()).put(cc.position(), scope.name(cc.column()));
            }
        }
        List<UniqueConstraint> uniques = new ArrayList<>();
        uniqueColumns.forEach((name, cols) -> uniques.add(new UniqueConstraint(scope.name(name),
                List.copyOf(cols.values()))));

        Map<String, Map<Integer, String>> fkColumns = new TreeMap<>();
        Map<String, Map<Integer, String>> fkRefColumns = new TreeMap<>();
        Map<String, String> fkTables = new TreeMap<>();
        Map<String, String> fkDeletes = new TreeMap<>();
        try (ResultSet rs = md.getImportedKeys(scope.catalog(), scope.schema(), table)) {
            while (rs.next()) {
                String name = rs.getString("FK_NAME");
                int seq = rs.getInt("KEY_SEQ");
                fkColumns.computeIfAbsent(name, k -> new TreeMap<>()).put(seq, scope.name(rs.getString("FKCOLUMN_NAME")));
                fkRefColumns.computeIfAbsent(name, k -> new TreeMap<>()).put(seq, scope.name(rs.getString("PKCOLUMN_NAME")));
                String refSchema = scope.product() == Product.MARIADB ? null : rs.getString("PKTABLE_SCHEM");
                String prefix = refSchema == null || refSchema.equals(scope.defaultSchema()) ? ""
                        : scope.name(refSchema);
                fkTables.put(name, Names.qualify(prefix, scope.name(rs.getString("PKTABLE_NAME"))));
                fkDeletes.put(name, deleteRule(rs.getShort("DELETE_RULE")));
            }
        }
        List<ForeignKey> foreignKeys = new ArrayList<>();
        for (String name : fkColumns.keySet()) {
            foreignKeys.add(new ForeignKey(scope.name(name), List.copyOf(fkColumns.get(name).values()),
                    fkTables.get(name), List.copyOf(fkRefColumns.get(name).values()), fkDeletes.get(name)));
        }

        Map<String, Map<Integer, String>> indexColumns = new TreeMap<>();
        Map<String, Boolean> indexUnique = new TreeMap<>();
        try (ResultSet rs = md.getIndexInfo(scope.catalog(), scope.schema(), table, false, false)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                String column = rs.getString("COLUMN_NAME");
                if (name == null || column == null || rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
                    continue;
                }
                boolean backsConstraint = constraintIndexes.containsKey(name)
                        || (pkName != null && name.equals(pkName)) || "PRIMARY".equals(name);
                if (backsConstraint) {
                    continue;
                }
                indexColumns.computeIfAbsent(name, k -> new TreeMap<>()).put(rs.getInt("ORDINAL_POSITION"),
                        scope.name(column));
                indexUnique.put(name, !rs.getBoolean("NON_UNIQUE"));
            }
        }
        List<Index> indexes = new ArrayList<>();
        indexColumns.forEach((name, cols) -> indexes.add(new Index(scope.name(name), List.copyOf(cols.values()),
                indexUnique.get(name))));

        return new Table(scope.qualified(table), columns, primaryKey, uniques, indexes, foreignKeys, checks,
                List.of());
    }

    private static String deleteRule(short rule) {
        return switch (rule) {
            case DatabaseMetaData.importedKeyCascade -> "CASCADE";
            case DatabaseMetaData.importedKeySetNull -> "SET NULL";
            case DatabaseMetaData.importedKeySetDefault -> "SET DEFAULT";
            default -> "";
        };
    }

    // ---- H2 -------------------------------------------------------------------------------------------------------

    /** One column of a table constraint. */
    private record ConstraintColumn(String name, String type, String column, int position) {
    }

    /** The columns and constraints of every table in the schema, keyed by table name as the database spells it. */
    private record H2Metadata(Map<String, List<Column>> columns, Map<String, List<ConstraintColumn>> constraintColumns,
                              Map<String, List<String>> constraintIndexes) {

        static H2Metadata load(Connection c, Scope scope) throws SQLException {
            Map<String, Map<String, List<String>>> enumValues = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT object_name, enum_identifier, value_name"
                    + " FROM information_schema.enum_values WHERE object_schema = ?"
                    + " AND object_type = 'TABLE' ORDER BY object_name, enum_identifier, value_ordinal")) {
                ps.setString(1, scope.infoSchema());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        enumValues.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                                .computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(3));
                    }
                }
            }
            Map<String, List<Column>> columns = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT table_name, column_name, data_type, domain_name,"
                    + " character_maximum_length, numeric_precision, numeric_scale, datetime_precision, is_nullable,"
                    + " column_default, is_identity, dtd_identifier FROM information_schema.columns"
                    + " WHERE table_schema = ? ORDER BY table_name, ordinal_position")) {
                ps.setString(1, scope.infoSchema());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String table = rs.getString("table_name");
                        columns.computeIfAbsent(table, k -> new ArrayList<>())
                                .add(h2Column(rs, enumValues.getOrDefault(table, Map.of()), scope));
                    }
                }
            }
            // H2 2.3 keeps stale names in KEY_COLUMN_USAGE after a column rename; the backing index is always right.
            Map<String, List<ConstraintColumn>> constraintColumns = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT tc.table_name, tc.constraint_name,"
                    + " tc.constraint_type, ic.column_name, ic.ordinal_position"
                    + " FROM information_schema.table_constraints tc"
                    + " JOIN information_schema.index_columns ic ON ic.index_schema = tc.table_schema"
                    + " AND ic.index_name = tc.index_name AND ic.table_name = tc.table_name"
                    + " WHERE tc.table_schema = ?")) {
                ps.setString(1, scope.infoSchema());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        constraintColumns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(new ConstraintColumn(rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)));
                    }
                }
            }
            // Only the indexes H2 generated for a constraint: an index created by hand that H2 then also uses for a
            // foreign key stays an index of its own.
            Map<String, List<String>> constraintIndexes = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT table_name, index_name"
                    + " FROM information_schema.indexes WHERE table_schema = ? AND is_generated")) {
                ps.setString(1, scope.infoSchema());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        constraintIndexes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
            }
            return new H2Metadata(columns, constraintColumns, constraintIndexes);
        }
    }

    /** The column at the result set's current row; {@code enumValues} by the table's enum identifiers. */
    private static Column h2Column(ResultSet rs, Map<String, List<String>> enumValues, Scope scope)
            throws SQLException {
        String dataType = lower(rs.getString("data_type"));
        String domain = rs.getString("domain_name");
        long length = rs.getLong("character_maximum_length");
        int precision = rs.getInt("numeric_precision");
        int scale = rs.getInt("numeric_scale");
        int fraction = rs.getInt("datetime_precision");
        ColumnType type;
        if (domain != null && lower(domain).equals("oid")) {
            type = ColumnType.of(Kind.BLOB);
        } else if (domain != null) {
            // A vendor type H2 lacks, declared as a domain by H2Compatibility (e.g. jsonb): its name is its type.
            type = ColumnType.custom(lower(domain));
        } else {
            type = switch (dataType) {
                case "boolean" -> ColumnType.of(Kind.BOOLEAN);
                case "tinyint" -> ColumnType.of(Kind.TINYINT);
                case "smallint" -> ColumnType.of(Kind.SMALLINT);
                case "integer" -> ColumnType.of(Kind.INTEGER);
                case "bigint" -> ColumnType.of(Kind.BIGINT);
                case "real" -> ColumnType.of(Kind.REAL);
                case "double precision" -> ColumnType.of(Kind.DOUBLE);
                case "numeric", "decimal" -> ColumnType.decimal(precision, scale);
                case "character" -> sized(Kind.CHAR, length);
                // Unbounded text: PostgreSQL's text reads back like this in H2's PostgreSQL mode; MariaDB's
                // LONGTEXT in its MariaDB mode.
                case "character varying" -> length < H2_UNBOUNDED ? sized(Kind.VARCHAR, length)
                        : scope.mariaDbMode() ? ColumnType.of(Kind.CLOB) : ColumnType.custom("text");
                case "character large object" -> ColumnType.of(Kind.CLOB);
                case "binary" -> sized(Kind.BINARY, length);
                case "binary varying" -> sized(Kind.VARBINARY, length);
                case "binary large object" -> ColumnType.of(Kind.BLOB);
                case "date" -> ColumnType.of(Kind.DATE);
                case "time" -> temporal(Kind.TIME, fraction);
                case "timestamp" -> temporal(Kind.TIMESTAMP, fraction);
                case "timestamp with time zone" -> temporal(Kind.TIMESTAMP_TZ, fraction);
                case "uuid" -> ColumnType.of(Kind.UUID);
                case "enum" -> new ColumnType(Kind.ENUM, 0, 0, 0,
                        enumValues.getOrDefault(rs.getString("dtd_identifier"), List.of()), "");
                default -> ColumnType.custom(dataType);
            };
        }
        boolean identity = "YES".equalsIgnoreCase(rs.getString("is_identity"));
        String def = identity ? "" : nullToEmpty(rs.getString("column_default"));
        return new Column(scope.name(rs.getString("column_name")), type,
                "YES".equalsIgnoreCase(rs.getString("is_nullable")), def, identity);
    }

    // ---- MariaDB / MySQL ------------------------------------------------------------------------------------------

    private static List<Column> mariaDbColumns(Connection c, Scope scope, String table) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT column_name, column_type, is_nullable, column_default,"
                + " extra FROM information_schema.columns WHERE table_schema = ? AND table_name = ?"
                + " ORDER BY ordinal_position")) {
            ps.setString(1, scope.infoSchema());
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    boolean identity = lower(nullToEmpty(rs.getString("extra"))).contains("auto_increment");
                    String def = nullToEmpty(rs.getString("column_default"));
                    if (identity || def.equalsIgnoreCase("NULL")) {
                        def = "";
                    }
                    columns.add(new Column(scope.name(rs.getString("column_name")), mariaDbType(rs.getString("column_type")),
                            "YES".equalsIgnoreCase(rs.getString("is_nullable")), def, identity));
                }
            }
        }
        return columns;
    }

    static ColumnType mariaDbType(String columnType) {
        String full = lower(columnType.strip());
        Matcher m = MARIADB_TYPE.matcher(full);
        if (!m.matches() || m.group(3) != null || m.group(4) != null) {
            return ColumnType.custom(full);
        }
        String base = m.group(1).strip();
        String args = m.group(2);
        int[] n = numbers(args);
        return switch (base) {
            case "bit" -> n.length == 0 || n[0] == 1 ? ColumnType.of(Kind.BOOLEAN) : ColumnType.custom(full);
            case "tinyint" -> ColumnType.of(Kind.TINYINT);
            case "smallint" -> ColumnType.of(Kind.SMALLINT);
            case "int", "integer" -> ColumnType.of(Kind.INTEGER);
            case "bigint" -> ColumnType.of(Kind.BIGINT);
            case "float" -> n.length == 0 || n[0] <= 24 ? ColumnType.of(Kind.REAL) : ColumnType.of(Kind.DOUBLE);
            case "double" -> ColumnType.of(Kind.DOUBLE);
            case "decimal" -> ColumnType.decimal(n.length > 0 ? n[0] : 10, n.length > 1 ? n[1] : 0);
            case "char" -> sized(Kind.CHAR, n.length > 0 ? n[0] : 1);
            case "varchar" -> sized(Kind.VARCHAR, n.length > 0 ? n[0] : 255);
            case "longtext" -> ColumnType.of(Kind.CLOB);
            case "binary" -> sized(Kind.BINARY, n.length > 0 ? n[0] : 1);
            case "varbinary" -> sized(Kind.VARBINARY, n.length > 0 ? n[0] : 255);
            case "longblob" -> ColumnType.of(Kind.BLOB);
            case "date" -> ColumnType.of(Kind.DATE);
            case "time" -> temporal(Kind.TIME, n.length > 0 ? n[0] : 0);
            case "datetime" -> temporal(Kind.TIMESTAMP, n.length > 0 ? n[0] : 0);
            case "uuid" -> ColumnType.of(Kind.UUID);
            case "enum" -> {
                List<String> values = new ArrayList<>();
                Matcher v = ENUM_VALUE.matcher(args == null ? "" : columnType.substring(columnType.indexOf('(')));
                while (v.find()) {
                    values.add(v.group(1).replace("''", "'"));
                }
                yield new ColumnType(Kind.ENUM, 0, 0, 0, values, "");
            }
            default -> ColumnType.custom(full);
        };
    }

    private static int[] numbers(String args) {
        if (args == null || args.isBlank() || args.contains("'")) {
            return new int[0];
        }
        return java.util.Arrays.stream(args.split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
    }

    // ---- PostgreSQL -----------------------------------------------------------------------------------------------

    private static List<Column> postgresColumns(DatabaseMetaData md, Scope scope, String table) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (ResultSet rs = md.getColumns(scope.catalog(), scope.schema(), table, "%")) {
            while (rs.next()) {
                String typeName = lower(rs.getString("TYPE_NAME"));
                int size = rs.getInt("COLUMN_SIZE");
                int digits = rs.getInt("DECIMAL_DIGITS");
                String def = nullToEmpty(rs.getString("COLUMN_DEF"));
                boolean identity = "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"));
                ColumnType type = switch (typeName) {
                    case "bool" -> ColumnType.of(Kind.BOOLEAN);
                    case "int2", "smallserial" -> ColumnType.of(Kind.SMALLINT);
                    case "int4", "serial" -> ColumnType.of(Kind.INTEGER);
                    case "int8", "bigserial" -> ColumnType.of(Kind.BIGINT);
                    case "float4" -> ColumnType.of(Kind.REAL);
                    case "float8" -> ColumnType.of(Kind.DOUBLE);
                    case "numeric" -> ColumnType.decimal(size, digits);
                    case "bpchar" -> sized(Kind.CHAR, size);
                    case "varchar" -> size >= Integer.MAX_VALUE ? ColumnType.custom("varchar") : sized(Kind.VARCHAR, size);
                    case "oid" -> ColumnType.of(Kind.BLOB);
                    case "bytea" -> ColumnType.of(Kind.VARBINARY);
                    case "date" -> ColumnType.of(Kind.DATE);
                    case "time" -> temporal(Kind.TIME, digits);
                    case "timestamp" -> temporal(Kind.TIMESTAMP, digits);
                    case "timestamptz" -> temporal(Kind.TIMESTAMP_TZ, digits);
                    case "uuid" -> ColumnType.of(Kind.UUID);
                    default -> ColumnType.custom(typeName);
                };
                columns.add(new Column(scope.name(rs.getString("COLUMN_NAME")), type,
                        rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                        identity ? "" : postgresDefault(def), identity));
            }
        }
        return columns;
    }

    /** A PostgreSQL default without the casts it adds to literals ({@code 'x'::character varying}). */
    static String postgresDefault(String def) {
        return def.replaceAll("::[a-z ]+(\\[\\])?(\\(\\d+(,\\d+)?\\))?", "").strip();
    }

    // ---- sequences ------------------------------------------------------------------------------------------------

    private static List<Sequence> readSequences(Connection c, Scope scope) throws SQLException {
        List<Sequence> sequences = new ArrayList<>();
        switch (scope.product()) {
            case H2 -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT sequence_name, start_value, increment"
                        + " FROM information_schema.sequences WHERE sequence_schema = ?")) {
                    ps.setString(1, scope.infoSchema());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            sequences.add(new Sequence(scope.qualified(rs.getString(1)), rs.getLong(2), rs.getInt(3)));
                        }
                    }
                }
            }
            case POSTGRESQL -> {
                // Sequences owned by identity or serial columns (dependency 'i' or 'a') belong to their column.
                try (PreparedStatement ps = c.prepareStatement("SELECT s.sequence_name, s.start_value, s.increment"
                        + " FROM information_schema.sequences s WHERE s.sequence_schema = ? AND NOT EXISTS ("
                        + " SELECT 1 FROM pg_class cl JOIN pg_namespace n ON n.oid = cl.relnamespace"
                        + " JOIN pg_depend d ON d.objid = cl.oid AND d.classid = 'pg_class'::regclass"
                        + " AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('i', 'a')"
                        + " WHERE cl.relname = s.sequence_name AND n.nspname = s.sequence_schema)")) {
                    ps.setString(1, scope.infoSchema());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            sequences.add(new Sequence(scope.qualified(rs.getString(1)), Long.parseLong(rs.getString(2)),
                                    Integer.parseInt(rs.getString(3))));
                        }
                    }
                }
            }
            case MARIADB -> {
                List<String> names = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema = ? AND table_type = 'SEQUENCE'")) {
                    ps.setString(1, scope.infoSchema());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            names.add(rs.getString(1));
                        }
                    }
                }
                for (String name : names) {
                    try (Statement s = c.createStatement();
                         ResultSet rs = s.executeQuery("SELECT start_value, increment FROM `" + name + "`")) {
                        if (rs.next()) {
                            sequences.add(new Sequence(scope.qualified(name), rs.getLong(1), rs.getInt(2)));
                        }
                    }
                }
            }
        }
        return sequences;
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private static ColumnType sized(Kind kind, long length) {
        return new ColumnType(kind, (int) Math.min(length, Integer.MAX_VALUE), 0, 0, List.of(), "");
    }

    private static ColumnType temporal(Kind kind, int fraction) {
        return new ColumnType(kind, 0, fraction, 0, List.of(), "");
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
