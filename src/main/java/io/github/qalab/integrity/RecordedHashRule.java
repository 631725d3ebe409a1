package io.github.qalab.integrity;

import io.github.qalab.convention.Severity;
import io.github.qalab.convention.Violation;
import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.migration.MigrationFile;
import io.github.qalab.migration.MigrationSum;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * QL010: a migration's content equals the hash recorded in {@code qalab.sum}. Applied history is immutable: a
 * database that already ran the old text will never run the new one.
 */
public final class RecordedHashRule extends SumRule {

    @Override
    public String id() {
        return "QL010";
    }

    @Override
    public String summary() {
        return "A migration is not edited after it was recorded in qalab.sum (generated or merged).";
    }

    @Override
    public String hint() {
        return "undo the edit and create a new migration instead (mvn qalab:generate); only if this migration was "
                + "never applied anywhere (e.g. the template of qalab.empty you just filled in), record the edit with"
                + " mvn qalab:hash";
    }

    @Override
    List<Violation> check(MigrationDirectory directory, Path sumFile, Optional<MigrationSum.Recorded> recorded,
                          Severity severity) {
        List<Violation> found = new ArrayList<>();
        if (recorded.isEmpty() || recorded.get().conflicted() || recorded.get().unreadable()) {
            return found;
        }
        for (MigrationFile file : directory.files()) {
            MigrationSum.RecordedEntry entry = file.conventionalName()
                    ? recorded.get().entries().get(file.fileName()) : null;
            if (entry == null) {
                continue;
            }
            String now;
            try {
                now = MigrationSum.hashOf(file);
            } catch (IOException e) {
                continue; // an unreadable file is QL008's finding
            }
            if (!now.equals(entry.hash())) {
                found.add(new Violation(id(), severity, file.path(), 1,
                        "edited after it was recorded in " + MigrationSum.FILE_NAME + " (generated/merged): "
                                + "its content no longer matches the hash on line " + entry.line(), hint()));
            }
        }
        return found;
    }
}
