package io.github.qalab.generate;

import io.github.qalab.db.ReplayException;
import io.github.qalab.db.ShadowDatabase;
import io.github.qalab.diff.Renames;
import io.github.qalab.entity.EntityScanException;
import io.github.qalab.entity.NamingStrategy;
import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.sql.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The entities are read on a second thread while the migrations replay: outcomes and timings stay as if in turn. */
class MigrationGeneratorTest {

    private static final String GOOD_ENTITY = """
            package p;

            import jakarta.persistence.*;

            @Entity
            public class Note {
                @Id @GeneratedValue private Long id;
                private String text;
            }
            """;

    private static final String BROKEN_ENTITY = """
            package p;

            import jakarta.persistence.*;

            @Entity
            public class Note {
                @Id @GeneratedValue private Long id;
                private Unknown text;
            }
            """;

    private static final String GOOD_MIGRATION = """
            -- revision: 001
            -- down_revision: none

            CREATE TABLE other (id BIGINT NOT NULL, CONSTRAINT pk_other PRIMARY KEY (id));

            /* qalab:downgrade
            DROP TABLE other;
            */
            """;

    private static final String BROKEN_MIGRATION = """
            -- revision: 001
            -- down_revision: none

            CREATE TABLE other (id BIGINT NOT NULL);
            ALTER TABLE missing ADD COLUMN x INTEGER;

            /* qalab:downgrade
            DROP TABLE other;
            */
            """;

    @TempDir
    Path dir;

    @Test
    void entityProblemsComeFirstEvenWhenAMigrationAlsoFailsToReplay() throws Exception {
        MigrationDirectory migrations = project(BROKEN_ENTITY, BROKEN_MIGRATION);
        EntityScanException e = assertThrows(EntityScanException.class,
                () -> MigrationGenerator.plan(migrations, settings()));
        assertEquals(1, e.problems().size());
        assertTrue(e.problems().get(0).format(dir).contains("text"), e.problems().get(0).format(dir));
    }

    @Test
    void aMigrationThatDoesNotReplayIsReportedWhenTheEntitiesAreFine() throws Exception {
        MigrationDirectory migrations = project(GOOD_ENTITY, BROKEN_MIGRATION);
        ReplayException e = assertThrows(ReplayException.class, () -> MigrationGenerator.plan(migrations, settings()));
        assertEquals(5, e.line());
        assertTrue(e.file().endsWith("001_broken.sql"), String.valueOf(e.file()));
    }

    @Test
    void planComparesBothSchemasAndTimesEachPhase() throws Exception {
        MigrationDirectory migrations = project(GOOD_ENTITY, GOOD_MIGRATION);
        MigrationGenerator.Plan plan = MigrationGenerator.plan(migrations, settings());
        assertEquals(List.of("other"), plan.current().tables().stream().map(t -> t.name()).toList());
        assertEquals(List.of("note"), plan.desired().schema().tables().stream().map(t -> t.name()).toList());
        assertTrue(plan.sql().upgrade().toString().contains("CREATE TABLE note"), plan.sql().upgrade().toString());
        MigrationGenerator.Timing t = plan.timing();
        // The phases overlap, but each lies within the whole.
        assertTrue(t.entities().compareTo(t.total()) <= 0 && t.replay().compareTo(t.total()) <= 0
                && t.diff().compareTo(t.total()) <= 0, t.toString());
        assertTrue(t.replay().plus(t.diff()).compareTo(t.total()) <= 0, t.toString());
    }

    private MigrationDirectory project(String entity, String migration) throws Exception {
        Path sources = Files.createDirectories(dir.resolve("src/p"));
        Files.writeString(sources.resolve("Note.java"), entity);
        Path folder = Files.createDirectories(dir.resolve("db"));
        String name = migration.contains("missing") ? "001_broken.sql" : "001_other.sql";
        Files.writeString(folder.resolve(name), migration);
        return MigrationDirectory.scan(List.of(folder));
    }

    private MigrationGenerator.Settings settings() {
        Dialect dialect = Dialect.named("postgresql");
        return new MigrationGenerator.Settings(new DesiredModel.FromSources(List.of(dir.resolve("src")), List.of(), NamingStrategy.SPRING, dialect), dialect,
                Renames.parse(""), ShadowDatabase.embedded(dialect));
    }

    /**
     * Tables or columns whose names differ only in case or quotes cannot be kept apart by a case-insensitive
     * comparison: refused with both names (found by the break-it run: "Code" and code were altered into each other).
     */
    @Test
    void namesThatDifferOnlyInCaseAreRefused() {
        io.github.qalab.schema.ColumnType text = io.github.qalab.schema.ColumnType.of(
                io.github.qalab.schema.ColumnType.Kind.VARCHAR);
        io.github.qalab.schema.Table thing = new io.github.qalab.schema.Table("thing", java.util.List.of(
                new io.github.qalab.schema.Column("`Code`", text, true, null, false),
                new io.github.qalab.schema.Column("code", text, true, null, false)), null, java.util.List.of(),
                java.util.List.of(), java.util.List.of());
        io.github.qalab.schema.Table order = new io.github.qalab.schema.Table("`Order`", java.util.List.of(), null,
                java.util.List.of(), java.util.List.of(), java.util.List.of());
        io.github.qalab.schema.Table order2 = new io.github.qalab.schema.Table("order", java.util.List.of(), null,
                java.util.List.of(), java.util.List.of(), java.util.List.of());
        DesiredSchema desired = new DesiredSchema(new io.github.qalab.schema.Schema(java.util.List.of(thing, order,
                order2), java.util.List.of()), SourcePositions.NONE, "test", 3, java.util.List.of());
        EntityScanException e = org.junit.jupiter.api.Assertions.assertThrows(EntityScanException.class,
                () -> MigrationGenerator.validateNames(desired, io.github.qalab.sql.Dialect.named("postgresql")));
        String all = e.problems().toString();
        org.junit.jupiter.api.Assertions.assertTrue(all.contains("`Code` and code differ only in case")
                && all.contains("differ only in case or quotes"), all);
        org.junit.jupiter.api.Assertions.assertEquals(2, e.problems().size(), all);
    }
}
