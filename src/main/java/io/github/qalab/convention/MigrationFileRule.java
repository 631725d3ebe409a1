package io.github.qalab.convention;

import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.migration.MigrationFile;

import java.util.ArrayList;
import java.util.List;

/**
 * A rule that looks at one migration at a time: only readable files with a conventional name, because a badly
 * named or unreadable file is already reported by {@link FileNameRule} or {@link ReadableFileRule} and checking
 * its content too would only repeat the same problem in other words.
 */
abstract class MigrationFileRule implements Rule {

    @Override
    public final List<Violation> check(MigrationDirectory directory, Severity severity) {
        List<Violation> found = new ArrayList<>();
        for (MigrationFile file : directory.files()) {
            if (file.conventionalName() && file.readable()) {
                check(file, severity, found);
            }
        }
        return found;
    }

    /** Adds the violations of one readable, conventionally named file to {@code found}. */
    abstract void check(MigrationFile file, Severity severity, List<Violation> found);

    /**
     * A second {@code -- key:} line in the header: tools disagree on which one counts (qalab reads the first), so
     * a header names each key once.
     */
    static void repeatedKey(MigrationFile file, String key, Severity severity, List<Violation> found,
                            MigrationFileRule rule) {
        int first = 0;
        for (io.github.qalab.migration.MigrationParser.HeaderEntry e
                : io.github.qalab.migration.MigrationParser.headerEntries(file.content())) {
            if (!e.key().equals(key)) {
                continue;
            }
            if (first == 0) {
                first = e.line();
            } else {
                found.add(rule.violation(severity, file, e.line(), "a second -- " + key + ": line (the first is on"
                        + " line " + first + ")", "keep one -- " + key + ": line and delete this one"));
            }
        }
    }

    Violation violation(Severity severity, MigrationFile file, int line, String message, String hint) {
        return new Violation(id(), severity, file.path(), line, message, hint);
    }

    /** {@code 003}: the three-digit form of a migration number. */
    static String version(int number) {
        // not String.format: its first call costs ~100 ms of class loading and parsing, a third of the budget
        String digits = Integer.toString(number);
        return digits.length() >= 3 ? digits : "000".substring(digits.length()) + digits;
    }

    /** The number of the last line of LF-normalised text (1 for an empty text). */
    static int lastLine(String content) {
        int lines = 1;
        for (int i = 0; i < content.length(); i++) {
            if (content.charAt(i) == '\n' && i < content.length() - 1) {
                lines++;
            }
        }
        return lines;
    }
}
