package io.github.qalab.migration;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One file found in a migration location, parsed as far as its name and content allow.
 *
 * <p>A file whose name breaks the convention, or whose bytes are not UTF-8, is still a {@code MigrationFile}:
 * the convention rules decide what is wrong with it, the parser never throws.
 *
 * @param path          the file's path as found in the location
 * @param location      the migration location the file was found in
 * @param number        the file's number when its name follows {@code NNN_description.sql}, else {@code -1}
 * @param description   the description part of a conventional name ({@code add_account_table}), else {@code ""}
 * @param kind          whether the file could be read at all
 * @param problem       why the file could not be read ({@code kind != READABLE}), else {@code ""}
 * @param problemLine   the line of that problem (1-based, 1 when unknown)
 * @param header        the parsed header lines (empty values when absent)
 * @param upgrade       the upgrade part: SQL between the header and the downgrade block
 * @param downgrade     the trailing downgrade block, as found
 * @param content       the whole text (BOM removed, line endings normalised to LF); "" when it could not be read as
 *                      text, kept for a text beyond an {@link InputLimits} bound
 */
public record MigrationFile(
        Path path,
        Path location,
        int number,
        String description,
        Kind kind,
        String problem,
        int problemLine,
        Header header,
        SqlPart upgrade,
        Downgrade downgrade,
        String content) {

    /** The file-name convention of design.md section 1. */
    public static final Pattern NAME = Pattern.compile("^([0-9]{3})_([a-z0-9]+(?:_[a-z0-9]+)*)\\.sql$");

    /** Whether the file could be read as text. */
    public enum Kind {
        READABLE, NOT_UTF8, NOT_REGULAR, IO_ERROR,
        /** Larger, longer or deeper than {@link InputLimits} allows: not parsed, so that nothing hangs on it. */
        OVER_LIMIT,
        /** Holds a character outside strings and comments that Flyway's parser stops at ({@link InputLimits}). */
        UNKNOWN_CHARACTER
    }

    /** The {@code -- key: value} header lines; a value is "" and its line 0 when the line is absent. */
    public record Header(String revision, int revisionLine, String downRevision, int downRevisionLine,
                         String message, int messageLine, int endLine) {
        public static final Header NONE = new Header("", 0, "", 0, "", 0, 0);

        public boolean hasRevision() {
            return revisionLine > 0;
        }

        public boolean hasDownRevision() {
            return downRevisionLine > 0;
        }
    }

    /** A span of SQL text with the 1-based line of its first character in the file. */
    public record SqlPart(String sql, int startLine) {
        public static final SqlPart EMPTY = new SqlPart("", 1);
    }

    /** The state of the trailing {@code /* qalab:downgrade ... *}{@code /} block. */
    public enum DowngradeState {
        /** No block at all. */
        MISSING,
        /** A well-formed block holding SQL. */
        SQL,
        /** A well-formed block holding nothing. */
        EMPTY,
        /** The explicit opt-out {@code /* qalab:downgrade irreversible *}{@code /}. */
        IRREVERSIBLE,
        /** A block that is not closed, is not last in the file, nests comments or appears twice. */
        MALFORMED
    }

    /**
     * The downgrade block.
     *
     * @param state  what was found
     * @param sql    the SQL inside a well-formed block ("" otherwise)
     * @param line   the line of the {@code /* qalab:downgrade} marker (0 when missing)
     * @param detail for {@code MALFORMED}, what exactly is wrong, with {@code detailLine} where
     */
    public record Downgrade(DowngradeState state, String sql, int line, String detail, int detailLine) {
        public static final Downgrade MISSING = new Downgrade(DowngradeState.MISSING, "", 0, "", 0);
    }

    /** The file name, e.g. {@code 003_add_account_table.sql}. */
    public String fileName() {
        return path.getFileName().toString();
    }

    /** True when the name follows {@code NNN_description.sql}. */
    public boolean conventionalName() {
        return number >= 0;
    }

    /** The three-digit version of a conventional file ({@code "003"}); empty for other files. */
    public Optional<String> version() {
        if (number < 0) {
            return Optional.empty();
        }
        // not String.format: its first call is slow enough to matter for qalab:verify's time budget
        String digits = Integer.toString(number);
        return Optional.of(digits.length() >= 3 ? digits : "000".substring(digits.length()) + digits);
    }

    public boolean readable() {
        return kind == Kind.READABLE;
    }
}
