package io.github.qalab.diff;

import io.github.qalab.diff.Operation.AddCheck;
import io.github.qalab.diff.Operation.AddColumn;
import io.github.qalab.diff.Operation.AddForeignKey;
import io.github.qalab.diff.Operation.AddPrimaryKey;
import io.github.qalab.diff.Operation.AddUniqueConstraint;
import io.github.qalab.diff.Operation.AlterColumn;
import io.github.qalab.diff.Operation.AlterSequence;
import io.github.qalab.diff.Operation.Change;
import io.github.qalab.diff.Operation.CreateIndex;
import io.github.qalab.diff.Operation.CreateSchema;
import io.github.qalab.diff.Operation.CreateSequence;
import io.github.qalab.diff.Operation.CreateTable;
import io.github.qalab.diff.Operation.DropCheck;
import io.github.qalab.diff.Operation.DropColumn;
import io.github.qalab.diff.Operation.DropForeignKey;
import io.github.qalab.diff.Operation.DropIndex;
import io.github.qalab.diff.Operation.DropPrimaryKey;
import io.github.qalab.diff.Operation.DropSequence;
import io.github.qalab.diff.Operation.DropTable;
import io.github.qalab.diff.Operation.DropUniqueConstraint;
import io.github.qalab.diff.Operation.RenameColumn;
import io.github.qalab.diff.Operation.RenameTable;
import io.github.qalab.schema.CheckConstraint;
import io.github.qalab.schema.Column;
import io.github.qalab.schema.ForeignKey;
import io.github.qalab.schema.Index;
import io.github.qalab.schema.Names;
import io.github.qalab.schema.PrimaryKey;
import io.github.qalab.schema.Schema;
import io.github.qalab.schema.Sequence;
import io.github.qalab.schema.Table;
import io.github.qalab.schema.UniqueConstraint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The ordered operations that turn a current schema into a desired one, plus warnings for likely renames.
 *
 * <p>Constraints and indexes compare by meaning (columns, referenced table), never by name: a unique constraint
 * and a unique index on the same columns are the same thing. The order is fixed so that every statement finds
 * what it needs: renames; dropped foreign keys, indexes, uniques, primary keys; new and changed sequences;
 * new tables; added and altered columns; new primary keys, uniques and indexes; dropped columns, tables and
 * sequences; new foreign keys last. Inside each group operations are sorted by table and object name, so the
 * same inputs always give the same list.
 *
 * @param operations the changes, in execution order
 * @param warnings   human-readable notes, e.g. a dropped and an added column that may be a rename
 */
public record SchemaDiff(List<Operation> operations, List<String> warnings) {

    public SchemaDiff {
        operations = List.copyOf(operations);
        warnings = List.copyOf(warnings);
    }

    /** Compares with {@link TypeEquivalence#EXACT}. */
    public static SchemaDiff compare(Schema current, Schema desired, Renames renames) {
        return compare(current, desired, renames, TypeEquivalence.EXACT);
    }

    /** Compares, deciding type equality through {@code types} (usually the target dialect). */
    public static SchemaDiff compare(Schema current, Schema desired, Renames renames, TypeEquivalence types) {
        return compare(current, desired, renames, types, Normalisation.NONE);
    }

    /**
     * Compares the current schema with the desired one as {@code normalisation} says the database will store it;
     * type equality is decided by {@code types} on the stored forms.
     */
    public static SchemaDiff compare(Schema current, Schema desired, Renames renames, TypeEquivalence types,
                                     Normalisation normalisation) {
        return new Comparison(current, desired, renames == null ? Renames.NONE : renames, types, normalisation).run();
    }

    public boolean isEmpty() {
        return operations.isEmpty();
    }

    /** The operations that undo this diff: each operation's inverse, in reverse order. */
    public List<Operation> inverse() {
        List<Operation> inverse = new ArrayList<>(operations.size());
        for (int i = operations.size() - 1; i >= 0; i--) {
            inverse.add(operations.get(i).inverse());
        }
        return inverse;
    }

