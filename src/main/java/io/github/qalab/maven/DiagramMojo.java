package io.github.qalab.maven;

import io.github.qalab.db.ReplayException;
import io.github.qalab.db.ShadowDatabase;
import io.github.qalab.diagram.ErDiagram;
import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.migration.MigrationFile;
import io.github.qalab.schema.Schema;
import io.github.qalab.sql.Dialect;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Draws the schema the migrations produce, at the head or at {@code -Dqalab.revision=NNN}, as a Mermaid
 * {@code erDiagram} in {@code target/qalab/schema.md} (GitHub renders it): tables, columns with their types, primary
 * and foreign keys, relations. With {@code -Dqalab.highlight} it marks what that revision's migration changes, for
 * reviewing a schema change as a picture.
 */
@Mojo(name = "diagram", threadSafe = true, requiresProject = true)
public class DiagramMojo extends AbstractQalabMojo {

    /** The revision to draw, e.g. {@code 003}: the schema the migrations up to it produce. Empty for the head. */
    @Parameter(property = "qalab.revision")
    protected String revision;

    /** Marks the tables and columns that the drawn revision's own migration creates or changes. */
    @Parameter(property = "qalab.highlight", defaultValue = "false")
    protected boolean highlight;

    /** Where the Markdown file with the diagram is written. */
    @Parameter(property = "qalab.diagramOutput", defaultValue = "${project.build.directory}/qalab/schema.md")
    protected File diagramOutput;

    /**
     * A real, empty database to replay the migrations into instead of the embedded H2 (for migrations with
     * vendor-only SQL). Everything in it is dropped before and after; a database holding other tables is refused.
     */
    @Parameter
    protected String shadowUrl;

    /** The user for {@code shadowUrl}. */
    @Parameter(property = "qalab.shadowUser")
    protected String shadowUser;

    /**
     * The password for {@code shadowUrl} ({@code -Dqalab.shadowPassword}); never printed, also not by {@code -X}: the
     * URL and the password are read by qalab itself, not by Maven.
     */
    @Parameter
    protected String shadowPassword;

    @Override
    protected java.util.List<String> configuredSecrets() {
        return java.util.Arrays.asList(shadowUrl, shadowPassword);
    }

    @Override
    protected void run() throws MojoFailureException {
        long start = System.nanoTime();
        Dialect target = dialect();
        MigrationDirectory directory = scanMigrations();
        List<MigrationFile> all = directory.migrations();
        if (all.isEmpty()) {
            throw new MojoFailureException("No migration in " + locations + ": there is no schema to draw \u2014 write"
                    + " one with mvn qalab:generate -Dqalab.message=\"...\"");
        }
        MigrationFile head = all.get(all.size() - 1);
        MigrationFile shown = head;
        if (revision != null && !revision.isBlank()) {
            String wanted = revision.strip();
            shown = wanted.matches("[0-9]{1,9}") ? all.stream().filter(m -> m.number() == Integer.parseInt(wanted))
                    .findFirst().orElse(null) : null;
            if (shown == null) {
                throw new MojoFailureException("qalab.revision=" + wanted + ": no migration has that number (they run"
                        + " from " + all.get(0).version().orElse("?") + " to " + head.version().orElse("?")
                        + ") \u2014 name one of them, or leave qalab.revision out for the head");
            }
        }
        int number = shown.number();
        String version = shown.version().orElseThrow();
        List<MigrationFile> upTo = all.stream().filter(m -> m.number() <= number).toList();
        Schema schema = replay(upTo, target);
        ErDiagram.Changes changes = null;
        if (highlight) {
            List<MigrationFile> before = upTo.subList(0, upTo.size() - 1);
            changes = ErDiagram.changes(version, before.isEmpty() ? Schema.EMPTY : replay(before, target), schema,
                    target);
        }
        String title = "Schema at revision " + version + (shown == head ? " (head)" : "");
        String source = upTo.size() + " migration" + (upTo.size() == 1 ? "" : "s") + " in " + locations.strip()
                + (shown == head ? "" : " (up to " + version + ")");
        String markdown = ErDiagram.markdown(schema, target, title, source, changes);
        Path file = diagramOutput.toPath().toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            io.github.qalab.migration.AtomicFiles.write(file, markdown.getBytes(StandardCharsets.UTF_8), true);
        } catch (IOException e) {
            throw new MojoFailureException("Cannot write " + display(file) + ": " + e.getMessage()
                    + " \u2014 check that the folder is writable or set qalab.diagramOutput");
        }
        getLog().info("Wrote " + display(file) + ": " + title.toLowerCase(java.util.Locale.ROOT).replace("schema", "the schema")
                + ", " + schema.tables().size() + " tables"
                + (changes == null ? "" : ", " + changes.touchedTables().size() + " touched by " + version + " marked")
                + " (" + (System.nanoTime() - start) / 1_000_000 + " ms)");
    }

    private Schema replay(List<MigrationFile> migrations, Dialect target) throws MojoFailureException {
        String url = quietParameter(shadowUrl, "qalab.shadowUrl");
        ShadowDatabase shadow = url == null || url.isBlank()
                ? embeddedShadow(target)
                : ShadowDatabase.external(url, shadowUser, quietParameter(shadowPassword, "qalab.shadowPassword"));
        try {
            return shadow.replay(migrations);
        } catch (ReplayException e) {
            String base = basedir.toPath().toAbsolutePath() + File.separator;
            throw new MojoFailureException("A migration does not replay into the shadow database: "
                    + e.getMessage().replace(base, ""));
        }
    }
}
