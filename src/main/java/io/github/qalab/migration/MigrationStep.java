package io.github.qalab.migration;

import java.util.List;

/**
 * The statements of one schema change inside a migration file, with an optional note written as a
 * {@code --} comment above them (e.g. that a dropped column comes back empty).
 *
 * @param statements SQL statements without trailing semicolons
 * @param note       one line of explanation, "" for none
 */
public record MigrationStep(List<String> statements, String note) {
    public MigrationStep {
        statements = List.copyOf(statements);
        note = note == null ? "" : note.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    public static MigrationStep of(List<String> statements) {
        return new MigrationStep(statements, "");
    }
}
