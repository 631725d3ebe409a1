package io.github.qalab.generate;

import io.github.qalab.db.ShadowDatabase;
import io.github.qalab.diff.Renames;
import io.github.qalab.entity.EntityProblem;
import io.github.qalab.entity.NamingStrategy;
import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.migration.MigrationStep;
import io.github.qalab.sql.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generate's refusals (issue 9) with the source model and the embedded shadow: a drop, a NOT NULL column without a
 * value for existing rows, a @MappedSuperclass the sources no longer show; each names where, what and the flag, writes
 * nothing, and the flag makes the migration carry the rows through.
 */
class SafetyReviewTest {

    private static final String NOTE = """
            package p;

            import jakarta.persistence.*;

            @Entity
            public class Note {
                @Id private Long id;
                @Column(nullable = false)
                private String text;
            }
            """;

    private static final String NOTE_EXTENDS_BASE = """
            package p;

            import jakarta.persistence.*;

            @Entity
            public class Note extends Base {
                @Id private Long id;
                @Column(nullable = false)
                private String text;
            }
            """;

    private static final String CREATE_NOTE = """
            -- revision: 001
            -- down_revision: none

            CREATE TABLE note (
                id BIGINT NOT NULL,
                text VARCHAR(255) NOT NULL,
                legacy VARCHAR(40) NOT NULL,
                created_by VARCHAR(255),
                CONSTRAINT pk_note PRIMARY KEY (id)
            );
            CREATE TABLE other (id BIGINT NOT NULL, CONSTRAINT pk_other PRIMARY KEY (id));

            /* qalab:downgrade
            DROP TABLE other;
            DROP TABLE note;
            */
            """;

    private static final String CREATE_NULLABLE_NOTE = """
            -- revision: 001
            -- down_revision: none

            CREATE TABLE note (id BIGINT NOT NULL, text VARCHAR(255), CONSTRAINT pk_note PRIMARY KEY (id));

            /* qalab:downgrade
            DROP TABLE note;
            */
            """;

    @TempDir
    Path dir;

    @Test
    void dropsAreRefusedAtTheEntityOrTheCreatingMigrationWithBothWaysForward() throws Exception {
        MigrationDirectory migrations = project(NOTE, CREATE_NOTE);
        MigrationGenerator.Plan plan = MigrationGenerator.plan(migrations, settings(DataPolicy.STRICT));
        List<String> refusals = formatted(plan);
        assertEquals(3, refusals.size(), String.join("\n", refusals));
        // columns: at the entity class, with the rename and the consent spelled out
        assertTrue(refusals.get(0).startsWith("src/p/Note.java:5: drops column note.created_by and its data"),
                refusals.get(0));
        assertTrue(refusals.get(1).contains("-Dqalab.renames=note.legacy:<new_column>"), refusals.get(1));
        assertTrue(refusals.get(1).contains("-Dqalab.allowDataLoss=note.legacy"), refusals.get(1));
        // a table no entity maps: at the line of the migration that created it
        assertTrue(refusals.get(2).startsWith("db/001_create_note.sql:11: drops table other and every row in it"),
                refusals.get(2));
        assertTrue(refusals.get(2).contains("-Dqalab.renames=other:<new_table>")
                && refusals.get(2).contains("-Dqalab.allowDataLoss=other"), refusals.get(2));

        List<String> before = names();
        assertThrows(IllegalStateException.class, () -> MigrationGenerator.write(migrations, "Drop", plan));
        assertEquals(before, names(), "a refused plan writes nothing");

        MigrationGenerator.Plan allowed = MigrationGenerator.plan(migrations,
                settings(DataPolicy.parse("note.legacy,note.created_by,other", "")));
        assertFalse(allowed.review().refused());
        String upgrade = text(allowed.sql().upgrade());
        assertTrue(upgrade.contains("-- qalab:allow destructive: drops column note.legacy and its data.\n"
                + "ALTER TABLE note DROP COLUMN legacy;"), upgrade);
        // the downgrade re-adds the NOT NULL column in a form that runs on rows, and says the data is gone
        String downgrade = text(allowed.sql().downgrade());
        assertTrue(downgrade.contains("-- Data loss: column note.legacy comes back holding '' in every existing row;"
                + " the upgrade destroyed its data.\nALTER TABLE note ADD COLUMN legacy VARCHAR(40) DEFAULT '' NOT NULL;\n"
                + "ALTER TABLE note ALTER COLUMN legacy DROP DEFAULT;"), downgrade);
        assertTrue(allowed.review().risks().contains("drops table other and every row in it (allowed)"),
                allowed.review().risks().toString());
        // allowing everything covers every table and column
        assertFalse(MigrationGenerator.plan(migrations, settings(DataPolicy.parse("true", ""))).review().refused());
    }

