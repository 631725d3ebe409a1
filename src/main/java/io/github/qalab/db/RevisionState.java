package io.github.qalab.db;

/** The state of one revision as {@code qalab:status} reports it. */
public enum RevisionState {
    /** Applied, and the file is unchanged since. */
    APPLIED("applied"),
    /** Applied, but the file's checksum differs from the one recorded when it was applied. */
    EDITED_AFTER_APPLY("edited after apply"),
    /** In the folder, not applied yet. */
    PENDING("pending"),
    /** Recorded as failed in the history table (databases without transactional DDL). */
    FAILED("failed"),
    /**
     * Started but never finished, on a database without transactional DDL: a migrate that died while it ran (kill -9,
     * power loss; some statements may be applied while the history has no row), or a downgrade step that failed or
     * died half way (some statements reverted while the history still lists it). Known from the plugin's journal
     * table ({@link FlywayRunner#JOURNAL_TABLE}); {@code qalab:repair} forgets it once the remains are undone.
     */
    INTERRUPTED("partially applied"),
    /** Recorded as applied, but no file has this version any more. */
    FILE_MISSING("applied, file missing"),
    /**
     * Recorded by a baseline ({@code qalab:baseline}, Flyway's {@code baseline}): the database already had the schema
     * up to this revision, which was recorded as applied without running its file.
     */
    BASELINE("baseline"),
    /** Below the baseline: part of the schema the baseline found, never run on this database and never to be run. */
    BELOW_BASELINE("below baseline");

    private final String label;

    RevisionState(String label) {
        this.label = label;
    }

    /** The words used in log lines and JSON. */
    public String label() {
        return label;
    }

    /** True when the history table holds a row for the revision. */
    public boolean inHistory() {
        return this != PENDING && this != BELOW_BASELINE && this != INTERRUPTED;
    }
}
