package io.github.qalab.generate;

import io.github.qalab.convention.ConventionChecker;
import io.github.qalab.convention.ConventionReport;
import io.github.qalab.db.ConnectionSettings;
import io.github.qalab.db.FlywayRunner;
import io.github.qalab.db.ProgressListener;
import io.github.qalab.db.ShadowDatabase;
import io.github.qalab.diff.Operation;
import io.github.qalab.diff.Renames;
import io.github.qalab.entity.EvolutionFixtures;
import io.github.qalab.entity.NamingStrategy;
import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.schema.JdbcSchemaReader;
import io.github.qalab.schema.Column;
import io.github.qalab.schema.Schema;
import io.github.qalab.schema.Table;
import io.github.qalab.schema.SpringLikeImplicitNamingStrategy;
import io.github.qalab.sql.Dialect;
import io.github.qalab.sql.Golden;
import io.github.qalab.testing.TestDatabases;
import io.github.qalab.testing.TestDatabases.TestDatabase;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The acceptance test of {@code qalab:generate}, with Hibernate as the judge: for every step of the evolving
 * application in {@code src/test/resources/evolution} and for each of H2, PostgreSQL and MariaDB, generate the next
 * migration, apply it with the same Flyway runner as {@code qalab:migrate}, boot Hibernate 7 with
 * {@code hbm2ddl.auto=validate} on the compiled entities against that database, generate again (no changes), and
 * downgrade one step (the schema must equal the previous step's) before re-applying.
 */
class GenerateAcceptanceTest {

    private static Path compiled;
    private static final Map<Integer, URLClassLoader> LOADERS = new HashMap<>();

    @BeforeAll
    static void compileSteps() throws IOException {
        compiled = Files.createTempDirectory("qalab-evolution");
        for (int step = 1; step <= EvolutionFixtures.STEPS; step++) {
            LOADERS.put(step, EvolutionFixtures.compileAndLoad(step, compiled.resolve("step" + step)));
        }
    }

    @AfterAll
    static void closeLoaders() throws IOException {
        for (URLClassLoader loader : LOADERS.values()) {
            loader.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void everyStepIsAcceptedByHibernate(String dialectName, @TempDir Path project) throws Exception {
        Dialect dialect = Dialect.named(dialectName);
        Path folder = project.resolve("src/main/resources/db/migration");
        try (TestDatabase database = open(dialectName)) {
            ConnectionSettings connection = new ConnectionSettings(database.url(), database.user(),
                    database.password(), "test");
            List<Schema> applied = new ArrayList<>();
            for (int step = 1; step <= EvolutionFixtures.STEPS; step++) {
                String renames = EvolutionFixtures.renames(step).orElse("");
                MigrationGenerator.Settings settings = new MigrationGenerator.Settings(
                        List.of(EvolutionFixtures.sources(step)), List.of(), NamingStrategy.SPRING, dialect,
                        Renames.parse(renames), ShadowDatabase.embedded(dialect));

                // generate
                MigrationDirectory before = MigrationDirectory.scan(List.of(folder));
                MigrationGenerator.Plan plan = MigrationGenerator.plan(before, settings);
                assertFalse(plan.noChanges(), "step" + step + " must need a migration");
                Path written = MigrationGenerator.write(before, "Evolution step " + step, plan);
                assertEquals(String.format("%03d_evolution_step_%d.sql", step, step),
                        written.getFileName().toString());
                Golden.check(dialectName, "evolution-step" + step,
                        Files.readString(written, StandardCharsets.UTF_8));

                MigrationDirectory after = MigrationDirectory.scan(List.of(folder));
                ConventionReport report = ConventionChecker.check(after, Map.of());
                assertEquals(List.of(), report.violations(), "generated files follow the convention");

                // apply, as qalab:migrate does
                runner(connection, after).migrate(null);
                Schema schema = read(database);
                applied.add(schema);

                // Hibernate is the judge
                hibernateValidates(LOADERS.get(step), compiled.resolve("step" + step), database);

                // generate again: nothing left to do
                MigrationGenerator.Plan again = MigrationGenerator.plan(after, settings);
                int current = step;
                assertTrue(again.noChanges(), () -> dialectName + " step" + current + ": generate again found "
                        + again.diff().operations().stream().map(Operation::describe)
                        .collect(Collectors.joining("; ")));

                // downgrade one step returns the previous schema; then re-apply
                if (step > 1) {
                    runner(connection, after).downgrade("-1", false);
                    assertEquals(applied.get(step - 2), read(database),
                            dialectName + ": schema after downgrading step" + step);
                    runner(connection, after).migrate(null);
                    assertEquals(schema, read(database), dialectName + ": schema after re-applying step" + step);
                }
            }
        }
    }

    private static FlywayRunner runner(ConnectionSettings connection, MigrationDirectory directory) {
        return new FlywayRunner(connection, directory, "", GenerateAcceptanceTest.class.getClassLoader(),
                ProgressListener.NONE);
    }

    private static TestDatabase open(String dialect) {
        return switch (dialect) {
            case "postgresql" -> TestDatabases.postgres();
            case "mariadb" -> TestDatabases.mariadb();
            default -> TestDatabases.h2();
        };
    }

    private static Schema read(TestDatabase database) throws Exception {
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            return columnsByName(new JdbcSchemaReader().read(c));
        }
    }

    /**
     * The schema with each table's columns sorted by name: a downgrade re-adds a dropped column at the end of its
     * table (only MariaDB could place it), which Hibernate and the application do not care about.
     */
    private static Schema columnsByName(Schema schema) {
        return new Schema(schema.tables().stream()
                .map(t -> new Table(t.name(), t.columns().stream().sorted(Comparator.comparing(Column::name)).toList(),
                        t.primaryKey(), t.uniques(), t.indexes(), t.foreignKeys()))
                .toList(), schema.sequences());
    }

    private static void hibernateValidates(URLClassLoader loader, Path classes, TestDatabase database)
            throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build();
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap)
                .applySetting("jakarta.persistence.jdbc.url", database.url())
                .applySetting("jakarta.persistence.jdbc.user", database.user())
                .applySetting("jakarta.persistence.jdbc.password", database.password())
                .applySetting("hibernate.hbm2ddl.auto", "validate")
                .applySetting("hibernate.physical_naming_strategy", new CamelCaseToUnderscoresNamingStrategy())
                .applySetting("hibernate.implicit_naming_strategy", new SpringLikeImplicitNamingStrategy())
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            for (String name : EvolutionFixtures.classNames(classes)) {
                Class<?> type = Class.forName(name, false, loader);
                if (type.isAnnotationPresent(Entity.class) || type.isAnnotationPresent(Embeddable.class)
                        || type.isAnnotationPresent(MappedSuperclass.class)) {
                    sources.addAnnotatedClass(type);
                }
            }
            try (SessionFactory ignored = sources.buildMetadata().buildSessionFactory()) {
                // building the session factory runs hbm2ddl validate; a mismatch throws SchemaManagementException
            }
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
            thread.setContextClassLoader(previous);
        }
    }
}
