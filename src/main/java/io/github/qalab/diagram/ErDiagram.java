package io.github.qalab.diagram;

import io.github.qalab.diff.Operation;
import io.github.qalab.diff.Operation.AddColumn;
import io.github.qalab.diff.Operation.AlterColumn;
import io.github.qalab.diff.Operation.CreateTable;
import io.github.qalab.diff.Operation.DropColumn;
import io.github.qalab.diff.Operation.DropTable;
import io.github.qalab.diff.Renames;
import io.github.qalab.diff.SchemaDiff;
import io.github.qalab.schema.Column;
import io.github.qalab.schema.ForeignKey;
import io.github.qalab.schema.Schema;
import io.github.qalab.schema.Sequence;
import io.github.qalab.schema.Table;
import io.github.qalab.sql.Dialect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A schema drawn as a Mermaid {@code erDiagram} (which GitHub, GitLab and IntelliJ render in Markdown): one entity
 * per table with its columns, their SQL types for the dialect, {@code PK}/{@code FK}/{@code UK} marks and
 * not-null/identity/default notes; one relation per foreign key, with crow's-foot cardinalities from the key's
 * nullability and uniqueness. The same schema always gives the same text, so the file can be committed and diffed.
 */
public final class ErDiagram {

    /** Mermaid's attribute type and name: a letter, then letters, digits, {@code _ - ( ) [ ]}. */
    private static final Pattern INVALID_WORD_CHARS = Pattern.compile("[^A-Za-z0-9_()\\[\\]-]+");
    private static final Pattern PLAIN_ENTITY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private ErDiagram() {
    }

    /**
     * What one migration changed, for highlighting: the tables it created, the columns it added or changed, its
     * other changes (keys, indexes, dropped columns) and the tables it dropped (which the diagram no longer shows).
     *
     * @param revision      the migration's revision, e.g. {@code 003}
     * @param createdTables tables the migration creates
     * @param addedColumns  table to the columns the migration adds to it
     * @param alteredColumns table to the columns whose type, nullability or default the migration changes
     * @param otherChanges  table to its other changes, one phrase each ({@code create index ix_a on a[b]})
     * @param droppedTables tables the migration drops
     */
    public record Changes(String revision, List<String> createdTables, Map<String, List<String>> addedColumns,
                          Map<String, List<String>> alteredColumns, Map<String, List<String>> otherChanges,
                          List<String> droppedTables) {

        public Changes {
            createdTables = List.copyOf(createdTables);
            addedColumns = Collections.unmodifiableMap(new TreeMap<>(addedColumns));
            alteredColumns = Collections.unmodifiableMap(new TreeMap<>(alteredColumns));
            otherChanges = Collections.unmodifiableMap(new TreeMap<>(otherChanges));
            droppedTables = List.copyOf(droppedTables);
        }

        /** Every table the migration touches, sorted. */
        public List<String> touchedTables() {
            TreeSet<String> all = new TreeSet<>(createdTables);
            all.addAll(addedColumns.keySet());
            all.addAll(alteredColumns.keySet());
            all.addAll(otherChanges.keySet());
            all.addAll(droppedTables);
            return List.copyOf(all);
        }

        /** {@code new in 003}, {@code changed in 003}, or "" for a column the migration leaves alone. */
        String mark(String table, String column) {
            if (contains(createdTables, table) || contains(columnsOf(addedColumns, table), column)) {
                return "new in " + revision;
            }
            return contains(columnsOf(alteredColumns, table), column) ? "changed in " + revision : "";
        }
    }

