package io.github.qalab.generate;

import io.github.qalab.db.ConnectionSettings;
import io.github.qalab.db.DatabaseStatus;
import io.github.qalab.db.FlywayRunner;
import io.github.qalab.db.LiveDatabase;
import io.github.qalab.db.ProgressListener;
import io.github.qalab.db.RevisionState;
import io.github.qalab.db.ShadowDatabase;
import io.github.qalab.diff.Operation;
import io.github.qalab.diff.Renames;
import io.github.qalab.entity.NamingStrategy;
import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.sql.Dialect;
import io.github.qalab.testing.CatalogSnapshot;
import io.github.qalab.testing.HibernateSchema;
import io.github.qalab.testing.TestDatabases;
import io.github.qalab.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The acceptance test of {@code qalab:baseline}, with Hibernate's own export as the existing database: the entities in
 * {@code src/test/resources/baseline/shop} are exported by Hibernate 7 into a real PostgreSQL or MariaDB database;
 * the baseline read from it is written as {@code 001_baseline.sql} and recorded there as Flyway's baseline; then
 * {@code migrate} on a second, empty database gives the same catalog, Hibernate validates that second database, the
 * baseline replayed into the shadow database gives the live schema back, and {@code generate} finds no changes.
 */
class BaselineAcceptanceTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postgresql", "mariadb"})
    void hibernatesExportIsBaselined(String dialectName, @TempDir Path project) throws Exception {
        Dialect dialect = Dialect.named(dialectName);
        Path sources = Path.of(resource("/baseline/shop"));
        Path folder = project.resolve("src/main/resources/db/migration");
        try (HibernateSchema hibernate = HibernateSchema.compile(sources, project.resolve("classes"));
             TestDatabase existing = open(dialectName);
             TestDatabase fresh = open(dialectName)) {
            hibernate.create(existing);
            ConnectionSettings existingConnection = settings(existing);

            // baseline: read, refuse nothing, write 001 with a downgrade
            MigrationDirectory empty = MigrationDirectory.scan(List.of(folder));
            LiveDatabase live = new LiveDatabase(existingConnection, runner(existingConnection, empty));
            LiveDatabase.Catalog catalog = live.read(true);
            assertEquals(List.of(), catalog.unsupported(), "Hibernate's export holds nothing the model cannot express");
            assertEquals(5, catalog.schema().tables().size(), "customer, invoice, order_line, product, purchase_order");
            Baseline.Plan plan = Baseline.plan(empty, catalog.schema(), ShadowDatabase.embedded(dialect), dialect);
            Path written = Baseline.write(empty, "Baseline", plan);
            assertEquals("001_baseline.sql", written.getFileName().toString());
            String sql = Files.readString(written, StandardCharsets.UTF_8);
            assertTrue(sql.startsWith("-- revision: 001\n-- down_revision: none\n-- message: Baseline\n"), sql);
            assertTrue(sql.contains("CREATE TABLE order_line ("), sql);
            assertTrue(sql.contains("CREATE INDEX ix_customer_name ON customer (name);"), sql);
            assertTrue(sql.contains("\n/* qalab:downgrade\n") && sql.contains("DROP TABLE customer;"), sql);

            // record it as Flyway's baseline: applied without running anything
            MigrationDirectory baselined = MigrationDirectory.scan(List.of(folder));
            FlywayRunner existingRunner = runner(existingConnection, baselined);
            new LiveDatabase(existingConnection, existingRunner).baseline("001", "baseline");
            DatabaseStatus status = existingRunner.info();
            assertEquals("001", status.current());
            assertEquals(List.of(RevisionState.BASELINE), status.revisions().stream().map(r -> r.state()).toList());
            assertTrue(status.upToDate(), "a baselined database is up to date");
            assertEquals(0, existingRunner.migrate(null).applied().size(), "migrate runs nothing on it");

            // a second, empty database: migrate runs the baseline and ends with the same catalog
            FlywayRunner freshRunner = runner(settings(fresh), baselined);
            assertEquals(1, freshRunner.migrate(null).applied().size());
            try (Connection a = existing.connect(); Connection b = fresh.connect()) {
                assertEquals(CatalogSnapshot.of(a), CatalogSnapshot.of(b), "catalog of the migrated database");
            }
            hibernate.validate(fresh);

            // the baseline replayed into the shadow gives the live schema back, and generate finds nothing to do
            List<LiveDrift.Difference> drift = LiveDrift.compare(
                    ShadowDatabase.embedded(dialect).replay(baselined.migrations()), catalog.schema(), dialect);
            assertEquals(List.of(), drift.stream().map(LiveDrift.Difference::message).toList());
            MigrationGenerator.Plan generate = MigrationGenerator.plan(baselined, new MigrationGenerator.Settings(
                    new DesiredModel.FromSources(List.of(sources), List.of(), NamingStrategy.SPRING, dialect), dialect,
                    Renames.NONE, ShadowDatabase.embedded(dialect)));
            assertTrue(generate.noChanges(), () -> "generate after the baseline found: " + generate.diff().operations()
                    .stream().map(Operation::describe).collect(Collectors.joining("; ")));
            assertFalse(generate.desired().schema().tables().isEmpty());
        }
    }

    private static FlywayRunner runner(ConnectionSettings connection, MigrationDirectory directory) {
        return new FlywayRunner(connection, directory, "", BaselineAcceptanceTest.class.getClassLoader(),
                ProgressListener.NONE);
    }

    private static ConnectionSettings settings(TestDatabase database) {
        return new ConnectionSettings(database.url(), database.user(), database.password(), "test");
    }

    private static TestDatabase open(String dialect) {
        return dialect.equals("postgresql") ? TestDatabases.postgres() : TestDatabases.mariadb();
    }

    private static java.net.URI resource(String name) throws URISyntaxException {
        return BaselineAcceptanceTest.class.getResource(name).toURI();
    }
}
