package io.github.qalab.maven;

import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.sql.Dialect;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
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
     * The folder(s) that hold the migrations, comma-separated, relative to the project directory. Only files directly
     * inside each folder count; hidden files and sub-folders are ignored.
     */
    @Parameter(property = "qalab.locations", defaultValue = "src/main/resources/db/migration")
    protected String locations;

    /**
     * The database the migrations are written for: {@code postgresql}, {@code mariadb}, {@code mysql} or {@code h2}.
     * {@code generate} writes SQL for it; the embedded H2 database and the shadow database run in its compatibility
     * mode; {@code verify} runs the PostgreSQL-only lint rules (QL105, QL106) for {@code postgresql}.
     */
    @Parameter(property = "qalab.dialect", defaultValue = "postgresql")
    protected String dialect;

    /** Skips this goal. */
    @Parameter(property = "qalab.skip", defaultValue = "false")
    protected boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("qalab: skipped (qalab.skip=true)");
            return;
        }
        run();
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
        for (String part : locations.split(",")) {
            String trimmed = part.strip();
            if (!trimmed.isEmpty()) {
                paths.add(projectPath(trimmed));
            }
        }
        return paths;
    }

    /** A configured path: absolute as given, relative to the project directory otherwise. */
    protected Path projectPath(String configured) {
        Path p = Path.of(configured.strip());
        return (p.isAbsolute() ? p : basedir.toPath().resolve(p)).normalize();
    }

    /** Scans the migration locations; an unreadable folder is a build failure with the folder named. */
    protected MigrationDirectory scanMigrations() throws MojoFailureException {
        try {
            return MigrationDirectory.scan(locationPaths());
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
}
