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
}
