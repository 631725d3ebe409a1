package io.github.qalab.maven;

import io.github.qalab.db.ConnectionSettings;
import io.github.qalab.sql.Dialect;
import io.github.qalab.db.DatabaseException;
import io.github.qalab.db.FlywayRunner;
import io.github.qalab.db.ProgressListener;
import io.github.qalab.migration.MigrationDirectory;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/** What the database goals share: where to connect, as whom, which history table, and the JDBC class path. */
public abstract class AbstractDatabaseMojo extends AbstractQalabMojo {

    /** The JDBC URL; without one (and without {@code QALAB_URL}) an embedded H2 database under target/qalab is used. */
    @Parameter(property = "qalab.url")
    protected String url;

    /** The database user (else the settings.xml server's, else {@code QALAB_USER}). */
    @Parameter(property = "qalab.user")
    protected String user;

    /** The database password (else the settings.xml server's, else {@code QALAB_PASSWORD}); never logged. */
    @Parameter(property = "qalab.password")
    protected String password;

    /** The id of a settings.xml {@code <server>} holding user and password (decrypted the Maven way). */
    @Parameter(property = "qalab.serverId")
    protected String serverId;

    /** Flyway's history table. */
    @Parameter(property = "qalab.table", defaultValue = FlywayRunner.DEFAULT_TABLE)
    protected String table;

    @Parameter(defaultValue = "${settings}", readonly = true)
    protected Settings settings;

    @Parameter(defaultValue = "${project}", readonly = true)
    protected MavenProject project;

    @Component
    protected SettingsDecrypter settingsDecrypter;

    /** The connection as configured, the way {@link ConnectionSettings#resolve} orders the sources. */
    protected ConnectionSettings connection() throws MojoFailureException {
        Dialect target = dialect();
        String serverUser = null;
        String serverPassword = null;
        if (serverId != null && !serverId.isBlank()) {
            Server server = settings == null ? null : settings.getServer(serverId.strip());
            if (server == null) {
                throw new MojoFailureException("qalab.serverId=" + serverId + ": settings.xml has no <server> with that id"
                        + " \u2014 add one with <username> and <password>, or remove qalab.serverId");
            }
            SettingsDecryptionResult result = settingsDecrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
            List<String> problems = new ArrayList<>();
            for (SettingsProblem p : result.getProblems()) {
                if (p.getSeverity() != SettingsProblem.Severity.WARNING) {
                    problems.add(p.getMessage());
                }
            }
            if (!problems.isEmpty()) {
                throw new MojoFailureException("Cannot decrypt the password of settings.xml server '" + serverId + "': "
                        + String.join("; ", problems) + " \u2014 check ~/.m2/settings-security.xml");
            }
            serverUser = result.getServer().getUsername();
            serverPassword = result.getServer().getPassword();
        }
        ConnectionSettings connection = ConnectionSettings.resolve(url, user, password, serverUser, serverPassword,
                System.getenv(), buildDirectory.toPath().resolve("qalab"), target);
        if (connection.isEmbedded()) {
            getLog().info("No database configured (qalab.url, QALAB_URL): using the embedded H2 database "
                    + display(buildDirectory.toPath().resolve("qalab").resolve("db")) + " in " + target.name()
                    + " compatibility mode (qalab.dialect)");
        } else {
            getLog().info("Database " + connection.maskedUrl()
                    + (connection.user().isEmpty() ? "" : " as " + connection.user()) + " (from " + connection.source() + ")");
        }
        return connection;
    }

    /** The work of one goal on a runner. */
    @FunctionalInterface
    protected interface RunnerWork<T> {
        T run(FlywayRunner runner) throws DatabaseException;
    }

    /**
     * Runs the work with a runner whose class loader sees the project's runtime class path, so that any JDBC driver
     * (or Flyway database module) the project depends on works too; a database failure becomes a build failure with
     * the runner's message.
     */
    protected <T> T withRunner(ConnectionSettings connection, MigrationDirectory directory, RunnerWork<T> work)
            throws MojoFailureException {
        try (URLClassLoader loader = projectClassLoader()) {
            FlywayRunner runner = new FlywayRunner(connection, directory, table, loader, listener());
            return work.run(runner);
        } catch (DatabaseException e) {
            throw new MojoFailureException(relative(e.getMessage()));
        } catch (IOException e) {
            throw new MojoFailureException("Cannot release the project class path: " + e.getMessage());
        }
    }

    private URLClassLoader projectClassLoader() throws MojoFailureException {
        List<URL> urls = new ArrayList<>();
        try {
            List<String> elements = project == null ? List.of() : project.getRuntimeClasspathElements();
            for (String element : elements) {
                urls.add(new File(element).toURI().toURL());
            }
        } catch (DependencyResolutionRequiredException | MalformedURLException e) {
            throw new MojoFailureException("Cannot build the project's runtime class path for JDBC drivers: "
                    + e.getMessage());
        }
        return new URLClassLoader(urls.toArray(URL[]::new), getClass().getClassLoader());
    }

    /** Progress lines to Maven's log. */
    protected ProgressListener listener() {
        return new ProgressListener() {
            @Override
            public void info(String line) {
                getLog().info(relative(line));
            }

            @Override
            public void warn(String line) {
                getLog().warn(relative(line));
            }
        };
    }

    /** The text with absolute paths below the project directory shown relative to it. */
    protected String relative(String text) {
        String base = basedir.toPath().toAbsolutePath().toString();
        return text.replace(base + File.separator, "");
    }
}
