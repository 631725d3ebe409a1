package io.github.qalab.convention;

import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.migration.MigrationFile;

import java.util.ArrayList;
import java.util.List;

/** QL008: every file in a migration folder is a regular file readable as UTF-8 (a BOM is allowed). */
public final class ReadableFileRule implements Rule {

    @Override
    public String id() {
        return "QL008";
    }

    @Override
    public String summary() {
        return "Every file in the migration folder is a regular file that reads as UTF-8 (with or without BOM).";
    }

    @Override
    public String hint() {
        return "save the file as UTF-8, or replace a link or special file by a regular file";
    }

    @Override
    public List<Violation> check(MigrationDirectory directory, Severity severity) {
        List<Violation> found = new ArrayList<>();
        for (MigrationFile file : directory.files()) {
            String hint = switch (file.kind()) {
                case READABLE -> null;
                case NOT_UTF8 -> "save it as UTF-8 with at most one byte-order mark (e.g. iconv -f windows-1252"
                        + " -t utf-8), then check the line named";
                case OVER_LIMIT -> "split it into smaller migrations or simpler statements; load bulk data another"
                        + " way (COPY, LOAD DATA or the application)";
                case UNKNOWN_CHARACTER -> "delete the invisible or stray character (most editors show it with"
                        + " 'show whitespace'), or move it into a string or comment";
                case NOT_REGULAR -> "replace it by a regular file, or remove it";
                case IO_ERROR -> "check that the build user may read it";
            };
            if (hint != null) {
                found.add(new Violation(id(), severity, file.path(), file.problemLine(),
                        "the file " + file.problem(), hint));
            }
        }
        return found;
    }
}
