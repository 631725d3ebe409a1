package io.github.qalab.schema;

/**
 * A check constraint of a table, e.g. Hibernate's {@code level between 0 and 2} for an ordinal enum.
 *
 * @param name       the constraint name, or "" when the database may choose it
 * @param expression the boolean SQL expression, without the surrounding {@code CHECK (...)}
 */
public record CheckConstraint(String name, String expression) {
    public CheckConstraint {
        name = name == null ? "" : name;
        expression = expression == null ? "" : expression.strip();
    }
}
