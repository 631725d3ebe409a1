package io.github.qalab.generate;

import io.github.qalab.convention.Severity;
import io.github.qalab.convention.Violation;
import io.github.qalab.db.ShadowDatabase;
import io.github.qalab.diff.Renames;
import io.github.qalab.entity.EvolutionFixtures;
import io.github.qalab.entity.NamingStrategy;
import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.sql.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The drift check: entities compared with the schema their migrations produce. */
class SchemaDriftTest {

    private static final Dialect DIALECT = Dialect.named("postgresql");

    private static MigrationGenerator.Settings settings(Path sources) {
        return new MigrationGenerator.Settings(new DesiredModel.FromSources(List.of(sources), List.of(), NamingStrategy.SPRING, DIALECT), DIALECT,
                Renames.NONE, ShadowDatabase.embedded(DIALECT));
    }

    /** Writes the migration of step 1 into {@code folder}. */
    private static MigrationDirectory stepOneMigrated(Path folder) throws Exception {
        MigrationDirectory empty = MigrationDirectory.scan(List.of(folder));
        MigrationGenerator.Settings s = settings(EvolutionFixtures.sources(1));
        MigrationGenerator.write(empty, "Step one", MigrationGenerator.plan(empty, s));
        return MigrationDirectory.scan(List.of(folder));
    }

    @Test
    void noDriftWhenTheMigrationsMatchTheEntities(@TempDir Path folder) throws Exception {
        MigrationDirectory directory = stepOneMigrated(folder);
        SchemaDrift.Result result = SchemaDrift.check(directory, settings(EvolutionFixtures.sources(1)), Severity.ERROR);
        assertEquals(List.of(), result.findings());
        assertTrue(result.note().matches("Drift: entity sources \\(JavaParser, spring naming\\), \\d+ entit(y|ies)"
                + " compared with 1 replayed migration, in sync"
                + " \\(\\d+ ms: entities \\d+ ms alongside replay \\d+ ms\\)"), result.note());
    }

    @Test
    void changedEntitiesAreReportedAtTheEntityWithTheFixingCommand(@TempDir Path folder) throws Exception {
        MigrationDirectory directory = stepOneMigrated(folder);
        Path step2 = EvolutionFixtures.sources(2);
        List<Violation> found = SchemaDrift.check(directory, settings(step2), Severity.ERROR).findings();

        assertFalse(found.isEmpty(), "step 2 changes the entities");
        for (Violation v : found) {
            assertEquals(SchemaDrift.DRIFT, v.ruleId());
            assertEquals(Severity.ERROR, v.severity());
            assertTrue(v.message().startsWith("entities changed without a migration: "), v.message());
            assertTrue(v.hint().contains("mvn qalab:generate -Dqalab.message="), v.hint());
            assertTrue(v.file().startsWith(step2) || v.file().startsWith(folder), v.file().toString());
            assertTrue(v.line() >= 1);
        }
        // a column the entity gained is named with its table, at the entity's source
        assertTrue(found.stream().anyMatch(v -> v.message().matches(".*table \\w+: column \\w+ missing")
                && v.file().toString().endsWith(".java")), found.toString());
    }

    @Test
    void aProjectWithoutEntitiesHasNothingToDriftFrom(@TempDir Path folder, @TempDir Path sources) throws Exception {
        MigrationDirectory directory = stepOneMigrated(folder);
        SchemaDrift.Result result = SchemaDrift.check(directory, settings(sources), Severity.ERROR);
        assertEquals(List.of(), result.findings());
        assertTrue(result.note().contains("no @Entity"), result.note());
    }

    @Test
    void warnSeverityIsKept(@TempDir Path folder) throws Exception {
        MigrationDirectory directory = stepOneMigrated(folder);
        List<Violation> found = SchemaDrift.check(directory, settings(EvolutionFixtures.sources(2)), Severity.WARN)
                .findings();
        assertFalse(found.isEmpty());
        assertTrue(found.stream().allMatch(v -> v.severity() == Severity.WARN));
    }

    @Test
    void aMigrationThatDoesNotReplayIsReportedAtItsLine(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("001_broken.sql"), "-- revision: 001\n-- down_revision: none\n\n"
                + "CREATE TABLE a (id BIGINT);\nALTER TABLE nowhere ADD COLUMN x INT;\n\n"
                + "/* qalab:downgrade\nDROP TABLE a;\n*/\n", StandardCharsets.UTF_8);
        MigrationDirectory directory = MigrationDirectory.scan(List.of(folder));
        List<Violation> found = SchemaDrift.check(directory, settings(EvolutionFixtures.sources(1)), Severity.ERROR)
                .findings();
        assertEquals(1, found.size(), found.toString());
        assertEquals(SchemaDrift.REPLAY, found.get(0).ruleId());
        assertEquals(5, found.get(0).line());
        assertTrue(found.get(0).file().endsWith("001_broken.sql"));
    }

    @Test
    void anUnmappableEntityIsAnErrorAtItsLine(@TempDir Path project) throws Exception {
        Path sources = Files.createDirectories(project.resolve("src/com/example"));
        Files.writeString(sources.resolve("Invoice.java"), "package com.example;\n\nimport jakarta.persistence.*;\n\n"
                + "@Entity\npublic class Invoice {\n    @Id\n    private Long id;\n\n    private Money total;\n}\n",
                StandardCharsets.UTF_8);
        Path folder = Files.createDirectories(project.resolve("migrations"));
        List<Violation> found = SchemaDrift.check(MigrationDirectory.scan(List.of(folder)),
                settings(project.resolve("src")), Severity.WARN).findings();
        assertEquals(1, found.size(), found.toString());
        assertEquals(SchemaDrift.ENTITY, found.get(0).ruleId());
        assertEquals(Severity.ERROR, found.get(0).severity());
        assertEquals(10, found.get(0).line());
    }
}
