package io.github.qalab.maven;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.qalab.db.ConnectionSettings;
import io.github.qalab.db.DatabaseStatus;
import io.github.qalab.db.LiveDatabase;
import io.github.qalab.db.RevisionState;
import io.github.qalab.db.RevisionStatus;
import io.github.qalab.generate.LiveDrift;
import io.github.qalab.migration.MigrationDirectory;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Shows where the database stands: the current revision, then every migration newest first with its state (applied
 * and when, pending, failed, applied but file missing, edited after apply, baseline), marking the head; with
 * {@code -Dqalab.liveDrift}, also every difference between the database and the schema its applied migrations produce.
 */
@Mojo(name = "status", threadSafe = true, requiresDependencyResolution = ResolutionScope.RUNTIME)
public class StatusMojo extends AbstractLiveSchemaMojo {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** {@code text} (log lines) or {@code json} (printed, and written to {@code output}). */
    @Parameter(property = "qalab.format", defaultValue = "text")
    protected String format;

    /** Where the JSON status goes with {@code qalab.format=json}. */
    @Parameter(property = "qalab.output", defaultValue = "${project.build.directory}/qalab/status.json")
    protected File output;

    /**
     * Compares the live database with the schema its applied migrations produce (replayed into the shadow database)
     * and lists every difference, such as an index or a column added by hand. Off by default: it replays the
     * migrations, which takes seconds where the rest of {@code status} takes milliseconds.
     */
    @Parameter(property = "qalab.liveDrift", defaultValue = "false")
    protected boolean liveDrift;

    /**
     * Fails the build when the database has drifted from its applied migrations, or drift cannot be checked (for a
     * scheduled CI job); implies {@code liveDrift}.
     */
    @Parameter(property = "qalab.failOnDrift", defaultValue = "false")
    protected boolean failOnDrift;

    @Override
    protected void run() throws MojoFailureException {
        String fmt = format == null ? "text" : format.strip().toLowerCase(java.util.Locale.ROOT);
        if (!fmt.equals("text") && !fmt.equals("json")) {
            throw new MojoFailureException("qalab.format=" + format + " is not known \u2014 use text or json");
        }
        long start = System.nanoTime();
        MigrationDirectory directory = scanMigrations();
        ConnectionSettings connection = connection();
        DatabaseStatus status = withRunner(connection, directory, runner -> runner.info());
        LiveDrift.Result drift = null;
        if (liveDrift || failOnDrift) {
            LiveDatabase.Catalog catalog = withRunner(connection, directory,
                    runner -> new LiveDatabase(connection, runner).read(false));
            drift = StatusDrift.check(directory, status, catalog, shadow(dialect()), dialect());
        }
        if (fmt.equals("json")) {
            writeJson(status, drift);
        } else {
            printText(status);
        }
        if (drift != null) {
            StatusDrift.log(getLog(), drift, !status.current().isEmpty());
        }
        getLog().info("Status read in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        MojoFailureException failure = failOnDrift ? StatusDrift.failure(drift) : null;
        if (failure != null) {
            throw failure;
        }
    }

    private void printText(DatabaseStatus status) {
        long pending = status.in(RevisionState.PENDING).size();
        getLog().info("Current revision: " + (status.current().isEmpty() ? "none (empty database)" : status.current())
                + "; head: " + (status.head().isEmpty() ? "none" : status.head())
                + (pending == 0 ? "" : "; " + pending + " pending"));
        int width = status.revisions().stream().mapToInt(r -> r.script().length()).max().orElse(10);
        for (RevisionStatus r : status.revisions()) {
            String marks = (r.head() ? " (head)" : "") + (r.current() ? " (current)" : "");
            String when = r.appliedOn() == null ? "" : " " + WHEN.format(r.appliedOn().atZone(ZoneId.systemDefault()));
            String line = String.format("  %s  %-" + width + "s  %s%s%s", r.version(), r.script(), r.state().label(),
                    when, marks);
            switch (r.state()) {
                case APPLIED, PENDING, BASELINE, BELOW_BASELINE -> getLog().info(line);
                default -> getLog().warn(line);
            }
        }
        for (RevisionStatus r : status.revisions()) {
            String where = r.file() == null ? r.script() : display(r.file());
            r.problem(table).ifPresent(problem -> getLog().warn(where + ": " + problem));
        }
    }

    private void writeJson(DatabaseStatus status, LiveDrift.Result drift) throws MojoFailureException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("database", status.database());
        root.put("current", status.current().isEmpty() ? null : status.current());
        root.put("head", status.head().isEmpty() ? null : status.head());
        root.put("upToDate", status.upToDate());
        ArrayNode list = root.putArray("migrations");
        for (RevisionStatus r : status.revisions()) {
            ObjectNode node = list.addObject();
            node.put("version", r.version());
            node.put("description", r.description());
            node.put("file", r.file() == null ? null : display(r.file()));
            node.put("script", r.script());
            node.put("state", r.state().name().toLowerCase(java.util.Locale.ROOT));
            node.put("appliedOn", r.appliedOn() == null ? null : r.appliedOn().toString());
            node.put("appliedChecksum", r.appliedChecksum());
            node.put("fileChecksum", r.fileChecksum());
            node.put("head", r.head());
            node.put("current", r.current());
        }
        root.set("drift", StatusDrift.json(mapper, drift));
        String json;
        try {
            json = mapper.writeValueAsString(root);
            Path target = output.toPath();
            Files.createDirectories(target.toAbsolutePath().getParent());
            io.github.qalab.migration.AtomicFiles.write(target, (json + "\n").getBytes(StandardCharsets.UTF_8), true);
        } catch (IOException e) {
            throw new MojoFailureException("Cannot write " + display(output.toPath()) + ": " + e.getMessage()
                    + " \u2014 check that the folder is writable or set qalab.output");
        }
        getLog().info(json);
        getLog().info("Status written to " + display(output.toPath()));
    }
}
