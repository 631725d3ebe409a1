package io.github.qalab.integrity;

import io.github.qalab.convention.Severity;
import io.github.qalab.convention.Violation;
import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.migration.MigrationSum;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * QL013: the migration folder has a {@code qalab.sum}. A warning by default, so that a project can adopt the plugin
 * before recording its history; set it to {@code error} to require the sum.
 */
public final class SumPresentRule extends SumRule {

    @Override
    public String id() {
        return "QL013";
    }

    @Override
    public String summary() {
        return "The first migration folder holds a qalab.sum recording every migration's hash.";
    }

    @Override
    public String hint() {
        return "run mvn qalab:hash and commit qalab.sum: from then on edited, lost and conflicting migrations are "
                + "caught, and the safety lint checks only migrations added after it";
    }

    @Override
    List<Violation> check(MigrationDirectory directory, Path sumFile, Optional<MigrationSum.Recorded> recorded,
                          Severity severity) {
        if (recorded.isPresent() || directory.files().stream().noneMatch(f -> f.conventionalName())) {
            return List.of();
        }
        return List.of(new Violation(id(), severity, sumFile, 1,
                "no " + MigrationSum.FILE_NAME + ": the migrations' integrity is not checked", hint()));
    }
}