    /** What turns {@code before} into {@code after}, e.g. the schema before and after migration {@code revision}. */
    public static Changes changes(String revision, Schema before, Schema after, Dialect dialect) {
        List<String> created = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        Map<String, List<String>> added = new TreeMap<>();
        Map<String, List<String>> altered = new TreeMap<>();
        Map<String, List<String>> other = new TreeMap<>();
        for (Operation op : SchemaDiff.compare(before, after, Renames.NONE, dialect).operations()) {
            if (op instanceof CreateTable o) {
                created.add(o.table().name());
            } else if (op instanceof DropTable o) {
                dropped.add(o.table().name());
            } else if (op instanceof AddColumn o) {
                added.computeIfAbsent(o.table(), k -> new ArrayList<>()).add(o.column().name());
            } else if (op instanceof AlterColumn o) {
                altered.computeIfAbsent(o.table(), k -> new ArrayList<>()).add(o.to().name());
            } else if (op instanceof DropColumn o) {
                other.computeIfAbsent(o.table(), k -> new ArrayList<>()).add(op.describe());
            } else {
                String table = Operation.tableOf(op);
                if (table != null) {
                    other.computeIfAbsent(table, k -> new ArrayList<>()).add(op.describe());
                }
            }
        }
        // The foreign keys of a new table come as operations of their own: they are part of its creation.
        created.forEach(other::remove);
        dropped.forEach(other::remove);
        return new Changes(revision, created, added, altered, other, dropped);
    }

