package io.github.qalab.maven;

import io.github.qalab.db.ConnectionSettings;
import io.github.qalab.db.DowngradeRun;
import io.github.qalab.lint.DowngradeReview;
import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.migration.MigrationFile;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.util.List;

/**
 * Reverts applied migrations newest first by running their downgrade blocks and removing them from the history
 * table: to a revision ({@code 002}), by a count ({@code -1}) or all of them ({@code base}). Before it runs anything
 * (and in a dry run) it prints a warning for each downgrade statement that destroys data.
 */
@Mojo(name = "downgrade", threadSafe = true, requiresDependencyResolution = ResolutionScope.RUNTIME)
public class DowngradeMojo extends AbstractDatabaseMojo {

    /**
     * Required: where to go: a revision that stays applied ({@code 002}), {@code -N} (the N newest applied migrations)
     * or {@code base} (all of them).
     */
    @Parameter(property = "qalab.target")
    protected String target;

    /** Prints the SQL that would run (and the data-loss warnings), and changes nothing. */
    @Parameter(property = "qalab.dryRun", defaultValue = "false")
    protected boolean dryRun;

    @Override
    protected void run() throws MojoFailureException {
        MigrationDirectory directory = scanReadableMigrations();
        ConnectionSettings connection = connection();
        DowngradeRun run = withRunner(connection, directory,
                runner -> runner.downgrade(target, dryRun, plan -> warnDataLoss(directory, plan)));
        if (run.reverted().isEmpty()) {
            getLog().info("Nothing to downgrade: the database is at " + (run.from().isEmpty() ? "(empty)" : run.from()));
            return;
        }
        String to = run.to().isEmpty() ? "base (nothing applied)" : run.to();
        if (run.dryRun()) {
            getLog().info("Dry run: downgrading from " + run.from() + " to " + to + " would run:");
            for (DowngradeRun.Reverted r : run.reverted()) {
                getLog().info("-- " + r.script() + (r.statements().isEmpty() ? " (empty downgrade block)" : ""));
                for (DowngradeRun.Statement s : r.statements()) {
                    getLog().info("-- " + display(r.file()) + ":" + s.line());
                    getLog().info(s.sql().strip() + ";");
                }
                getLog().info(r.historySql() + ";");
            }
            getLog().info("Dry run: nothing was changed");
            return;
        }
        getLog().info("Downgraded from " + run.from() + " to " + to + ": " + run.reverted().size()
                + (run.reverted().size() == 1 ? " migration" : " migrations") + " reverted in " + run.total().toMillis()
                + " ms");
    }

    /**
     * One warning per downgrade statement of the plan that destroys data (a dropped table or column, every row
     * deleted, a narrowed column type, or a statement the file notes as losing data), printed before anything runs.
     */
    private void warnDataLoss(MigrationDirectory directory, List<DowngradeRun.Reverted> plan) {
        for (String line : dataLossWarnings(directory, plan, this::display)) {
            getLog().warn(line);
        }
    }

    /** The lines of {@link #warnDataLoss}, e.g. {@code downgrade 003_add_phone.sql drops column customer.phone: ...}. */
    static List<String> dataLossWarnings(MigrationDirectory directory, List<DowngradeRun.Reverted> plan,
                                         java.util.function.Function<java.nio.file.Path, String> display) {
        DowngradeReview review = new DowngradeReview(directory);
        List<String> lines = new java.util.ArrayList<>();
        for (DowngradeRun.Reverted r : plan) {
            MigrationFile file = directory.migrations().stream().filter(f -> f.path().equals(r.file())).findFirst()
                    .orElse(null);
            if (file == null) {
                continue;
            }
            for (DowngradeReview.Warning w : review.review(file, r.statements())) {
                lines.add("downgrade " + r.script() + " " + w.what() + " (" + display.apply(r.file()) + ":" + w.line()
                        + ")");
            }
        }
        return lines;
    }
}
