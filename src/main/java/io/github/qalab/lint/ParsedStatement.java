package io.github.qalab.lint;

import net.sf.jsqlparser.statement.Statement;

/**
 * A statement of a migration with JSqlParser's tree.
 *
 * @param source    the text and line
 * @param tree      what JSqlParser made of it
 * @param notValid  true when the statement ended with PostgreSQL's {@code NOT VALID} (which JSqlParser 5.4 does not
 *                  parse, so the linter takes it off before parsing and remembers it here)
 */
record ParsedStatement(SqlStatement source, Statement tree, boolean notValid) {
}
