package io.github.qalab.convention;

import io.github.qalab.migration.MigrationFile;

import java.util.List;

/**
 * QL007: a migration ends with one well-formed {@code /* qalab:downgrade ... *}{@code /} block holding SQL, or
 * with the explicit opt-out {@code /* qalab:downgrade irreversible *}{@code /}.
 */
public final class DowngradeBlockRule extends MigrationFileRule {

    private static final String BLOCK_HINT = "end the file with /* qalab:downgrade <SQL that undoes the upgrade> */, "
            + "or with /* qalab:downgrade irreversible */ when it cannot be undone";

    @Override
    public String id() {
        return "QL007";
    }

    @Override
    public String summary() {
        return "A migration ends with a /* qalab:downgrade ... */ block holding SQL, without /* or */ inside, "
                + "or with /* qalab:downgrade irreversible */.";
    }

    @Override
    public String hint() {
        return BLOCK_HINT;
    }

    @Override
    void check(MigrationFile file, Severity severity, List<Violation> found) {
        MigrationFile.Downgrade downgrade = file.downgrade();
        switch (downgrade.state()) {
            case MISSING -> found.add(violation(severity, file, lastLine(file.content()),
                    "no downgrade block", BLOCK_HINT));
            case EMPTY -> found.add(violation(severity, file, downgrade.line(),
                    "the downgrade block is empty", BLOCK_HINT));
            case MALFORMED -> found.add(violation(severity, file, Math.max(downgrade.detailLine(), downgrade.line()),
                    "the downgrade block " + downgrade.detail(),
                    "keep one /* qalab:downgrade ... */ block as the last thing in the file, with no /* or */ "
                            + "inside it (use -- comments there)"));
            case SQL, IRREVERSIBLE -> {
                // well formed
            }
        }
    }
}
