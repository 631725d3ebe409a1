package io.github.qalab.convention;

import io.github.qalab.migration.MigrationDirectory;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/** The outcome of checking a {@link MigrationDirectory}: every violation, sorted by file then line then rule. */
public record ConventionReport(MigrationDirectory directory, List<Violation> violations) {

    static final Comparator<Violation> ORDER = Comparator
            .comparing((Violation v) -> v.file().toString())
            .thenComparingInt(Violation::line)
            .thenComparing(Violation::ruleId);

    public ConventionReport {
        violations = violations.stream().sorted(ORDER).toList();
    }

    /** The violations whose severity fails the build. */
    public List<Violation> errors() {
        return violations.stream().filter(v -> v.severity() == Severity.ERROR).toList();
    }

    public boolean hasErrors() {
        return violations.stream().anyMatch(v -> v.severity() == Severity.ERROR);
    }

    /** {@code 3 violations in 2 files}: the count of the given violations and of the files they name. */
    public static String summary(List<Violation> found) {
        long files = found.stream().map(Violation::file).map(Path::toString).distinct().count();
        return found.size() + (found.size() == 1 ? " violation" : " violations") + " in "
                + files + (files == 1 ? " file" : " files");
    }
}
