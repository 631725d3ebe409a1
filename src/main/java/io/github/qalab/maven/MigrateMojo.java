package io.github.qalab.maven;

import io.github.qalab.convention.ConventionChecker;
import io.github.qalab.convention.ConventionReport;
import io.github.qalab.convention.Severity;
import io.github.qalab.convention.Violation;
import io.github.qalab.db.ConnectionSettings;
import io.github.qalab.db.MigrationRun;
import io.github.qalab.migration.MigrationDirectory;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.util.Map;

/** Checks the migration convention, then applies the pending migrations through Flyway (to the head or a target). */
@Mojo(name = "migrate", threadSafe = true, requiresDependencyResolution = ResolutionScope.RUNTIME)
public class MigrateMojo extends AbstractDatabaseMojo {

    /** The revision to migrate to ({@code 003}); the head when absent. */
    @Parameter(property = "qalab.target")
    protected String target;

    @Override
    protected void run() throws MojoFailureException {
        MigrationDirectory directory = scanMigrations();
        ConventionReport report = ConventionChecker.check(directory, Map.<String, Severity>of());
        for (Violation v : report.violations()) {
            if (v.severity() == Severity.WARN) {
                getLog().warn(v.format(basedir.toPath()));
            }
        }
        if (report.hasErrors()) {
            for (Violation v : report.errors()) {
                getLog().error(v.format(basedir.toPath()));
            }
            throw new MojoFailureException("Refusing to migrate a broken chain: "
                    + ConventionReport.summary(report.errors()) + " (listed above) \u2014 fix them; nothing was applied");
        }
        ConnectionSettings connection = connection();
        MigrationRun run = withRunner(connection, directory, runner -> runner.migrate(target));
        long ms = run.total().toMillis();
        if (run.applied().isEmpty()) {
            getLog().info("Database is up to date at " + (run.to().isEmpty() ? "(empty)" : run.to())
                    + ": nothing to apply (" + ms + " ms)");
        } else {
            getLog().info("Migrated " + (run.from().isEmpty() ? "an empty database" : "from " + run.from()) + " to "
                    + run.to() + ": " + run.applied().size() + (run.applied().size() == 1 ? " migration" : " migrations")
                    + " applied in " + ms + " ms");
        }
    }
}
