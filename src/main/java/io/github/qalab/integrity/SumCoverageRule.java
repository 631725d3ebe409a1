package io.github.qalab.integrity;

import io.github.qalab.convention.Severity;
import io.github.qalab.convention.Violation;
import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.migration.MigrationFile;
import io.github.qalab.migration.MigrationSum;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * QL011: {@code qalab.sum} and the folder list the same migrations: no migration missing from the sum (written by hand
 * or copied in without {@code qalab:hash}), no sum line naming a file that is gone (a deleted migration).
 */
public final class SumCoverageRule extends SumRule {

    @Override
    public String id() {
        return "QL011";
    }

    @Override
    public String summary() {
        return "Every migration is recorded in qalab.sum, and every file qalab.sum names exists.";
    }

    @Override
    public String hint() {
        return "for a new migration run mvn qalab:hash; restore a deleted migration from version control "
                + "(applied history is never deleted)";
    }

    @Override
    List<Violation> check(MigrationDirectory directory, Path sumFile, Optional<MigrationSum.Recorded> recorded,
                          Severity severity) {
        List<Violation> found = new ArrayList<>();
        if (recorded.isEmpty() || recorded.get().conflicted() || recorded.get().unreadable()) {
            return found; // no sum is QL013's finding, a conflicted one QL012's
        }
        Set<String> present = new HashSet<>();
        for (MigrationFile file : directory.files()) {
            if (!file.conventionalName()) {
                continue;
            }
            present.add(file.fileName());
            if (!recorded.get().entries().containsKey(file.fileName())) {
                found.add(new Violation(id(), severity, file.path(), 1,
                        "not recorded in " + MigrationSum.FILE_NAME + ": a new migration that was not hashed",
                        "run mvn qalab:hash (qalab:generate does it for you) and commit " + MigrationSum.FILE_NAME));
            }
        }
        for (MigrationSum.RecordedEntry entry : recorded.get().entries().values()) {
            if (!present.contains(entry.fileName())) {
                found.add(new Violation(id(), severity, sumFile, entry.line(),
                        entry.fileName() + " is recorded in " + MigrationSum.FILE_NAME + " but the file is missing",
                        "restore it from version control: a migration that was merged may already be applied "
                                + "somewhere; if it never was, run mvn qalab:hash"));
            }
        }
        return found;
    }
}
