package io.github.qalab.convention;

import io.github.qalab.migration.MigrationFile;

import java.util.List;

/** QL002: a migration starts with a header whose {@code -- revision:} equals the number in its file name. */
public final class HeaderRevisionRule extends MigrationFileRule {

    @Override
    public String id() {
        return "QL002";
    }

    @Override
    public String summary() {
        return "A migration starts with the header line -- revision: NNN, equal to the number in its file name.";
    }

    @Override
    public String hint() {
        return "start the file with -- revision: NNN (the file's number) and -- down_revision: the previous number";
    }

    @Override
    void check(MigrationFile file, Severity severity, List<Violation> found) {
        MigrationFile.Header header = file.header();
        repeatedKey(file, "revision", severity, found, this);
        String version = version(file.number());
        String previous = file.number() == 1 ? "none" : version(file.number() - 1);
        if (!header.hasRevision() && !header.hasDownRevision()) {
            found.add(violation(severity, file, 1, "no header: the first lines must name the revision",
                    "start the file with -- revision: " + version + " and -- down_revision: " + previous));
        } else if (!header.hasRevision()) {
            found.add(violation(severity, file, 1, "the header has no -- revision: line",
                    "add -- revision: " + version + " as the first line"));
        } else if (!header.revision().equals(version)) {
            String shown = header.revision().isEmpty() ? "(empty)" : header.revision();
            found.add(violation(severity, file, header.revisionLine(),
                    "-- revision: " + shown + " does not match the file's number " + version,
                    "write -- revision: " + version + " (three digits, as in the file name)"));
        }
    }
}
