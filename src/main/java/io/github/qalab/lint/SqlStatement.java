package io.github.qalab.lint;

/**
 * One statement of a migration's upgrade part, as split by {@link StatementSplitter}.
 *
 * @param sql  the statement text without its terminating semicolon
 * @param line the 1-based line of its first character in the migration file
 */
public record SqlStatement(String sql, int line) {

    /** The statement on one line, shortened to about 100 characters, for messages. */
    public String abbreviated() {
        String flat = String.join(" ", sql.strip().split("\\s+"));
        return flat.length() <= 100 ? flat : flat.substring(0, 97) + "...";
    }
}