    /**
     * The Markdown document: a heading, one line on where the schema comes from, the diagram in a {@code mermaid}
     * fence, the changes of {@code highlight} (when given) and the sequences.
     *
     * @param title     the heading, e.g. {@code Schema at revision 003 (head)}
     * @param source    one line on what was replayed, e.g. {@code 3 migrations in src/main/resources/db/migration}
     * @param highlight the changes to mark, or {@code null}
     */
    public static String markdown(Schema schema, Dialect dialect, String title, String source, Changes highlight) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(title).append("\n\n");
        int relations = schema.tables().stream().mapToInt(t -> t.foreignKeys().size()).sum();
        md.append("Written by `mvn qalab:diagram` from ").append(source).append(" (").append(dialect.name())
                .append(" types): ").append(count(schema.tables().size(), "table")).append(", ")
                .append(count(relations, "relation")).append(", ").append(count(schema.sequences().size(), "sequence"))
                .append(".\n\n");
        if (highlight != null) {
            md.append("Migration ").append(highlight.revision()).append(" touches ")
                    .append(highlight.touchedTables().isEmpty() ? "no table"
                            : String.join(", ", highlight.touchedTables().stream().map(t -> "`" + t + "`").toList()))
                    .append("; the diagram marks its columns `new in ").append(highlight.revision())
                    .append("` or `changed in ").append(highlight.revision()).append("`.\n\n");
        }
        md.append("```mermaid\n").append(mermaid(schema, dialect, highlight)).append("```\n");
        if (highlight != null) {
            List<String> lines = new ArrayList<>();
            highlight.createdTables().forEach(t -> lines.add("- `" + t + "`: created"));
            highlight.addedColumns().forEach((t, cs) -> lines.add("- `" + t + "`: added " + names("column", cs)));
            highlight.alteredColumns().forEach((t, cs) -> lines.add("- `" + t + "`: changed " + names("column", cs)));
            highlight.otherChanges().forEach((t, ds) -> ds.forEach(d -> lines.add("- `" + t + "`: " + d)));
            highlight.droppedTables().forEach(t -> lines.add("- `" + t + "`: dropped (no longer in the diagram)"));
            if (!lines.isEmpty()) {
                md.append("\nChanges of migration ").append(highlight.revision()).append(":\n\n");
                lines.forEach(l -> md.append(l).append('\n'));
            }
        }
        if (!schema.sequences().isEmpty()) {
            md.append("\nSequences:\n\n");
            for (Sequence s : schema.sequences()) {
                md.append("- `").append(s.name()).append("`: start ").append(s.start()).append(", increment ")
                        .append(s.increment()).append('\n');
            }
        }
        return md.toString();
    }

    /** The diagram itself, from {@code erDiagram} to its last line, without the Markdown fence. */
    public static String mermaid(Schema schema, Dialect dialect, Changes highlight) {
        StringBuilder out = new StringBuilder("erDiagram\n");
        for (Table table : schema.tables()) {
            out.append("    ").append(entity(table.name())).append(" {\n");
            for (Column column : table.columns()) {
                out.append("        ").append(word(dialect.typeOf(column.type()).toLowerCase(Locale.ROOT)))
                        .append(' ').append(word(column.name()));
                String keys = keys(table, column.name());
                if (!keys.isEmpty()) {
                    out.append(' ').append(keys);
                }
                List<String> notes = new ArrayList<>();
                if (column.identity()) {
                    notes.add("identity");
                } else if (!column.nullable() && !keys.startsWith("PK")) {
                    notes.add("not null");
                }
                if (!column.defaultValue().isEmpty()) {
                    notes.add("default " + column.defaultValue());
                }
                String mark = highlight == null ? "" : highlight.mark(table.name(), column.name());
                if (!mark.isEmpty()) {
                    notes.add(mark);
                }
                if (!notes.isEmpty()) {
                    out.append(" \"").append(comment(String.join(", ", notes))).append('"');
                }
                out.append('\n');
            }
            out.append("    }\n");
        }
        for (Table table : schema.tables()) {
            for (ForeignKey fk : table.foreignKeys()) {
                out.append("    ").append(entity(fk.referencedTable())).append(' ')
                        .append(relation(table, fk)).append(' ').append(entity(table.name())).append(" : \"")
                        .append(comment(String.join(", ", fk.columns()))).append("\"\n");
            }
        }
        return out.toString();
    }

    // ---- parts ----------------------------------------------------------------------------------------------------

    /**
     * The crow's-foot notation from the referenced table to the referencing one: exactly one ({@code ||}) when the
     * key's columns are NOT NULL, else zero or one ({@code |o}); zero or one ({@code o|}) on the referencing side when
     * the key's columns are unique there, else zero or more ({@code o{}). Solid ({@code --}, identifying) when the key
     * is part of the referencing table's primary key.
     */
    static String relation(Table table, ForeignKey fk) {
        boolean required = fk.columns().stream().allMatch(c -> table.column(c).map(col -> !col.nullable()).orElse(false));
        boolean unique = isUnique(table, fk.columns());
        boolean identifying = table.primaryKey() != null && lower(table.primaryKey().columns()).containsAll(lower(fk.columns()));
        return (required ? "||" : "|o") + (identifying ? "--" : "..") + (unique ? "o|" : "o{");
    }

    private static boolean isUnique(Table table, List<String> columns) {
        return table.primaryKey() != null && lower(table.primaryKey().columns()).equals(lower(columns))
                || table.uniqueOn(columns);
    }

    /** {@code PK}, {@code FK}, {@code UK} (a one-column unique constraint or index), comma-separated. */
    private static String keys(Table table, String column) {
        List<String> keys = new ArrayList<>();
        if (table.primaryKey() != null && contains(table.primaryKey().columns(), column)) {
            keys.add("PK");
        }
        if (table.foreignKeys().stream().anyMatch(fk -> contains(fk.columns(), column))) {
            keys.add("FK");
        }
        if (isUnique(table, List.of(column)) && !keys.contains("PK")) {
            keys.add("UK");
        }
        return String.join(", ", keys);
    }

    private static String names(String noun, List<String> names) {
        return noun + (names.size() == 1 ? " " : "s ") + String.join(", ", names.stream().map(n -> "`" + n + "`").toList());
    }

    private static List<String> columnsOf(Map<String, List<String>> byTable, String table) {
        for (Map.Entry<String, List<String>> e : byTable.entrySet()) {
            if (e.getKey().equalsIgnoreCase(table)) {
                return e.getValue();
            }
        }
        return List.of();
    }

    /** A table name as a Mermaid entity: as it is when plain, else in double quotes. */
    private static String entity(String name) {
        return PLAIN_ENTITY.matcher(name).matches() ? name : "\"" + name.replace("\"", "'").replace("%", "") + "\"";
    }

    /** A type or column name as one Mermaid word: other characters become {@code _}; it starts with a letter. */
    static String word(String text) {
        String w = INVALID_WORD_CHARS.matcher(text.strip()).replaceAll("_").replaceAll("_+$", "");
        if (w.isEmpty() || !Character.isLetter(w.charAt(0))) {
            w = "x_" + w;
        }
        return w;
    }

    private static String comment(String text) {
        return text.replace('"', '\'').replace("%", " percent").replaceAll("[\\r\\n]+", " ");
    }


    private static boolean contains(List<String> names, String name) {
        return names.stream().anyMatch(n -> n.equalsIgnoreCase(name));
    }

    private static List<String> lower(List<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