    /** The mutable work of one comparison; kept out of the record so that the record stays a value. */
    private static final class Comparison {
        private final Renames renames;
        private final TypeEquivalence types;
        private final Normalisation normalisation;
        private final Schema desired;
        private Schema current;

        private final List<Operation> createSchemas = new ArrayList<>();
        private final List<Operation> renameOps = new ArrayList<>();
        private final List<Operation> dropForeignKeys = new ArrayList<>();
        private final List<Operation> dropKeys = new ArrayList<>();
        private final List<Operation> sequencesUp = new ArrayList<>();
        private final List<Operation> createTables = new ArrayList<>();
        private final List<Operation> addColumns = new ArrayList<>();
        private final List<Operation> alterColumns = new ArrayList<>();
        private final List<Operation> addKeys = new ArrayList<>();
        private final List<Operation> dropColumns = new ArrayList<>();
        private final List<Operation> dropTables = new ArrayList<>();
        private final List<Operation> dropSequences = new ArrayList<>();
        private final List<Operation> addForeignKeys = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();

        Comparison(Schema current, Schema desired, Renames renames, TypeEquivalence types,
                   Normalisation normalisation) {
            this.current = current;
            this.desired = desired;
            this.renames = renames;
            this.types = types;
            this.normalisation = normalisation;
        }

        SchemaDiff run() {
            for (String namespace : desired.namespaces()) {
                if (!current.hasNamespace(namespace)) {
                    createSchemas.add(new CreateSchema(namespace));
                }
            }
            applyRenames();
            compareSequences();
            List<Table> droppedTables = new ArrayList<>();
            List<Table> addedTables = new ArrayList<>();
            for (Table c : current.tables()) {
                if (desired.table(c.name()).isEmpty()) {
                    droppedTables.add(c);
                }
            }
            for (Table d : desired.tables()) {
                Optional<Table> c = current.table(d.name());
                if (c.isEmpty()) {
                    addedTables.add(d);
                } else {
                    compareTable(c.get(), d);
                }
            }
            for (Table t : droppedTables) {
                for (ForeignKey fk : sortedFks(t)) {
                    dropForeignKeys.add(new DropForeignKey(t.name(), fk));
                }
                dropTables.add(new DropTable(t.withForeignKeys(List.of())));
            }
            for (Table t : addedTables) {
                createTables.add(new CreateTable(t.withForeignKeys(List.of())));
                for (ForeignKey fk : sortedFks(t)) {
                    addForeignKeys.add(new AddForeignKey(t.name(), fk));
                }
            }
            warnAboutTableRenames(droppedTables, addedTables);

            List<Operation> all = new ArrayList<>(createSchemas);
            all.addAll(renameOps);
            for (List<Operation> group : List.of(dropForeignKeys, dropKeys, sequencesUp, createTables, addColumns,
                    alterColumns, addKeys, dropColumns, dropTables, dropSequences, addForeignKeys)) {
                all.addAll(group.stream().sorted(Comparator.comparing(Comparison::sortKey)).toList());
            }
            return new SchemaDiff(all, warnings);
        }

        // ---- renames ------------------------------------------------------------------------------------------

        private void applyRenames() {
            for (Renames.TableRename r : renames.tables()) {
                if (current.table(r.from()).isPresent() && desired.table(r.to()).isPresent()
                        && current.table(r.to()).isEmpty()) {
                    renameOps.add(new RenameTable(current.table(r.from()).get().name(), r.to()));
                    current = renameTable(current, r.from(), r.to());
                } else {
                    warnings.add("Rename " + r.from() + ":" + r.to() + " ignored: it needs table " + r.from()
                            + " in the migrations and table " + r.to() + " in the entities (and not both)");
                }
            }
            for (Renames.ColumnRename r : renames.columns()) {
                String tableName = renames.tableRenamedFrom(r.table()).orElse(r.table());
                Optional<Table> c = current.table(tableName);
                Optional<Table> d = desired.table(tableName);
                if (c.isPresent() && d.isPresent() && c.get().column(r.from()).isPresent()
                        && d.get().column(r.to()).isPresent() && c.get().column(r.to()).isEmpty()) {
                    Column old = c.get().column(r.from()).get();
                    renameOps.add(new RenameColumn(c.get().name(), old.name(), r.to(),
                            old.renamed(r.to())));
                    current = renameColumn(current, c.get().name(), old.name(), r.to());
                } else {
                    warnings.add("Rename " + r.table() + "." + r.from() + ":" + r.to() + " ignored: it needs column "
                            + r.from() + " in the migrations and column " + r.to()
                            + " in the entities of table " + tableName);
                }
            }
        }

