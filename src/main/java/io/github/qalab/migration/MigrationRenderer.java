package io.github.qalab.migration;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Turns a header, upgrade steps and downgrade steps into the text of a migration file in the format of
 * design.md section 1. The same input always gives the same text: LF line endings, no timestamps.
 */
public final class MigrationRenderer {

    /** The longest description {@link #description(String)} produces. */
    public static final int MAX_DESCRIPTION = 60;

    /** The placeholder of an empty template; {@code verify} keeps failing until SQL replaces it. */
    public static final String PLACEHOLDER = "-- TODO: write the upgrade SQL of this migration here.";

    private MigrationRenderer() {
    }

    /** The description of a message that holds no letter or digit that ASCII can spell (e.g. only Chinese or emoji). */
    public static final String NEUTRAL_DESCRIPTION = "migration";

    /** Latin letters that Unicode decomposition does not reduce to ASCII, spelled the usual way. */
    private static final String[][] LATIN = {
            {"ß", "ss"}, {"æ", "ae"}, {"Æ", "ae"}, {"œ", "oe"}, {"Œ", "oe"}, {"ø", "o"}, {"Ø", "o"}, {"đ", "d"},
            {"Đ", "d"}, {"ł", "l"}, {"Ł", "l"}, {"þ", "th"}, {"Þ", "th"}, {"ð", "d"}, {"Ð", "d"}, {"ı", "i"}};

    /**
     * The file-name description of a message: ASCII, lowercase, accents dropped and a few Latin letters spelled out
     * ({@code ß} → {@code ss}), every run of other characters turned into one {@code _}, trimmed, at most
     * {@value #MAX_DESCRIPTION} characters ({@code "Add account table"} → {@code add_account_table}). A message with
     * nothing ASCII can spell (Chinese, emoji) gets {@value #NEUTRAL_DESCRIPTION}; the header keeps the full text.
     */
    public static String description(String message) {
        String text = message == null ? "" : message;
        for (String[] letter : LATIN) {
            text = text.replace(letter[0], letter[1]);
        }
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        String d = ascii.replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (d.length() > MAX_DESCRIPTION) {
            d = d.substring(0, MAX_DESCRIPTION).replaceAll("_+$", "");
        }
        return d.isEmpty() ? NEUTRAL_DESCRIPTION : d;
    }

    /**
     * The message as the header's one line holds it: control characters and line and paragraph separators become
     * spaces, invisible format characters (zero-width space, bidirectional overrides) go, runs of spaces become one,
     * and {@code ${} is
     * written {@code $ {} because Flyway would read it as a placeholder even in a comment and fail.
     */
    public static String headerMessage(String message) {
        if (message == null) {
            return "";
        }
        // zero-width (non-)joiners stay: emoji sequences and several scripts need them
        String visible = message.replaceAll("[\\p{Cf}&&[^\\u200C\\u200D]]+", "")
                .replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}]+", " ");
        return visible.replaceAll("\\s+", " ").strip().replace("${", "$ {");
    }

    /**
     * The file name for a number and message, e.g. {@code 003_add_account_table.sql}.
     *
     * @throws IllegalArgumentException for a number outside 1 to 999, which the convention cannot name
     */
    public static String fileName(int number, String message) {
        if (number < 1 || number > 999) {
            throw new IllegalArgumentException("migration number " + number + " is outside 001 to 999");
        }
        return String.format("%03d_%s.sql", number, description(message));
    }

    /**
     * The whole file.
     *
     * @throws DowngradeNotWritable when a downgrade statement contains a block comment marker, which would end the
     *                              downgrade block early
     */
    public static String render(int number, String message, List<MigrationStep> upgrade, List<MigrationStep> downgrade) {
        StringBuilder sb = header(number, message);
        appendSteps(sb, upgrade);
        sb.append('\n');
        if (downgrade.isEmpty()) {
            sb.append("/* qalab:downgrade irreversible */\n");
            return sb.toString();
        }
        sb.append("/* qalab:downgrade\n");
        for (MigrationStep step : downgrade) {
            for (String statement : step.statements()) {
                if (statement.contains("/*") || statement.contains("*/")) {
                    throw new DowngradeNotWritable("A downgrade statement contains a block comment marker, which"
                            + " the downgrade block cannot hold: " + statement);
                }
            }
            if (step.note().contains("*/")) {
                throw new DowngradeNotWritable("A downgrade note contains */: " + step.note());
            }
        }
        appendSteps(sb, downgrade);
        sb.append("*/\n");
        return sb.toString();
    }

    /**
     * The template of a hand-written (data) migration: header, a placeholder where the upgrade SQL goes and an
     * empty downgrade block. {@code verify} rejects it until the upgrade holds a statement.
     */
    public static String renderEmpty(int number, String message) {
        return header(number, message)
                + PLACEHOLDER + "\n"
                + "\n"
                + "/* qalab:downgrade\n"
                + "-- TODO: write the SQL that undoes the upgrade here, or replace this whole block with\n"
                + "-- the line: qalab:downgrade irreversible (inside a block comment).\n"
                + "*/\n";
    }

    private static StringBuilder header(int number, String message) {
        StringBuilder sb = new StringBuilder();
        sb.append("-- revision: ").append(String.format("%03d", number)).append('\n');
        sb.append("-- down_revision: ").append(number <= 1 ? "none" : String.format("%03d", number - 1)).append('\n');
        String oneLine = headerMessage(message);
        if (!oneLine.isEmpty()) {
            sb.append("-- message: ").append(oneLine).append('\n');
        }
        sb.append('\n');
        return sb;
    }

    private static void appendSteps(StringBuilder sb, List<MigrationStep> steps) {
        for (MigrationStep step : steps) {
            if (!step.note().isEmpty()) {
                sb.append("-- ").append(step.note()).append('\n');
            }
            for (String statement : step.statements()) {
                sb.append(statement.strip()).append(";\n");
            }
        }
    }

    /**
     * A downgrade the {@code /* qalab:downgrade ... *}{@code /} block cannot hold (a statement or note with a block
     * comment marker, e.g. from a column default); nothing is written. An {@link IllegalArgumentException}, as before.
     */
    public static final class DowngradeNotWritable extends IllegalArgumentException {
        DowngradeNotWritable(String message) {
            super(message);
        }
    }
}
