package io.github.qalab.lint;

/**
 * One statement of a migration's upgrade part, as Flyway's parser cuts it ({@link io.github.qalab.db.FlywayStatements}).
 *
 * @param sql  the statement text from its first token, without leading comments and its delimiter
 * @param line the 1-based line of its first token in the migration file
 */
public record SqlStatement(String sql, int line) {

    /** The statement on one line, shortened to about 100 characters, for messages. */
    public String abbreviated() {
        String flat = String.join(" ", sql.strip().split("\\s+"));
        return flat.length() <= 100 ? flat : flat.substring(0, 97) + "...";
    }
}
