package io.github.qalab.convention;

import io.github.qalab.migration.MigrationDirectory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * QL009: every configured migration location exists and is a folder; a mistyped location would otherwise let the
 * check pass on nothing.
 */
public final class LocationExistsRule implements Rule {

    @Override
    public String id() {
        return "QL009";
    }

    @Override
    public String summary() {
        return "Every configured migration location exists and is a folder.";
    }

    @Override
    public String hint() {
        return "create the folder (mkdir -p it; mvn compile qalab:generate -Dqalab.message=\"Create the schema\" also"
                + " creates it with the first migration, but a build whose verify runs first fails here), or fix the"
                + " configured location (qalab.locations)";
    }

    @Override
    public List<Violation> check(MigrationDirectory directory, Severity severity) {
        List<Violation> found = new ArrayList<>();
        for (Path missing : directory.missingLocations()) {
            String what = java.nio.file.Files.exists(missing)
                    ? "the migration location is not a folder"
                    : "the migration folder does not exist";
            found.add(new Violation(id(), severity, missing, 1, what, hint()));
        }
        return found;
    }
}
