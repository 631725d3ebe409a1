package io.github.qalab.generate;

import io.github.qalab.convention.Severity;
import io.github.qalab.db.ConnectionSettings;
import io.github.qalab.db.FlywayRunner;
import io.github.qalab.db.ProgressListener;
import io.github.qalab.db.ShadowDatabase;
import io.github.qalab.diff.Operation;
import io.github.qalab.diff.Renames;
import io.github.qalab.hibernate.HibernateModel;
import io.github.qalab.judge.CatalogSnapshot;
import io.github.qalab.judge.CompiledEntities;
import io.github.qalab.judge.EntityCompiler;
import io.github.qalab.judge.FieldCases;
import io.github.qalab.judge.FieldCases.FieldCase;
import io.github.qalab.judge.HibernateMapping;
import io.github.qalab.judge.HibernateValidate;
import io.github.qalab.judge.Judge;
import io.github.qalab.judge.JudgeDatabases;
import io.github.qalab.judge.RowFiller;
import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.sql.Dialect;
import io.github.qalab.testing.TestClassPath;
import io.github.qalab.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every field case (../shared/field-cases) and data case (src/test/resources/data-cases), with the Hibernate model, on
 * PostgreSQL, MariaDB and H2: for each of its versions, generate the next migration (where generate must refuse a
 * data-destroying change or a NOT NULL column without a value, it does so naming the flag, writes nothing, and writes
 * the migration once the case's {@code qalab.backfill} / {@code qalab.allowDataLoss} are given), apply it with the
 * runner of {@code qalab:migrate} to a database whose every table holds rows (NULL where allowed), check the rows
 * the step converts, fills or numbers ({@link DataChecks}), and let Hibernate judge: its validate passes and the
 * catalog equals the one its own export creates for the same classes and settings (constraint names aside). Then a
 * second generate finds nothing, the drift check of verify is in sync, and for a change between versions, with rows
 * also written in the new shape, {@code downgrade -1} runs and restores the previous catalog before the migration is
 * applied again.
 */
class FieldCaseAcceptanceTest {

    /**
     * Where Hibernate 7.4 itself cannot export a case, so its catalog cannot be the reference; the migrated schema
     * must still pass Hibernate's validate. (FieldCaseHarnessTest holds Hibernate's errors.)
     */
    private static final Set<String> HIBERNATE_CANNOT_EXPORT = Set.of(
            "idclass-refused/postgresql", "idclass-refused/mariadb", "idclass-refused/h2",
            "pg-quoted-uppercase-keyword/h2", "table-schema/h2");

    private static final Map<Path, CompiledEntities> COMPILED = new HashMap<>();
    private static Path classes;

    /**
     * What generate must refuse in the shared field cases without the user's word (substrings of the refusal, per
     * version), and the values that let it write the migration; the data cases carry the same in qalab.properties.
     */
    private static final Map<String, CaseOptions> SHARED_OPTIONS = Map.of(
            "not-null-existing-rows", new CaseOptions(Map.of(2, List.of("invoice.note becomes NOT NULL",
                    "-Dqalab.backfill=invoice.note=")), "invoice.note='none'", ""),
            "downgrade-readds-not-null", new CaseOptions(Map.of(2, List.of("drops column person.nickname",
                    "-Dqalab.allowDataLoss=person.nickname", "-Dqalab.renames=person.nickname:")), "",
                    "person.nickname"));

    /**
     * What generate refuses without the user's word and what the user then gives.
     *
     * @param refused       per version, substrings every refusal message together must contain
     * @param backfill      the {@code qalab.backfill} value given after the refusal
     * @param allowDataLoss the {@code qalab.allowDataLoss} value given after the refusal
     */
    record CaseOptions(Map<Integer, List<String>> refused, String backfill, String allowDataLoss) {
        static final CaseOptions NONE = new CaseOptions(Map.of(), "", "");

        static CaseOptions of(FieldCase fieldCase) throws java.io.IOException {
            Path file = fieldCase.folder().resolve("qalab.properties");
            if (!Files.isRegularFile(file)) {
                return SHARED_OPTIONS.getOrDefault(fieldCase.name(), NONE);
            }
            java.util.Properties p = new java.util.Properties();
            try (var in = Files.newBufferedReader(file)) {
                p.load(in);
            }
            Map<Integer, List<String>> refused = new HashMap<>();
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith("refused.")) {
                    refused.put(Integer.parseInt(key.substring("refused.".length())),
                            List.of(p.getProperty(key).split("\\|")));
                }
            }
            return new CaseOptions(refused, p.getProperty("qalab.backfill", ""),
                    p.getProperty("qalab.allowDataLoss", ""));
        }

        DataPolicy policy() {
            return DataPolicy.parse(allowDataLoss, backfill);
        }
    }

    static Stream<Arguments> cases() {
        List<FieldCase> all = new ArrayList<>(FieldCases.all());
        all.addAll(FieldCases.list(dataCases()));
        // -Dqalab.fieldCase=<regex> runs only the matching cases (while working on one)
        String only = System.getProperty("qalab.fieldCase", "");
        return all.stream().filter(c -> only.isBlank() || c.name().matches(only)).flatMap(c -> JudgeDatabases.DIALECTS.stream().map(d -> Arguments.of(c, d)));
    }

    /** The data cases of this project (test resources). */
    static Path dataCases() {
        try {
            return Path.of(FieldCaseAcceptanceTest.class.getResource("/data-cases").toURI());
        } catch (java.net.URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource data-cases", e);
        }
    }

    @AfterAll
    static void forget() {
        COMPILED.clear();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    @Execution(ExecutionMode.CONCURRENT)
    void generatedMigrationsAreWhatHibernateNeeds(FieldCase fieldCase, String dialectName, @TempDir Path work)
            throws Exception {
        Dialect dialect = Dialect.named(dialectName);
        Path folder = Files.createDirectories(work.resolve("db/migration"));
        boolean exportable = !HIBERNATE_CANNOT_EXPORT.contains(fieldCase.name() + "/" + dialectName);
        try (TestDatabase database = JudgeDatabases.fresh(dialectName)) {
            ConnectionSettings connection = new ConnectionSettings(database.url(), database.user(),
                    database.password(), "test");
            CatalogSnapshot previous = null;
            CaseOptions options = CaseOptions.of(fieldCase);
            DataChecks checks = DataChecks.forCase(fieldCase.name());
            for (int v = 1; v <= fieldCase.versions().size(); v++) {
                String where = fieldCase.name() + " v" + v + " on " + dialectName;
                CompiledEntities compiled = compiled(fieldCase.versions().get(v - 1));
                HibernateMapping mapping = new HibernateMapping(compiled, fieldCase.naming(), fieldCase.settings());
                MigrationGenerator.Settings settings = settings(compiled, fieldCase, dialect);

                MigrationDirectory before = MigrationDirectory.scan(List.of(folder));
                MigrationGenerator.Plan plan = MigrationGenerator.plan(before, settings);
                List<String> expected = options.refused().getOrDefault(v, List.of());
                if (plan.review().refused() || !expected.isEmpty()) {
                    plan = refusedThenAllowed(where, before, folder, plan, expected, settings, options);
                }
                if (!plan.noChanges()) {
                    MigrationGenerator.write(before, "Field case version " + v, plan);
                }
                MigrationDirectory after = MigrationDirectory.scan(List.of(folder));
                if (v > 1) {
                    RowFiller.fill(database, 3);
                }
                checks.beforeUpgrade(v, database);
                runner(connection, after).migrate(null);
                if (v == 1) {
                    RowFiller.fill(database, 3);
                }
                checks.afterUpgrade(v, database);

                if (exportable) {
                    Judge.assertAccepted(mapping, database, work);
                } else {
                    HibernateValidate.assertPasses(mapping, database);
                }

                MigrationGenerator.Plan again = MigrationGenerator.plan(after, settings);
                assertTrue(again.noChanges(), () -> where + ": generate again found "
                        + again.diff().operations().stream().map(Operation::describe)
                        .collect(Collectors.joining("; ")));
                SchemaDrift.Result drift = SchemaDrift.check(after, settings, Severity.ERROR);
                assertEquals(List.of(), drift.findings(), where + ": " + drift.note());

                CatalogSnapshot now = CatalogSnapshot.read(database, List.of()).withoutFlywayHistory();
                if (previous != null && !plan.noChanges()) {
                    // rows written in the new shape too: NULL where the upgrade relaxed NOT NULL, new enum names,
                    // keys from a new identity
                    RowFiller.fill(database, 2);
                    checks.beforeDowngrade(v, database);
                    runner(connection, after).downgrade("-1", false);
                    checks.afterDowngrade(v, database);
                    CatalogSnapshot.Comparison restored = CatalogSnapshot.compare(previous,
                            CatalogSnapshot.read(database, List.of()).withoutFlywayHistory());
                    assertTrue(restored.equal(), where + ": downgrade -1 does not restore the previous catalog:\n"
                            + restored.describe());
                    runner(connection, after).migrate(null);
                }
                previous = now;
            }
        }
    }

    /**
     * Generate refused (or had to): the refusal names what the case expects, writing is refused and leaves the folder
     * as it was, and with the case's values the plan is accepted.
     */
    private static MigrationGenerator.Plan refusedThenAllowed(String where, MigrationDirectory before, Path folder,
                                                              MigrationGenerator.Plan plan, List<String> expected,
                                                              MigrationGenerator.Settings settings,
                                                              CaseOptions options) throws Exception {
        String refusals = plan.review().refusals().stream().map(p -> p.format(null))
                .collect(Collectors.joining("\n"));
        assertFalse(expected.isEmpty(), where + ": generate refused unexpectedly:\n" + refusals);
        assertTrue(plan.review().refused(), where + ": generate did not refuse; expected a refusal naming "
                + expected);
        for (String text : expected) {
            assertTrue(refusals.contains(text), where + ": the refusal does not name '" + text + "':\n" + refusals);
        }
        List<String> files = names(folder);
        MigrationGenerator.Plan refused = plan;
        assertThrows(IllegalStateException.class, () -> MigrationGenerator.write(before, "Refused", refused));
        assertEquals(files, names(folder), where + ": a refused migration must write no file");
        MigrationGenerator.Plan allowed = MigrationGenerator.plan(before, settings.withPolicy(options.policy()));
        assertFalse(allowed.review().refused(), () -> where + ": still refused with the case's values: "
                + allowed.review().refusals().stream().map(p -> p.format(null)).collect(Collectors.joining("; ")));
        assertEquals(List.of(), allowed.review().unused(), where + ": the case's values name nothing generate used");
        return allowed;
    }

    private static List<String> names(Path folder) throws java.io.IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /** The cases whose types, defaults or indexes read back differently from how they are written. */
    static Stream<Arguments> phantomProne() {
        return Stream.of("columndefinition-text", "index-on-fk-column-regenerated", "json-jdbctypecode",
                        "jdbctypecode-ignored", "column-default", "pg-quoted-uppercase-keyword", "table-schema")
                .map(FieldCases::named)
                .flatMap(c -> Stream.of("postgresql", "mariadb").map(d -> Arguments.of(c, d)));
    }

    /**
     * With a real shadow database of the same vendor ({@code qalab.shadowUrl}) instead of the embedded H2: after the
     * generated migrations are applied, a second generate finds nothing (no phantom changes).
     */
    @ParameterizedTest(name = "{0} {1} real shadow")
    @MethodSource("phantomProne")
    @Execution(ExecutionMode.CONCURRENT)
    void aRealShadowDatabaseFindsNoPhantomChanges(FieldCase fieldCase, String dialectName, @TempDir Path work)
            throws Exception {
        Dialect dialect = Dialect.named(dialectName);
        Path folder = Files.createDirectories(work.resolve("db/migration"));
        try (TestDatabase shadow = JudgeDatabases.fresh(dialectName)) {
            for (int v = 1; v <= fieldCase.versions().size(); v++) {
                CompiledEntities compiled = compiled(fieldCase.versions().get(v - 1));
                MigrationGenerator.Settings embedded = settings(compiled, fieldCase, dialect);
                MigrationGenerator.Settings real = new MigrationGenerator.Settings(embedded.model(), dialect,
                        Renames.NONE, ShadowDatabase.external(shadow.url(), shadow.user(), shadow.password()));
                MigrationDirectory before = MigrationDirectory.scan(List.of(folder));
                MigrationGenerator.Plan plan = MigrationGenerator.plan(before, real);
                if (!plan.noChanges()) {
                    MigrationGenerator.write(before, "Field case version " + v, plan);
                }
                MigrationGenerator.Plan again = MigrationGenerator.plan(MigrationDirectory.scan(List.of(folder)), real);
                String where = fieldCase.name() + " v" + v + " with a " + dialectName + " shadow";
                assertTrue(again.noChanges(), () -> where + ": generate again found "
                        + again.diff().operations().stream().map(Operation::describe)
                        .collect(Collectors.joining("; ")));
            }
        }
    }

    private static MigrationGenerator.Settings settings(CompiledEntities compiled, FieldCase fieldCase,
                                                        Dialect dialect) {
        List<Path> classPath = new ArrayList<>();
        classPath.add(compiled.classes());
        classPath.addAll(TestClassPath.jars());
        HibernateModel.Request request = new HibernateModel.Request(classPath, List.of(compiled.classes()), List.of(),
                new HibernateModel.Target(dialect.name(), HibernateModel.Target.defaultVersion(dialect.name())),
                fieldCase.settings(), fieldCase.naming() == HibernateMapping.Naming.SPRING);
        return new MigrationGenerator.Settings(new DesiredModel.FromHibernate(request, List.of(compiled.sources())),
                dialect, Renames.NONE, ShadowDatabase.embedded(dialect));
    }

    private static FlywayRunner runner(ConnectionSettings connection, MigrationDirectory directory) {
        return new FlywayRunner(connection, directory, "", FieldCaseAcceptanceTest.class.getClassLoader(),
                ProgressListener.NONE);
    }

    private static synchronized CompiledEntities compiled(Path sources) throws Exception {
        CompiledEntities done = COMPILED.get(sources);
        if (done == null) {
            if (classes == null) {
                classes = io.github.qalab.testing.TempFolders.deletedAtExit("qalab-field-case-classes");
            }
            done = EntityCompiler.compile(sources, classes.resolve("c" + COMPILED.size()));
            COMPILED.put(sources, done);
        }
        return done;
    }
}
