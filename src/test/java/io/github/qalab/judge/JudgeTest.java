package io.github.qalab.judge;

import io.github.qalab.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Judge}: a schema built statement by statement from Hibernate's own script, with Flyway's history table
 * beside it and rows in it, is accepted; the same schema missing a column is rejected by validate and catalog.
 */
class JudgeTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postgresql", "h2"})
    void acceptsHibernatesOwnSchemaAndRejectsAMissingColumn(String dialect, @TempDir Path scripts) throws Exception {
        HibernateMapping lab = HibernateMapping.spring(JudgeLab.compiled());
        try (TestDatabase migrated = "h2".equals(dialect) ? JudgeDatabases.h2For("postgresql")
                : JudgeDatabases.fresh(dialect); TestDatabase source = JudgeDatabases.freshLike(migrated)) {
            List<String> statements = new ArrayList<>(HibernateExport.create(lab, source, scripts.resolve("s.sql"))
                    .statements());
            statements.add("CREATE TABLE flyway_schema_history (installed_rank integer NOT NULL PRIMARY KEY)");
            CatalogSnapshotTest.execute(migrated, statements);
            RowFiller.fill(migrated, 2);

            Judge.Verdict verdict = Judge.assertAccepted(lab, migrated, scripts);
            assertEquals("", verdict.describe());
            assertTrue(verdict.export().script().toString().endsWith("hibernate-" + dialect + ".sql"));

            CatalogSnapshotTest.execute(migrated, List.of("ALTER TABLE book DROP COLUMN title"));
            Judge.Verdict rejected = Judge.judge(lab, migrated, scripts);
            assertFalse(rejected.accepted());
            assertTrue(rejected.validateFailure().orElseThrow().contains("missing column [title]"),
                    rejected.describe());
            // H2 opened for PostgreSQL migrations (DATABASE_TO_LOWER) keeps names in lower case, as PostgreSQL does.
            assertEquals(List.of("table book: column title missing (Hibernate: "
                    + (dialect.equals("h2") ? "CHARACTER VARYING(255)" : "character varying(255)") + " NULL)"),
                    rejected.catalog().differences());
            AssertionError error = assertThrows(AssertionError.class, () -> Judge.assertAccepted(lab, migrated,
                    scripts));
            assertTrue(error.getMessage().contains("column title missing"), error.getMessage());
        }
    }
}
