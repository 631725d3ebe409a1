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
     * @param current the schema the migrations produce
     * @param desired the schema the entities need
     * @param diff    the operations from current to desired, with warnings (e.g. a likely rename)
     * @param sql     the diff rendered for the dialect: upgrade steps and downgrade steps
     * @param timing  how long each phase took
     */
    public record Plan(Schema current, Schema desired, SchemaDiff diff, MigrationSql sql, Timing timing) {

        /** True when the entities need nothing that the migrations do not already create. */
        public boolean noChanges() {
            return diff.isEmpty();
        }
    }

    /**
     * How long the phases of {@link #plan} took, so that the build log can show where the time goes.
     *
     * @param entities parsing the entity sources and building the desired schema
     * @param replay   replaying the migrations into the shadow database and reading the schema back
     * @param diff     comparing the schemas and rendering the SQL
     */
    public record Timing(Duration entities, Duration replay, Duration diff) {

        /** The three phases together. */
        public Duration total() {
            return entities.plus(replay).plus(diff);
        }
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
        EntityModel model = new EntityScanner().scan(settings.sourceRoots(), settings.entityPackages());
        Schema desired = new EntitySchemaBuilder().build(model, settings.naming());
        long scanned = System.nanoTime();
        Schema current = settings.shadow().replay(directory.migrations());
        long replayed = System.nanoTime();
        SchemaDiff diff = SchemaDiff.compare(current, desired, settings.renames(), settings.dialect());
        MigrationSql sql = MigrationSql.of(settings.dialect(), diff);
        long compared = System.nanoTime();
        return new Plan(current, desired, diff, sql, new Timing(Duration.ofNanos(scanned - start),
                Duration.ofNanos(replayed - scanned), Duration.ofNanos(compared - replayed)));
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
