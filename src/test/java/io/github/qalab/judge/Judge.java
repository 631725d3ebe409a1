package io.github.qalab.judge;

import io.github.qalab.judge.CatalogSnapshot.Comparison;
import io.github.qalab.testing.TestDatabases.TestDatabase;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The verdict on a schema built by migrations: Hibernate's validate must accept it, and its catalog (Flyway's
 * history table aside) must equal the one Hibernate's own export creates for the same mapping in a fresh database
 * of the same kind (H2 with the same URL options), names of constraints and indexes aside.
 */
public final class Judge {

    private Judge() {
    }

    /**
     * What the judge found.
     *
     * @param validateFailure Hibernate's validate text, empty when validate passed
     * @param catalog         the migrated catalog compared against Hibernate's
     * @param export          Hibernate's export into the reference database (its script is kept)
     */
    public record Verdict(Optional<String> validateFailure, Comparison catalog, HibernateExport.Result export) {

        /** True when validate passed and the catalogs are equal (column order aside). */
        public boolean accepted() {
            return validateFailure.isEmpty() && catalog.equal();
        }

        /** Every finding, one per line, naming Hibernate's script; empty when accepted without order notes. */
        public String describe() {
            StringBuilder text = new StringBuilder();
            validateFailure.ifPresent(f -> text.append("Hibernate's validate fails:\n").append(f).append('\n'));
            if (!catalog.equal() || !catalog.columnOrder().isEmpty()) {
                text.append("catalog vs Hibernate's export (").append(export.script()).append("):\n")
                        .append(catalog.describe());
            }
            return text.toString();
        }
    }

    /**
     * Judges the schema in {@code migrated} against {@code mapping}; Hibernate's script goes to
     * {@code scriptDir/hibernate-<dialect>.sql}. The rows in {@code migrated} are not touched.
     *
     * @throws HibernateExport.ExportFailure when Hibernate cannot export the mapping itself
     */
    public static Verdict judge(HibernateMapping mapping, TestDatabase migrated, Path scriptDir) {
        Optional<String> validate = HibernateValidate.failure(mapping, migrated);
        try (TestDatabase reference = JudgeDatabases.freshLike(migrated)) {
            HibernateExport.Result export = HibernateExport.create(mapping, reference,
                    scriptDir.resolve("hibernate-" + migrated.kind() + ".sql"));
            try {
                CatalogSnapshot expected = CatalogSnapshot.read(reference, export.namespaces());
                CatalogSnapshot actual = CatalogSnapshot.read(migrated, export.namespaces()).withoutFlywayHistory();
                return new Verdict(validate, CatalogSnapshot.compare(expected, actual), export);
            } finally {
                if (!export.namespaces().isEmpty() && migrated.kind().equals("mariadb")) {
                    JudgeDatabases.dropSchemas(reference, export.namespaces());
                }
            }
        }
    }

    /** Fails with {@link Verdict#describe()} unless the judge accepts the schema in {@code migrated}. */
    public static Verdict assertAccepted(HibernateMapping mapping, TestDatabase migrated, Path scriptDir) {
        Verdict verdict = judge(mapping, migrated, scriptDir);
        if (!verdict.accepted()) {
            throw new AssertionError("the " + migrated.kind() + " schema of " + mapping.entities().sources()
                    + " is not Hibernate's:\n" + verdict.describe());
        }
        return verdict;
    }
}
