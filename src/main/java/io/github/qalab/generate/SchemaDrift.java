package io.github.qalab.generate;

import io.github.qalab.convention.Severity;
import io.github.qalab.convention.Violation;
import io.github.qalab.db.ReplayException;
import io.github.qalab.diff.Operation;
import io.github.qalab.entity.EntityProblem;
import io.github.qalab.entity.EntityScanException;
import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.migration.MigrationFile;
import io.github.qalab.schema.Column;
import io.github.qalab.schema.Names;
import io.github.qalab.sql.Dialect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The drift check of {@code qalab:verify} (like {@code alembic check} or Django's {@code makemigrations --check}):
 * the entities compared with the schema the migrations produce, every difference a violation that names the entity
 * (or, for a table no entity maps any more, the newest migration) and the command that writes the missing migration.
 */
public final class SchemaDrift {

    /** Entities changed without a migration. */
    public static final String DRIFT = "QL020";
    /** An entity mapping that cannot be understood, so drift cannot be checked. */
    public static final String ENTITY = "QL021";
    /** An existing migration that fails to replay, so drift cannot be checked. */
    public static final String REPLAY = "QL022";

    /** What to do about drift. */
    public static final String HINT = "run mvn qalab:generate -Dqalab.message=\"<what changed>\" to write the"
            + " missing migration, or revert the entity change";

    private SchemaDrift() {
    }

    /**
     * The outcome of a drift check.
     *
     * @param findings the violations, empty when the migrations produce what the entities need
     * @param note     one line on what was compared (or why nothing was), for the log
     */
    public record Result(List<Violation> findings, String note) {
        public Result {
            findings = List.copyOf(findings);
        }
    }

    private static final String ENTITY_HINT = "fix the mapping as the message says (it is needed for the drift check;"
            + " checkDrift=false skips it)";
    private static final String REPLAY_HINT = "fix the statement, or set qalab.shadowUrl to an empty database of your"
            + " real vendor";

    /** What to do about a finding of one of the {@link #rules()}. */
    public static String hint(String ruleId) {
        return switch (ruleId) {
            case ENTITY -> ENTITY_HINT;
            case REPLAY -> REPLAY_HINT;
            default -> HINT;
        };
    }

    /** The rules of the drift check, id to one-line summary, for reports and configuration checks. */
    public static Map<String, String> rules() {
        return Map.of(DRIFT, "the entities need a schema change that no migration makes",
                ENTITY, "an entity mapping cannot be understood, so drift cannot be checked",
                REPLAY, "an existing migration does not replay, so drift cannot be checked");
    }

    /**
     * Checks the entities against the migrations of {@code directory}.
     *
     * @param severity the severity of a drift finding; entity and replay problems are always errors
     * @return the findings, empty when the migrations produce exactly what the entities need (or when the source
     *         roots hold no entity at all: a project without JPA has nothing to drift from)
     */
    public static Result check(MigrationDirectory directory, MigrationGenerator.Settings settings,
                               Severity severity) {
        // A project without JPA has nothing to drift from; for the source model a text search is enough to tell,
        // and spares the replay (the Hibernate model finds entities in compiled classes and jars, and says so).
        if (settings.model() instanceof DesiredModel.FromSources && !mentionsEntity(settings.model().sourceRoots())) {
            return new Result(List.of(), "Drift not checked: no @Entity class in the entity source roots");
        }
        MigrationGenerator.Plan plan;
        try {
            plan = MigrationGenerator.plan(directory, settings);
            if (plan.desired().entities() == 0) {
                return new Result(List.of(), "Drift not checked: no @Entity class found (" + plan.desired().summary()
                        + ")");
            }
        } catch (EntityScanException e) {
            List<Violation> found = new ArrayList<>();
            Path fallback = directory.locations().get(0);
            for (EntityProblem p : e.problems()) {
                found.add(new Violation(ENTITY, Severity.ERROR, p.file() == null ? fallback : p.file(), p.line(),
                        p.message(), p.hint() + " (needed for the drift check; checkDrift=false skips it)"));
            }
            return new Result(found, "Drift not checked: the entities cannot be read");
        } catch (MigrationGenerator.NoEntitiesException e) {
            return new Result(List.of(new Violation(ENTITY, Severity.ERROR, directory.locations().get(0), 1,
                    e.getMessage(), "check qalab.entityPackages, qalab.sourceRoots and that the classes are compiled"
                    + " (needed for the drift check; checkDrift=false skips it)")),
                    "Drift not checked: no entity found");
        } catch (ReplayException e) {
            Path where = e.file() != null ? e.file() : directory.locations().get(0);
            if (e.desiredSchemaRefused()) {
                // the entities' own schema, not a migration: a type the shadow database cannot hold
                return new Result(List.of(new Violation(REPLAY, Severity.ERROR, where, e.line(),
                        "the shadow database cannot hold the entities' schema: " + e.databaseMessage(), e.hint())),
                        "Drift not checked: the shadow database cannot hold the entities' schema");
            }
            return new Result(List.of(new Violation(REPLAY, Severity.ERROR, where, e.line(),
                    "migration does not replay into the shadow database: " + e.databaseMessage(),
                    REPLAY_HINT)),
                    "Drift not checked: the migrations do not replay");
        }
        Path fallback = directory.head().map(MigrationFile::path).orElse(directory.locations().get(0));
        List<Violation> found = new ArrayList<>();
        for (Operation op : plan.diff().operations()) {
            String table = Operation.tableOf(op);
            if (table == null) {
                table = sequenceTable(op);
            }
            String column = columnOf(op);
            boolean onlyInMigrations = onlyInMigrations(op);
            Optional<SourcePositions.Position> at = onlyInMigrations ? Optional.empty()
                    : plan.desired().positions().of(table == null ? "" : table, column);
            Path file = fallback;
            int line = 1;
            if (at.isPresent()) {
                file = at.get().file();
                line = at.get().line();
            } else if (onlyInMigrations) {
                Optional<SourcePositions.Position> created = whereCreated(directory, objectName(op));
                if (created.isPresent()) {
                    file = created.get().file();
                    line = created.get().line();
                }
            }
            found.add(new Violation(DRIFT, severity, file, line, (onlyInMigrations
                    ? "migrations and entities differ: " : "entities changed without a migration: ")
                    + describe(op, settings.dialect()), onlyInMigrations ? HAND_MADE_HINT : HINT));
        }
        return new Result(found, "Drift: " + plan.desired().summary() + " compared with " + directory.migrations().size()
                + (directory.migrations().size() == 1 ? " replayed migration, " : " replayed migrations, ")
                + (found.isEmpty() ? "in sync"
                : found.size() + (found.size() == 1 ? " difference" : " differences")) + " " + took(plan.timing()));
    }

    /** What to do about an object that a migration creates but no entity declares. */
    static final String HAND_MADE_HINT = "a migration creates it but no entity declares it: declare it in the"
            + " entities (e.g. @Index, @Column, @Table), or write a migration that drops it"
            + " (mvn qalab:generate -Dqalab.message=\"...\")";

    /** True for a change that removes something the migrations create and no entity declares. */
    static boolean onlyInMigrations(Operation op) {
        return op instanceof Operation.DropTable || op instanceof Operation.DropColumn
                || op instanceof Operation.DropIndex || op instanceof Operation.DropUniqueConstraint
                || op instanceof Operation.DropForeignKey || op instanceof Operation.DropSequence
                || op instanceof Operation.DropCheck;
    }

    /** The column an operation is about, or null. */
    static String columnOf(Operation op) {
        if (op instanceof Operation.AddColumn o) {
            return o.column().name();
        }
        if (op instanceof Operation.DropColumn o) {
            return o.column().name();
        }
        if (op instanceof Operation.AlterColumn o) {
            return o.to().name();
        }
        if (op instanceof Operation.CreateIndex o && !o.index().columns().isEmpty()) {
            return o.index().columns().get(0);
        }
        if (op instanceof Operation.AddForeignKey o && !o.foreignKey().columns().isEmpty()) {
            return o.foreignKey().columns().get(0);
        }
        if (op instanceof Operation.AddUniqueConstraint o && !o.constraint().columns().isEmpty()) {
            return o.constraint().columns().get(0);
        }
        return null;
    }

    /** The name a migration would have written for the object an operation removes. */
    private static String objectName(Operation op) {
        if (op instanceof Operation.DropTable o) {
            return o.table().name();
        }
        if (op instanceof Operation.DropColumn o) {
            return o.column().name();
        }
        if (op instanceof Operation.DropIndex o) {
            return o.index().name();
        }
        if (op instanceof Operation.DropUniqueConstraint o) {
            return o.constraint().name();
        }
        if (op instanceof Operation.DropForeignKey o) {
            return o.foreignKey().name();
        }
        if (op instanceof Operation.DropSequence o) {
            return o.sequence().name();
        }
        if (op instanceof Operation.DropCheck o) {
            return o.check().name();
        }
        return "";
    }

    /** The newest migration line (upgrade part) that mentions {@code name} as a word. */
    static Optional<SourcePositions.Position> whereCreated(MigrationDirectory directory, String name) {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        java.util.regex.Pattern word = java.util.regex.Pattern.compile("(?i)(?<![\\w$])"
                + java.util.regex.Pattern.quote(Names.unquoted(Names.simpleName(name))) + "(?![\\w$])");
        List<MigrationFile> migrations = directory.migrations();
        for (int i = migrations.size() - 1; i >= 0; i--) {
            MigrationFile m = migrations.get(i);
            String[] lines = m.upgrade().sql().split("\n", -1);
            for (int j = 0; j < lines.length; j++) {
                if (word.matcher(lines[j]).find()) {
                    return Optional.of(new SourcePositions.Position(m.path(), m.upgrade().startLine() + j));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * {@code (1234 ms: entities 800 ms alongside replay 1100 ms)}: the drift check is the slow part of verify, so its
     * cost shows at the default log level (the benchmark in bench/drift-bench.sh reads it too).
     */
    static String took(MigrationGenerator.Timing timing) {
        return "(" + timing.total().toMillis() + " ms: entities " + timing.entities().toMillis()
                + " ms alongside " + timing.replayLabel() + " " + timing.replay().toMillis() + " ms)";
    }

    /** True when a Java source below one of the roots contains {@code @Entity}. */
    static boolean mentionsEntity(List<Path> roots) {
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                boolean found = files.filter(f -> f.toString().endsWith(".java")).anyMatch(f -> {
                    try {
                        return Files.readString(f, StandardCharsets.UTF_8).contains("@Entity");
                    } catch (IOException | UncheckedIOException e) {
                        return true; // unreadable as UTF-8: let the scanner report it properly
                    }
                });
                if (found) {
                    return true;
                }
            } catch (IOException | UncheckedIOException e) {
                return true;
            }
        }
        return false;
    }


    /** For a sequence named like Hibernate's default ({@code <table>_seq}), that table; else {@code null}. */
    static String sequenceTable(Operation op) {
        String name = null;
        if (op instanceof Operation.CreateSequence o) {
            name = o.sequence().name();
        } else if (op instanceof Operation.DropSequence o) {
            name = o.sequence().name();
        } else if (op instanceof Operation.AlterSequence o) {
            name = o.to().name();
        }
        return name != null && name.endsWith("_seq") ? name.substring(0, name.length() - "_seq".length()) : null;
    }

    /** What is missing, in the words of the entities: {@code table account: column balance missing}. */
    static String describe(Operation op, Dialect dialect) {
        if (op instanceof Operation.CreateTable o) {
            return "table " + o.table().name() + " missing";
        }
        if (op instanceof Operation.DropTable o) {
            return "table " + o.table().name() + " is created by the migrations but no entity maps it";
        }
        if (op instanceof Operation.AddColumn o) {
            return "table " + o.table() + ": column " + o.column().name() + " missing";
        }
        if (op instanceof Operation.DropColumn o) {
            return "table " + o.table() + ": column " + o.column().name()
                    + " is created by the migrations but no entity maps it";
        }
        if (op instanceof Operation.AlterColumn o) {
            return "table " + o.table() + ": column " + o.to().name() + " is " + column(o.from(), dialect)
                    + " in the migrations, the entity needs " + column(o.to(), dialect);
        }
        return op.describe();
    }

    private static String column(Column c, Dialect dialect) {
        return (c.sqlType().isEmpty() ? dialect.typeOf(c.type()) : c.sqlType()) + (c.nullable() ? " NULL" : " NOT NULL")
                + (c.defaultValue().isEmpty() ? "" : " DEFAULT " + c.defaultValue());
    }
}