        private static Schema renameTable(Schema s, String from, String to) {
            List<Table> tables = new ArrayList<>();
            for (Table t : s.tables()) {
                String name = Names.same(t.name(), from) ? to : t.name();
                List<ForeignKey> fks = t.foreignKeys().stream()
                        .map(fk -> Names.same(fk.referencedTable(), from)
                                ? new ForeignKey(fk.name(), fk.columns(), to, fk.referencedColumns(), fk.onDelete()) : fk)
                        .toList();
                tables.add(new Table(name, t.columns(), t.primaryKey(), t.uniques(), t.indexes(), fks, t.checks(),
                        t.initCommands()));
            }
            return new Schema(tables, s.sequences(), s.namespaces());
        }

        private static Schema renameColumn(Schema s, String table, String from, String to) {
            Function<List<String>, List<String>> map = cols -> cols.stream()
                    .map(c -> Names.same(c, from) ? to : c).toList();
            List<Table> tables = new ArrayList<>();
            for (Table t : s.tables()) {
                List<ForeignKey> fks = new ArrayList<>();
                for (ForeignKey fk : t.foreignKeys()) {
                    List<String> cols = Names.same(t.name(), table) ? map.apply(fk.columns()) : fk.columns();
                    List<String> refs = Names.same(fk.referencedTable(), table)
                            ? map.apply(fk.referencedColumns()) : fk.referencedColumns();
                    fks.add(new ForeignKey(fk.name(), cols, fk.referencedTable(), refs, fk.onDelete()));
                }
                if (!Names.same(t.name(), table)) {
                    tables.add(t.withForeignKeys(fks));
                    continue;
                }
                List<Column> columns = t.columns().stream()
                        .map(c -> Names.same(c.name(), from) ? c.renamed(to) : c)
                        .toList();
                PrimaryKey pk = t.primaryKey() == null ? null
                        : new PrimaryKey(t.primaryKey().name(), map.apply(t.primaryKey().columns()));
                List<UniqueConstraint> uniques = t.uniques().stream()
                        .map(u -> new UniqueConstraint(u.name(), map.apply(u.columns()))).toList();
                List<Index> indexes = t.indexes().stream()
                        .map(i -> new Index(i.name(), map.apply(i.columns()), i.unique())).toList();
                tables.add(new Table(t.name(), columns, pk, uniques, indexes, fks, t.checks(), t.initCommands()));
            }
            return new Schema(tables, s.sequences(), s.namespaces());
        }

        // ---- sequences ----------------------------------------------------------------------------------------

        private void compareSequences() {
            for (Sequence d : desired.sequences()) {
                Optional<Sequence> c = current.sequence(d.name());
                if (c.isEmpty()) {
                    sequencesUp.add(new CreateSequence(d));
                } else if (c.get().start() != d.start() || c.get().increment() != d.increment()) {
                    sequencesUp.add(new AlterSequence(c.get(), d));
                }
            }
            for (Sequence c : current.sequences()) {
                if (desired.sequence(c.name()).isEmpty()) {
                    dropSequences.add(new DropSequence(c));
                }
            }
        }

        // ---- one table present on both sides ------------------------------------------------------------------

