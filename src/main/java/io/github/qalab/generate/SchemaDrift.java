package io.github.qalab.generate;

import io.github.qalab.convention.Severity;
import io.github.qalab.convention.Violation;
import io.github.qalab.db.ReplayException;
import io.github.qalab.diff.Operation;
import io.github.qalab.entity.EntityModel;
import io.github.qalab.entity.EntityModel.ManagedType;
import io.github.qalab.entity.EntityProblem;
import io.github.qalab.entity.EntityScanException;
import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.migration.MigrationFile;
import io.github.qalab.schema.Column;
import io.github.qalab.schema.EntitySchemaBuilder;
import io.github.qalab.sql.Dialect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    private static final String GENERATE = "run mvn qalab:generate -Dqalab.message=\"<what changed>\" to write the"
            + " missing migration, or revert the entity change";

    private SchemaDrift() {
    }

    /**
     * Checks the entities against the migrations of {@code directory}.
     *
     * @param severity the severity of a drift finding; entity and replay problems are always errors
     * @return the findings, empty when the migrations produce exactly what the entities need
     */
    public static List<Violation> check(MigrationDirectory directory, MigrationGenerator.Settings settings,
                                        Severity severity) {
        EntityModel model;
        MigrationGenerator.Plan plan;
        try {
            model = MigrationGenerator.scan(settings);
            plan = MigrationGenerator.plan(directory, settings, model);
        } catch (EntityScanException e) {
            List<Violation> found = new ArrayList<>();
            for (EntityProblem p : e.problems()) {
                found.add(new Violation(ENTITY, Severity.ERROR, p.file(), p.line(), p.message(),
                        p.hint() + " (needed for the drift check; checkDrift=false skips it)"));
            }
            return found;
        } catch (ReplayException e) {
            Path where = e.file() != null ? e.file() : directory.locations().get(0);
            return List.of(new Violation(REPLAY, Severity.ERROR, where, e.line(),
                    "migration does not replay into the shadow database: " + e.databaseMessage(),
                    "fix the statement, or set qalab.shadowUrl to an empty database of your real vendor"));
        }
        Map<String, ManagedType> owners = new EntitySchemaBuilder().tableOwners(model, settings.naming());
        Path fallback = directory.head().map(MigrationFile::path).orElse(directory.locations().get(0));
        List<Violation> found = new ArrayList<>();
        for (Operation op : plan.diff().operations()) {
            String table = tableOf(op);
            ManagedType owner = table == null ? null : owners.get(table);
            Path file = owner == null ? fallback : owner.file();
            int line = owner == null ? 1 : owner.line();
            found.add(new Violation(DRIFT, severity, file, line,
                    "entities changed without a migration: " + describe(op, settings.dialect()), GENERATE));
        }
        return found;
    }

    /** The table an operation changes, or {@code null} for a sequence. */
    static String tableOf(Operation op) {
        if (op instanceof Operation.CreateTable o) {
            return o.table().name();
        }
        if (op instanceof Operation.DropTable o) {
            return o.table().name();
        }
        if (op instanceof Operation.RenameTable o) {
            return o.to();
        }
        if (op instanceof Operation.AddColumn o) {
            return o.table();
        }
        if (op instanceof Operation.DropColumn o) {
            return o.table();
        }
        if (op instanceof Operation.AlterColumn o) {
            return o.table();
        }
        if (op instanceof Operation.RenameColumn o) {
            return o.table();
        }
        if (op instanceof Operation.AddPrimaryKey o) {
            return o.table();
        }
        if (op instanceof Operation.DropPrimaryKey o) {
            return o.table();
        }
        if (op instanceof Operation.AddUniqueConstraint o) {
            return o.table();
        }
        if (op instanceof Operation.DropUniqueConstraint o) {
            return o.table();
        }
        if (op instanceof Operation.CreateIndex o) {
            return o.table();
        }
        if (op instanceof Operation.DropIndex o) {
            return o.table();
        }
        if (op instanceof Operation.AddForeignKey o) {
            return o.table();
        }
        if (op instanceof Operation.DropForeignKey o) {
            return o.table();
        }
        return null;
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
        return dialect.typeOf(c.type()) + (c.nullable() ? " NULL" : " NOT NULL")
                + (c.defaultValue().isEmpty() ? "" : " DEFAULT " + c.defaultValue());
    }
}
