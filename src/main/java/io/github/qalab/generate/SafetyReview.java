package io.github.qalab.generate;

import io.github.qalab.diff.Operation;
import io.github.qalab.diff.Operation.AddCheck;
import io.github.qalab.diff.Operation.AddColumn;
import io.github.qalab.diff.Operation.AddForeignKey;
import io.github.qalab.diff.Operation.AddPrimaryKey;
import io.github.qalab.diff.Operation.AddUniqueConstraint;
import io.github.qalab.diff.Operation.AlterColumn;
import io.github.qalab.diff.Operation.Change;
import io.github.qalab.diff.Operation.CreateIndex;
import io.github.qalab.diff.Operation.CreateSchema;
import io.github.qalab.diff.Operation.CreateSequence;
import io.github.qalab.diff.Operation.CreateTable;
import io.github.qalab.diff.Operation.DropCheck;
import io.github.qalab.diff.Operation.DropColumn;
import io.github.qalab.diff.Operation.DropForeignKey;
import io.github.qalab.diff.Operation.DropSequence;
import io.github.qalab.diff.Operation.DropTable;
import io.github.qalab.diff.Operation.RenameColumn;
import io.github.qalab.diff.Operation.RenameTable;
import io.github.qalab.diff.Operation.UpdateRows;
import io.github.qalab.diff.SchemaDiff;
import io.github.qalab.diff.TypeChange;
import io.github.qalab.entity.EntityProblem;
import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.migration.MigrationFile;
import io.github.qalab.schema.CheckConstraint;
import io.github.qalab.schema.Column;
import io.github.qalab.schema.ColumnType;
import io.github.qalab.schema.ColumnType.Kind;
import io.github.qalab.schema.ForeignKey;
import io.github.qalab.schema.Names;
import io.github.qalab.schema.Schema;
import io.github.qalab.schema.Sequence;
import io.github.qalab.schema.Table;
import io.github.qalab.sql.Dialect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The data-safety pass of {@code generate}: generate cannot see the rows a database holds, so every step must be safe
 * for any content, or the user must say what to do with the rows. It turns the diff's operations into the ones to
 * write, with existing rows carried through (NULLs filled before SET NOT NULL, enum ordinals converted to names and
 * back, a new identity or a key sequence continued after the highest key, rows holding a removed enum constant mapped,
 * a dropped NOT NULL column re-added by the downgrade with a value, foreign keys taken off and put back around an
 * index MariaDB would otherwise refuse to drop), and lists what it refuses to write without the user's word
 * ({@link DataPolicy}): drops, narrowing and converting type changes, a NOT NULL column without a value for the
 * existing rows, an enum constant rows may still hold.
 *
 * @param operations the operations to render, in order
 * @param refusals   what cannot be written without {@code -Dqalab.allowDataLoss} or {@code -Dqalab.backfill}, each
 *                   at the entity ({@code File.java:line}) or the migration that created the object; empty when the
 *                   migration may be written
 * @param risks      one line per destructive or risky step the migration holds (upgrade or downgrade), for the
 *                   warnings printed when it is written
 * @param unused     entries of the policy that no change used (likely a typo in a table or column name)
 */
