package io.github.qalab.generate;

import io.github.qalab.db.ReplayException;
import io.github.qalab.db.ShadowDatabase;
import io.github.qalab.diff.Renames;
import io.github.qalab.diff.SchemaDiff;
import io.github.qalab.diff.Normalisation;
import io.github.qalab.entity.EntityProblem;
import io.github.qalab.entity.EntityScanException;
import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.migration.MigrationWriter;
import io.github.qalab.schema.Column;
import io.github.qalab.schema.Schema;
import io.github.qalab.schema.Sequence;
import io.github.qalab.schema.Names;
import io.github.qalab.schema.Table;
import io.github.qalab.sql.Dialect;
import io.github.qalab.sql.MigrationSql;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Computes what the entities need beyond the schema the existing migrations produce, and writes it as the next
 * migration. The baseline is always the migrations themselves (replayed into a shadow database), never a
 * developer's database, so an "empty migration because the database was behind" cannot happen.
 */
public final class MigrationGenerator {

    /**
     * What to compare and how to render it.
     *
     * @param model   where the entities' schema comes from (the project's Hibernate, or the entity sources)
     * @param dialect the database the migration is written for
     * @param renames columns and tables to rename instead of drop + add
     * @param shadow  where the existing migrations are replayed
     * @param policy  what may happen to existing rows: the data-destroying changes the user allows and the values
     *                they give for existing rows ({@link DataPolicy#STRICT} refuses every data-destroying change)
     */
    public record Settings(DesiredModel model, Dialect dialect, Renames renames, ShadowDatabase shadow,
                           DataPolicy policy) {
        public Settings {
            policy = policy == null ? DataPolicy.STRICT : policy;
        }

        /** Settings that refuse every data-destroying change ({@link DataPolicy#STRICT}). */
        public Settings(DesiredModel model, Dialect dialect, Renames renames, ShadowDatabase shadow) {
            this(model, dialect, renames, shadow, DataPolicy.STRICT);
        }

        /** The same settings with another data policy. */
        public Settings withPolicy(DataPolicy newPolicy) {
            return new Settings(model, dialect, renames, shadow, newPolicy);
        }
    }

    /**
     * The outcome of a comparison.
     *
     * @param desired the schema the entities need, with where each table is mapped
     * @param current the schema the migrations produce
     * @param diff    the operations from current to desired, with warnings (e.g. a likely rename)
     * @param review  the diff's operations made safe for tables that hold rows, what is refused without the user's
     *                word, and the risky steps to warn about
     * @param sql     the reviewed operations rendered for the dialect: upgrade steps and downgrade steps
     * @param timing  how long each phase took
     */
    public record Plan(DesiredSchema desired, Schema current, SchemaDiff diff, SafetyReview review, MigrationSql sql,
                       Timing timing) {

        /** True when the entities need nothing that the migrations do not already create. */
        public boolean noChanges() {
            return diff.isEmpty();
        }
    }

    /**
     * How long the phases of {@link #plan} took, so that the build log can show where the time goes. The entities
     * are read on a second thread while the migrations replay, so {@code total} is less than the sum of the phases.
     *
     * @param entities reading the entities (booting Hibernate's metamodel, or parsing the sources)
     * @param replay   replaying the migrations into the shadow database and reading the schema back
     * @param diff     normalising the desired schema in the shadow database, comparing and rendering the SQL
     * @param total    the whole of {@link #plan}, from start to finish
     * @param cached   whether the migrations' schema came from the shadow cache (then {@code replay} is opening the
     *                 shadow database and reading the cache)
     */
    public record Timing(Duration entities, Duration replay, Duration diff, Duration total, boolean cached) {

        /** Phases of a replay that ran. */
        public Timing(Duration entities, Duration replay, Duration diff, Duration total) {
            this(entities, replay, diff, total, false);
        }

        /** {@code replay}, or {@code replay from cache}: how the migrations' schema was had. */
        public String replayLabel() {
            return cached ? "replay from cache" : "replay";
        }
    }

    /**
     * No entity was found, but the migrations create tables: comparing would drop every table, which is never what
     * a user means (a mistyped package, a wrong source root, classes not compiled).
     */
    public static final class NoEntitiesException extends Exception {
        public NoEntitiesException(String message) {
            super(message);
        }
    }

