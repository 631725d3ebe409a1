package io.github.qalab.maven;

import io.github.qalab.convention.ConventionReport;
import io.github.qalab.convention.ReadableFileRule;
import io.github.qalab.convention.Severity;
import io.github.qalab.convention.Violation;
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
import java.sql.Driver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** What the database goals share: where to connect, as whom, which history table, and the JDBC class path. */
public abstract class AbstractDatabaseMojo extends AbstractQalabMojo {

    /**
     * The JDBC URL of the database ({@code -Dqalab.url=...}, else {@code QALAB_URL}): the database {@code migrate}
     * applies to, {@code status} reads, {@code downgrade} reverts, {@code baseline} adopts and {@code renumber} asks
     * which migrations are applied. Without one, {@code renumber} checks no database, and the other goals use an
     * embedded H2 database under target/qalab (in the compatibility mode of {@code qalab.dialect}). Not a Maven parameter property, so that {@code mvn -X} never prints it (it may hold a password): qalab
     * reads {@code -Dqalab.url} itself.
     */
    @Parameter
    protected String url;

    /** The database user for {@code qalab.url} (else the settings.xml server's, else {@code QALAB_USER}). */
    @Parameter(property = "qalab.user")
    protected String user;

    /**
     * The database password ({@code -Dqalab.password=...}, else the settings.xml server's, else {@code QALAB_PASSWORD});
     * never printed, also not by {@code mvn -X}: qalab reads {@code -Dqalab.password} itself instead of letting Maven
     * configure it.
     */
    @Parameter
    protected String password;

    /** The id of a settings.xml {@code <server>} holding user and password (decrypted the Maven way). */
    @Parameter(property = "qalab.serverId")
    protected String serverId;

    /**
     * Flyway's history table: where {@code migrate} records what it applied, {@code status} and {@code renumber} read
     * what is applied, {@code downgrade} removes the reverted rows and {@code baseline} records the baseline. Use the
     * application's name if it sets {@code spring.flyway.table}.
     */
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
        if (table != null && !table.isBlank() && !table.strip().matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            // Flyway writes the name into SQL as it is: anything but a plain name could run as a statement
            throw new MojoFailureException("qalab.table '" + printable(table) + "' is no plain table name \u2014 use"
                    + " letters, digits and _ (at most 63), e.g. flyway_schema_history");
        }
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
            protect(serverPassword);
        }
        ConnectionSettings connection = ConnectionSettings.resolve(quietParameter(url, "qalab.url"), user,
                quietParameter(password, "qalab.password"), serverUser, serverPassword, System.getenv(),
                buildDirectory.toPath().resolve("qalab"), target);
        protect(connection.password());
        Optional<String> problem = connection.urlProblem();
        if (problem.isPresent()) {
            throw new MojoFailureException("Cannot connect: " + problem.get());
        }
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

    /**
     * Scans the migrations and refuses any numbered file that cannot be read (QL008: unreadable, too large, too deep,
     * a link), naming each: a goal that runs migrations must not take such a file for a missing one.
     */
    protected MigrationDirectory scanReadableMigrations() throws MojoFailureException {
        MigrationDirectory directory = scanMigrations();
        List<Violation> unreadable = new ReadableFileRule().check(directory, Severity.ERROR).stream()
                .filter(v -> directory.files().stream().anyMatch(f -> f.path().equals(v.file()) && f.conventionalName()))
                .toList();
        if (!unreadable.isEmpty()) {
            for (Violation v : unreadable) {
                getLog().error(v.format(basedir.toPath()));
            }
            throw new MojoFailureException("Refusing to run: " + ConventionReport.summary(unreadable)
                    + " (listed above) cannot be read safely \u2014 fix them (mvn qalab:verify shows every finding);"
                    + " nothing was changed");
        }
        return directory;
    }

    @Override
    protected List<String> configuredSecrets() {
        List<String> configured = new ArrayList<>();
        configured.add(password);
        configured.add(url);
        return configured;
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
            requireDriver(connection, loader);
            FlywayRunner runner = new FlywayRunner(connection, directory, table, loader, listener());
            return work.run(runner);
        } catch (DatabaseException e) {
            throw new MojoFailureException(relative(e.getMessage())
                    + connection.foreignDatabaseHint().map(hint -> " \u2014 " + hint).orElse(""));
        } catch (IOException e) {
            throw new MojoFailureException("Cannot release the project class path: " + e.getMessage());
        } catch (RuntimeException e) {
            // Flyway's or a driver's own failure outside the runner's handling (e.g. its configuration refusing the
            // URL): the message, masked, instead of an execution error.
            throw new MojoFailureException(connection.mask("The database step failed: "
                    + io.github.qalab.db.FlywayRunner.rootMessage(e) + " \u2014 check qalab.url and the migration"
                    + " folder (run with -e for the details)"));
        }
    }

    /**
     * For a database qalab brings no driver for ({@code jdbc:oracle:}, ...), checks that the project's class path holds
     * a JDBC driver that accepts the URL, so that the user reads what to add instead of a library's stack trace.
     */
    private static void requireDriver(ConnectionSettings connection, ClassLoader loader) throws MojoFailureException {
        Optional<String> hint = connection.foreignDatabaseHint();
        if (hint.isEmpty()) {
            return;
        }
        try {
            for (Driver driver : ServiceLoader.load(Driver.class, loader)) {
                try {
                    if (driver.acceptsURL(connection.url())) {
                        return;
                    }
                } catch (SQLException | RuntimeException e) {
                    // a driver that cannot judge the URL does not accept it
                }
            }
        } catch (ServiceConfigurationError e) {
            // a broken driver entry on the class path: as if there were none
        }
        throw new MojoFailureException("No JDBC driver on the project's class path accepts " + connection.maskedUrl()
                + " \u2014 " + hint.get());
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