        private void compareTable(Table c, Table d) {
            String table = d.name();
            // Columns whose foreign keys must be dropped and re-added around this table's changes.
            Set<String> retypedColumns = new LinkedHashSet<>();
            List<Column> dropped = new ArrayList<>();
            List<Column> added = new ArrayList<>();
            for (Column dc : d.columns()) {
                Optional<Column> cc = c.column(dc.name());
                if (cc.isEmpty()) {
                    added.add(dc);
                    addColumns.add(new AddColumn(table, dc));
                    continue;
                }
                Column from = cc.get();
                Set<Change> changes = changes(from, normalisation.stored(table, dc));
                if (!changes.isEmpty()) {
                    alterColumns.add(new AlterColumn(table, from, dc.renamed(from.name()), changes));
                    if (changes.contains(Change.TYPE) || changes.contains(Change.IDENTITY)) {
                        retypedColumns.add(lower(dc.name()));
                    }
                }
            }
            for (Column cc : c.columns()) {
                if (d.column(cc.name()).isEmpty()) {
                    dropped.add(cc);
                    dropColumns.add(new DropColumn(table, cc));
                }
            }
            warnAboutColumnRenames(table, dropped, added);
            compareChecks(table, c, d);

            // Primary key.
            PrimaryKey cpk = c.primaryKey();
            PrimaryKey dpk = d.primaryKey();
            if (cpk != null && (dpk == null || !sameColumns(cpk.columns(), dpk.columns()))) {
                dropKeys.add(new DropPrimaryKey(table, cpk));
            }
            if (dpk != null && (cpk == null || !sameColumns(cpk.columns(), dpk.columns()))) {
                addKeys.add(new AddPrimaryKey(table, dpk));
            }

            // Uniqueness: a unique constraint and a unique index on the same columns mean the same.
            for (UniqueConstraint u : c.uniques()) {
                if (!isUnique(d, u.columns())) {
                    dropKeys.add(new DropUniqueConstraint(table, u));
                }
            }
            for (UniqueConstraint u : d.uniques()) {
                if (!isUnique(c, u.columns())) {
                    addKeys.add(new AddUniqueConstraint(table, u));
                }
            }
            for (Index i : c.indexes()) {
                boolean kept = i.unique() ? isUnique(d, i.columns()) : hasPlainIndex(d, i.columns());
                if (!kept) {
                    dropKeys.add(new DropIndex(table, i));
                }
            }
            for (Index i : d.indexes()) {
                boolean present = i.unique() ? isUnique(c, i.columns()) : hasPlainIndex(c, i.columns());
                if (!present) {
                    addKeys.add(new CreateIndex(table, i));
                }
            }

            // Foreign keys are also re-created when one of their columns changes type, or when a key or index on
            // their columns is dropped: MariaDB refuses both while the foreign key needs that column or index.
            for (Operation op : dropKeys) {
                if (op instanceof DropPrimaryKey o && o.table().equals(table)) {
                    retypedColumns.addAll(o.primaryKey().columns().stream().map(Comparison::lower).toList());
                } else if (op instanceof DropUniqueConstraint o && o.table().equals(table)) {
                    retypedColumns.addAll(o.constraint().columns().stream().map(Comparison::lower).toList());
                } else if (op instanceof DropIndex o && o.table().equals(table)) {
                    retypedColumns.addAll(o.index().columns().stream().map(Comparison::lower).toList());
                }
            }
            for (ForeignKey fk : c.foreignKeys()) {
                Optional<ForeignKey> match = d.foreignKeys().stream().filter(o -> sameForeignKey(fk, o)).findFirst();
                if (match.isEmpty() || touches(fk, retypedColumns)) {
                    dropForeignKeys.add(new DropForeignKey(table, fk));
                }
            }
            for (ForeignKey fk : d.foreignKeys()) {
                Optional<ForeignKey> match = c.foreignKeys().stream().filter(o -> sameForeignKey(o, fk)).findFirst();
                if (match.isEmpty() || touches(match.get(), retypedColumns)) {
                    addForeignKeys.add(new AddForeignKey(table, fk));
                }
            }
        }

