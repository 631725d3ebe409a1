package io.github.qalab.convention;

import io.github.qalab.migration.MigrationFile;
import io.github.qalab.migration.SqlText;

import java.util.List;

/** QL006: the upgrade part holds at least one SQL statement; comments and blank lines do not count. */
public final class UpgradeStatementRule extends MigrationFileRule {

    @Override
    public String id() {
        return "QL006";
    }

    @Override
    public String summary() {
        return "The upgrade part (between the header and the downgrade block) holds at least one SQL statement.";
    }

    @Override
    public String hint() {
        return "write the schema change below the header, or delete the file if nothing changed "
                + "(an empty migration still takes a version in Flyway's history)";
    }

    @Override
    void check(MigrationFile file, Severity severity, List<Violation> found) {
        if (!SqlText.hasStatement(file.upgrade().sql())) {
            int line = Math.min(file.upgrade().startLine(), lastLine(file.content()));
            String what = file.content().isBlank() ? "the file is empty" : "the upgrade part holds no SQL statement";
            found.add(violation(severity, file, line, what + " (comments and blank lines do not count)", hint()));
        }
    }
}
