package io.github.qalab.maven;

import io.github.qalab.db.ConnectionSettings;
import io.github.qalab.migration.MigrationDirectory;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.util.List;

/**
 * Flyway's repair for the qalab files, plus the plugin's journal: removes the history rows of failed migrations
 * (databases without transactional DDL record them), realigns the recorded checksums of applied migrations with
 * their files (after a reviewed fix that changes nothing in the database, e.g. a comment), and forgets migrations
 * whose run was interrupted. Undo by hand what a failed or interrupted migration left behind first: repair changes
 * only the history, never the schema. {@code qalab:status} names the state of each revision and when to run this.
 */
@Mojo(name = "repair", threadSafe = true, requiresDependencyResolution = ResolutionScope.RUNTIME)
public class RepairMojo extends AbstractDatabaseMojo {

    @Override
    protected void run() throws MojoFailureException {
        MigrationDirectory directory = scanMigrations();
        ConnectionSettings connection = connection();
        List<String> changes = withRunner(connection, directory, runner -> runner.repair());
        if (changes.isEmpty()) {
            getLog().info("Nothing to repair: the history of " + connection.maskedUrl() + " agrees with the files");
            return;
        }
        for (String change : changes) {
            getLog().info("Repaired: " + change);
        }
        getLog().info("Next: mvn qalab:status (then qalab:migrate for what is pending)");
    }
}
