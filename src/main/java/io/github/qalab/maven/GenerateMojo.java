package io.github.qalab.maven;

import io.github.qalab.convention.ConventionChecker;
import io.github.qalab.convention.ConventionReport;
import io.github.qalab.convention.NumberCeilingRule;
import io.github.qalab.convention.Severity;
import io.github.qalab.convention.Violation;
import io.github.qalab.db.ReplayException;
import io.github.qalab.diff.Operation;
import io.github.qalab.diff.Renames;
import io.github.qalab.entity.EntityProblem;
import io.github.qalab.entity.EntityScanException;
import io.github.qalab.generate.MigrationGenerator;
import io.github.qalab.generate.MigrationGenerator.Plan;
import io.github.qalab.generate.DataPolicy;
import io.github.qalab.lint.LintDialect;
import io.github.qalab.lint.MigrationLinter;
import io.github.qalab.migration.MigrationFile;
import io.github.qalab.integrity.IntegrityRules;
import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.migration.MigrationParser;
import io.github.qalab.migration.MigrationRenderer;
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
 * Writes the next migration from the difference between the JPA entities (as the project's Hibernate maps the
 * compiled classes, or as their sources declare them: see {@code model}) and the schema the existing migrations
 * produce (replayed into a shadow database): {@code mvn compile qalab:generate -Dqalab.message="Add account table"}.
 * Writes nothing when there is no difference.
 */
@Mojo(name = "generate", threadSafe = true, requiresProject = true)
public class GenerateMojo extends AbstractSchemaMojo {

    private static final String EXAMPLE = "mvn qalab:generate -Dqalab.message=\"Add account table\"";

    /**
     * Required: what the migration does, in a few words; it becomes the file name's description and the header's
     * message ({@code -Dqalab.message="Add account table"} writes {@code NNN_add_account_table.sql}).
     */
    @Parameter(property = "qalab.message")
    protected String message;

    /**
     * Renames to generate instead of drop + add: {@code table.old_column:new_column} for a column,
     * {@code old_table:new_table} for a table, comma-separated.
     */
    @Parameter(property = "qalab.renames")
    protected String renames;

    /**
     * The data-destroying changes that are intended, since generate cannot see the rows: {@code true} for all, or
     * comma-separated tables ({@code audit_log}) and columns ({@code account.email}). Without it, generate refuses a
     * drop, a narrowing or converting type change and an enum constant rows may still hold, and writes nothing.
     */
    @Parameter(property = "qalab.allowDataLoss")
    protected String allowDataLoss;

    /**
     * Values for rows the tables already hold, comma-separated {@code table.column=<SQL value>}, e.g.
     * {@code account.currency='EUR',account.balance=0}: a NOT NULL column added (the value is its default while it is
     * added) or made NOT NULL (rows holding NULL get it), rows holding an enum constant that was removed, and the rows a
     * downgrade adds a dropped NOT NULL column back to. Without one, such a NOT NULL change is refused.
     */
    @Parameter(property = "qalab.backfill")
    protected String backfill;

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
        DataPolicy policy = parse(() -> DataPolicy.parse(allowDataLoss, backfill));
        MigrationGenerator.Settings settings = generatorSettings(renameSpec).withPolicy(policy);

        MigrationDirectory directory = scanMigrations();
        refuseBrokenChain(directory);
        if (MigrationWriter.ceiling(directory).isPresent()) {
            throw new MojoFailureException(MigrationWriter.ceiling(directory).get() + " \u2014 "
                    + NumberCeilingRule.squashAdvice());
        }

        if (empty) {
            boolean hadSum = hasSum(directory);
            Path written = writeSafely(() -> MigrationWriter.writeNextEmpty(directory, message));
            getLog().info("Wrote template " + display(written)
                    + ": add the SQL by hand; qalab:verify fails on it (QL006) until it holds a statement");
            record(directory, MigrationParser.read(written, written.getParent()), hadSum);
            return;
        }

