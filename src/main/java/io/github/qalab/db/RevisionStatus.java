package io.github.qalab.db;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One revision as seen by the database and the migration folder together.
 *
 * @param version         the three-digit version, {@code "003"}
 * @param description     Flyway's description, {@code "add account table"}
 * @param script          the file name (from the folder, or from the history table when the file is gone)
 * @param file            the file in the folder, {@code null} when it is missing
 * @param state           what the database and the folder say
 * @param appliedOn       when it was applied, {@code null} when it is not in the history table
 * @param appliedChecksum the checksum recorded when applied, {@code null} when not applied
 * @param fileChecksum    the checksum of the file now, {@code null} when the file is missing
 * @param head            true for the newest file in the folder
 * @param current         true for the revision the database is at
 */
public record RevisionStatus(String version, String description, String script, Path file, RevisionState state,
                             Instant appliedOn, Integer appliedChecksum, Integer fileChecksum,
                             boolean head, boolean current) {

    /**
     * What is wrong with this revision and the one command that fixes it, for the states that need a fix
     * ({@code edited after it was applied (...) — restore ...}); empty for applied, pending and baseline states.
     * {@code status} and {@code migrate} print it after the file's name.
     *
     * @param table the history table, named in the text
     */
    public java.util.Optional<String> problem(String table) {
        return java.util.Optional.ofNullable(switch (state) {
            case EDITED_AFTER_APPLY -> "edited after it was applied (checksum " + appliedChecksum + " in " + table
                    + ", " + fileChecksum + " now) \u2014 restore the applied content and put the change into a new"
                    + " migration (mvn qalab:generate); only for a reviewed edit that changes nothing in the database"
                    + " (a comment): mvn qalab:repair";
            case FILE_MISSING -> "applied as " + version + " but no file has that number any more \u2014 restore the"
                    + " file from version control (git log --diff-filter=D -- '*" + script + "'), or update the"
                    + " checkout if the database was migrated by a newer one";
            case FAILED -> "marked as failed in " + table + " \u2014 undo by hand what its statements left, fix the"
                    + " file, then run: mvn qalab:repair qalab:hash qalab:migrate";
            case INTERRUPTED -> "started but never finished (the process died while it ran); some of its statements"
                    + " may be applied without a history row \u2014 undo them by hand (mvn qalab:status"
                    + " -Dqalab.liveDrift=true lists what the database has beyond its history), then run: mvn"
                    + " qalab:repair qalab:migrate";
            default -> null;
        });
    }
}
