package io.github.qalab.lint;

import io.github.qalab.migration.SqlText;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text at top-level semicolons, keeping each statement's line.
 *
 * <p>Why not {@code CCJSqlParserUtil.parseStatements}: it returns statements without positions, and one statement it
 * cannot parse fails the whole script; the lint needs {@code file:line} per statement and must go on after a
 * statement JSqlParser does not know. Quotes ({@code '...'}, {@code "..."}, backticks), comments ({@code --},
 * nested block comments) and PostgreSQL dollar quoting ({@code $tag$ ... $tag$}) are skipped, so a semicolon inside
 * them does not split.
 */
final class StatementSplitter {

    private StatementSplitter() {
    }

    /**
     * @param sql       the text to split (LF line endings)
     * @param firstLine the file line of the text's first character
     */
    static List<SqlStatement> split(String sql, int firstLine) {
        List<SqlStatement> statements = new ArrayList<>();
        int line = firstLine;
        int start = -1;
        int startLine = line;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\n') {
                line++;
                i++;
                continue;
            }
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol;
                continue;
            }
            if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = SqlText.endOfBlockComment(sql, i);
                line += count(sql, i, end);
                i = end;
                continue;
            }
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == ';') {
                if (start >= 0) {
                    statements.add(new SqlStatement(sql.substring(start, i), startLine));
                    start = -1;
                }
                i++;
                continue;
            }
            if (start < 0) {
                start = i;
                startLine = line;
            }
            int end = i + 1;
            if (c == '\'' || c == '"' || c == '`') {
                end = skipQuoted(sql, i, c);
            } else if (c == '$') {
                end = skipDollarQuoted(sql, i);
            }
            line += count(sql, i, end);
            i = end;
        }
        if (start >= 0) {
            statements.add(new SqlStatement(sql.substring(start).strip(), startLine));
        }
        return statements;
    }

    private static int skipQuoted(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2; // doubled quote inside the literal
                    continue;
                }
                return i + 1;
            }
            if (c == '\\' && quote != '"') {
                i += 2; // MariaDB escapes; harmless elsewhere for splitting
                continue;
            }
            i++;
        }
        return sql.length();
    }

    private static int skipDollarQuoted(String sql, int start) {
        int close = sql.indexOf('$', start + 1);
        if (close < 0) {
            return start + 1;
        }
        String tag = sql.substring(start, close + 1);
        for (int k = 1; k < tag.length() - 1; k++) {
            char t = tag.charAt(k);
            if (!(Character.isLetterOrDigit(t) || t == '_')) {
                return start + 1; // $1 parameters and the like: not a dollar quote
            }
        }
        int end = sql.indexOf(tag, close + 1);
        return end < 0 ? sql.length() : end + tag.length();
    }

    private static int count(String sql, int from, int to) {
        int lines = 0;
        for (int i = from; i < to && i < sql.length(); i++) {
            if (sql.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
