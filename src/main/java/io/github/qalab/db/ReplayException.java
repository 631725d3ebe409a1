package io.github.qalab.db;

import java.nio.file.Path;

/**
 * A migration that could not be replayed into the shadow database, or a shadow database that could not be used;
 * {@link #getMessage()} is the one-line diagnostic for the user ({@code path:line: message — hint}).
 */
public final class ReplayException extends Exception {

    private final transient Path file;
    private final int line;
    private final String databaseMessage;
    private final String hint;
    private final boolean desiredSchemaRefused;

    public ReplayException(Path file, int line, String databaseMessage, String hint) {
        this(file, line, databaseMessage, hint, false);
    }

    private ReplayException(Path file, int line, String databaseMessage, String hint, boolean desiredSchemaRefused) {
        super((file == null ? "" : file + (line > 0 ? ":" + line : "") + ": ") + databaseMessage
                + (hint == null || hint.isEmpty() ? "" : " — " + hint));
        this.file = file;
        this.line = line;
        this.databaseMessage = databaseMessage;
        this.hint = hint == null ? "" : hint;
        this.desiredSchemaRefused = desiredSchemaRefused;
    }

    /**
     * The shadow database refused the desired (entities') schema while normalising it: a type, default or check it
     * cannot hold; no migration is at fault.
     */
    static ReplayException desiredSchemaRefused(String databaseMessage, String hint) {
        return new ReplayException(null, 0, databaseMessage, hint, true);
    }

    /** What to do, "" when nothing is said. */
    public String hint() {
        return hint;
    }

    /**
     * Whether the shadow database refused the desired (entities') schema while normalising it, a type or check it
     * cannot hold, rather than a migration or the shadow database itself failing.
     */
    public boolean desiredSchemaRefused() {
        return desiredSchemaRefused;
    }

    /** The migration file that failed, or {@code null} when the shadow database itself failed. */
    public Path file() {
        return file;
    }

    /** The 1-based line of the failing statement in that file, 0 when unknown. */
    public int line() {
        return line;
    }

    /** The database's own message. */
    public String databaseMessage() {
        return databaseMessage;
    }
}
