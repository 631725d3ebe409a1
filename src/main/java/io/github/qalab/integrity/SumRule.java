package io.github.qalab.integrity;

import io.github.qalab.convention.Rule;
import io.github.qalab.convention.Severity;
import io.github.qalab.convention.Violation;
import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.migration.MigrationSum;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The base of the integrity rules: each compares the migration folder with its {@code qalab.sum}. */
abstract sealed class SumRule implements Rule
        permits RecordedHashRule, SumCoverageRule, SumFileRule, SumPresentRule {

    @Override
    public final List<Violation> check(MigrationDirectory directory, Severity severity) {
        return read(directory).map(sum -> check(directory, sum.file(), sum.recorded(), severity)).orElse(List.of());
    }

    /** The sum file of a directory as read once for all rules; empty when the first location does not exist. */
    record SumState(Path file, Optional<MigrationSum.Recorded> recorded) {
    }

    static Optional<SumState> read(MigrationDirectory directory) {
        Optional<Path> file = MigrationSum.location(directory);
        if (file.isEmpty() || directory.missingLocations().contains(directory.locations().get(0))) {
            return Optional.empty(); // no folder at all is QL009's finding
        }
        Optional<MigrationSum.Recorded> recorded;
        try {
            recorded = MigrationSum.read(file.get());
        } catch (IOException e) {
            recorded = Optional.of(MigrationSum.Recorded.unreadable(file.get(), e.getMessage()));
        }
        return Optional.of(new SumState(file.get(), recorded));
    }

    /** The violations, given the sum as read ({@code recorded} is empty when there is no sum file). */
    abstract List<Violation> check(MigrationDirectory directory, Path sumFile,
                                   Optional<MigrationSum.Recorded> recorded, Severity severity);
}
