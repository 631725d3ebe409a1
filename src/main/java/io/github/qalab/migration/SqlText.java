package io.github.qalab.migration;

/** Small facts about SQL text that the migration format needs, without parsing SQL itself. */
public final class SqlText {

    private SqlText() {
    }

    /**
     * True when the text holds anything but whitespace, semicolons, {@code --} line comments and (nested)
     * block comments: that is, at least one statement for the database to run.
     */
    public static boolean hasStatement(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == ';' || c == '\uFEFF') {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = endOfBlockComment(sql, i);
            } else {
                return true;
            }
        }
        return false;
    }

    /**
     * The offset just after the (possibly nested) block comment that starts at {@code start}, or the text's length
     * when it is not closed.
     */
    public static int endOfBlockComment(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return i;
    }

    /** The 1-based line of a character offset in LF-normalised text. */
    public static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
