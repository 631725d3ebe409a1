package io.github.qalab.maven;

import io.github.qalab.db.SecretMask;
import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.sql.Dialect;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What every qalab goal shares: the project directory, the migration locations and the skip switch. */
public abstract class AbstractQalabMojo extends AbstractMojo {

    /** The project's base directory; relative locations and reported paths are taken from it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    protected File basedir;

    /** The project's build directory; reports and the embedded database live under {@code target/qalab}. */
    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    protected File buildDirectory;

    /**
     * The folder(s) that hold the migrations, comma-separated, relative to the project directory. Migrations live
     * directly inside each folder; a file in a sub-folder is reported (QL001), because Flyway would apply it too.
     * Hidden files and folders are skipped, as Flyway skips them; a folder listed twice counts once. Every goal reads
     * all of them as one chain; {@code generate} and {@code baseline} write the new migration into the first folder,
     * and {@code hash} writes {@code qalab.sum} there. To keep one chain per database, run the goals once per folder
     * (e.g. {@code -Dqalab.locations=src/main/resources/db/migration/postgresql -Dqalab.dialect=postgresql}).
     */
    @Parameter(property = "qalab.locations", defaultValue = "src/main/resources/db/migration")
    protected String locations;

    /**
     * Whether results are kept by the content they were computed from, in {@code ~/.cache/qalab}: the schema a chain
     * of migrations produces in the embedded shadow database ({@code shadow/}: the next drift check, {@code generate}
     * or {@code diagram} on the same migrations skips their replay), and Hibernate's mapping of the project's classes
     * ({@code hibernate/}: the next drift check or {@code generate} on the same compiled classes, jars and settings
     * does not boot Hibernate). Any edited, added or removed migration or class, another jar, setting, H2 or plugin
     * build is a new entry; false computes everything every time.
     */
    @Parameter(property = "qalab.cache", defaultValue = "true")
    protected boolean cache = true;

    /**
     * The database the migrations are written for: {@code postgresql}, {@code mariadb}, {@code mysql} or {@code h2}.
     * What it does depends on the goal:
     * <ul>
     * <li>{@code generate}: the SQL dialect the new migration is written in (types as Hibernate maps them for that
     * database); the shadow database replaying the existing migrations runs in its H2 compatibility mode.</li>
     * <li>{@code verify}: the dialect of the safety lint (the PostgreSQL-only rules QL105, QL106 run for
     * {@code postgresql}) and, for the drift check, as in {@code drift}.</li>
     * <li>{@code drift}: the database the entities are mapped for and the compatibility mode of the shadow
     * database.</li>
     * <li>{@code migrate}, {@code status}, {@code downgrade}: only the compatibility mode of the embedded H2 database
     * used when no {@code qalab.url} is given; with a URL the database is the one the URL names. For {@code status}
     * with {@code qalab.liveDrift}, also the shadow database's mode and how column types are compared.</li>
     * <li>{@code baseline}: the SQL dialect of the baseline migration; it must match the database's vendor (a
     * mismatch is refused).</li>
     * <li>{@code diagram}: the column types drawn and the shadow database's compatibility mode.</li>
     * <li>{@code hash}, {@code renumber}: not used.</li>
     * </ul>
     */
    @Parameter(property = "qalab.dialect", defaultValue = "postgresql")
    protected String dialect;

    /** Skips this goal. */
    @Parameter(property = "qalab.skip", defaultValue = "false")
    protected boolean skip;

    /** The build session: where {@code -D} values are read raw (secrets, and the check for {@code ${...}}). */
    @Parameter(defaultValue = "${session}", readonly = true)
    protected MavenSession session;

    /** Which goal runs, for the message of an unexpected failure. */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    protected MojoExecution mojoExecution;

    /** Secrets learned while the goal runs (a settings.xml server's password), masked from then on. */
    private final List<String> learnedSecrets = new ArrayList<>();