    private MigrationGenerator() {
    }

    /**
     * Compares the entities with the schema that {@code directory}'s migrations produce.
     *
     * @throws EntityScanException when an entity mapping cannot be understood, or names a table or column no SQL
     *                             can hold (every problem listed, with its file and line)
     * @throws ReplayException     when an existing migration fails to replay (file and line named), or the shadow
     *                             database rejects a type of the desired schema
     * @throws NoEntitiesException when no entity is found while the migrations create tables
     */
    public static Plan plan(MigrationDirectory directory, Settings settings)
            throws EntityScanException, ReplayException, NoEntitiesException {
        long start = System.nanoTime();
        // Reading the entities and replaying the migrations are independent and each mostly CPU-bound, so the
        // entities are read on a second thread while this one replays (the shadow database stays on this thread,
        // which owns its clean-up).
        ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "qalab-entity-scan");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<Timed> entities = worker.submit(() -> {
                long begin = System.nanoTime();
                DesiredSchema desired = settings.model().read();
                return new Timed(desired, Duration.ofNanos(System.nanoTime() - begin));
            });
            long replayStart = System.nanoTime();
            ShadowDatabase.Session session;
            try {
                session = settings.shadow().open(directory.migrations());
            } catch (ReplayException e) {
                // Entity problems come first, as when the entities were read before the replay.
                await(entities);
                throw e;
            }
            try (session) {
                Duration replay = Duration.ofNanos(System.nanoTime() - replayStart);
                Timed desired = await(entities);
                Schema current = session.current();
                if (desired.schema().entities() == 0 && !current.tables().isEmpty()) {
                    int n = current.tables().size();
                    throw new NoEntitiesException("No entity found, but the migrations create " + n
                            + (n == 1 ? " table: generating now would drop it" : " tables: generating now would drop"
                            + " them all") + ". Searched: "
                            + settings.model().name() + " model, " + desired.schema().summary());
                }
                validateNames(desired.schema(), settings.dialect());
                long diffStart = System.nanoTime();
                DesiredSchema wanted = desired.schema();
                Schema apart = ConstraintNames.apart(current, wanted.schema());
                if (apart != wanted.schema()) {
                    wanted = new DesiredSchema(apart, wanted.positions(), wanted.summary(), wanted.entities(),
                            wanted.warnings(), wanted.enumConstants());
                }
                Normalisation normalisation = session.normalise(wanted.schema(), settings.dialect());
                SchemaDiff diff = SchemaDiff.compare(current, wanted.schema(), settings.renames(),
                        settings.dialect(), normalisation);
                SafetyReview review = SafetyReview.of(diff, current, wanted, settings.dialect(),
                        settings.policy(), directory, settings.model() instanceof DesiredModel.FromSources);
                MigrationSql sql = MigrationSql.of(settings.dialect(), review.operations());
                long end = System.nanoTime();
                return new Plan(wanted, current, diff, review, sql, new Timing(desired.took(), replay,
                        Duration.ofNanos(end - diffStart), Duration.ofNanos(end - start), session.cached()));
            }
        } finally {
            worker.shutdownNow();
        }
    }

    /**
     * Every table, column, constraint, index and sequence name the migration would write must be one the database
     * takes as it is (no quote, semicolon or line break in it; not longer than the database allows).
     */
    static void validateNames(DesiredSchema desired, Dialect dialect) throws EntityScanException {
        List<EntityProblem> problems = new ArrayList<>();
        java.util.Map<String, String> tableNames = new java.util.HashMap<>();
        for (Table t : desired.schema().tables()) {
            check(problems, desired, dialect, t.name(), null, "table " + t.name());
            sameName(problems, desired, tableNames.putIfAbsent(Names.key(t.name()), t.name()), t.name(), null,
                    "tables");
            java.util.Map<String, String> columnNames = new java.util.HashMap<>();
            for (Column c : t.columns()) {
                check(problems, desired, dialect, t.name(), c.name(), "column " + t.name() + "." + c.name());
                sameName(problems, desired, columnNames.putIfAbsent(Names.key(c.name()), c.name()), t.name(),
                        c.name(), "columns of " + t.name());
            }
            for (String name : ConstraintNames.names(t)) {
                check(problems, desired, dialect, t.name(), null, "constraint or index " + name + " of " + t.name(),
                        name);
            }
        }
        for (Sequence s : desired.schema().sequences()) {
            check(problems, desired, dialect, s.name(), null, "sequence " + s.name());
        }
        if (dialect.name().equals("mariadb") || dialect.name().equals("mysql")) {
            for (Table t : desired.schema().tables()) {
                for (io.github.qalab.schema.ForeignKey fk : t.foreignKeys()) {
                    if (!t.schema().isEmpty() && io.github.qalab.schema.Names.schemaOf(fk.referencedTable()).isEmpty()) {
                        SourcePositions.Position at = desired.positions().of(t.name(), fk.columns().get(0)).orElse(null);
                        problems.add(new EntityProblem(at == null ? null : at.file(), at == null ? 0 : at.line(),
                                "table " + t.name() + " (schema " + t.schema() + ") references " + fk.referencedTable()
                                        + " of the default database: " + dialect.name() + " looks the reference up in "
                                        + t.schema() + ", and the migration cannot name the default database",
                                "give the referenced entity an explicit @Table(schema = ...) too, or keep both tables"
                                        + " in the default database"));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new EntityScanException(problems);
        }
    }

    /**
     * Two tables, or two columns of a table, whose names differ only in case or quoting ({@code "Code"} and
     * {@code code}): qalab compares names as {@link Names#same} does, case-insensitively as MariaDB and unquoted
     * PostgreSQL names do, so it cannot tell them apart and would alter one into the other.
     */
    private static void sameName(List<EntityProblem> problems, DesiredSchema desired, String earlier, String table,
                                 String column, String what) {
        String name = column == null ? table : column;
        if (earlier == null || earlier.equals(name)) {
            return;
        }
        SourcePositions.Position at = desired.positions().of(table, column).orElse(null);
        problems.add(new EntityProblem(at == null ? null : at.file(), at == null ? 0 : at.line(), "the " + what + " "
                + earlier + " and " + name + " differ only in case or quotes: qalab compares names without them (as"
                + " MariaDB does, and PostgreSQL for unquoted names), so it cannot keep both apart",
                "rename one of them in the mapping (@Table, @Column or @JoinColumn)"));
    }

    private static void check(List<EntityProblem> problems, DesiredSchema desired, Dialect dialect, String table,
                              String column, String what) {
        check(problems, desired, dialect, table, column, what, column == null ? table : column);
    }

    private static void check(List<EntityProblem> problems, DesiredSchema desired, Dialect dialect, String table,
                              String column, String what, String name) {
        dialect.identifierProblem(name).ifPresent(problem -> {
            SourcePositions.Position at = desired.positions().of(table, column).orElse(null);
            problems.add(new EntityProblem(at == null ? null : at.file(), at == null ? 0 : at.line(),
                    what + ": " + problem, "rename it in the mapping (@Table, @Column, @JoinColumn, @Index,"
                    + " @SequenceGenerator or the naming strategy)"));
        });
    }

    /** The entities' schema and how long reading it took. */
    private record Timed(DesiredSchema schema, Duration took) {
    }

    private static Timed await(Future<Timed> entities) throws EntityScanException {
        try {
            return entities.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the entities", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof EntityScanException scan) {
                throw scan;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /**
     * Writes the plan as the next migration of {@code directory}, atomically; never overwrites a file.
     *
     * @return the new file
     * @throws IllegalStateException when the plan has no changes (an empty migration is never written), or when its
     *                               review refuses it (a data-destroying change the policy does not allow, a NOT NULL
     *                               column without a value for existing rows): nothing is written
     */
    public static Path write(MigrationDirectory directory, String message, Plan plan) throws IOException {
        if (plan.noChanges()) {
            throw new IllegalStateException("no changes to write: an empty migration is never generated");
        }
        if (plan.review().refused()) {
            throw new IllegalStateException("refused, nothing written: " + plan.review().refusals().stream()
                    .map(p -> p.format(null)).collect(java.util.stream.Collectors.joining("; ")));
        }
        return MigrationWriter.writeNext(directory, message, plan.sql().upgrade(), plan.sql().downgrade());
    }
}
