package io.github.qalab.generate;

import io.github.qalab.db.ReplayException;
import io.github.qalab.db.ShadowDatabase;
import io.github.qalab.diff.Renames;
import io.github.qalab.diff.SchemaDiff;
import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.migration.MigrationFile;
import io.github.qalab.migration.MigrationWriter;
import io.github.qalab.schema.Schema;
import io.github.qalab.sql.Dialect;
import io.github.qalab.sql.MigrationSql;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The baseline of an existing database ({@code qalab:baseline}, like Alembic's autogenerate against a live database
 * followed by {@code stamp}, or Liquibase's {@code generateChangeLog} + {@code changelogSync}): the operations that
 * turn what the existing migrations produce (nothing, in a project without migrations) into the live schema,
 * rendered for the dialect with their inverses as the downgrade, by the same diff and SQL layers as
 * {@code qalab:generate}.
 */
public final class Baseline {

    /**
     * What a baseline writes.
     *
     * @param current the schema the existing migrations produce (empty without migrations)
     * @param live    the live database's schema
     * @param diff    the operations from {@code current} to {@code live}
     * @param sql     the diff rendered for the dialect: upgrade and downgrade steps
     */
    public record Plan(Schema current, Schema live, SchemaDiff diff, MigrationSql sql) {

        /** True when the existing migrations already produce the live schema: nothing to write, only to record. */
        public boolean noChanges() {
            return diff.isEmpty();
        }
    }

    private Baseline() {
    }

    /**
     * Compares the live schema with what the migrations of {@code directory} produce (replayed into {@code shadow}
     * when there are any).
     *
     * @throws ReplayException when an existing migration does not replay (file and line named)
     */
    public static Plan plan(MigrationDirectory directory, Schema live, ShadowDatabase shadow, Dialect dialect)
            throws ReplayException {
        List<MigrationFile> migrations = directory.migrations();
        Schema current = migrations.isEmpty() ? Schema.EMPTY : shadow.replay(migrations);
        SchemaDiff diff = SchemaDiff.compare(current, live, Renames.NONE, dialect);
        return new Plan(current, live, diff, MigrationSql.of(dialect, diff));
    }

    /**
     * Writes the plan as the next migration of {@code directory}, atomically; never overwrites a file.
     *
     * @throws IllegalStateException when the plan has no changes (an empty migration is never written)
     */
    public static Path write(MigrationDirectory directory, String message, Plan plan) throws IOException {
        if (plan.noChanges()) {
            throw new IllegalStateException("no changes to write: the migrations already produce the live schema");
        }
        return MigrationWriter.writeNext(directory, message, plan.sql().upgrade(), plan.sql().downgrade());
    }
}