        // the safety lint of the new file loads a SQL parser: warm it up on a spare thread while the schemas compare
        Thread warmUp = new Thread(() -> {
            try {
                MigrationLinter.warmUp(LintDialect.parse(settings.dialect().name()));
            } catch (Throwable e) {
                // Nothing to report: when the goal ends first (nothing to write), Maven closes the plugin's class
                // realm under this thread (NoClassDefFoundError), and a real lint loads what it needs itself.
            }
        }, "qalab-lint-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
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
            // no file: the shadow database refused the entities' own schema (a type it cannot hold), not a migration
            throw new MojoFailureException((e.desiredSchemaRefused() ? "The shadow database cannot hold the entities' schema: "
                    : "An existing migration does not replay into the shadow database: ") + relativize(e.getMessage()));
        } catch (MigrationGenerator.NoEntitiesException e) {
            throw new MojoFailureException(e.getMessage() + ". Searched source roots "
                    + settings.model().sourceRoots().stream().map(this::display).toList()
                    + (packages().isEmpty() ? "" : ", packages " + packages())
                    + ". Nothing was written \u2014 check qalab.entityPackages and qalab.sourceRoots, compile the"
                    + " project (mvn compile qalab:generate ...), or add the module holding the entities as a"
                    + " dependency");
        }
        getLog().info("Entities: " + plan.desired().summary());
        for (String warning : plan.desired().warnings()) {
            getLog().debug("qalab: " + warning);
        }
        for (String warning : plan.diff().warnings()) {
            getLog().warn(warning);
        }
        if (plan.noChanges()) {
            int migrations = directory.migrations().size();
            int tables = plan.desired().schema().tables().size();
            getLog().info("No changes detected between entities and migrations (" + migrations
                    + (migrations == 1 ? " migration, " : " migrations, ") + tables + (tables == 1 ? " table" : " tables")
                    + "): no file written");
            getLog().info("Compared in " + timing(start, plan));
            return;
        }
        for (String unused : plan.review().unused()) {
            getLog().warn(unused + ", but no change of this migration needs it: check the table and column name");
        }
        refuseDataLoss(plan);
        boolean hadSum = hasSum(directory);
        Path written = writeSafely(() -> MigrationGenerator.write(directory, message, plan));
        getLog().info("Wrote " + display(written) + " for " + settings.dialect().name() + ":");
        for (Operation op : plan.review().operations()) {
            if (!(op instanceof Operation.Remark)) {
                getLog().info("  " + op.describe());
            }
        }
        for (String risk : plan.review().risks()) {
            getLog().warn("Review: " + risk);
        }
        getLog().info("Generated in " + timing(start, plan));
        MigrationFile file = MigrationParser.read(written, written.getParent());
        lint(file, record(directory, file, hadSum), plan, settings);
        getLog().info("Review it, then apply it with mvn qalab:migrate");
    }

    /**
     * Generate cannot see the rows, so a change that destroys them or fails on them is written only with the user's
     * word: each is listed at the entity (or the migration that created the object) with the flag that allows it, and
     * nothing is written.
     */
    private void refuseDataLoss(Plan plan) throws MojoFailureException {
        if (!plan.review().refused()) {
            return;
        }
        Path base = basedir.toPath().toAbsolutePath();
        for (EntityProblem problem : plan.review().refusals()) {
            getLog().error(problem.format(base));
        }
        int n = plan.review().refusals().size();
        throw new MojoFailureException(n + (n == 1 ? " change" : " changes") + " would destroy data or fail on the"
                + " rows the tables already hold, so nothing was written — for each one above, declare a rename"
                + " (-Dqalab.renames=...), give the existing rows a value (-D" + DataPolicy.BACKFILL_PROPERTY
                + "=<table.column>=<SQL value>) or allow the loss (-D" + DataPolicy.ALLOW_PROPERTY
                + "=<table or table.column>), then run " + EXAMPLE.replace("Add account table", message) + " again");
    }

    /**
     * The safety lint of the file just written: what verify would say in CI, said now. {@code now} is the folder with
     * it, as {@link #record} gave it; its statements are the plan's, so they need not be cut from its text again.
     */
    private void lint(MigrationFile written, MigrationDirectory now, Plan plan, MigrationGenerator.Settings settings)
            throws MojoFailureException {
        long start = System.nanoTime();
        List<Violation> found = new MigrationLinter(now, LintDialect.parse(settings.dialect().name()), severities())
                .lint(written, plan.sql().upgrade().stream().flatMap(step -> step.statements().stream()).toList());
        Path base = basedir.toPath().toAbsolutePath();
        for (Violation v : found) {
            getLog().warn(v.format(base));
        }
        long errors = found.stream().filter(v -> v.severity() == Severity.ERROR).count();
        getLog().info("Safety lint of " + written.fileName() + ": " + (found.isEmpty() ? "no findings"
                : found.size() + (found.size() == 1 ? " finding" : " findings")
                + (errors == 0 ? "" : ", " + errors + " of which qalab:verify reports as errors"))
                + " (" + (System.nanoTime() - start) / 1_000_000 + " ms)");
    }

    /**
     * Says that the new file is recorded in qalab.sum (the writer wrote both), so that verify can tell later edits from
     * the generated content.
     *
     * @param before the folder as scanned before the file was written
     * @return the folder with the new file, as a new scan would find it
     */
    private MigrationDirectory record(MigrationDirectory before, MigrationFile written, boolean hadSum) {
        MigrationDirectory now = before.with(written);
        Path sum = MigrationSum.location(now).orElse(written.path().resolveSibling(MigrationSum.FILE_NAME));
        getLog().info("Recorded " + written.fileName() + " in " + display(sum));
        int earlier = before.migrations().size();
        if (!hadSum && earlier > 0) {
            getLog().warn("There was no " + MigrationSum.FILE_NAME + " (QL013): it now records "
                    + (earlier == 1 ? "the earlier migration as it is" : "the " + earlier
                    + " earlier migrations as they are") + ", unchecked \u2014 review " + (earlier == 1 ? "it" : "them")
                    + " and commit " + display(sum) + "; from now on verify catches edits");
        }
        return now;
    }

    /** Whether the migration folder holds a {@code qalab.sum} now. */
    private static boolean hasSum(MigrationDirectory directory) {
        return MigrationSum.location(directory).map(java.nio.file.Files::isRegularFile).orElse(false);
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
                + " ms alongside shadow " + t.replayLabel() + " " + t.replay().toMillis() + " ms, diff+render " + t.diff().toMillis()
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

    @Override
    protected String goalForHint() {
        return "qalab:generate -Dqalab.message=\"" + (message == null ? "..." : message) + "\"";
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
        } catch (MigrationRenderer.DowngradeNotWritable e) {
            // rendered before anything is written: a downgrade statement holding /* or */ (a column default or
            // definition), which the /* qalab:downgrade ... */ block cannot hold
            throw new MojoFailureException("Nothing was written: " + e.getMessage() + " \u2014 take the /* or */ out"
                    + " of that default or column definition (in the entity, or, for a downgrade, in the migration"
                    + " that created it), or write this migration by hand: mvn qalab:generate -Dqalab.empty=true"
                    + " -Dqalab.message=\"<what it does>\"");
        }
    }
}
