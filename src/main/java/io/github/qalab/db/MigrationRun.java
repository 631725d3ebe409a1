package io.github.qalab.db;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What {@code migrate} did.
 *
 * @param from    the version before, "" for an empty database
 * @param to      the version after, "" when still empty
 * @param applied the migrations applied, in order
 * @param total   the wall-clock time of the whole operation
 */
public record MigrationRun(String from, String to, List<Applied> applied, Duration total) {

    public MigrationRun {
        applied = List.copyOf(applied);
    }

    /** One applied migration and how long it took. */
    public record Applied(String version, String script, Path file, Duration time) {
    }
}
