package io.github.qalab.db;

/** Receives the progress lines of a database operation as they happen (the Mojo adapts it to Maven's log). */
@FunctionalInterface
public interface ProgressListener {

    /** One line of progress, already masked. */
    void info(String line);

    /** A line that needs attention but does not stop the operation. */
    default void warn(String line) {
        info(line);
    }

    /** Ignores everything. */
    ProgressListener NONE = line -> { };
}