        /** What differs between a current column and a desired one as the database will store it. */
        private Set<Change> changes(Column c, Column stored) {
            Set<Change> changes = EnumSet.noneOf(Change.class);
            if (!types.same(c.type(), stored.type())) {
                changes.add(Change.TYPE);
            }
            if (c.nullable() != stored.nullable()) {
                changes.add(Change.NULLABILITY);
            }
            if (c.identity() != stored.identity()) {
                changes.add(Change.IDENTITY);
            }
            if (!stored.identity() && !sameDefault(c.defaultValue(), stored.defaultValue())) {
                changes.add(Change.DEFAULT);
            }
            return changes;
        }

        /** Check constraints compare by their stored expression; names are the database's business. */
        private void compareChecks(String table, Table c, Table d) {
            List<String> wanted = new ArrayList<>();
            for (CheckConstraint check : d.checks()) {
                wanted.add(canonicalCheck(normalisation.stored(table, check)));
            }
            List<String> present = new ArrayList<>();
            for (CheckConstraint check : c.checks()) {
                present.add(canonicalCheck(check.expression()));
            }
            for (int i = 0; i < c.checks().size(); i++) {
                if (!wanted.contains(present.get(i))) {
                    dropKeys.add(new DropCheck(table, c.checks().get(i)));
                }
            }
            for (int i = 0; i < d.checks().size(); i++) {
                if (!present.contains(wanted.get(i))) {
                    addKeys.add(new AddCheck(table, d.checks().get(i)));
                }
            }
        }

        private static boolean touches(ForeignKey fk, Set<String> retyped) {
            return fk.columns().stream().anyMatch(col -> retyped.contains(lower(col)));
        }

        private static boolean isUnique(Table t, List<String> columns) {
            return t.uniques().stream().anyMatch(u -> sameColumns(u.columns(), columns))
                    || t.indexes().stream().anyMatch(i -> i.unique() && sameColumns(i.columns(), columns))
                    || (t.primaryKey() != null && sameColumns(t.primaryKey().columns(), columns));
        }

        private static boolean hasPlainIndex(Table t, List<String> columns) {
            return t.indexes().stream().anyMatch(i -> !i.unique() && sameColumns(i.columns(), columns));
        }

        private static boolean sameForeignKey(ForeignKey a, ForeignKey b) {
            return sameColumns(a.columns(), b.columns()) && Names.same(a.referencedTable(), b.referencedTable())
                    && sameColumns(a.referencedColumns(), b.referencedColumns())
                    && a.onDelete().equalsIgnoreCase(b.onDelete());
        }

        private static boolean sameColumns(List<String> a, List<String> b) {
            return a.stream().map(Names::key).toList().equals(b.stream().map(Names::key).toList());
        }

        // ---- warnings -----------------------------------------------------------------------------------------

        private void warnAboutColumnRenames(String table, List<Column> dropped, List<Column> added) {
            for (Column gone : dropped) {
                for (Column fresh : added) {
                    if (types.same(gone.type(), fresh.type())) {
                        warnings.add("Column " + table + "." + gone.name() + " is dropped and " + table + "."
                                + fresh.name() + " of the same type is added: if this is a rename, generate again"
                                + " with -Dqalab.renames=" + table + "." + gone.name() + ":" + fresh.name());
                    }
                }
            }
        }

        private void warnAboutTableRenames(List<Table> dropped, List<Table> added) {
            for (Table gone : dropped) {
                for (Table fresh : added) {
                    if (columnTypes(gone).equals(columnTypes(fresh))) {
                        warnings.add("Table " + gone.name() + " is dropped and table " + fresh.name()
                                + " with the same column types is added: if this is a rename, generate again with"
                                + " -Dqalab.renames=" + gone.name() + ":" + fresh.name());
                    }
                }
            }
        }

        private static List<String> columnTypes(Table t) {
            return t.columns().stream().map(c -> TypeEquivalence.canonical(c.type()).toString()).sorted().toList();
        }

        // ---- helpers ------------------------------------------------------------------------------------------

