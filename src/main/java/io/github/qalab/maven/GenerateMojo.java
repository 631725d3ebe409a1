package io.github.qalab.maven;

import io.github.qalab.convention.ConventionChecker;
import io.github.qalab.convention.ConventionReport;
import io.github.qalab.convention.Severity;
import io.github.qalab.convention.Violation;
import io.github.qalab.db.ReplayException;
import io.github.qalab.diff.Operation;
import io.github.qalab.diff.Renames;
import io.github.qalab.entity.EntityProblem;
import io.github.qalab.entity.EntityScanException;
import io.github.qalab.generate.MigrationGenerator;
import io.github.qalab.generate.MigrationGenerator.Plan;
import io.github.qalab.integrity.IntegrityRules;
import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.migration.MigrationSum;
import io.github.qalab.migration.MigrationWriter;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the next migration from the difference between the JPA entities (parsed from the sources, no
 * compilation) and the schema the existing migrations produce (replayed into a shadow database):
 * {@code mvn qalab:generate -Dqalab.message="Add account table"}. Writes nothing when there is no difference.
 */
@Mojo(name = "generate", threadSafe = true, requiresProject = true)
public class GenerateMojo extends AbstractSchemaMojo {

    private static final String EXAMPLE = "mvn qalab:generate -Dqalab.message=\"Add account table\"";

    /** What the migration does, in a few words; it becomes the file name's description and the header's message. */
    @Parameter(property = "qalab.message")
    protected String message;

    /**
     * Renames to generate instead of drop + add: {@code table.old_column:new_column} for a column,
     * {@code old_table:new_table} for a table, comma-separated.
     */
    @Parameter(property = "qalab.renames")
    protected String renames;

    /**
     * Writes a template (header and a placeholder) for a hand-written migration, e.g. a data migration, instead of
     * comparing entities; {@code qalab:verify} fails on it until it holds SQL.
     */
    @Parameter(property = "qalab.empty", defaultValue = "false")
    protected boolean empty;

    @Override
    protected void run() throws MojoFailureException {
        long start = System.nanoTime();
        if (message == null || message.isBlank()) {
            throw new MojoFailureException("No migration message given: describe the change, e.g. " + EXAMPLE);
        }
        Renames renameSpec = parse(() -> Renames.parse(renames == null ? "" : renames));
        MigrationGenerator.Settings settings = generatorSettings(renameSpec);

        MigrationDirectory directory = scanMigrations();
        refuseBrokenChain(directory);

        if (empty) {
            Path written = writeSafely(() -> MigrationWriter.writeNextEmpty(directory, message));
            getLog().info("Wrote template " + display(written)
                    + ": add the SQL by hand; qalab:verify fails on it (QL006) until it holds a statement");
            record(written);
            return;
        }

        Plan plan;
        try {
            plan = MigrationGenerator.plan(directory, settings);
        } catch (EntityScanException e) {
            Path base = basedir.toPath().toAbsolutePath();
            for (EntityProblem problem : e.problems()) {
                getLog().error(problem.format(base));
            }
            int n = e.problems().size();
            throw new MojoFailureException(n + (n == 1 ? " entity mapping problem" : " entity mapping problems")
                    + ": fix the entities above, then run " + EXAMPLE.replace("Add account table", message));
        } catch (ReplayException e) {
            throw new MojoFailureException("An existing migration does not replay into the shadow database: "
                    + relativize(e.getMessage()));
        }
        for (String warning : plan.diff().warnings()) {
            getLog().warn(warning);
        }
        if (plan.noChanges()) {
            getLog().info("No changes detected between entities and migrations ("
                    + directory.migrations().size() + " migrations, " + plan.desired().tables().size()
                    + " tables): no file written");
            getLog().info("Compared in " + timing(start, plan));
            return;
        }
        Path written = writeSafely(() -> MigrationGenerator.write(directory, message, plan));
        getLog().info("Wrote " + display(written) + " for " + settings.dialect().name() + ":");
        for (Operation op : plan.diff().operations()) {
            getLog().info("  " + op.describe());
        }
        getLog().info("Generated in " + timing(start, plan));
        record(written);
        getLog().info("Review it, then apply it with mvn qalab:migrate");
    }

    /** Records the new file in qalab.sum, so that verify can tell later edits from the generated content. */
    private void record(Path written) throws MojoFailureException {
        try {
            MigrationSum.Written sum = MigrationSum.update(scanMigrations());
            getLog().info("Recorded " + written.getFileName() + " in " + display(sum.file()));
        } catch (IOException e) {
            throw new MojoFailureException("Wrote " + display(written) + " but cannot update "
                    + MigrationSum.FILE_NAME + ": " + e.getMessage() + " \u2014 fix the folder's permissions, then run"
                    + " mvn qalab:hash");
        }
    }

    private static List<Violation> concat(List<Violation> a, List<Violation> b) {
        List<Violation> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * E.g. {@code 1234 ms (entities 900 ms alongside shadow replay 1100 ms, diff+render 50 ms)}: the total is the
     * whole goal; the entities are read on a second thread while the migrations replay.
     */
    private static String timing(long start, Plan plan) {
        MigrationGenerator.Timing t = plan.timing();
        return (System.nanoTime() - start) / 1_000_000 + " ms (entities " + t.entities().toMillis()
                + " ms alongside shadow replay " + t.replay().toMillis() + " ms, diff+render " + t.diff().toMillis()
                + " ms)";
    }

    private void refuseBrokenChain(MigrationDirectory directory) throws MojoFailureException {
        // The first migration of a project may be the one being generated, so a missing folder is fine here.
        ConventionReport report = ConventionChecker.check(directory, Map.of("QL009", Severity.OFF));
        // A migration edited after it was recorded must not be blessed by the sum update that follows the write.
        List<Violation> integrity = IntegrityRules.check(directory, Map.of()).stream()
                .filter(v -> v.severity() == Severity.ERROR).toList();
        report = new ConventionReport(directory, concat(report.violations(), integrity));
        if (report.hasErrors()) {
            Path base = basedir.toPath().toAbsolutePath();
            for (Violation violation : report.errors()) {
                getLog().error(violation.format(base));
            }
            throw new MojoFailureException(ConventionReport.summary(report.errors())
                    + ": fix the migration chain first (mvn qalab:verify shows the same), then generate again");
        }
    }

    private String relativize(String text) {
        String base = basedir.toPath().toAbsolutePath().toString();
        return text.replace(base + java.io.File.separator, "");
    }

    private interface Parse<T> {
        T get();
    }

    private static <T> T parse(Parse<T> parse) throws MojoFailureException {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        }
    }

    private interface Write {
        Path write() throws IOException;
    }

    private Path writeSafely(Write write) throws MojoFailureException {
        try {
            return write.write();
        } catch (FileAlreadyExistsException e) {
            throw new MojoFailureException("Not overwriting " + e.getFile()
                    + ": a migration with that number already exists; run mvn qalab:verify and fix the chain");
        } catch (IOException e) {
            throw new MojoFailureException("Cannot write the migration: " + e.getMessage()
                    + " \u2014 check that the migration folder is writable");
        }
    }
}