    @Test
    void aMappedSuperclassTheSourcesNoLongerShowIsNoSilentDrop() throws Exception {
        // Base (with created_by) moved into a jar: the source model sees Note without it
        MigrationDirectory migrations = project(NOTE_EXTENDS_BASE, CREATE_NOTE);
        MigrationGenerator.Plan plan = MigrationGenerator.plan(migrations, settings(DataPolicy.STRICT));
        String createdBy = formatted(plan).stream().filter(r -> r.contains("note.created_by")).findFirst()
                .orElseThrow();
        assertTrue(createdBy.contains("a column of a @MappedSuperclass that the entity sources no longer show"
                + " (moved into a jar, or out of qalab.sourceRoots) looks dropped too: use -Dqalab.model=hibernate"),
                createdBy);
    }

    @Test
    void aColumnBecomingNotNullNeedsAValueForTheRowsHoldingNull() throws Exception {
        MigrationDirectory migrations = project(NOTE, CREATE_NULLABLE_NOTE);
        MigrationGenerator.Plan plan = MigrationGenerator.plan(migrations, settings(DataPolicy.STRICT));
        List<String> refusals = formatted(plan);
        assertEquals(1, refusals.size(), refusals.toString());
        // at the entity class, or at the field where the model knows it
        assertTrue(refusals.get(0).matches("src/p/Note\\.java:(5|9): note\\.text becomes NOT NULL: rows that hold NULL"
                + " make the migration fail.*"), refusals.get(0));
        assertTrue(refusals.get(0).endsWith("give them a value: \"-Dqalab.backfill=note.text='none'\" (any SQL"
                + " value), or declare a default in the entity (@ColumnDefault)"), refusals.get(0));

        // the shell's version of 'none' typed without quoting the whole argument: a bare name, refused with the fix
        MigrationGenerator.Plan bare = MigrationGenerator.plan(migrations,
                settings(DataPolicy.parse("", "note.text=none")));
        List<String> bareRefusals = formatted(bare);
        assertTrue(bareRefusals.stream().anyMatch(r -> r.contains("the value none that -Dqalab.backfill gives"
                + " note.text is a bare name, not an SQL value") && r.endsWith("quote the whole argument so that the"
                + " shell keeps them: \"-Dqalab.backfill=note.text='none'\"")), bareRefusals.toString());
        assertTrue(bare.review().refused(), "nothing is written with the bare name");
        // an SQL value keyword is a value
        MigrationGenerator.Plan keyword = MigrationGenerator.plan(migrations,
                settings(DataPolicy.parse("", "note.text=CURRENT_USER")));
        assertFalse(keyword.review().refused(), formatted(keyword).toString());

        MigrationGenerator.Plan filled = MigrationGenerator.plan(migrations,
                settings(DataPolicy.parse("", "note.text='(none)'")));
        assertFalse(filled.review().refused());
        String upgrade = text(filled.sql().upgrade());
        assertTrue(upgrade.contains("UPDATE note SET text = '(none)' WHERE text IS NULL;\n"
                + "ALTER TABLE note ALTER COLUMN text SET NOT NULL;"), upgrade);
        assertEquals(List.of(), filled.review().unused());

        // a value for a column no change needs is named as a likely typo
        MigrationGenerator.Plan typo = MigrationGenerator.plan(migrations,
                settings(DataPolicy.parse("note.txt", "note.text='x',note.txt='y'")));
        assertEquals(List.of("-Dqalab.allowDataLoss names note.txt", "-Dqalab.backfill names note.txt"),
                typo.review().unused());
    }