public record SafetyReview(List<Operation> operations, List<EntityProblem> refusals, List<String> risks,
                           List<String> unused) {

    public SafetyReview {
        operations = List.copyOf(operations);
        refusals = List.copyOf(refusals);
        risks = List.copyOf(risks);
        unused = List.copyOf(unused);
    }

    /** True when the migration must not be written. */
    public boolean refused() {
        return !refusals.isEmpty();
    }

    /**
     * Reviews a diff.
     *
     * @param current     the schema the migrations produce (what the database holds)
     * @param desired     the entities' schema, with source positions and enum constants
     * @param policy      what the user allows and the values they give
     * @param directory   the migrations, to point at the one that created a dropped table
     * @param sourceModel true when the desired schema comes from the entity sources (JavaParser), whose view of
     *                    a {@code @MappedSuperclass} ends at the source roots
     */
    public static SafetyReview of(SchemaDiff diff, Schema current, DesiredSchema desired, Dialect dialect,
                                  DataPolicy policy, MigrationDirectory directory, boolean sourceModel) {
        return new Pass(diff, current, desired, dialect, policy, directory, sourceModel).run();
    }

    private static final Pattern STRING_LITERAL = Pattern.compile("'((?:[^']|'')*)'");
    private static final Pattern BETWEEN = Pattern.compile("(?i)\\bbetween\\s+(-?[0-9]+)\\s+and\\s+(-?[0-9]+)");
    private static final Pattern FIRST_NAME = Pattern.compile("^[\\W&&[^'`\"]]*[\"`]?([A-Za-z_][A-Za-z0-9_$]*)");

    /** The mutable work of one review. */
    private static final class Pass {
        private final SchemaDiff diff;
        private final Schema current;
        private final DesiredSchema desired;
        private final Dialect dialect;
        private final DataPolicy policy;
        private final MigrationDirectory directory;
        private final boolean sourceModel;

        private final List<Operation> out = new ArrayList<>();
        private final List<Operation> foreignKeysOff = new ArrayList<>();
        private final List<Operation> foreignKeysOn = new ArrayList<>();
        private final List<EntityProblem> refusals = new ArrayList<>();
        private final List<String> risks = new ArrayList<>();
        private final Set<String> used = new HashSet<>();
        private final Set<String> createdTables = new HashSet<>();
        private final Set<String> renamedTo = new HashSet<>();

        Pass(SchemaDiff diff, Schema current, DesiredSchema desired, Dialect dialect, DataPolicy policy,
             MigrationDirectory directory, boolean sourceModel) {
            this.diff = diff;
            this.current = current;
            this.desired = desired;
            this.dialect = dialect;
            this.policy = policy;
            this.directory = directory;
            this.sourceModel = sourceModel;
        }

        SafetyReview run() {
            for (Operation op : diff.operations()) {
                if (op instanceof CreateTable o) {
                    createdTables.add(Names.key(o.table().name()));
                } else if (op instanceof RenameTable o) {
                    renamedTo.add(Names.key(o.to()));
                }
            }
            Map<Operation, List<Operation>> before = enumRemovals();
            for (Operation op : diff.operations()) {
                out.addAll(before.getOrDefault(op, List.of()));
                out.add(review(op));
            }
            if (dialect.name().equals("mariadb") || dialect.name().equals("mysql")) {
                foreignKeysAroundNewIndexes();
            }
            List<Operation> all = new ArrayList<>();
            int front = 0;
            while (front < out.size() && (out.get(front) instanceof CreateSchema || out.get(front) instanceof RenameTable
                    || out.get(front) instanceof RenameColumn)) {
                front++;
            }
            all.addAll(out.subList(0, front));
            all.addAll(foreignKeysOff);
            all.addAll(out.subList(front, out.size()));
            all.addAll(foreignKeysOn);
            return new SafetyReview(all, refusals, risks, policy.allowAllLoss() ? List.of() : policy.unused(used));
        }

        private Operation review(Operation op) {
            if (op instanceof DropTable o) {
                dropTable(o);
            } else if (op instanceof DropColumn o) {
                return dropColumn(o);
            } else if (op instanceof AddColumn o) {
                return addColumn(o);
            } else if (op instanceof AlterColumn o) {
                return alterColumn(o);
            } else if (op instanceof AddUniqueConstraint o && existing(o.table())) {
                risks.add("adds unique constraint " + o.constraint().name() + " " + o.constraint().columns() + " to "
                        + o.table() + ", which may hold rows: it fails if they hold duplicates");
            } else if (op instanceof AddPrimaryKey o && existing(o.table())) {
                risks.add("adds primary key " + o.primaryKey().columns() + " to " + o.table() + ", which may hold rows:"
                        + " it fails if they hold duplicates or NULL");
            } else if (op instanceof CreateIndex o && o.index().unique() && existing(o.table())) {
                risks.add("adds unique index " + o.index().name() + " to " + o.table() + ", which may hold rows: it"
                        + " fails if they hold duplicates");
            } else if (op instanceof AddCheck o && existing(o.table())) {
                risks.add("adds check (" + o.check().expression() + ") to " + o.table() + ", which may hold rows: it"
                        + " fails if a row violates it");
            } else if (op instanceof DropSequence o) {
                risks.add("drops sequence " + o.sequence().name() + ": its current value is lost (created again, it"
                        + " starts at " + o.sequence().start() + ")");
            } else if (op instanceof AddForeignKey o && existing(o.table())) {
                risks.add("adds foreign key " + o.foreignKey().name() + " to " + o.table() + ", which may hold rows: it"
                        + " fails if a row references a missing " + o.foreignKey().referencedTable());
            }
            return op;
        }

        // ---- drops --------------------------------------------------------------------------------------------

        private void dropTable(DropTable o) {
            String table = o.table().name();
            if (allowed(table, null)) {
                risks.add("drops table " + table + " and every row in it (allowed)");
                return;
            }
            Optional<SourcePositions.Position> at = SchemaDrift.whereCreated(directory, table);
            List<String> added = diff.operations().stream().filter(p -> p instanceof CreateTable)
                    .map(p -> ((CreateTable) p).table().name()).toList();
            refuse(at.orElse(null), "drops table " + table + " and every row in it: no entity maps it any more",
                    "if the entity's table was renamed, declare it: -Dqalab.renames=" + table + ":"
                            + (added.size() == 1 ? added.get(0) : "<new_table>")
                            + "; if the table and its rows should go: -D" + DataPolicy.ALLOW_PROPERTY + "=" + table);
        }

        private Operation dropColumn(DropColumn o) {
            String table = o.table();
            Column column = o.column();
            if (allowed(table, column.name())) {
                risks.add("drops column " + table + "." + column.name() + " and its data (allowed)");
            } else {
                List<String> added = diff.operations().stream()
                        .filter(p -> p instanceof AddColumn a && Names.same(a.table(), table))
                        .map(p -> ((AddColumn) p).column().name()).toList();
                refuse(position(table, null).or(() -> SchemaDrift.whereCreated(directory, column.name()))
                                .orElse(null),
                        "drops column " + table + "." + column.name() + " and its data: no attribute of the entity"
                                + " maps it any more",
                        "if the attribute was renamed, declare it: -Dqalab.renames=" + table + "." + column.name() + ":"
                                + (added.size() == 1 ? added.get(0) : "<new_column>")
                                + "; if the column and its data should go: -D" + DataPolicy.ALLOW_PROPERTY + "="
                                + table + "." + column.name()
                                + (sourceModel ? "; a column of a @MappedSuperclass that the entity sources no longer"
                                + " show (moved into a jar, or out of qalab.sourceRoots) looks dropped too: use"
                                + " -Dqalab.model=hibernate or add its sources to qalab.sourceRoots" : ""));
            }
            if (column.nullable() || column.identity() || !column.defaultValue().isEmpty()) {
                return o;
            }
            String fill = backfill(table, column.name()).orElseGet(() -> placeholder(table, column));
            risks.add("the downgrade adds " + table + "." + column.name() + " back as NOT NULL holding " + fill
                    + " in every existing row (its data is gone)");
            return new DropColumn(table, column, fill);
        }

        // ---- columns ------------------------------------------------------------------------------------------

        private Operation addColumn(AddColumn o) {
            Column column = o.column();
            String table = o.table();
            if (column.nullable() || column.identity() || !column.defaultValue().isEmpty() || !existing(table)) {
                return o;
            }
            Optional<String> fill = backfill(table, column.name());
            if (fill.isPresent()) {
                risks.add("rows already in " + table + " get " + fill.get() + " in the new NOT NULL column "
                        + column.name() + unique(table, column.name(), UNIQUE_ADDED));
                return new AddColumn(table, column, fill.get());
            }
            refuse(position(table, column.name()).orElse(null), "adds NOT NULL column " + table + "."
                            + column.name() + " without a default: the rows " + table + " already holds have no value"
                            + " for it, so the migration fails",
                    "give them one: " + shellArgument("-D" + DataPolicy.BACKFILL_PROPERTY + "=" + table + "."
                            + column.name() + "=" + example(table, column)) + " (any SQL value), or declare a default"
                            + " in the entity (@ColumnDefault), or make the attribute nullable"
                            + unique(table, column.name(), UNIQUE_ADDED));
            return o;
        }

        private Operation alterColumn(AlterColumn o) {
            String table = o.table();
            String name = o.to().name();
            Operation.Rows rows = o.rows();
            if (o.changes().contains(Change.TYPE)) {
                Map<String, String> conversion = enumConversion(o.from().type(), o.to().type(),
                        desired.enumConstants(table, name));
                if (!conversion.isEmpty()) {
                    rows = rows.withConversion(conversion);
                    risks.add("converts the stored values of " + table + "." + name + " ("
                            + conversion.entrySet().stream().map(e -> e.getKey() + " -> " + e.getValue())
                            .collect(Collectors.joining(", ")) + "), and back in the downgrade; this assumes the"
                            + " enum's constants kept their order");
                } else {
                    typeChange(o);
                }
            }
            if (o.nullabilityChanged() && !o.to().nullable()) {
                Optional<String> fill = o.to().defaultValue().isEmpty() ? backfill(table, name)
                        : Optional.of(o.to().defaultValue());
                if (fill.isPresent()) {
                    rows = rows.withFill(fill.get());
                    risks.add("rows holding NULL in " + table + "." + name + " get " + fill.get()
                            + " before it becomes NOT NULL" + (o.to().defaultValue().isEmpty()
                            ? unique(table, name, UNIQUE_FILLED) : ""));
                } else {
                    refuse(position(table, name).orElse(null), table + "." + name + " becomes NOT NULL: rows that"
                                    + " hold NULL make the migration fail (PostgreSQL, H2) or are set to a zero value"
                                    + " (MariaDB)",
                            "give them a value: " + shellArgument("-D" + DataPolicy.BACKFILL_PROPERTY + "=" + table
                                    + "." + name + "=" + example(table, o.to())) + " (any SQL value), or declare a"
                                    + " default in the entity (@ColumnDefault)"
                                    + unique(table, name, UNIQUE_FILLED));
                }
            } else if (o.nullabilityChanged() && !o.from().nullable() && !o.from().identity()) {
                String fill = backfill(table, name).orElseGet(() -> placeholder(table, o.from()));
                rows = rows.withFill(fill);
                risks.add("the downgrade makes " + table + "." + name + " NOT NULL again: rows holding NULL by then"
                        + " get " + fill);
            }
            if (!o.from().identity() && o.to().identity()) {
                rows = rows.withKeySequence(keySequence(table, false));
                risks.add(table + "." + name + " becomes an identity that continues after the highest existing key");
            } else if (o.from().identity() && !o.to().identity()) {
                Sequence sequence = keySequence(table, true);
                rows = rows.withKeySequence(sequence);
                risks.add(sequence == null ? table + "." + name + " stops being an identity: move the sequence that"
                        + " numbers it now past the highest key by hand"
                        : "sequence " + sequence.name() + " continues after the highest key of " + table + "." + name);
            }
            return o.withRows(rows);
        }

        /** A type change without a known conversion: narrowing or converting needs the user's word. */
        private void typeChange(AlterColumn o) {
            String table = o.table();
            String name = o.to().name();
            TypeChange change = TypeChange.of(o.from().type(), o.to().type());
            if (change == TypeChange.WIDENS) {
                if (TypeChange.of(o.to().type(), o.from().type()) == TypeChange.NARROWS) {
                    risks.add("the downgrade narrows " + table + "." + name + " back to " + sql(o.from())
                            + ": it fails if wider values were written since the upgrade");
                }
                return;
            }
            if (o.from().type().kind() == Kind.ENUM && o.to().type().kind() == Kind.ENUM) {
                return; // removed constants: see enumRemovals
            }
            String what = change == TypeChange.NARROWS
                    ? "narrows " + table + "." + name + " from " + sql(o.from()) + " to " + sql(o.to())
                    + ": values that do not fit make the migration fail or are cut"
                    : "changes " + table + "." + name + " from " + sql(o.from()) + " to " + sql(o.to())
                    + ": every stored value is converted, and one that does not convert makes the migration fail";
            if (allowed(table, name)) {
                risks.add(what + " (allowed)");
                return;
            }
            refuse(position(table, name).orElse(null), what, "if that is intended: -D" + DataPolicy.ALLOW_PROPERTY
                    + "=" + table + "." + name + "; to keep every value, add a new column, copy the data in a"
                    + " hand-written migration (mvn qalab:generate -Dqalab.empty=true) and drop the old column later");
        }

        /**
         * Old stored value to new for a change between an enum's ordinals and its names, in ordinal order; empty when
         * the change is none of these or the constants are unknown.
         */
        private static Map<String, String> enumConversion(ColumnType from, ColumnType to, List<String> constants) {
            Map<String, String> conversion = new LinkedHashMap<>();
            if (constants.isEmpty()) {
                return conversion;
            }
            boolean fromNumber = integer(from.kind());
            boolean toNumber = integer(to.kind());
            boolean fromText = text(from.kind());
            boolean toText = text(to.kind());
            for (int i = 0; i < constants.size(); i++) {
                if (fromNumber && toText) {
                    conversion.put(String.valueOf(i), constants.get(i));
                } else if (fromText && toNumber) {
                    conversion.put(constants.get(i), String.valueOf(i));
                }
            }
            return conversion;
        }

        private static boolean integer(Kind kind) {
            return kind == Kind.TINYINT || kind == Kind.SMALLINT || kind == Kind.INTEGER || kind == Kind.BIGINT;
        }

        private static boolean text(Kind kind) {
            return kind == Kind.VARCHAR || kind == Kind.CHAR || kind == Kind.ENUM;
        }

        /**
         * The sequence that numbers {@code table}'s key when it is no identity: among the sequences this diff creates
         * ({@code created}) or drops, the one named {@code <table>_seq}, else the only one.
         */
        private Sequence keySequence(String table, boolean created) {
            List<Sequence> candidates = new ArrayList<>();
            for (Operation op : diff.operations()) {
                if (created && op instanceof CreateSequence o) {
                    candidates.add(o.sequence());
                } else if (!created && op instanceof DropSequence o) {
                    candidates.add(o.sequence());
                }
            }
            String wanted = Names.key(Names.simpleName(table)) + "_seq";
            for (Sequence s : candidates) {
                if (Names.key(Names.simpleName(s.name())).equals(wanted)) {
                    return s;
                }
            }
            return candidates.size() == 1 ? candidates.get(0) : null;
        }

        // ---- enum constants removed ---------------------------------------------------------------------------

        /**
         * Steps that must run before an operation because the column stops accepting values rows may hold: a native
         * ENUM losing constants (MariaDB, H2), or a check whose list or range shrinks (PostgreSQL's varchar + CHECK,
         * an ordinal's {@code between}).
         */
        private Map<Operation, List<Operation>> enumRemovals() {
            Map<Operation, List<Operation>> before = new LinkedHashMap<>();
            for (Operation op : diff.operations()) {
                if (op instanceof AlterColumn o && o.changes().contains(Change.TYPE)
                        && o.from().type().kind() == Kind.ENUM && o.to().type().kind() == Kind.ENUM) {
                    List<String> removed = new ArrayList<>(o.from().type().values());
                    removed.removeAll(o.to().type().values());
                    if (!removed.isEmpty()) {
                        removal(o.table(), o.to().name(), removed.stream().map(SafetyReview::quote).toList(),
                                o.to().type().values().isEmpty() ? "''" : quote(o.to().type().values().get(0)))
                                .ifPresent(update -> before.put(op, List.of(update)));
                    }
                } else if (op instanceof AddCheck o && existing(o.table())) {
                    removedByCheck(o).ifPresent(update -> before.put(op, List.of(update)));
                }
            }
            return before;
        }

        private Optional<Operation> removedByCheck(AddCheck added) {
            Matcher first = FIRST_NAME.matcher(added.check().expression());
            if (!first.find()) {
                return Optional.empty();
            }
            String column = first.group(1);
            Pattern mentions = Pattern.compile("(?i)(?<![\\w$])[\"`]?" + Pattern.quote(column) + "[\"`]?(?![\\w$])");
            for (Operation op : diff.operations()) {
                if (!(op instanceof DropCheck dropped) || !Names.same(dropped.table(), added.table())
                        || !mentions.matcher(dropped.check().expression()).find()) {
                    continue;
                }
                String was = dropped.check().expression();
                String now = added.check().expression();
                List<String> oldValues = literals(was);
                List<String> newValues = literals(now);
                if (!oldValues.isEmpty() && !newValues.isEmpty()) {
                    List<String> removed = new ArrayList<>(oldValues);
                    removed.removeAll(newValues);
                    if (!removed.isEmpty()) {
                        return removal(added.table(), column, removed.stream().map(SafetyReview::quote).toList(),
                                quote(newValues.get(0)));
                    }
                    return Optional.empty();
                }
                Matcher a = BETWEEN.matcher(was);
                Matcher b = BETWEEN.matcher(now);
                if (a.find() && b.find()) {
                    long oldLow = Long.parseLong(a.group(1));
                    long oldHigh = Long.parseLong(a.group(2));
                    long newLow = Long.parseLong(b.group(1));
                    long newHigh = Long.parseLong(b.group(2));
                    List<String> removed = new ArrayList<>();
                    for (long v = oldLow; v <= oldHigh && removed.size() < 1000; v++) {
                        if (v < newLow || v > newHigh) {
                            removed.add(String.valueOf(v));
                        }
                    }
                    if (!removed.isEmpty()) {
                        return removal(added.table(), column, removed, String.valueOf(newLow));
                    }
                }
                return Optional.empty();
            }
            return Optional.empty();
        }

        /** Rows may hold values a column no longer accepts: mapped by the user, acknowledged, or refused. */
        private Optional<Operation> removal(String table, String column, List<String> removed, String example) {
            String values = String.join(", ", removed);
            Optional<String> value = backfill(table, column);
            if (value.isPresent()) {
                risks.add("rows holding " + values + " in " + table + "." + column + " get " + value.get()
                        + " (the enum lost those constants)");
                return Optional.of(new UpdateRows(table, column, value.get(), removed));
            }
            if (allowed(table, column)) {
                risks.add(table + "." + column + " no longer accepts " + values + ": the migration fails if a row"
                        + " still holds one (allowed)");
                return Optional.empty();
            }
            refuse(position(table, column).orElse(null), table + "." + column + " no longer accepts " + values
                            + " (constants removed from the enum): rows that still hold one make the migration fail"
                            + " or lose their value",
                    "map them to a value that stays: " + shellArgument("-D" + DataPolicy.BACKFILL_PROPERTY + "="
                            + table + "." + column + "=" + example) + "; or, if no row holds them: -D"
                            + DataPolicy.ALLOW_PROPERTY + "=" + table + "." + column);
            return Optional.empty();
        }

        private static List<String> literals(String expression) {
            List<String> values = new ArrayList<>();
            Matcher m = STRING_LITERAL.matcher(expression);
            while (m.find()) {
                values.add(m.group(1).replace("''", "'"));
            }
            return values;
        }

        // ---- MariaDB: foreign keys and the indexes that serve them ----------------------------------------------

        /**
         * MariaDB and MySQL silently drop the index they made for a foreign key once another index serves the key,
         * and then refuse to drop that other index while the key needs it ("needed in a foreign key constraint"):
         * the downgrade of a new unique key or index on foreign-key columns would stop half way. So the foreign key is
         * taken off before and put back after, in both directions.
         */
        private void foreignKeysAroundNewIndexes() {
            Set<String> done = new LinkedHashSet<>();
            for (Operation op : List.copyOf(out)) {
                String table;
                List<String> columns;
                if (op instanceof AddUniqueConstraint o) {
                    table = o.table();
                    columns = o.constraint().columns();
                } else if (op instanceof CreateIndex o) {
                    table = o.table();
                    columns = o.index().columns();
                } else if (op instanceof AddPrimaryKey o) {
                    table = o.table();
                    columns = o.primaryKey().columns();
                } else {
                    continue;
                }
                if (!existing(table) || current.table(table).isEmpty()) {
                    continue;
                }
                for (ForeignKey fk : current.table(table).get().foreignKeys()) {
                    if (!prefix(fk.columns(), columns) || recreated(table, fk)
                            || !done.add(Names.key(table) + "." + Names.key(fk.name()))) {
                        continue;
                    }
                    ForeignKey wanted = desiredForeignKey(table, fk).orElse(null);
                    if (wanted == null) {
                        continue;
                    }
                    foreignKeysOff.add(new DropForeignKey(table, fk));
                    foreignKeysOn.add(new AddForeignKey(table, wanted));
                }
            }
        }

        private boolean recreated(String table, ForeignKey fk) {
            return diff.operations().stream().anyMatch(op -> op instanceof DropForeignKey d
                    && Names.same(d.table(), table) && Names.same(d.foreignKey().name(), fk.name()));
        }

        private Optional<ForeignKey> desiredForeignKey(String table, ForeignKey fk) {
            return desired.schema().table(table).flatMap(t -> t.foreignKeys().stream()
                    .filter(d -> sameColumns(d.columns(), fk.columns())
                            && Names.same(d.referencedTable(), fk.referencedTable()))
                    .findFirst());
        }

        private static boolean prefix(List<String> fkColumns, List<String> indexColumns) {
            if (fkColumns.size() > indexColumns.size()) {
                return false;
            }
            return sameColumns(fkColumns, indexColumns.subList(0, fkColumns.size()));
        }

        private static boolean sameColumns(List<String> a, List<String> b) {
            return a.stream().map(Names::key).toList().equals(b.stream().map(Names::key).toList());
        }

        // ---- helpers ------------------------------------------------------------------------------------------

        /** True for a table that existed before this migration (not created by it), so it may hold rows. */
        private boolean existing(String table) {
            return !createdTables.contains(Names.key(table));
        }

        private boolean allowed(String table, String column) {
            if (policy.allowsLoss(table, column)) {
                used.add(Names.key(table));
                if (column != null) {
                    used.add(Names.key(table) + "." + Names.key(column));
                }
                return true;
            }
            return false;
        }

        /**
         * The value {@code -Dqalab.backfill} gives the rows of {@code table.column}; empty, with a refusal, when it is a
         * bare name that is neither an SQL value keyword ({@code TRUE}, {@code CURRENT_TIMESTAMP}, ...) nor a column
         * of the table, which is what the shell leaves of a quoted text value ({@code 'none'} becomes {@code none}):
         * written as is, the migration would fail on it.
         */
        private Optional<String> backfill(String table, String column) {
            Optional<String> value = policy.backfill(table, column);
            value.ifPresent(v -> used.add(Names.key(table) + "." + Names.key(column)));
            if (value.isPresent() && BARE_NAME.matcher(value.get()).matches()
                    && !VALUE_KEYWORDS.contains(value.get().toUpperCase(Locale.ROOT))
                    && current.table(table).flatMap(t -> t.column(value.get())).isEmpty()) {
                refuse(position(table, column).orElse(null), "the value " + value.get() + " that -D"
                                + DataPolicy.BACKFILL_PROPERTY + " gives " + table + "." + column + " is a bare name,"
                                + " not an SQL value (no column of " + table + " has that name)",
                        "write a text value in quotes, and quote the whole argument so that the shell keeps them: "
                                + shellArgument("-D" + DataPolicy.BACKFILL_PROPERTY + "=" + table + "." + column + "='"
                                + value.get().replace("'", "''") + "'"));
                return Optional.empty();
            }
            return value;
        }

        /**
         * A value every row can take where the real one is gone: a literal of a check on the column when there is
         * one (so the check, added back after the column, accepts it), else the dialect's zero value of the type.
         */
        private String placeholder(String table, Column column) {
            Optional<Table> t = current.table(table);
            if (t.isPresent()) {
                Pattern mentions = Pattern.compile("(?i)(?<![\\w$])[\"`]?" + Pattern.quote(Names.unquoted(
                        column.name())) + "[\"`]?(?![\\w$])");
                for (CheckConstraint check : t.get().checks()) {
                    if (!mentions.matcher(check.expression()).find()) {
                        continue;
                    }
                    List<String> values = literals(check.expression());
                    if (!values.isEmpty()) {
                        return quote(values.get(0));
                    }
                    Matcher range = BETWEEN.matcher(check.expression());
                    if (range.find()) {
                        return range.group(1);
                    }
                }
            }
            return dialect.placeholderValue(column);
        }

        /**
         * A value to show in a hint: the type's zero value; for text, the first constant of the enum the column holds
         * (any other value breaks the check generate writes for it), else a short text that fits the column's length.
         */
        private String example(String table, Column column) {
            String value = dialect.placeholderValue(column);
            if (!value.equals("''")) {
                return value;
            }
            List<String> constants = desired.enumConstants(table, column.name());
            if (!constants.isEmpty()) {
                return "'" + constants.get(0).replace("'", "''") + "'";
            }
            // a model that does not know the enum still wrote its check: "<column> in ('A','B')"
            Pattern allowed = Pattern.compile("(?i)^\\W*" + Pattern.quote(Names.unquoted(column.name()))
                    + "\\W*\\s+in\\s*\\(\\s*('(?:[^']|'')*')");
            for (CheckConstraint check : desired.schema().table(table)
                    .map(Table::checks).orElse(List.of())) {
                Matcher first = allowed.matcher(check.expression());
                if (first.find()) {
                    return first.group(1);
                }
            }
            int length = column.type().length();
            return length > 0 && length < 4 ? "'x'" : "'none'";
        }

        /**
         * For a column that a single-column unique key or unique index of the entities covers: why one value for
         * every row fails when more than one row gets it, and what works instead ({@code how} says it for the change);
         * "" for any other column.
         */
        private String unique(String table, String column, String how) {
            boolean unique = desired.schema().table(table).map(t -> t.uniqueOn(List.of(column))).orElse(false);
            return unique ? "; " + table + "." + column + " is unique, so one value for every row fails as soon as two"
                    + " rows get it: " + how : "";
        }

        private String sql(Column column) {
            return (column.sqlType().isEmpty() ? dialect.typeOf(column.type()) : column.sqlType())
                    .toLowerCase(Locale.ROOT);
        }

        private Optional<SourcePositions.Position> position(String table, String column) {
            return desired.positions().of(table, column);
        }

        private void refuse(SourcePositions.Position at, String message, String hint) {
            Path file = at == null ? directory.head().map(MigrationFile::path).orElse(null) : at.file();
            refusals.add(new EntityProblem(file, at == null ? 1 : at.line(), message, hint));
        }
    }

    /** What to do instead of one value for a unique column that is added NOT NULL. */
    private static final String UNIQUE_ADDED = "add it nullable first, give each row its value in a migration of"
            + " your own (mvn qalab:generate -Dqalab.empty=true), then make it NOT NULL";
    /** What to do instead of one value for a unique column that becomes NOT NULL. */
    private static final String UNIQUE_FILLED = "give the rows a value that differs per row (an expression over"
            + " another column, e.g. the id), or fill them in a migration of your own first";

    /** A bare name: what a shell leaves of {@code 'none'} typed without quoting the whole argument. */
    private static final Pattern BARE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    /** SQL words that are values, which a backfill may give bare. */
    private static final java.util.Set<String> VALUE_KEYWORDS = java.util.Set.of("TRUE", "FALSE", "NULL", "UNKNOWN",
            "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "LOCALTIME", "LOCALTIMESTAMP", "CURRENT_USER",
            "SESSION_USER", "USER");

    /**
     * {@code argument} as a POSIX shell keeps it when pasted: as it is when it holds no character the shell reads,
     * else in double quotes, else (when it holds {@code " $ ` \ !}) in single quotes.
     */
    static String shellArgument(String argument) {
        if (argument.matches("[A-Za-z0-9_.,=:/@+%-]+")) {
            return argument;
        }
        if (!argument.matches(".*[\"$`\\\\!].*")) {
            return "\"" + argument + "\"";
        }
        return "'" + argument.replace("'", "'\\''") + "'";
    }

    private static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
