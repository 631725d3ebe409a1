package io.github.qalab.maven;

import io.github.qalab.db.ConnectionSettings;
import io.github.qalab.db.DowngradeRun;
import io.github.qalab.migration.MigrationDirectory;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Reverts applied migrations newest first by running their downgrade blocks and removing them from the history
 * table: to a revision ({@code 002}), by a count ({@code -1}) or all of them ({@code base}).
 */
@Mojo(name = "downgrade", threadSafe = true, requiresDependencyResolution = ResolutionScope.RUNTIME)
public class DowngradeMojo extends AbstractDatabaseMojo {

    /** Where to go: a revision that stays applied ({@code 002}), {@code -N} or {@code base}. */
    @Parameter(property = "qalab.target")
    protected String target;

    /** Prints the SQL that would run, and changes nothing. */
    @Parameter(property = "qalab.dryRun", defaultValue = "false")
    protected boolean dryRun;

    @Override
    protected void run() throws MojoFailureException {
        MigrationDirectory directory = scanReadableMigrations();
        ConnectionSettings connection = connection();
        DowngradeRun run = withRunner(connection, directory, runner -> runner.downgrade(target, dryRun));
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
}
