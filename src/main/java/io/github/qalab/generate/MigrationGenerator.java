package io.github.qalab.generate;

import io.github.qalab.db.ReplayException;
import io.github.qalab.db.ShadowDatabase;
import io.github.qalab.diff.Renames;
import io.github.qalab.diff.SchemaDiff;
import io.github.qalab.entity.EntityModel;
import io.github.qalab.entity.EntityScanException;
import io.github.qalab.entity.EntityScanner;
import io.github.qalab.entity.NamingStrategy;
import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.migration.MigrationWriter;
import io.github.qalab.schema.EntitySchemaBuilder;
import io.github.qalab.schema.Schema;
import io.github.qalab.sql.Dialect;
import io.github.qalab.sql.MigrationSql;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
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
     * @param sourceRoots    the Java source roots holding the entities
     * @param entityPackages packages whose entities count; empty for all
     * @param naming         how entity and field names become table and column names
     * @param dialect        the database the migration is written for
     * @param renames        columns and tables to rename instead of drop + add
     * @param shadow         where the existing migrations are replayed
     */
    public record Settings(List<Path> sourceRoots, List<String> entityPackages, NamingStrategy naming,
                           Dialect dialect, Renames renames, ShadowDatabase shadow) {
        public Settings {
            sourceRoots = List.copyOf(sourceRoots);
            entityPackages = List.copyOf(entityPackages);
        }
    }

    /**
     * The outcome of a comparison.
     *
     * @param model   the entities as read from the sources
     * @param current the schema the migrations produce
     * @param desired the schema the entities need
     * @param diff    the operations from current to desired, with warnings (e.g. a likely rename)
     * @param sql     the diff rendered for the dialect: upgrade steps and downgrade steps
     * @param timing  how long each phase took
     */
    public record Plan(EntityModel model, Schema current, Schema desired, SchemaDiff diff, MigrationSql sql,
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
     * @param entities parsing the entity sources and building the desired schema
     * @param replay   replaying the migrations into the shadow database and reading the schema back
     * @param diff     comparing the schemas and rendering the SQL
     * @param total    the whole of {@link #plan}, from start to finish
     */
    public record Timing(Duration entities, Duration replay, Duration diff, Duration total) {
    }

    private MigrationGenerator() {
    }

    /**
     * Compares the entities with the schema that {@code directory}'s migrations produce.
     *
     * @throws EntityScanException when an entity mapping cannot be understood (every problem listed)
     * @throws ReplayException     when an existing migration fails to replay (file and line named)
     */
    public static Plan plan(MigrationDirectory directory, Settings settings)
            throws EntityScanException, ReplayException {
        long start = System.nanoTime();
        // Parsing the sources and replaying the migrations are independent and each mostly CPU-bound, so the
        // entities are read on a second thread while this one replays (the shadow database stays on this thread,
        // which owns its clean-up).
        ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "qalab-entity-scan");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<Desired> entities = worker.submit(() -> {
                long begin = System.nanoTime();
                EntityModel model = scan(settings);
                Schema schema = new EntitySchemaBuilder().build(model, settings.naming());
                return new Desired(model, schema, Duration.ofNanos(System.nanoTime() - begin));
            });
            Schema current;
            ReplayException replayFailure = null;
            long replayStart = System.nanoTime();
            try {
                current = settings.shadow().replay(directory.migrations());
            } catch (ReplayException e) {
                current = null;
                replayFailure = e;
            }
            Duration replay = Duration.ofNanos(System.nanoTime() - replayStart);
            // Entity problems come first, as when the entities were read before the replay.
            Desired desired = await(entities);
            if (replayFailure != null) {
                throw replayFailure;
            }
            long diffStart = System.nanoTime();
            SchemaDiff diff = SchemaDiff.compare(current, desired.schema(), settings.renames(), settings.dialect());
            MigrationSql sql = MigrationSql.of(settings.dialect(), diff);
            long end = System.nanoTime();
            return new Plan(desired.model(), current, desired.schema(), diff, sql, new Timing(desired.took(), replay,
                    Duration.ofNanos(end - diffStart), Duration.ofNanos(end - start)));
        } finally {
            worker.shutdownNow();
        }
    }

    /** Reads the entities that {@code settings} name. */
    public static EntityModel scan(Settings settings) throws EntityScanException {
        return new EntityScanner().scan(settings.sourceRoots(), settings.entityPackages());
    }

    /** The entities, the schema they need and how long reading them took. */
    private record Desired(EntityModel model, Schema schema, Duration took) {
    }

    private static Desired await(Future<Desired> entities) throws EntityScanException {
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
     * @throws IllegalStateException when the plan has no changes (an empty migration is never written)
     */
    public static Path write(MigrationDirectory directory, String message, Plan plan) throws IOException {
        if (plan.noChanges()) {
            throw new IllegalStateException("no changes to write: an empty migration is never generated");
        }
        return MigrationWriter.writeNext(directory, message, plan.sql().upgrade(), plan.sql().downgrade());
    }
}
