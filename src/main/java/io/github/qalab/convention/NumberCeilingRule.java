package io.github.qalab.convention;

import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.migration.MigrationFile;

import java.util.List;

/**
 * QL014 (a warning by default): the chain is close to {@value #LAST}, the last number three digits can hold. From
 * {@value #WARN_FROM} on, every run says how many numbers are left, so that the history can be squashed before
 * {@code qalab:generate} has to refuse.
 */
public final class NumberCeilingRule implements Rule {

    /** The last number of the {@code NNN_description.sql} convention. */
    public static final int LAST = 999;

    /** The number from which verify warns. */
    public static final int WARN_FROM = 990;

    @Override
    public String id() {
        return "QL014";
    }

    @Override
    public String summary() {
        return "The chain stays clear of 999, the last number three digits hold (a warning from 990 on).";
    }

    @Override
    public String hint() {
        return squashAdvice();
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARN;
    }

    @Override
    public List<Violation> check(MigrationDirectory directory, Severity severity) {
        return directory.head().filter(head -> head.number() >= WARN_FROM)
                .map(head -> List.of(new Violation(id(), severity, head.path(), 1, message(head), hint())))
                .orElse(List.of());
    }

    private static String message(MigrationFile head) {
        int left = LAST - head.number();
        return "the chain is at " + head.version().orElse("") + ": " + (left == 0 ? "no number is"
                : left == 1 ? "1 number is" : left + " numbers are") + " left before 999, the last one three digits"
                + " hold, after which qalab:generate refuses to write";
    }

    /** What to do when the numbers run out; also the guidance of {@code qalab:generate} at the ceiling. */
    public static String squashAdvice() {
        return "squash the history into a baseline: write the schema of the newest migration into a new chain that"
                + " starts again at 001 (in a new migration folder), baseline the existing databases at it"
                + " (Flyway baseline), and archive the old migrations outside the migration location";
    }
}