    /**
     * The properties that hold secrets. They are not Maven parameter properties on purpose: Maven prints every
     * parameter it configures with {@code -X}, so these are read from the session here instead, and never printed.
     */
    static final List<String> SECRET_PROPERTIES = List.of("qalab.password", "qalab.shadowPassword");
    /** The properties that hold JDBC URLs (which may carry a password), read the same way. */
    static final List<String> URL_PROPERTIES = List.of("qalab.url", "qalab.shadowUrl");

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("qalab: skipped (qalab.skip=true)");
            return;
        }
        refuseExpandedProperties();
        try {
            run();
        } catch (MojoFailureException e) {
            throw masked(new MojoFailureException(mask(e.getMessage()), MaskedThrowable.of(e.getCause(), secrets())),
                    e);
        } catch (MojoExecutionException e) {
            throw masked(new MojoExecutionException(mask(e.getMessage()), MaskedThrowable.of(e.getCause(),
                    secrets())), e);
        } catch (StackOverflowError e) {
            throw new MojoExecutionException(goal() + " failed: an input nests too deeply for a parser (stack overflow)"
                    + " \u2014 run mvn qalab:verify, which names the file, and simplify it", MaskedThrowable.of(e,
                    secrets()));
        } catch (OutOfMemoryError e) {
            throw new MojoExecutionException(goal() + " ran out of memory \u2014 run mvn qalab:verify, which names a"
                    + " file that is too large, or give Maven more memory (MAVEN_OPTS=-Xmx2g)", MaskedThrowable.of(e,
                    secrets()));
        } catch (RuntimeException e) {
            throw new MojoExecutionException(goal() + " failed unexpectedly: " + mask(String.valueOf(e.getMessage()))
                    + " (" + e.getClass().getSimpleName() + ") \u2014 this is a qalab bug: please report it with the"
                    + " output of mvn -e", MaskedThrowable.of(e, secrets()));
        } finally {
            // A Hibernate worker started ahead of a read that did not come (a goal that failed or skipped early).
            io.github.qalab.hibernate.HibernateModel.discardPrestarted();
        }
    }

    private static <T extends Exception> T masked(T copy, Exception original) {
        copy.setStackTrace(original.getStackTrace());
        return copy;
    }

    private String goal() {
        return "qalab:" + (mojoExecution == null ? getClass().getSimpleName() : mojoExecution.getGoal());
    }

    /**
     * Refuses a {@code -Dqalab.*} value that holds {@code ${...}}: Maven replaces such an expression before qalab sees
     * the value, with any property it knows, a settings.xml password or an environment variable included, and qalab
     * would then write it into a file name, a header or a message.
     */
    private void refuseExpandedProperties() throws MojoFailureException {
        if (session == null) {
            return;
        }
        for (String key : session.getUserProperties().stringPropertyNames()) {
            String raw = session.getUserProperties().getProperty(key);
            if (key.startsWith("qalab.") && raw != null && raw.contains("${")) {
                throw new MojoFailureException("-D" + key + " holds ${...}: Maven replaces that with the value of a"
                        + " property (which may be a password from settings.xml or the environment) before qalab sees"
                        + " it, so qalab refuses it \u2014 write the value without ${...}");
            }
        }
        refuseNonBooleans();
    }

    /**
     * Refuses a {@code -D} value of a boolean parameter that is neither {@code true} nor {@code false}: Maven reads
     * anything else as {@code false}, so {@code -Dqalab.checkDrift=flase} or {@code -Dqalab.skip=yes} would silently do
     * the opposite of what was meant.
     */
    private void refuseNonBooleans() throws MojoFailureException {
        if (mojoExecution == null || mojoExecution.getMojoDescriptor() == null
                || mojoExecution.getMojoDescriptor().getParameters() == null) {
            return;
        }
        for (org.apache.maven.plugin.descriptor.Parameter parameter : mojoExecution.getMojoDescriptor().getParameters()) {
            String expression = parameter.getExpression();
            if (!("boolean".equals(parameter.getType()) || "java.lang.Boolean".equals(parameter.getType()))
                    || expression == null || !expression.startsWith("${") || !expression.endsWith("}")) {
                continue;
            }
            String key = expression.substring(2, expression.length() - 1);
            String raw = session.getUserProperties().getProperty(key);
            if (raw != null && !raw.isBlank() && !raw.strip().equalsIgnoreCase("true")
                    && !raw.strip().equalsIgnoreCase("false")) {
                throw new MojoFailureException("-D" + key + "=" + printable(raw) + " is neither true nor false, and"
                        + " Maven would read it as false \u2014 write -D" + key + "=true or -D" + key + "=false");
            }
        }
    }

    /**
     * A parameter that Maven must not print: the value configured in the pom, else the {@code -D} (or system, or
     * project) property {@code key}, read raw.
     */
    protected String quietParameter(String configured, String key) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        if (session == null) {
            return null;
        }
        String value = session.getUserProperties().getProperty(key);
        if (value == null) {
            value = session.getSystemProperties().getProperty(key);
        }
        if (value == null && session.getCurrentProject() != null) {
            value = session.getCurrentProject().getProperties().getProperty(key);
        }
        return value;
    }

    /** Masks {@code secret} in every output from now on (e.g. a password read from settings.xml). */
    protected void protect(String secret) {
        if (secret != null && !secret.isBlank() && !learnedSecrets.contains(secret)) {
            learnedSecrets.add(secret);
            secrets = null;
        }
    }

    /** The mask of this run, built once (and again after {@link #protect} learned a secret). */
    private SecretMask secrets;

    /**
     * Every secret of this run: the password and URL properties (as given with {@code -D}, in the environment as
     * {@code QALAB_PASSWORD} / {@code QALAB_URL}, or in the pom) and what {@link #protect} learned.
     */
    protected SecretMask secrets() {
        if (secrets == null) {
            secrets = buildSecrets();
        }
        return secrets;
    }

    private SecretMask buildSecrets() {
        SecretMask mask = SecretMask.of(learnedSecrets).withPasswords(System.getenv("QALAB_PASSWORD"))
                .withUrl(System.getenv("QALAB_URL"));
        for (String key : SECRET_PROPERTIES) {
            mask = mask.withPasswords(quietParameter(null, key));
        }
        for (String key : URL_PROPERTIES) {
            mask = mask.withUrl(quietParameter(null, key));
        }
        for (String configured : configuredSecrets()) {
            mask = mask.withPasswords(configured).withUrl(configured);
        }
        return mask;
    }

    /** Secret values configured in the pom of a goal (its password and URL parameters); none by default. */
    protected List<String> configuredSecrets() {
        return List.of();
    }

    /** The text with every secret of this run masked; everything qalab prints or writes passes through here. */
    protected String mask(String text) {
        return secrets().apply(text);
    }

    /** Maven's log, with every line masked ({@link MaskingLog}). */
    @Override
    public Log getLog() {
        return new MaskingLog(super.getLog(), this::secrets);
    }

    /** The goal's work, called unless skipped. */
    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    /** The configured dialect; an unknown name is a build failure that lists the known ones. */
    protected Dialect dialect() throws MojoFailureException {
        try {
            return Dialect.named(dialect);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        }
    }

    /** The configured locations as absolute paths. */
    protected List<Path> locationPaths() {
        List<Path> paths = new ArrayList<>();
        for (String part : (locations == null ? "" : locations).split(",")) {
            String trimmed = part.strip();
            if (!trimmed.isEmpty()) {
                paths.add(projectPath(trimmed));
            }
        }
        return paths;
    }

    /**
     * The configured locations, at least one, each a valid path.
     *
     * @throws MojoFailureException when no location is given ({@code -Dqalab.locations=}) or one is no valid path
     */
    private List<Path> checkedLocationPaths() throws MojoFailureException {
        for (String part : (locations == null ? "" : locations).split(",")) {
            if (!part.isBlank()) {
                projectPath(part, "qalab.locations");
            }
        }
        List<Path> paths = locationPaths();
        if (paths.isEmpty()) {
            throw new MojoFailureException("qalab.locations names no folder \u2014 give the migration folder(s),"
                    + " comma-separated, e.g. -Dqalab.locations=src/main/resources/db/migration (the default when the"
                    + " parameter is not set at all)");
        }
        return paths;
    }

    /** A configured path: absolute as given, relative to the project directory otherwise. */
    protected Path projectPath(String configured) {
        Path p = Path.of(configured.strip());
        return (p.isAbsolute() ? p : basedir.toPath().resolve(p)).normalize();
    }

    /** As {@link #projectPath(String)}, with a path the file system cannot hold being a build failure naming it. */
    protected Path projectPath(String configured, String parameter) throws MojoFailureException {
        try {
            return projectPath(configured);
        } catch (InvalidPathException e) {
            throw new MojoFailureException(parameter + ": '" + printable(configured) + "' is no valid path ("
                    + e.getReason() + ") \u2014 fix the value");
        }
    }

    /** The text with control characters shown as {@code ?}, for messages that quote user input. */
    static String printable(String text) {
        return text.codePoints().map(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029 ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /** Scans the migration locations; an unreadable folder is a build failure with the folder named. */
    protected MigrationDirectory scanMigrations() throws MojoFailureException {
        try {
            return MigrationDirectory.scan(checkedLocationPaths());
        } catch (IOException e) {
            throw new MojoFailureException("Cannot list the migration folder: " + e.getMessage()
                    + " \u2014 check that it exists and is readable, or set qalab.locations");
        }
    }

    /** A path as users see it: relative to the project directory when below it. */
    protected String display(Path path) {
        Path base = basedir.toPath().toAbsolutePath();
        Path abs = path.toAbsolutePath();
        return (abs.startsWith(base) ? base.relativize(abs) : abs).toString().replace('\\', '/');
    }

    /** The embedded H2 shadow for migrations written for {@code target}, with the replay cache unless it is off. */
    protected io.github.qalab.db.ShadowDatabase embeddedShadow(io.github.qalab.sql.Dialect target) {
        io.github.qalab.db.ShadowDatabase shadow = io.github.qalab.db.ShadowDatabase.embedded(target);
        return cache ? shadow.withCache(io.github.qalab.db.ShadowDatabase.defaultCacheDir()) : shadow;
    }
}
