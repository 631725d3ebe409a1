package io.github.qalab.lint;

/**
 * What one lint rule found in one statement.
 *
 * @param risk        what can go wrong, in one sentence
 * @param alternative the safe way to make the change
 */
record LintFinding(String risk, String alternative) {
}
