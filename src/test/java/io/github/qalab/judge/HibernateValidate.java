package io.github.qalab.judge;

import io.github.qalab.testing.TestDatabases.TestDatabase;

import java.util.Map;
import java.util.Optional;

/**
 * Hibernate's own schema validation ({@code hibernate.hbm2ddl.auto=validate}) of a mapping against a database: the
 * check an application with {@code spring.jpa.hibernate.ddl-auto=validate} runs at start.
 */
public final class HibernateValidate {

    private HibernateValidate() {
    }

    /**
     * Boots Hibernate with validate on {@code database}.
     *
     * @return empty when Hibernate accepts the schema, else its failure text (every message of the cause chain,
     *         e.g. {@code Schema validation: missing column [start_depot_id] in table [shipment]})
     */
    public static Optional<String> failure(HibernateMapping mapping, TestDatabase database) {
        try {
            HibernateBoot.run(mapping, database, Map.of("hibernate.hbm2ddl.auto", "validate"));
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(HibernateBoot.describe(e));
        }
    }

    /** Fails with Hibernate's text, naming the sources and the database, unless validate passes. */
    public static void assertPasses(HibernateMapping mapping, TestDatabase database) {
        failure(mapping, database).ifPresent(text -> {
            throw new AssertionError("Hibernate's validate rejects the " + database.kind() + " schema for "
                    + mapping.entities().sources() + ":\n" + text);
        });
    }
}
