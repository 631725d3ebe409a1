package io.github.qalab.integrity;

import io.github.qalab.convention.Severity;
import io.github.qalab.convention.Violation;
import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.migration.MigrationSum;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * QL012: {@code qalab.sum} is intact: no git conflict markers, every line readable, and the total hash matching its
 * lines. Two branches that each add a migration conflict here, which is the point: the merge must be resolved by
 * renumbering, not by hand-editing hashes.
 */
public final class SumFileRule extends SumRule {

    @Override
    public String id() {
        return "QL012";
    }

    @Override
    public String summary() {
        return "qalab.sum is intact: no merge conflict markers, readable lines, and a total hash that matches them.";
    }

    @Override
    public String hint() {
        return "run mvn qalab:renumber: it renumbers the migration merged last when two share a number and rewrites"
                + " the conflicted qalab.sum itself (with no shared number, mvn qalab:hash rewrites it)";
    }

    @Override
    List<Violation> check(MigrationDirectory directory, Path sumFile, Optional<MigrationSum.Recorded> recorded,
                          Severity severity) {
        List<Violation> found = new ArrayList<>();
        if (recorded.isEmpty()) {
            return found;
        }
        boolean conflicted = recorded.get().conflicted();
        for (MigrationSum.Problem problem : recorded.get().problems()) {
            if (conflicted && !problem.conflict()) {
                continue; // inside a conflict every other complaint is noise
            }
            String fix = conflicted ? hint() : recorded.get().unreadable()
                    ? "replace it by the regular file from version control (git checkout -- " + MigrationSum.FILE_NAME
                            + "), or delete it and run mvn qalab:hash after checking that no migration was edited"
                    : "run mvn qalab:hash to write it again (after checking that no migration was edited), and never"
                            + " edit it by hand";
            found.add(new Violation(id(), severity, sumFile, problem.line(), MigrationSum.FILE_NAME + " is corrupt: "
                    + problem.message(), fix));
        }
        return found;
    }
}
