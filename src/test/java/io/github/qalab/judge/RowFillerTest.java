package io.github.qalab.judge;

import io.github.qalab.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link RowFiller}: fills the lab's tables parents first with NULLs where allowed, valid enum and check values,
 * keys from Hibernate's sequence, again and again; and says which table it cannot fill and why.
 */
class RowFillerTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postgresql", "mariadb", "h2"})
    void fillsEveryTableTwice(String dialect, @TempDir Path scripts) throws Exception {
        HibernateMapping lab = HibernateMapping.spring(JudgeLab.compiled());
        try (TestDatabase database = JudgeDatabases.fresh(dialect)) {
            HibernateExport.create(lab, database, scripts.resolve("lab.sql"));
            CatalogSnapshot before = CatalogSnapshot.read(database);
            String shelf = CatalogSnapshotTest.n(dialect, "shelf");
            String book = CatalogSnapshotTest.n(dialect, "book");

            RowFiller.Filled first = RowFiller.fill(database, 3);
            assertEquals(Map.of(shelf, 3, book, 3), first.rows());
            assertEquals(List.of(shelf, book), List.copyOf(first.rows().keySet()), "parents first");
            // Hibernate's shelf_seq (increment 50) handed out the keys.
            assertEquals(List.of("1", "51", "101"), column(database, "SELECT id FROM shelf ORDER BY id"));
            assertEquals(List.of("1"), column(database, "SELECT COUNT(*) FROM shelf WHERE label IS NULL"));
            assertEquals(List.of("2"), column(database, "SELECT COUNT(*) FROM shelf WHERE grade BETWEEN 1 AND 9"));
            assertEquals(List.of("2"), column(database,
                    "SELECT COUNT(*) FROM shelf WHERE kind IN ('PLAIN', 'SPECIAL')"));
            assertEquals(List.of("3"), column(database, "SELECT COUNT(*) FROM book b JOIN shelf s ON s.id = b.shelf_id"));

            RowFiller.Filled second = RowFiller.fill(database, 3);
            assertEquals(6, second.total());
            assertEquals(List.of("6"), column(database, "SELECT COUNT(DISTINCT isbn) + COUNT(*) - COUNT(isbn) FROM book"));
            assertTrue(CatalogSnapshot.compare(before, CatalogSnapshot.read(database)).equal(), "rows change no catalog");
            HibernateValidate.assertPasses(lab, database);
        }
    }

    @Test
    void namesTheTableItCannotFill() throws Exception {
        try (TestDatabase database = JudgeDatabases.fresh("h2")) {
            CatalogSnapshotTest.execute(database, List.of(
                    "CREATE TABLE fine (id bigint PRIMARY KEY)",
                    "CREATE TABLE odd (id bigint PRIMARY KEY, v integer NOT NULL CHECK (v > 5 AND v < 3))"));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> RowFiller.fill(database, 2));
            assertTrue(e.getMessage().contains("into ODD") && e.getMessage().contains("CONSTRAINT"), e.getMessage());
        }
    }

    @Test
    void refusesTablesThatNeedEachOtherFirst() throws Exception {
        try (TestDatabase database = JudgeDatabases.fresh("h2")) {
            CatalogSnapshotTest.execute(database, List.of(
                    "CREATE TABLE a (id bigint PRIMARY KEY, b_id bigint NOT NULL)",
                    "CREATE TABLE b (id bigint PRIMARY KEY, a_id bigint NOT NULL REFERENCES a (id))",
                    "ALTER TABLE a ADD FOREIGN KEY (b_id) REFERENCES b (id)"));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> RowFiller.fill(database, 1));
            assertTrue(e.getMessage().contains("[A, B] reference each other through NOT NULL"), e.getMessage());
        }
    }

    private static List<String> column(TestDatabase database, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = database.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
