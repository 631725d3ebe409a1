package io.github.qalab.maven;

import io.github.qalab.convention.ConventionChecker;
import io.github.qalab.convention.ConventionReport;
import io.github.qalab.convention.Severity;
import io.github.qalab.convention.Violation;
import io.github.qalab.db.ConnectionSettings;
import io.github.qalab.db.DatabaseStatus;
import io.github.qalab.db.LiveDatabase;
import io.github.qalab.db.ReplayException;
import io.github.qalab.diff.Operation;
import io.github.qalab.generate.Baseline;
import io.github.qalab.generate.LiveDrift;
import io.github.qalab.integrity.IntegrityRules;
import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.migration.MigrationFile;
import io.github.qalab.migration.MigrationSum;
import io.github.qalab.schema.Schema;
import io.github.qalab.sql.Dialect;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Adopts an existing database: reads its schema, writes it as the next migration (with a downgrade) for the dialect,
 * and records that revision as applied on that database without running it (Flyway's baseline), so that
 * {@code generate}, {@code verify} and {@code migrate} work from there. With {@code -Dqalab.revision=NNN} it writes
 * nothing and records an existing revision as the baseline of another database (staging, production) after checking
 * that its schema is what the migrations up to NNN produce. Refuses, listing them all, objects a migration written by
 * qalab cannot express (views, triggers, functions, check constraints, ...).
 */
@Mojo(name = "baseline", threadSafe = true, requiresDependencyResolution = ResolutionScope.RUNTIME)
public class BaselineMojo extends AbstractLiveSchemaMojo {

    /** What the baseline migration says in its header and file name ({@code 001_baseline.sql}). */
    @Parameter(property = "qalab.message", defaultValue = "Baseline")
    protected String message;

    /**
     * An existing revision to record as this database's baseline instead of writing a new one (for the other
     * environments of a project that already has its baseline), e.g. {@code 001}.
     */
    @Parameter(property = "qalab.revision")
    protected String revision;

    /** The status and catalog of the database, read in one connection round. */
    private record Found(DatabaseStatus status, LiveDatabase.Catalog catalog) {
    }

    @Override
    protected void run() throws MojoFailureException {
        long start = System.nanoTime();
        Dialect target = dialect();
        MigrationDirectory directory = scanMigrations();
        refuseBrokenChain(directory);
        ConnectionSettings connection = connection();
        Found found = withRunner(connection, directory,
                runner -> new Found(runner.info(), new LiveDatabase(connection, runner).read(true)));
        refuseManaged(found.status());
        LiveDatabase.Catalog catalog = found.catalog();
        if (!catalog.runs(target.name())) {
            throw new MojoFailureException("The database is " + catalog.product() + " but qalab.dialect is "
                    + target.name() + ": the baseline would be written in the wrong SQL \u2014 set qalab.dialect to the"
                    + " database's (e.g. -Dqalab.dialect=" + (catalog.product().toLowerCase(java.util.Locale.ROOT).contains("postgres")
                    ? "postgresql" : "mariadb") + ")");
        }
        if (!catalog.unsupported().isEmpty()) {
            for (String line : catalog.unsupported()) {
                getLog().error("  " + line);
            }
            int n = catalog.unsupported().size();
            throw new MojoFailureException("Refusing to baseline: " + n + (n == 1 ? " object" : " objects")
                    + " of this database cannot be expressed in a migration that qalab writes (listed above); nothing"
                    + " was written or recorded \u2014 drop or move them, or write the baseline by hand"
                    + " (mvn qalab:generate -Dqalab.empty=true -Dqalab.message=Baseline) and record it with"
                    + " mvn qalab:baseline -Dqalab.revision=001");
        }
        Schema live = catalog.schema();
        if (live.tables().isEmpty() && live.sequences().isEmpty()) {
            throw new MojoFailureException("The database holds no table and no sequence: there is nothing to baseline"
                    + " \u2014 run mvn qalab:migrate to build it from the migrations");
        }
        String version = revision != null && !revision.isBlank()
                ? checkedRevision(directory, live, target)
                : writeBaseline(directory, live, target);
        MigrationDirectory now = scanMigrations();
        MigrationFile file = now.migrations().stream().filter(m -> m.version().orElse("").equals(version))
                .findFirst().orElseThrow();
        withRunner(connection, now, runner -> {
            new LiveDatabase(connection, runner).baseline(version, description(file));
            return null;
        });
        getLog().info("Recorded " + version + " as the baseline of " + connection.maskedUrl() + " in " + table
                + ": its schema was already there, nothing was run (" + (System.nanoTime() - start) / 1_000_000
                + " ms)");
        getLog().info("Other databases: an existing one records the same baseline with mvn qalab:baseline"
                + " -Dqalab.revision=" + version + " (after checking its schema); a new, empty one runs "
                + file.fileName() + " with mvn qalab:migrate");
    }

    /** Writes the baseline migration; returns its version ({@code 001}), or the head's when nothing is missing. */
    private String writeBaseline(MigrationDirectory directory, Schema live, Dialect target) throws MojoFailureException {
        Baseline.Plan plan;
        try {
            plan = Baseline.plan(directory, live, shadow(target), target);
        } catch (ReplayException e) {
            throw new MojoFailureException("An existing migration does not replay into the shadow database: "
                    + relative(e.getMessage()));
        }
        if (plan.noChanges()) {
            String head = directory.head().flatMap(MigrationFile::version).orElseThrow();
            getLog().info("The " + directory.migrations().size() + " migrations (up to " + head + ") already produce"
                    + " this database's schema: no file written");
            return head;
        }
        Path written;
        try {
            written = Baseline.write(directory, message, plan);
        } catch (FileAlreadyExistsException e) {
            throw new MojoFailureException("Not overwriting " + e.getFile() + ": a migration with that number already"
                    + " exists; run mvn qalab:verify and fix the chain");
        } catch (IOException | IllegalArgumentException e) {
            throw new MojoFailureException("Cannot write the baseline migration: " + e.getMessage()
                    + " \u2014 check that the migration folder is writable and qalab.message holds a letter");
        }
        getLog().info("Wrote " + display(written) + " for " + target.name() + ": " + summary(plan));
        try {
            MigrationSum.Written sum = MigrationSum.update(scanMigrations());
            getLog().info("Recorded " + written.getFileName() + " in " + display(sum.file()));
        } catch (IOException e) {
            throw new MojoFailureException("Wrote " + display(written) + " but cannot update "
                    + MigrationSum.FILE_NAME + ": " + e.getMessage() + " \u2014 fix the folder's permissions, then run"
                    + " mvn qalab:hash; nothing was recorded in the database");
        }
        checkReplay(live, target);
        return String.format("%03d", directory.nextNumber());
    }

    /**
     * The written chain replayed into the shadow must give the live schema back, or {@code generate} and
     * {@code verify} would see differences that are not there; a mismatch is a warning, since the file itself is
     * right for the database it was read from.
     */
    private void checkReplay(Schema live, Dialect target) throws MojoFailureException {
        MigrationDirectory now = scanMigrations();
        try {
            Schema replayed = shadow(target).replay(now.migrations());
            List<LiveDrift.Difference> differences = LiveDrift.compare(replayed, live, target);
            if (differences.isEmpty()) {
                getLog().info("Checked: the migrations replayed into the shadow database give this database's schema");
                return;
            }
            getLog().warn("Replayed into the shadow database, the migrations differ from this database in "
                    + differences.size() + " places; generate and verify will see the same until qalab.shadowUrl"
                    + " points at an empty database of this vendor:");
            differences.forEach(d -> getLog().warn("  " + d.message()));
        } catch (ReplayException e) {
            getLog().warn("The baseline does not replay into the shadow database (" + relative(e.getMessage())
                    + "): set qalab.shadowUrl to an empty database of this vendor for generate and verify");
        }
    }

    /** Checks an existing revision against the live schema; returns its version. */
    private String checkedRevision(MigrationDirectory directory, Schema live, Dialect target)
            throws MojoFailureException {
        String wanted = revision.strip();
        MigrationFile file = wanted.matches("[0-9]{1,9}") ? directory.migrations().stream()
                .filter(m -> m.number() == Integer.parseInt(wanted)).findFirst().orElse(null) : null;
        if (file == null) {
            throw new MojoFailureException("qalab.revision=" + wanted + ": no migration has that number (head: "
                    + directory.head().flatMap(MigrationFile::version).orElse("none") + ") \u2014 name the revision"
                    + " that holds the baseline, e.g. -Dqalab.revision=001");
        }
        List<MigrationFile> upTo = directory.migrations().stream().filter(m -> m.number() <= file.number()).toList();
        Schema expected;
        try {
            expected = shadow(target).replay(upTo);
        } catch (ReplayException e) {
            throw new MojoFailureException("An existing migration does not replay into the shadow database: "
                    + relative(e.getMessage()));
        }
        List<LiveDrift.Difference> differences = LiveDrift.compare(expected, live, target);
        if (!differences.isEmpty()) {
            differences.forEach(d -> getLog().error("  " + d.message()));
            throw new MojoFailureException("Refusing to record " + file.version().orElseThrow() + " as the baseline:"
                    + " this database differs from what the migrations up to " + file.version().orElseThrow()
                    + " produce in " + differences.size() + " places (listed above; 'the database' is this one);"
                    + " nothing was recorded \u2014 bring the database in line, or baseline it on its own");
        }
        getLog().info("Checked: this database's schema is what the migrations up to " + file.version().orElseThrow()
                + " produce (" + upTo.size() + " replayed)");
        return file.version().orElseThrow();
    }

    private void refuseManaged(DatabaseStatus status) throws MojoFailureException {
        long applied = status.revisions().stream().filter(r -> r.state().inHistory()).count();
        if (applied > 0) {
            throw new MojoFailureException("This database is already managed: " + table + " records " + applied
                    + " revision" + (applied == 1 ? "" : "s") + " (current: " + status.current() + ") \u2014 a baseline"
                    + " is for a database that no migration has touched; mvn qalab:status compares it with its"
                    + " migrations");
        }
    }

    private void refuseBrokenChain(MigrationDirectory directory) throws MojoFailureException {
        ConventionReport report = ConventionChecker.check(directory, Map.of("QL009", Severity.OFF));
        List<Violation> all = new ArrayList<>(report.violations());
        all.addAll(IntegrityRules.check(directory, Map.of()).stream().filter(v -> v.severity() == Severity.ERROR)
                .toList());
        report = new ConventionReport(directory, all);
        if (report.hasErrors()) {
            Path base = basedir.toPath().toAbsolutePath();
            for (Violation violation : report.errors()) {
                getLog().error(violation.format(base));
            }
            throw new MojoFailureException(ConventionReport.summary(report.errors())
                    + ": fix the migration chain first (mvn qalab:verify shows the same), then baseline again");
        }
    }

    /** E.g. {@code 4 tables, 1 index, 2 sequences, 3 foreign keys}. */
    private static String summary(Baseline.Plan plan) {
        int tables = 0;
        int indexes = 0;
        int sequences = 0;
        int foreignKeys = 0;
        int other = 0;
        for (Operation op : plan.diff().operations()) {
            if (op instanceof Operation.CreateTable t) {
                tables++;
                indexes += t.table().indexes().size();
            } else if (op instanceof Operation.CreateIndex) {
                indexes++;
            } else if (op instanceof Operation.CreateSequence) {
                sequences++;
            } else if (op instanceof Operation.AddForeignKey) {
                foreignKeys++;
            } else {
                other++;
            }
        }
        return count(tables, "table") + ", " + (indexes == 1 ? "1 index" : indexes + " indexes") + ", "
                + count(sequences, "sequence") + ", " + count(foreignKeys, "foreign key")
                + (other == 0 ? "" : ", " + count(other, "other change"));
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Flyway's description of a file: {@code 001_baseline.sql} gives {@code baseline}. */
    private static String description(MigrationFile file) {
        String name = file.fileName();
        return name.substring(4, name.length() - ".sql".length()).replace('_', ' ');
    }
}
