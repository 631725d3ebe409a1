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
import io.github.qalab.judge.RowFiller;
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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import io.github.qalab.hibernate.HibernateModel;
import io.github.qalab.judge.CatalogSnapshot;
import io.github.qalab.judge.CompiledEntities;
import io.github.qalab.judge.EntityCompiler;
import io.github.qalab.judge.HibernateMapping;
import io.github.qalab.judge.Judge;
import io.github.qalab.testing.TestClassPath;
import java.util.stream.Stream;

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
 * application in {@code src/test/resources/evolution}, with each model (entity sources, Hibernate's mapping) and for
 * each of H2, PostgreSQL and MariaDB, generate the next migration, apply it with the same Flyway runner as
 * {@code qalab:migrate}, and let the judge ({@link Judge}) check that Hibernate's validate accepts the schema and that
 * its catalog equals the one Hibernate's own export creates for the compiled step; then generate again (no changes),
 * and downgrade one step (the catalog must equal the previous step's) before re-applying. Every table holds rows
 * (NULL where allowed) before each migration and before each downgrade (issue 9); the steps that need the user's
 * word about existing rows carry it in {@code stepN/BACKFILL} and {@code stepN/ALLOW_DATA_LOSS}.
 */
class GenerateAcceptanceTest {

    private static Path compiled;
    private static final Map<Integer, CompiledEntities> STEPS = new HashMap<>();

    @BeforeAll
    static void compileSteps() throws IOException {
        compiled = io.github.qalab.testing.TempFolders.deletedAtExit("qalab-evolution");
        for (int step = 1; step <= EvolutionFixtures.STEPS; step++) {
            STEPS.put(step, EntityCompiler.compile(EvolutionFixtures.sources(step), compiled.resolve("step" + step)));
        }
    }

    static Stream<Arguments> dialectsAndModels() {
        return Stream.of("h2", "postgresql", "mariadb")
                .flatMap(d -> Stream.of(Arguments.of(d, "source"), Arguments.of(d, "hibernate")));
    }

    /** The desired schema of a step: the entity sources, or Hibernate's mapping of the compiled step. */
    private static DesiredModel model(String model, int step, Dialect dialect) {
        if (model.equals("source")) {
            return new DesiredModel.FromSources(List.of(EvolutionFixtures.sources(step)), List.of(),
                    NamingStrategy.SPRING, dialect);
        }
        Path classes = compiled.resolve("step" + step);
        List<Path> classPath = new ArrayList<>();
        classPath.add(classes);
        classPath.addAll(TestClassPath.jars());
        return new DesiredModel.FromHibernate(new HibernateModel.Request(classPath, List.of(classes), List.of(),
                new HibernateModel.Target(dialect.name(), HibernateModel.Target.defaultVersion(dialect.name())),
                Map.of(), true), List.of(EvolutionFixtures.sources(step)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dialectsAndModels")
    void everyStepIsAcceptedByHibernate(String dialectName, String modelName, @TempDir Path project)
            throws Exception {
        Dialect dialect = Dialect.named(dialectName);
        Path folder = project.resolve("src/main/resources/db/migration");
        try (TestDatabase database = open(dialectName)) {
            ConnectionSettings connection = new ConnectionSettings(database.url(), database.user(),
                    database.password(), "test");
            List<CatalogSnapshot> applied = new ArrayList<>();
            for (int step = 1; step <= EvolutionFixtures.STEPS; step++) {
                String renames = EvolutionFixtures.renames(step).orElse("");
                MigrationGenerator.Settings settings = new MigrationGenerator.Settings(model(modelName, step, dialect),
                        dialect, Renames.parse(renames), ShadowDatabase.embedded(dialect),
                        EvolutionFixtures.policy(step));

                // generate
                MigrationDirectory before = MigrationDirectory.scan(List.of(folder));
                MigrationGenerator.Plan plan = MigrationGenerator.plan(before, settings);
                assertFalse(plan.noChanges(), "step" + step + " must need a migration");
                MigrationGenerator.Plan checked = plan;
                assertFalse(plan.review().refused(), () -> "step" + checked.review().refusals().stream()
                        .map(p -> p.format(null)).collect(Collectors.joining("; ")));
                assertEquals(List.of(), plan.review().unused(), "step" + step + ": unused BACKFILL/ALLOW_DATA_LOSS");
                Path written = MigrationGenerator.write(before, "Evolution step " + step, plan);
                assertEquals(String.format("%03d_evolution_step_%d.sql", step, step),
                        written.getFileName().toString());
                Golden.check(dialectName, (modelName.equals("source") ? "" : "hibernate-") + "evolution-step" + step,
                        Files.readString(written, StandardCharsets.UTF_8));

                MigrationDirectory after = MigrationDirectory.scan(List.of(folder));
                ConventionReport report = ConventionChecker.check(after, Map.of());
                assertEquals(List.of(), report.violations(), "generated files follow the convention");

                // apply, as qalab:migrate does, to tables that hold rows
                if (step > 1) {
                    RowFiller.fill(database, 2);
                }
                runner(connection, after).migrate(null);
                if (step == 1) {
                    RowFiller.fill(database, 2);
                }
                CatalogSnapshot catalog = catalog(database);
                applied.add(catalog);

                // Hibernate is the judge: validate, and the catalog its own export creates
                Judge.assertAccepted(HibernateMapping.spring(STEPS.get(step)), database, project);

                // generate again: nothing left to do
                MigrationGenerator.Plan again = MigrationGenerator.plan(after, settings);
                int current = step;
                assertTrue(again.noChanges(), () -> dialectName + " step" + current + ": generate again found "
                        + again.diff().operations().stream().map(Operation::describe)
                        .collect(Collectors.joining("; ")));

                // downgrade one step returns the previous schema; then re-apply
                if (step > 1) {
                    RowFiller.fill(database, 2);
                    runner(connection, after).downgrade("-1", false);
                    CatalogSnapshot.Comparison down = CatalogSnapshot.compare(applied.get(step - 2), catalog(database));
                    assertTrue(down.equal(), dialectName + " " + modelName + ": catalog after downgrading step" + step
                            + ":\n" + down.describe());
                    runner(connection, after).migrate(null);
                    CatalogSnapshot.Comparison up = CatalogSnapshot.compare(catalog, catalog(database));
                    assertTrue(up.equal(), dialectName + " " + modelName + ": catalog after re-applying step" + step
                            + ":\n" + up.describe());
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

    private static CatalogSnapshot catalog(TestDatabase database) {
        return CatalogSnapshot.read(database, List.of()).withoutFlywayHistory();
    }
}