    private List<String> formatted(MigrationGenerator.Plan plan) {
        return plan.review().refusals().stream().map((EntityProblem p) -> p.format(dir)).toList();
    }

    private static String text(List<MigrationStep> steps) {
        return steps.stream().map(s -> (s.note().isEmpty() ? "" : "-- " + s.note() + "\n")
                + s.statements().stream().map(x -> x + ";\n").collect(Collectors.joining()))
                .collect(Collectors.joining());
    }

    private List<String> names() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("db"))) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private MigrationDirectory project(String entity, String migration) throws Exception {
        Path sources = Files.createDirectories(dir.resolve("src/p"));
        Files.writeString(sources.resolve("Note.java"), entity);
        Path folder = Files.createDirectories(dir.resolve("db"));
        Files.writeString(folder.resolve("001_create_note.sql"), migration);
        return MigrationDirectory.scan(List.of(folder));
    }

    private MigrationGenerator.Settings settings(DataPolicy policy) {
        Dialect dialect = Dialect.named("postgresql");
        return new MigrationGenerator.Settings(new DesiredModel.FromSources(List.of(dir.resolve("src")), List.of(),
                NamingStrategy.SPRING, dialect), dialect, Renames.NONE, ShadowDatabase.embedded(dialect), policy);
    }

    /**
     * The value a hint suggests for rows already in the table must be one the migration can keep: a constant of the
     * enum for an enum column (generate writes a check for it), and for a unique column the warning that one value
     * for every row fails, with what works (found by the newcomer run: 'none' for both).
     */
    @Test
    void hintsForEnumAndUniqueColumnsSuggestValuesThatHold() throws Exception {
        MigrationDirectory migrations = project("""
                package p;

                import jakarta.persistence.*;

                @Entity
                public class Note {
                    @Id private Long id;
                    private String text;
                    @Enumerated(EnumType.STRING)
                    @Column(nullable = false)
                    private Level level;
                    @Column(nullable = false, unique = true)
                    private String code;

                    public enum Level { LOW, HIGH }
                }
                """, CREATE_NULLABLE_NOTE);
        MigrationGenerator.Plan plan = MigrationGenerator.plan(migrations, settings(DataPolicy.STRICT));
        List<String> refusals = formatted(plan);
        String level = refusals.stream().filter(r -> r.contains("note.level")).findFirst().orElseThrow();
        assertTrue(level.contains("\"-Dqalab.backfill=note.level='LOW'\""), level);
        assertFalse(level.contains("is unique"), level);
        String code = refusals.stream().filter(r -> r.contains("note.code")).findFirst().orElseThrow();
        assertTrue(code.contains("note.code is unique, so one value for every row fails")
                && code.contains("add it nullable first"), code);
        // given one value anyway, the review says the same
        MigrationGenerator.Plan filled = MigrationGenerator.plan(migrations,
                settings(DataPolicy.parse(null, "note.level='LOW',note.code='none'")));
        assertFalse(filled.review().refused(), formatted(filled).toString());
        assertTrue(filled.review().risks().stream().anyMatch(r -> r.contains("in the new NOT NULL column code")
                && r.contains("note.code is unique")), filled.review().risks().toString());
        assertTrue(filled.review().risks().stream().noneMatch(r -> r.contains("column level") && r.contains("unique")),
                filled.review().risks().toString());
    }

    @Test
    void aHintIsWrittenSoThatAShellKeepsItsQuotes() {
        assertEquals("-Dqalab.backfill=account.balance=0",
                SafetyReview.shellArgument("-Dqalab.backfill=account.balance=0"));
        assertEquals("\"-Dqalab.backfill=account.currency='EUR'\"",
                SafetyReview.shellArgument("-Dqalab.backfill=account.currency='EUR'"));
        assertEquals("'-Dqalab.backfill=a.b='\\''$HOME'\\'''",
                SafetyReview.shellArgument("-Dqalab.backfill=a.b='$HOME'"));
    }
}
