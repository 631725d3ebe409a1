package io.github.qalab.judge;

import io.github.qalab.judge.CatalogSnapshot.TableShape;
import io.github.qalab.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link HibernateExport} and {@link HibernateValidate}: Hibernate's own DDL for the judge's lab reaches every
 * database with Bean Validation applied, honours the naming choice and extra settings, fails clearly on a statement
 * the database rejects, and validate rejects a catalog that lost a column or holds a wrong type.
 */
class HibernateExportTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postgresql", "mariadb", "h2"})
    void exportsWithBeanValidationInTheDdl(String dialect, @TempDir Path scripts) throws Exception {
        HibernateMapping lab = HibernateMapping.spring(JudgeLab.compiled());
        try (TestDatabase database = JudgeDatabases.fresh(dialect)) {
            HibernateExport.Result result = HibernateExport.create(lab, database, scripts.resolve("lab.sql"));

            assertTrue(result.dialect().toLowerCase().contains(dialect.equals("postgresql") ? "postgres" : dialect),
                    result.dialect());
            assertTrue(result.statements().stream().anyMatch(s -> s.startsWith("create table book")),
                    result.statements().toString());
            assertEquals(result.statements(), List.of(Files.readString(result.script()).strip().split(";\\s*")));
            assertEquals(List.of(), result.namespaces());

            TableShape shelf = CatalogSnapshot.read(database).table(CatalogSnapshotTest.n(dialect, "shelf"));
            // @NotBlank makes code NOT NULL; @Min/@Max a check; @ColumnDefault a default.
            assertFalse(shelf.column(CatalogSnapshotTest.n(dialect, "code")).nullable(), shelf.toString());
            assertEquals("7", shelf.column(CatalogSnapshotTest.n(dialect, "shelf_rank")).defaultValue());
            assertTrue(shelf.checks().stream().anyMatch(c -> c.contains("grade") && c.contains("1")
                    && c.contains("9")), shelf.checks().toString());

            HibernateValidate.assertPasses(lab, database);
        }
    }

    @Test
    void namingAndSettingsReachTheDdl(@TempDir Path scripts) {
        CompiledEntities compiled = JudgeLab.compiled();
        try (TestDatabase spring = JudgeDatabases.fresh("h2"); TestDatabase jpa = JudgeDatabases.fresh("h2")) {
            HibernateExport.create(HibernateMapping.spring(compiled)
                    .with("hibernate.type.preferred_instant_jdbc_type", "TIMESTAMP"), spring, scripts.resolve("s.sql"));
            HibernateExport.create(HibernateMapping.jpa(compiled), jpa, scripts.resolve("j.sql"));

            TableShape springBook = CatalogSnapshot.read(spring).table("BOOK");
            TableShape jpaBook = CatalogSnapshot.read(jpa).table("BOOK");
            assertEquals("TIMESTAMP(6)", springBook.column("SHELVED_AT").type());
            assertEquals("TIMESTAMP(6) WITH TIME ZONE", jpaBook.column("SHELVEDAT").type());
            assertEquals(null, springBook.column("SHELVEDAT"));
        }
    }

    @Test
    void aStatementTheDatabaseRejectsFailsTheExportWithTheScript(@TempDir Path sources, @TempDir Path out,
                                                                   @TempDir Path scripts) throws Exception {
        Files.writeString(sources.resolve("Picked.java"), """
                @jakarta.persistence.Entity
                public class Picked {
                    @jakarta.persistence.Id Long id;
                    @jakarta.persistence.Column(name = "select") String choice;
                }
                """);
        HibernateMapping mapping = HibernateMapping.jpa(EntityCompiler.compile(sources, out));
        try (TestDatabase database = JudgeDatabases.fresh("h2")) {
            HibernateExport.ExportFailure failure = assertThrows(HibernateExport.ExportFailure.class,
                    () -> HibernateExport.create(mapping, database, scripts.resolve("picked.sql")));
            assertTrue(failure.getMessage().contains("create table Picked (id bigint not null, select varchar(255)"),
                    failure.getMessage());
            assertTrue(failure.getMessage().contains("Syntax error"), failure.getMessage());
            assertTrue(HibernateValidate.failure(mapping, database).orElseThrow().contains("missing table [Picked]"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postgresql", "h2"})
    void validateRejectsAMissingColumnAndAWrongType(String dialect, @TempDir Path scripts) throws Exception {
        HibernateMapping lab = HibernateMapping.spring(JudgeLab.compiled());
        try (TestDatabase dropped = JudgeDatabases.fresh(dialect); TestDatabase retyped = JudgeDatabases.fresh(dialect)) {
            HibernateExport.create(lab, dropped, scripts.resolve("a.sql"));
            HibernateExport.create(lab, retyped, scripts.resolve("b.sql"));
            CatalogSnapshotTest.execute(dropped, List.of("ALTER TABLE book DROP COLUMN title"));
            CatalogSnapshotTest.execute(retyped, List.of("ALTER TABLE book DROP COLUMN isbn",
                    "ALTER TABLE book ADD COLUMN isbn integer"));

            String missing = HibernateValidate.failure(lab, dropped).orElseThrow();
            assertTrue(missing.contains("missing column [title] in table [book]"), missing);
            String wrong = HibernateValidate.failure(lab, retyped).orElseThrow();
            assertTrue(wrong.contains("wrong column type encountered in column [isbn] in table [book]"), wrong);
            AssertionError error = assertThrows(AssertionError.class, () -> HibernateValidate.assertPasses(lab, dropped));
            assertTrue(error.getMessage().contains(dialect) && error.getMessage().contains("title"), error.getMessage());
        }
    }
}
