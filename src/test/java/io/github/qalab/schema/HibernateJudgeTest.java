package io.github.qalab.schema;

import io.github.qalab.entity.EntityModel;
import io.github.qalab.entity.EntityScanner;
import io.github.qalab.entity.EvolutionFixtures;
import io.github.qalab.entity.NamingStrategy;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;
import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hibernate 7 is the judge: for every evolution step and naming strategy, Hibernate creates its own schema for the
 * compiled entities in H2 (and writes its DDL script to {@code target/hibernate-ddl/}); the tables, columns,
 * types, nullability, keys, indexes, foreign keys and sequences must equal what {@link EntitySchemaBuilder} builds
 * from the sources.
 */
class HibernateJudgeTest {

    static Stream<Arguments> steps() {
        return IntStream.rangeClosed(1, EvolutionFixtures.STEPS).boxed()
                .flatMap(step -> Stream.of(Arguments.of(step, NamingStrategy.SPRING),
                        Arguments.of(step, NamingStrategy.JPA)));
    }

    @ParameterizedTest(name = "step{0} {1}")
    @MethodSource("steps")
    void schemaEqualsHibernates(int step, NamingStrategy naming, @TempDir Path classes) throws Exception {
        EntityModel model = new EntityScanner().scan(List.of(EvolutionFixtures.sources(step)), List.of());
        Schema ours = new EntitySchemaBuilder().build(model, naming);

        String url = "jdbc:h2:mem:judge_" + step + "_" + naming + ";DB_CLOSE_DELAY=-1";
        Path script = Path.of("target", "hibernate-ddl", naming.parameterValue(), "step" + step + ".sql");
        Files.createDirectories(script.getParent());
        Files.deleteIfExists(script);
        try (URLClassLoader loader = EvolutionFixtures.compileAndLoad(step, classes)) {
            hibernateCreates(loader, EvolutionFixtures.classNames(classes), naming, url, script);
        }
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            Snapshot theirs = Snapshot.read(connection);
            Snapshot mine = Snapshot.of(ours);
            List<String> differences = mine.differences(theirs);
            assertEquals(List.of(), differences, "ours vs Hibernate's (" + script + "):\n"
                    + String.join("\n", differences));
            assertTrue(theirs.columns.size() > 3, "Hibernate created tables");
            try (Statement s = connection.createStatement()) {
                s.execute("DROP ALL OBJECTS");
            }
        }
    }

    private static void hibernateCreates(URLClassLoader loader, List<String> classNames, NamingStrategy naming,
                                         String url, Path script) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build();
        StandardServiceRegistryBuilder builder = new StandardServiceRegistryBuilder(bootstrap)
                .applySetting("jakarta.persistence.jdbc.url", url)
                .applySetting("jakarta.persistence.jdbc.user", "sa")
                .applySetting("jakarta.persistence.jdbc.password", "")
                .applySetting("jakarta.persistence.schema-generation.database.action", "create")
                .applySetting("jakarta.persistence.schema-generation.scripts.action", "create")
                .applySetting("jakarta.persistence.schema-generation.scripts.create-target", script.toString())
                .applySetting("hibernate.format_sql", "false")
                .applySetting("hibernate.show_sql", "false");
        if (naming == NamingStrategy.SPRING) {
            builder.applySetting("hibernate.physical_naming_strategy", new CamelCaseToUnderscoresNamingStrategy())
                    .applySetting("hibernate.implicit_naming_strategy", new SpringLikeImplicitNamingStrategy());
        } else {
            builder.applySetting("hibernate.physical_naming_strategy", new PhysicalNamingStrategyStandardImpl())
                    .applySetting("hibernate.implicit_naming_strategy", new ImplicitNamingStrategyJpaCompliantImpl());
        }
        StandardServiceRegistry registry = builder.build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            for (String name : classNames) {
                Class<?> type = Class.forName(name, false, loader);
                if (type.isAnnotationPresent(Entity.class) || type.isAnnotationPresent(Embeddable.class)
                        || type.isAnnotationPresent(MappedSuperclass.class)) {
                    sources.addAnnotatedClass(type);
                }
            }
            try (SessionFactory ignored = sources.buildMetadata().buildSessionFactory()) {
                // Building the session factory runs the schema generation.
            }
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
            thread.setContextClassLoader(previous);
        }
    }

    /** A comparable view of a schema: everything upper-cased as H2 stores unquoted names. */
    static final class Snapshot {
        final Map<String, String> columns = new TreeMap<>();
        final Set<String> primaryKeys = new TreeSet<>();
        final Set<String> uniques = new TreeSet<>();
        final Set<String> indexes = new TreeSet<>();
        final Set<String> foreignKeys = new TreeSet<>();
        final Set<String> sequences = new TreeSet<>();
        final Set<String> tables = new TreeSet<>();

        static String up(String s) {
            return s.toUpperCase(Locale.ROOT);
        }

        static Snapshot of(Schema schema) {
            Snapshot s = new Snapshot();
            for (Table table : schema.tables()) {
                String t = up(table.name());
                s.tables.add(t);
                for (Column column : table.columns()) {
                    s.columns.put(t + "." + up(column.name()), h2Type(column.type())
                            + (column.nullable() ? " NULL" : " NOT NULL") + (column.identity() ? " IDENTITY" : ""));
                }
                if (table.primaryKey() != null) {
                    s.primaryKeys.add(t + new TreeSet<>(table.primaryKey().columns().stream().map(Snapshot::up)
                            .toList()));
                }
                table.uniques().forEach(u -> s.uniques.add(t + u.columns().stream().map(Snapshot::up).toList()));
                table.indexes().forEach(i -> (i.unique() ? s.uniques : s.indexes)
                        .add(t + i.columns().stream().map(Snapshot::up).toList()));
                table.foreignKeys().forEach(f -> s.foreignKeys.add(t + f.columns().stream().map(Snapshot::up)
                        .toList() + " -> " + up(f.referencedTable()) + f.referencedColumns().stream()
                        .map(Snapshot::up).toList()));
            }
            schema.sequences().forEach(q -> s.sequences.add(up(q.name()) + " start " + q.start() + " increment "
                    + q.increment()));
            return s;
        }

        /** The type as H2 reports it in INFORMATION_SCHEMA for the DDL Hibernate's H2Dialect writes. */
        static String h2Type(ColumnType type) {
            return switch (type.kind()) {
                case BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, REAL, DATE, UUID -> type.kind().name();
                case DOUBLE -> "DOUBLE PRECISION";
                case DECIMAL -> "NUMERIC(" + type.precision() + "," + type.scale() + ")";
                case CHAR -> "CHARACTER(" + type.length() + ")";
                case VARCHAR -> "CHARACTER VARYING(" + type.length() + ")";
                case CLOB -> "CHARACTER LARGE OBJECT";
                case BINARY -> "BINARY(" + type.length() + ")";
                case VARBINARY -> "BINARY VARYING(" + type.length() + ")";
                case BLOB -> "BINARY LARGE OBJECT";
                case TIME -> "TIME(" + type.precision() + ")";
                case TIMESTAMP -> "TIMESTAMP(" + type.precision() + ")";
                case TIMESTAMP_TZ -> "TIMESTAMP WITH TIME ZONE(" + type.precision() + ")";
                case ENUM -> "ENUM" + type.values();
                case CUSTOM -> "CUSTOM " + type.definition();
            };
        }

        static Snapshot read(Connection connection) throws Exception {
            Snapshot s = new Snapshot();
            try (Statement statement = connection.createStatement()) {
                try (ResultSet rs = statement.executeQuery("SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, "
                        + "CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE, DATETIME_PRECISION, "
                        + "IS_NULLABLE, IS_IDENTITY FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC'")) {
                    while (rs.next()) {
                        String t = rs.getString(1);
                        if (t.startsWith("HTE_") || t.startsWith("HT_")) {
                            continue; // Hibernate's temporary tables for bulk mutations
                        }
                        s.tables.add(t);
                        String dataType = rs.getString(3);
                        String type = switch (dataType) {
                            case "NUMERIC", "DECIMAL" -> "NUMERIC(" + rs.getInt(5) + "," + rs.getInt(6) + ")";
                            case "CHARACTER", "CHARACTER VARYING", "BINARY", "BINARY VARYING" ->
                                    dataType + "(" + rs.getLong(4) + ")";
                            case "TIME", "TIMESTAMP", "TIMESTAMP WITH TIME ZONE" ->
                                    dataType + "(" + rs.getInt(7) + ")";
                            default -> dataType;
                        };
                        s.columns.put(t + "." + rs.getString(2), type + ("YES".equals(rs.getString(8)) ? " NULL"
                                : " NOT NULL") + ("YES".equals(rs.getString(9)) ? " IDENTITY" : ""));
                    }
                }
                try (ResultSet rs = statement.executeQuery("SELECT SEQUENCE_NAME, START_VALUE, INCREMENT "
                        + "FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = 'PUBLIC'")) {
                    while (rs.next()) {
                        s.sequences.add(rs.getString(1) + " start " + rs.getLong(2) + " increment " + rs.getInt(3));
                    }
                }
                // ENUM values: H2 keeps them in ENUM_VALUES.
                try (ResultSet rs = statement.executeQuery("SELECT c.TABLE_NAME, c.COLUMN_NAME, e.VALUE_NAME "
                        + "FROM INFORMATION_SCHEMA.COLUMNS c JOIN INFORMATION_SCHEMA.ENUM_VALUES e "
                        + "ON e.OBJECT_SCHEMA = c.TABLE_SCHEMA AND e.OBJECT_NAME = c.TABLE_NAME "
                        + "AND e.ENUM_IDENTIFIER = c.DTD_IDENTIFIER AND e.OBJECT_TYPE = 'TABLE' "
                        + "WHERE c.TABLE_SCHEMA = 'PUBLIC' ORDER BY c.TABLE_NAME, c.COLUMN_NAME, e.VALUE_ORDINAL")) {
                    Map<String, List<String>> values = new TreeMap<>();
                    while (rs.next()) {
                        values.computeIfAbsent(rs.getString(1) + "." + rs.getString(2), k -> new ArrayList<>())
                                .add(rs.getString(3));
                    }
                    values.forEach((column, names) -> s.columns.computeIfPresent(column,
                            (k, v) -> v.replaceFirst("^ENUM", "ENUM" + names)));
                }
            }
            DatabaseMetaData meta = connection.getMetaData();
            for (String t : s.tables) {
                List<String> pk = new ArrayList<>();
                try (ResultSet rs = meta.getPrimaryKeys(null, "PUBLIC", t)) {
                    while (rs.next()) {
                        pk.add(rs.getString("COLUMN_NAME"));
                    }
                }
                if (!pk.isEmpty()) {
                    s.primaryKeys.add(t + new TreeSet<>(pk));
                }
                Map<String, List<String>> fkColumns = new TreeMap<>();
                Map<String, String> fkTargets = new TreeMap<>();
                Map<String, List<String>> fkTargetColumns = new TreeMap<>();
                try (ResultSet rs = meta.getImportedKeys(null, "PUBLIC", t)) {
                    while (rs.next()) {
                        String name = rs.getString("FK_NAME");
                        fkColumns.computeIfAbsent(name, k -> new ArrayList<>()).add(rs.getString("FKCOLUMN_NAME"));
                        fkTargetColumns.computeIfAbsent(name, k -> new ArrayList<>())
                                .add(rs.getString("PKCOLUMN_NAME"));
                        fkTargets.put(name, rs.getString("PKTABLE_NAME"));
                    }
                }
                fkColumns.forEach((name, cols) -> s.foreignKeys.add(t + cols + " -> " + fkTargets.get(name)
                        + fkTargetColumns.get(name)));
                Map<String, List<String>> indexColumns = new TreeMap<>();
                Map<String, Boolean> indexUnique = new TreeMap<>();
                try (ResultSet rs = meta.getIndexInfo(null, "PUBLIC", t, false, false)) {
                    while (rs.next()) {
                        String name = rs.getString("INDEX_NAME");
                        indexColumns.computeIfAbsent(name, k -> new ArrayList<>()).add(rs.getString("COLUMN_NAME"));
                        indexUnique.put(name, !rs.getBoolean("NON_UNIQUE"));
                    }
                }
                Set<String> fkLists = new TreeSet<>();
                fkColumns.values().forEach(cols -> fkLists.add(cols.toString()));
                indexColumns.forEach((name, cols) -> {
                    boolean isPk = new TreeSet<>(cols).equals(new TreeSet<>(pk));
                    if (indexUnique.get(name) && !isPk) {
                        s.uniques.add(t + cols);
                    } else if (!indexUnique.get(name) && !fkLists.contains(cols.toString())) {
                        // H2 indexes every foreign key by itself; only other indexes are Hibernate's.
                        s.indexes.add(t + cols);
                    }
                });
            }
            return s;
        }

        List<String> differences(Snapshot hibernate) {
            List<String> out = new ArrayList<>();
            diff(out, "table", tables, hibernate.tables);
            for (String column : new TreeSet<>(union(columns.keySet(), hibernate.columns.keySet()))) {
                String a = columns.get(column);
                String b = hibernate.columns.get(column);
                if (a == null) {
                    out.add("column " + column + ": missing in ours, Hibernate has " + b);
                } else if (b == null) {
                    out.add("column " + column + ": ours " + a + ", missing in Hibernate's");
                } else if (a.startsWith("CUSTOM ") ? !nullability(a).equals(nullability(b)) : !a.equals(b)) {
                    out.add("column " + column + ": ours " + a + ", Hibernate " + b);
                }
            }
            diff(out, "primary key", primaryKeys, hibernate.primaryKeys);
            diff(out, "unique", uniques, hibernate.uniques);
            diff(out, "index", indexes, hibernate.indexes);
            diff(out, "foreign key", foreignKeys, hibernate.foreignKeys);
            diff(out, "sequence", sequences, hibernate.sequences);
            return out;
        }

        /** A column definition is the user's SQL: only its nullability can be compared. */
        private static String nullability(String column) {
            return column.replaceFirst("^.*?( NOT)? NULL", "$1 NULL");
        }

        private static Set<String> union(Set<String> a, Set<String> b) {
            Set<String> all = new TreeSet<>(a);
            all.addAll(b);
            return all;
        }

        private static void diff(List<String> out, String what, Set<String> ours, Set<String> theirs) {
            for (String x : ours) {
                if (!theirs.contains(x)) {
                    out.add(what + " " + x + ": ours only");
                }
            }
            for (String x : theirs) {
                if (!ours.contains(x)) {
                    out.add(what + " " + x + ": Hibernate only");
                }
            }
        }
    }
}
