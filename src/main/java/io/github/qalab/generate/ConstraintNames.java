package io.github.qalab.generate;

import io.github.qalab.schema.CheckConstraint;
import io.github.qalab.schema.ForeignKey;
import io.github.qalab.schema.Index;
import io.github.qalab.schema.Names;
import io.github.qalab.schema.PrimaryKey;
import io.github.qalab.schema.Schema;
import io.github.qalab.schema.Table;
import io.github.qalab.schema.UniqueConstraint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the constraint and index names of the entities' schema apart from the ones the migrations already gave to
 * another table. PostgreSQL keeps index, primary and unique key names once per schema, and H2 (the shadow database)
 * every constraint name: a new table whose readable name spells one an earlier migration created for another table
 * ({@code uk_x_y_z} of {@code x_y.z}, then {@code x.y_z}) would make the migration fail. Such a name gets a number,
 * as two in one run do. Constraints are compared by meaning, not by name, so the renaming never causes a change.
 */
final class ConstraintNames {

    private ConstraintNames() {
    }

    /** {@code desired} with each constraint or index name that {@code current} gives another table renamed. */
    static Schema apart(Schema current, Schema desired) {
        Map<String, String> owner = new HashMap<>(); // name key -> table key, in the migrations' schema
        Set<String> taken = new HashSet<>();
        for (Table t : current.tables()) {
            for (String name : names(t)) {
                owner.putIfAbsent(Names.key(name), Names.key(t.name()));
                taken.add(Names.key(name));
            }
        }
        for (Table t : desired.tables()) {
            names(t).forEach(name -> taken.add(Names.key(name)));
        }
        boolean changed = false;
        List<Table> tables = new ArrayList<>();
        for (Table t : desired.tables()) {
            String table = Names.key(t.name());
            java.util.function.UnaryOperator<String> apart = name -> {
                if (name == null || name.isEmpty()) {
                    return name;
                }
                String other = owner.get(Names.key(name));
                if (other == null || other.equals(table)) {
                    return name;
                }
                String renamed = name;
                for (int n = 2; taken.contains(Names.key(renamed)); n++) {
                    renamed = io.github.qalab.schema.EntitySchemaBuilder.constraintName(name + "_" + n);
                }
                taken.add(Names.key(renamed));
                return renamed;
            };
            Table renamed = new Table(t.name(), t.columns(),
                    t.primaryKey() == null ? null : new PrimaryKey(apart.apply(t.primaryKey().name()),
                            t.primaryKey().columns()),
                    t.uniques().stream().map(u -> new UniqueConstraint(apart.apply(u.name()), u.columns())).toList(),
                    t.indexes().stream().map(i -> new Index(apart.apply(i.name()), i.columns(), i.unique())).toList(),
                    t.foreignKeys().stream().map(f -> new ForeignKey(apart.apply(f.name()), f.columns(),
                            f.referencedTable(), f.referencedColumns(), f.onDelete())).toList(),
                    t.checks().stream().map(c -> c.name().isEmpty() ? c
                            : new CheckConstraint(apart.apply(c.name()), c.expression())).toList(),
                    t.initCommands());
            changed |= !renamed.equals(t);
            tables.add(renamed);
        }
        return changed ? new Schema(tables, desired.sequences(), desired.namespaces()) : desired;
    }

    /** The names of the table's primary key, unique keys, indexes, foreign keys and named checks. */
    static List<String> names(Table t) {
        List<String> names = new ArrayList<>();
        if (t.primaryKey() != null) {
            names.add(t.primaryKey().name());
        }
        t.uniques().forEach(u -> names.add(u.name()));
        t.indexes().forEach(i -> names.add(i.name()));
        t.foreignKeys().forEach(f -> names.add(f.name()));
        t.checks().forEach(c -> names.add(c.name()));
        names.removeIf(name -> name == null || name.isEmpty());
        return names;
    }
}
