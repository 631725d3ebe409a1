package io.github.qalab.maven;

import io.github.qalab.db.ConnectionSettings;
import io.github.qalab.db.DatabaseStatus;
import io.github.qalab.db.RevisionStatus;
import io.github.qalab.migration.GitHistory;
import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.migration.MigrationRenumber;
import io.github.qalab.migration.MigrationSum;
import io.github.qalab.migration.RenumberException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The merge fix for two migrations with one number (QL005): moves the one(s) not in the main history (the newest by
 * git commit time, or the one named with {@code -Dqalab.file=}) to the next free numbers, rewrites their headers and
 * {@code qalab.sum}, and prints what moved. A migration applied in the configured database never moves.
 */
@Mojo(name = "renumber", threadSafe = true, requiresProject = true, requiresDependencyResolution = ResolutionScope.RUNTIME)
public class RenumberMojo extends AbstractDatabaseMojo {

    /** The migration file to move (its name, e.g. {@code 004_add_invoice.sql}); the newest of each pair when absent. */
    @Parameter(property = "qalab.file")
    protected String file;

    /** Print what would move without changing any file. */
    @Parameter(property = "qalab.dryRun", defaultValue = "false")
    protected boolean dryRun;

    @Override
    protected void run() throws MojoFailureException {
        MigrationDirectory directory = scanMigrations();
        Set<String> applied = applied(directory);
        MigrationRenumber.Plan plan;
        try {
            plan = MigrationRenumber.plan(directory, Optional.ofNullable(file).filter(f -> !f.isBlank()), applied,
                    new GitHistory(basedir.toPath()));
        } catch (RenumberException e) {
            throw new MojoFailureException(e.getMessage());
        }
        plan.notes().forEach(getLog()::info);
        for (MigrationRenumber.Move move : plan.moves()) {
            getLog().info((dryRun ? "Would move " : "Moved ") + display(move.file().path().getParent()) + "/"
                    + move.describe());
        }
        if (dryRun) {
            getLog().info("Dry run: no file changed");
            return;
        }
        try {
            boolean sum = MigrationRenumber.apply(directory, plan);
            getLog().info(sum
                    ? "Updated " + MigrationSum.FILE_NAME + "; check with mvn qalab:verify and commit the result"
                    : "No " + MigrationSum.FILE_NAME + " to update (run mvn qalab:hash to start recording one); check "
                            + "with mvn qalab:verify and commit the result");
        } catch (IOException e) {
            throw new MojoFailureException("Cannot move the migration: " + e.getMessage()
                    + " \u2014 check that the migration folder is writable; git shows what changed so far");
        }
    }

    /** The file names applied in the configured database; none when no database is configured. */
    private Set<String> applied(MigrationDirectory directory) throws MojoFailureException {
        String configuredUrl = quietParameter(url, "qalab.url");
        boolean configured = configuredUrl != null && !configuredUrl.isBlank()
                || System.getenv("QALAB_URL") != null && !System.getenv("QALAB_URL").isBlank();
        if (!configured) {
            getLog().info("No database configured (qalab.url, QALAB_URL): not checking which migrations are applied");
            return Set.of();
        }
        ConnectionSettings connection = connection();
        Path empty;
        try {
            empty = Files.createTempDirectory("qalab-renumber");
        } catch (IOException e) {
            throw new MojoFailureException("Cannot create a temporary folder: " + e.getMessage());
        }
        try {
            // Flyway sees an empty folder so that the two files sharing a version do not stop it: the history table's
            // script names say which file is applied.
            MigrationDirectory historyOnly = new MigrationDirectory(List.of(empty), List.of(), List.of());
            DatabaseStatus status = withRunner(connection, historyOnly, runner -> runner.info());
            Set<String> names = new HashSet<>();
            for (RevisionStatus revision : status.revisions()) {
                if (revision.state().inHistory()) {
                    names.add(Path.of(revision.script()).getFileName().toString());
                }
            }
            return names;
        } finally {
            try {
                Files.deleteIfExists(empty);
            } catch (IOException e) {
                getLog().debug("could not delete " + empty + ": " + e.getMessage());
            }
        }
    }
}
