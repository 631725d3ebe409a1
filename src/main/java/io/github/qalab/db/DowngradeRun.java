package io.github.qalab.db;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What {@code downgrade} did (or, for a dry run, would do).
 *
 * @param from     the version before
 * @param to       the version after, "" for an empty history
 * @param reverted the migrations reverted, newest first
 * @param dryRun   true when nothing was executed
 * @param total    the wall-clock time of the whole operation
 */
public record DowngradeRun(String from, String to, List<Reverted> reverted, boolean dryRun, Duration total) {

    public DowngradeRun {
        reverted = List.copyOf(reverted);
    }

    /**
     * One reverted migration: its downgrade statements (with their line in the file), the statement that removes it
     * from the history table, and how long it took.
     */
    public record Reverted(String version, String script, Path file, List<Statement> statements, String historySql,
                           Duration time) {
        public Reverted {
            statements = List.copyOf(statements);
        }
    }

    /** One downgrade statement and the 1-based line where it starts in its file. */
    public record Statement(int line, String sql) {
    }
}
