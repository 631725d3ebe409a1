package io.github.qalab.convention;

import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.migration.MigrationFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** QL004: the numbers start at {@code 001} and grow by one, without gaps. */
public final class ContiguousNumbersRule implements Rule {

    @Override
    public String id() {
        return "QL004";
    }

    @Override
    public String summary() {
        return "Migration numbers start at 001 and grow by one, without gaps.";
    }

    @Override
    public String hint() {
        return "renumber the files so that they count 001, 002, 003 ... (file name, -- revision, -- down_revision), "
                + "or restore the missing migration";
    }

    @Override
    public List<Violation> check(MigrationDirectory directory, Severity severity) {
        // Every conventionally named file holds its number, readable or not: an unreadable 002 is no gap.
        TreeMap<Integer, MigrationFile> firstByNumber = new TreeMap<>();
        List<Violation> found = new ArrayList<>();
        for (MigrationFile file : directory.files()) {
            if (!file.conventionalName()) {
                continue;
            }
            if (file.number() == 0) {
                found.add(new Violation(id(), severity, file.path(), 1,
                        "number 000 is not allowed: migration numbers start at 001",
                        "renumber it to " + MigrationFileRule.version(directory.nextNumber())
                                + " (file name, -- revision, -- down_revision)"));
                continue;
            }
            firstByNumber.putIfAbsent(file.number(), file);
        }
        int expected = 1;
        for (Map.Entry<Integer, MigrationFile> entry : firstByNumber.entrySet()) {
            int number = entry.getKey();
            MigrationFile file = entry.getValue();
            if (number > expected) {
                String missing = number - expected == 1
                        ? MigrationFileRule.version(expected) + " is missing"
                        : MigrationFileRule.version(expected) + " to " + MigrationFileRule.version(number - 1)
                                + " are missing";
                String message = expected == 1
                        ? "the chain starts at " + MigrationFileRule.version(number) + ", not at 001: " + missing
                        : MigrationFileRule.version(number) + " follows "
                                + MigrationFileRule.version(expected - 1) + ": " + missing;
                found.add(new Violation(id(), severity, file.path(), 1, message,
                        "renumber " + MigrationFileRule.version(number) + " and the files after it to close the gap "
                                + "(file name, -- revision, -- down_revision), or restore the missing migration"));
            }
            expected = number + 1;
        }
        return found;
    }
}