        private static List<ForeignKey> sortedFks(Table t) {
            return t.foreignKeys().stream().sorted(Comparator.comparing(ForeignKey::name)).toList();
        }

        private static String lower(String s) {
            return Names.key(s);
        }

        /** Sorting inside one group: by table, then by the object's name. */
        private static String sortKey(Operation op) {
            if (op instanceof CreateTable o) {
                return o.table().name();
            }
            if (op instanceof DropTable o) {
                return o.table().name();
            }
            if (op instanceof AddColumn o) {
                return o.table() + "\u0000" + o.column().name();
            }
            if (op instanceof DropColumn o) {
                return o.table() + "\u0000" + o.column().name();
            }
            if (op instanceof AlterColumn o) {
                return o.table() + "\u0000" + o.to().name();
            }
            if (op instanceof RenameTable o) {
                return o.from();
            }
            if (op instanceof RenameColumn o) {
                return o.table() + "\u0000" + o.from();
            }
            if (op instanceof AddPrimaryKey o) {
                return o.table() + "\u0000" + "0";
            }
            if (op instanceof DropPrimaryKey o) {
                return o.table() + "\u0000" + "0";
            }
            if (op instanceof AddUniqueConstraint o) {
                return o.table() + "\u0000" + "1" + o.constraint().name();
            }
            if (op instanceof DropUniqueConstraint o) {
                return o.table() + "\u0000" + "1" + o.constraint().name();
            }
            if (op instanceof CreateIndex o) {
                return o.table() + "\u0000" + "2" + o.index().name();
            }
            if (op instanceof DropIndex o) {
                return o.table() + "\u0000" + "2" + o.index().name();
            }
            if (op instanceof AddForeignKey o) {
                return o.table() + "\u0000" + o.foreignKey().name();
            }
            if (op instanceof DropForeignKey o) {
                return o.table() + "\u0000" + o.foreignKey().name();
            }
            if (op instanceof CreateSequence o) {
                return o.sequence().name();
            }
            if (op instanceof DropSequence o) {
                return o.sequence().name();
            }
            if (op instanceof AlterSequence o) {
                return o.to().name();
            }
            if (op instanceof AddCheck o) {
                return o.table() + "\u0000" + "3" + o.check().expression();
            }
            if (op instanceof DropCheck o) {
                return o.table() + "\u0000" + "3" + o.check().name();
            }
            if (op instanceof CreateSchema o) {
                return o.name();
            }
            throw new IllegalStateException("unknown operation " + op);
        }
    }

    /**
     * Whether two column defaults mean the same: blanks, letter case outside quotes, redundant outer parentheses
     * and an explicit {@code NULL} are ignored.
     */
    public static boolean sameDefault(String a, String b) {
        return Objects.equals(canonicalDefault(a), canonicalDefault(b));
    }

    /** A check expression with blanks normalised and letter case folded outside quotes. */
    static String canonicalCheck(String expression) {
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (char ch : expression.strip().toCharArray()) {
            if (ch == '\'') {
                quoted = !quoted;
            }
            sb.append(quoted ? ch : Character.toLowerCase(ch));
        }
        String v = sb.toString().replaceAll("\\s+", " ");
        while (v.length() > 1 && v.startsWith("(") && v.endsWith(")") && balanced(v.substring(1, v.length() - 1))) {
            v = v.substring(1, v.length() - 1).strip();
        }
        return v;
    }

    static String canonicalDefault(String value) {
        String v = value == null ? "" : value.strip();
        while (v.length() > 1 && v.startsWith("(") && v.endsWith(")") && balanced(v.substring(1, v.length() - 1))) {
            v = v.substring(1, v.length() - 1).strip();
        }
        if (v.equalsIgnoreCase("null")) {
            return "";
        }
        if (v.startsWith("'")) {
            return v;
        }
        return v.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    private static boolean balanced(String s) {
        int depth = 0;
        for (char ch : s.toCharArray()) {
            if (ch == '(') {
                depth++;
            } else if (ch == ')' && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
