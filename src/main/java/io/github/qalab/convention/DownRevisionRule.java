package io.github.qalab.convention;

import io.github.qalab.migration.MigrationFile;

import java.util.List;

/**
 * QL003: {@code -- down_revision:} names the previous number ({@code none} for {@code 001}).
 *
 * <p>"Previous" is the file's number minus one, not the previous file found: a gap is QL004's finding, and
 * checking against the number keeps each header verifiable on its own.
 */
public final class DownRevisionRule extends MigrationFileRule {

    @Override
    public String id() {
        return "QL003";
    }

    @Override
    public String summary() {
        return "The header line -- down_revision: names the previous number, none for 001.";
    }

    @Override
    public String hint() {
        return "write -- down_revision: NNN with the previous number (none for 001) below the revision line";
    }

    @Override
    void check(MigrationFile file, Severity severity, List<Violation> found) {
        MigrationFile.Header header = file.header();
        if (file.number() < 1 || (!header.hasRevision() && !header.hasDownRevision())) {
            return; // 000 is QL004's finding, a missing header QL002's
        }
        repeatedKey(file, "down_revision", severity, found, this);
        String expected = file.number() == 1 ? "none" : version(file.number() - 1);
        if (!header.hasDownRevision()) {
            int line = header.hasRevision() ? header.revisionLine() : 1;
            found.add(violation(severity, file, line, "the header has no -- down_revision: line",
                    "add -- down_revision: " + expected + " below the revision line"));
            return;
        }
        String value = header.downRevision();
        boolean ok = file.number() == 1 ? value.equalsIgnoreCase("none") : value.equals(expected);
        if (!ok) {
            String shown = value.isEmpty() ? "(empty)" : value;
            String why = file.number() == 1
                    ? "001 is the first migration and has no predecessor"
                    : "the previous number is " + expected;
            found.add(violation(severity, file, header.downRevisionLine(),
                    "-- down_revision: " + shown + " is wrong: " + why,
                    "write -- down_revision: " + expected));
        }
    }
}
