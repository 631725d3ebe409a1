package io.github.qalab.schema;

import io.github.qalab.entity.EntityModel;
import io.github.qalab.entity.EntityModel.Attribute;
import io.github.qalab.entity.EntityModel.AttributeOverrideSpec;
import io.github.qalab.entity.EntityModel.AttributeType;
import io.github.qalab.entity.EntityModel.Basic;
import io.github.qalab.entity.EntityModel.CollectionKind;
import io.github.qalab.entity.EntityModel.ColumnSpec;
import io.github.qalab.entity.EntityModel.DiscriminatorSpec;
import io.github.qalab.entity.EntityModel.EmbeddableRef;
import io.github.qalab.entity.EntityModel.EnumMode;
import io.github.qalab.entity.EntityModel.EnumRef;
import io.github.qalab.entity.EntityModel.GenerationStrategy;
import io.github.qalab.entity.EntityModel.IndexSpec;
import io.github.qalab.entity.EntityModel.InheritanceStrategy;
import io.github.qalab.entity.EntityModel.JoinColumnSpec;
import io.github.qalab.entity.EntityModel.JoinTableSpec;
import io.github.qalab.entity.EntityModel.Kind;
import io.github.qalab.entity.EntityModel.ManagedType;
import io.github.qalab.entity.EntityModel.Plural;
import io.github.qalab.entity.EntityModel.RelationKind;
import io.github.qalab.entity.EntityModel.RelationSpec;
import io.github.qalab.entity.EntityModel.SequenceGeneratorSpec;
import io.github.qalab.entity.EntityModel.UniqueSpec;
import io.github.qalab.entity.EntityProblem;
import io.github.qalab.entity.EntityScanException;
import io.github.qalab.entity.NamingStrategy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an {@link EntityModel} into the {@link Schema} Hibernate expects for it: tables named by the
 * {@link NamingStrategy}, columns (primary key columns first in key order, then the rest by name), keys, indexes,
 * foreign keys and sequences, with deterministic constraint names ({@code pk_}, {@code uk_}, {@code ix_},
 * {@code fk_} + table + columns, capped at 60 characters).
 */
public final class EntitySchemaBuilder {

    /** The longest generated constraint name; MariaDB allows 64. */
    public static final int MAX_NAME_LENGTH = 60;

    /**
     * Builds the desired schema.
     *
     * @throws EntityScanException when the model refers to columns or entities that do not exist
     */
    public Schema build(EntityModel model, NamingStrategy naming) throws EntityScanException {
        return build(model, naming, "");
    }

    /**
     * Builds the desired schema for one database, where Hibernate's dialects differ:
     * an {@code @Enumerated(STRING)} attribute is {@code enum ('A','B')} on H2, MariaDB and MySQL, but on PostgreSQL
     * {@code varchar(n)} with {@code check (col in ('A','B'))} (each dialect's {@code getCheckCondition}); a
     * {@code char}/{@code Character} is {@code char(1)}, but {@code varchar(1)} on MariaDB and MySQL.
     *
     * @param database the dialect name ({@code postgresql}, {@code mariadb}, {@code mysql}, {@code h2}); "" for
     *                 H2's choices
     * @throws EntityScanException when the model refers to columns or entities that do not exist
     */
    public Schema build(EntityModel model, NamingStrategy naming, String database) throws EntityScanException {
        return new Build(model, naming, !database.equals("postgresql"),
                database.equals("mariadb") || database.equals("mysql")).build();
    }

    /**
     * The entity that declares each table, by table name (the first entity of a hierarchy sharing a table), so that
     * a difference in a table can be reported at the entity's source.
     */
    public Map<String, ManagedType> tableOwners(EntityModel model, NamingStrategy naming) {
        Build build = new Build(model, naming);
        Map<String, ManagedType> owners = new LinkedHashMap<>();
        for (ManagedType entity : model.entities()) {
            build.tableNameOf(entity).ifPresent(table -> owners.putIfAbsent(table, entity));
        }
        return owners;
    }

    /** A deterministic constraint name: {@code raw} when short enough, else truncated plus a hash of it. */
    public static String constraintName(String raw) {
        String name = raw.replace('.', '_');
        if (name.length() <= MAX_NAME_LENGTH) {
            return name;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            String hash = HexFormat.of().formatHex(digest).substring(0, 6);
            return name.substring(0, MAX_NAME_LENGTH - 7) + "_" + hash;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A column in the making, with the logical name index and unique constraints refer to. */
    private record Mapped(String logical, Column column, String check) {
        Mapped(String logical, Column column) {
            this(logical, column, "");
        }
    }

    /** The key columns of an entity: their logical and physical names and types, in key order. */
    private record KeyColumn(String logical, String physical, ColumnType type) {
    }

    /** A table in the making. */
    private static final class TableBuilder {
        final String name;
        final Map<String, Column> columns = new LinkedHashMap<>();
        final Map<String, String> logicalToPhysical = new LinkedHashMap<>();
        final List<String> primaryKey = new ArrayList<>();
        final List<UniqueConstraint> uniques = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<CheckConstraint> checks = new ArrayList<>();

        TableBuilder(String name) {
            this.name = name;
        }

        void add(Mapped mapped) {
            boolean added = columns.putIfAbsent(mapped.column().name(), mapped.column()) == null;
            logicalToPhysical.putIfAbsent(mapped.logical(), mapped.column().name());
            if (added && !mapped.check().isEmpty()) {
                // Named like the bridge names Hibernate's unnamed checks, so that a later migration can drop it.
                checks.add(new CheckConstraint(constraintName("ck_" + Names.simpleName(name) + "_"
                        + mapped.column().name().toLowerCase(java.util.Locale.ROOT)), mapped.check()));
            }
        }

        Table table() {
            List<Column> ordered = new ArrayList<>();
            primaryKey.forEach(pk -> ordered.add(columns.get(pk)));
            columns.values().stream().filter(c -> !primaryKey.contains(c.name()))
                    .sorted(Comparator.comparing(Column::name)).forEach(ordered::add);
            PrimaryKey pk = primaryKey.isEmpty() ? null
                    : new PrimaryKey(constraintName("pk_" + name), primaryKey);
            List<UniqueConstraint> distinctUniques = new ArrayList<>();
            for (UniqueConstraint unique : uniques) {
                boolean duplicate = unique.columns().equals(primaryKey)
                        || distinctUniques.stream().anyMatch(u -> u.columns().equals(unique.columns()));
                if (!duplicate) {
                    distinctUniques.add(unique);
                }
            }
            return new Table(name, ordered, pk,
                    distinctUniques.stream().sorted(Comparator.comparing(UniqueConstraint::name)).toList(),
                    indexes.stream().sorted(Comparator.comparing(Index::name)).toList(),
                    foreignKeys.stream().sorted(Comparator.comparing(ForeignKey::name)).toList(),
                    checks, List.of());
        }
    }

    /** The state of one build. */
    private static final class Build {
        private final EntityModel model;
        private final NamingStrategy naming;
        private final Map<String, TableBuilder> tables = new LinkedHashMap<>();
        private final Map<String, Sequence> sequences = new LinkedHashMap<>();
        private final List<EntityProblem> problems = new ArrayList<>();
        private final Map<String, ManagedType> byName = new java.util.HashMap<>();
        private final Map<ManagedType, InheritanceStrategy> strategies = new java.util.IdentityHashMap<>();

        private final boolean nativeEnums;
        private final boolean characterAsVarchar;

        Build(EntityModel model, NamingStrategy naming) {
            this(model, naming, true, false);
        }

        Build(EntityModel model, NamingStrategy naming, boolean nativeEnums, boolean characterAsVarchar) {
            this.model = model;
            this.naming = naming;
            this.nativeEnums = nativeEnums;
            this.characterAsVarchar = characterAsVarchar;
            model.types().forEach(t -> byName.put(t.className(), t));
        }

        Schema build() throws EntityScanException {
            for (ManagedType entity : model.entities()) {
                entity(entity);
            }
            // Indexes and unique constraints name columns, so they come once every column exists.
            for (ManagedType entity : model.entities()) {
                tableOf(entity).ifPresent(table -> constraints(entity, table));
            }
            if (!problems.isEmpty()) {
                throw new EntityScanException(problems);
            }
            return new Schema(tables.values().stream().map(TableBuilder::table).toList(),
                    List.copyOf(sequences.values()));
        }

        // ------------------------------------------------------------ hierarchy

        private ManagedType type(String className) {
            ManagedType type = byName.get(className);
            if (type == null) {
                throw new IllegalArgumentException("the entity model lacks " + className);
            }
            return type;
        }

        /** The nearest entity superclass, skipping mapped superclasses. */
        private Optional<ManagedType> parentEntity(ManagedType entity) {
            for (ManagedType t = superOf(entity); t != null; t = superOf(t)) {
                if (t.kind() == Kind.ENTITY) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }

        private ManagedType superOf(ManagedType type) {
            return type.superclass().isEmpty() ? null : byName.get(type.superclass());
        }

        private ManagedType root(ManagedType entity) {
            ManagedType root = entity;
            for (Optional<ManagedType> p = parentEntity(root); p.isPresent(); p = parentEntity(root)) {
                root = p.get();
            }
            return root;
        }

        private boolean hasSubclasses(ManagedType entity) {
            return model.entities().stream().anyMatch(e -> parentEntity(e).filter(p -> p == entity).isPresent());
        }

        private InheritanceStrategy strategy(ManagedType entity) {
            return strategies.computeIfAbsent(root(entity), this::rootStrategy);
        }

        private InheritanceStrategy rootStrategy(ManagedType root) {
            if (root.inheritance() != InheritanceStrategy.NONE) {
                return root.inheritance();
            }
            return hasSubclasses(root) ? InheritanceStrategy.SINGLE_TABLE : InheritanceStrategy.NONE;
        }

        private String physicalTableName(ManagedType entity) {
            String logical = entity.table().name().isBlank() ? entity.entityName() : entity.table().name();
            String name = naming.physical(logical);
            return entity.table().schema().isBlank() ? name : naming.physical(entity.table().schema()) + "." + name;
        }

        /** The table that holds the entity's own columns; none for an abstract TABLE_PER_CLASS class. */
        private Optional<String> tableNameOf(ManagedType entity) {
            return switch (strategy(entity)) {
                case SINGLE_TABLE -> Optional.of(physicalTableName(root(entity)));
                case TABLE_PER_CLASS -> entity.abstractClass() ? Optional.empty()
                        : Optional.of(physicalTableName(entity));
                default -> Optional.of(physicalTableName(entity));
            };
        }

        private Optional<TableBuilder> tableOf(ManagedType entity) {
            return tableNameOf(entity).map(this::table);
        }

        private TableBuilder table(String name) {
            return tables.computeIfAbsent(name, TableBuilder::new);
        }

        /** Attributes of the type and its mapped superclasses (and entity superclasses when asked), supers first. */
        private List<Attribute> attributes(ManagedType type, boolean throughEntities) {
            List<ManagedType> chain = new ArrayList<>();
            chain.add(type);
            for (ManagedType t = superOf(type); t != null; t = superOf(t)) {
                if (t.kind() == Kind.ENTITY && !throughEntities) {
                    break;
                }
                chain.add(0, t);
            }
            List<Attribute> result = new ArrayList<>();
            chain.forEach(t -> result.addAll(t.attributes()));
            return result;
        }

        private Optional<Attribute> idAttribute(ManagedType entity) {
            return attributes(root(entity), true).stream().filter(a -> a.id() || a.embeddedId()).findFirst();
        }

        /** The primary key columns every table of the entity's hierarchy uses. */
        private List<KeyColumn> keyColumns(ManagedType entity) {
            ManagedType root = root(entity);
            Optional<Attribute> id = idAttribute(root);
            if (id.isEmpty()) {
                return List.of();
            }
            List<KeyColumn> keys = new ArrayList<>();
            for (Mapped mapped : columns(root, id.get(), Map.of(), false)) {
                keys.add(new KeyColumn(mapped.logical(), mapped.column().name(), mapped.column().type()));
            }
            return keys;
        }

        // ------------------------------------------------------------ entity tables

        private void entity(ManagedType entity) {
            Optional<TableBuilder> maybeTable = tableOf(entity);
            InheritanceStrategy strategy = strategy(entity);
            ManagedType root = root(entity);
            boolean isRoot = root == entity;
            List<KeyColumn> keys = keyColumns(entity);
            if (maybeTable.isEmpty()) {
                return;
            }
            TableBuilder table = maybeTable.get();
            List<Attribute> attributes;
            Map<String, ColumnSpec> overrides = classOverrides(entity);
            boolean forceNullable = false;
            switch (strategy) {
                case SINGLE_TABLE -> {
                    attributes = attributes(entity, false);
                    forceNullable = !isRoot;
                }
                case JOINED -> {
                    attributes = attributes(entity, false);
                    if (!isRoot) {
                        ManagedType parent = parentEntity(entity).orElseThrow();
                        for (KeyColumn key : keys) {
                            table.add(new Mapped(key.logical(), new Column(key.physical(), key.type(), false, "",
                                    false)));
                            addPk(table, key.physical());
                        }
                        tableNameOf(parent).ifPresent(parentTable -> table.foreignKeys.add(new ForeignKey(
                                constraintName("fk_" + table.name + "_" + keys.get(0).physical()),
                                keys.stream().map(KeyColumn::physical).toList(), parentTable,
                                keys.stream().map(KeyColumn::physical).toList())));
                    }
                }
                case TABLE_PER_CLASS -> attributes = attributes(entity, true);
                default -> attributes = attributes(entity, false);
            }
            if (isRoot || strategy == InheritanceStrategy.TABLE_PER_CLASS) {
                discriminator(root, strategy, table);
            }
            for (Attribute attribute : attributes) {
                attribute(entity, table, attribute, overrides, forceNullable && !attribute.id());
            }
            if (strategy == InheritanceStrategy.SINGLE_TABLE && !isRoot && !entity.abstractClass()) {
                subclassCheck(entity, root, table, attributes, overrides);
            }
            if (isRoot || strategy == InheritanceStrategy.TABLE_PER_CLASS) {
                keys.forEach(k -> addPk(table, k.physical()));
                idAttribute(root).ifPresent(id -> sequence(root, id));
            }
        }

        private static void addPk(TableBuilder table, String column) {
            if (!table.primaryKey.contains(column)) {
                table.primaryKey.add(column);
            }
        }

        private void discriminator(ManagedType root, InheritanceStrategy strategy, TableBuilder table) {
            if (root.discriminator() == null && strategy != InheritanceStrategy.SINGLE_TABLE) {
                return;
            }
            DiscriminatorSpec spec = root.discriminatorIfAny().orElse(DiscriminatorSpec.IMPLICIT);
            String logical = spec.logicalName();
            ColumnType type = switch (spec.kind()) {
                case STRING -> ColumnType.varchar(spec.length());
                case CHAR -> new ColumnType(ColumnType.Kind.CHAR, 1, 0, 0, List.of(), "");
                case INTEGER -> ColumnType.of(ColumnType.Kind.INTEGER);
            };
            String physical = naming.physical(logical);
            // Hibernate's DiscriminatorColumnSecondPass: the column may hold only the values of the hierarchy's
            // concrete classes (root first, then the subclasses).
            List<String> values = new ArrayList<>();
            for (ManagedType e : model.entities()) {
                if (root(e) == root && !e.abstractClass()) {
                    String value = discriminatorValue(e, spec);
                    if (value.equals("null") || value.equals("not null")) {
                        values = null;
                        break;
                    }
                    values.add(e == root ? 0 : values.size(), value);
                }
            }
            String check = values == null || values.isEmpty() ? ""
                    : physical + " in (" + values.stream().map(v -> sqlValue(v, spec))
                            .collect(java.util.stream.Collectors.joining(",")) + ")";
            table.add(new Mapped(logical, new Column(physical, type, false, "", false), check));
        }

        /** {@code @DiscriminatorValue}, or Hibernate's default: the entity name (its hash code for INTEGER). */
        private static String discriminatorValue(ManagedType entity, DiscriminatorSpec spec) {
            if (!entity.discriminatorValue().isEmpty()) {
                return entity.discriminatorValue();
            }
            return spec.kind() == EntityModel.DiscriminatorKind.INTEGER ? String.valueOf(entity.entityName().hashCode())
                    : entity.entityName();
        }

        private static String sqlValue(String value, DiscriminatorSpec spec) {
            return spec.kind() == EntityModel.DiscriminatorKind.INTEGER ? value : "'" + value.replace("'", "''") + "'";
        }

        /**
         * Hibernate's {@code SingleTableSubclass.createConstraints}: a concrete subclass's non-optional attributes
         * (here: its primitives) are nullable columns of the shared table, guarded by
         * {@code kind <> 'CARD' or (expiry_year is not null and ...)}.
         */
        private void subclassCheck(ManagedType entity, ManagedType root, TableBuilder table, List<Attribute> attributes,
                                   Map<String, ColumnSpec> overrides) {
            DiscriminatorSpec spec = root.discriminatorIfAny().orElse(DiscriminatorSpec.IMPLICIT);
            String value = discriminatorValue(entity, spec);
            if (value.equals("null") || value.equals("not null")) {
                return;
            }
            List<String> required = new ArrayList<>();
            for (Attribute attribute : attributes) {
                if (attribute.type() instanceof Basic b && b.primitive() && attribute.relation() == null
                        && attribute.collectionTable() == null && !attribute.id()) {
                    ColumnSpec column = overrides.getOrDefault(attribute.name(), attribute.column());
                    if (!column.nullable()) {
                        continue; // an explicit @Column(nullable = false) stays NOT NULL
                    }
                    String logical = column.name().isBlank() ? attribute.name() : column.name();
                    required.add(naming.physical(logical) + " is not null");
                }
            }
            if (!required.isEmpty()) {
                String logical = spec.logicalName();
                table.checks.add(new CheckConstraint(constraintName("ck_" + Names.simpleName(table.name) + "_"
                        + naming.physical(logical).toLowerCase(java.util.Locale.ROOT) + "_"
                        + entity.entityName().toLowerCase(java.util.Locale.ROOT)),
                        naming.physical(logical) + " <> " + sqlValue(value, spec) + " or ("
                                + String.join(" and ", required) + ")"));
            }
        }

        private Map<String, ColumnSpec> classOverrides(ManagedType entity) {
            Map<String, ColumnSpec> overrides = new LinkedHashMap<>();
            for (ManagedType t = entity; t != null; t = superOf(t)) {
                for (AttributeOverrideSpec o : t.attributeOverrides()) {
                    overrides.putIfAbsent(o.name(), o.column());
                }
            }
            return overrides;
        }

        private void attribute(ManagedType entity, TableBuilder table, Attribute attribute,
                               Map<String, ColumnSpec> overrides, boolean forceNullable) {
            RelationSpec relation = attribute.relation();
            if (relation != null) {
                relation(entity, table, attribute, relation, forceNullable);
                return;
            }
            if (attribute.collectionTable() != null) {
                elementCollection(entity, attribute);
                return;
            }
            for (Mapped mapped : columns(entity, attribute, overrides, forceNullable)) {
                table.add(mapped);
                if (mapped.column() != null && uniqueColumn(attribute, overrides)) {
                    table.uniques.add(new UniqueConstraint(constraintName("uk_" + table.name + "_"
                            + mapped.column().name()), List.of(mapped.column().name())));
                }
            }
        }

        private static boolean uniqueColumn(Attribute attribute, Map<String, ColumnSpec> overrides) {
            ColumnSpec override = overrides.get(attribute.name());
            return !(attribute.type() instanceof EmbeddableRef)
                    && (override != null ? override.unique() : attribute.column().unique());
        }

        /**
         * The columns of a basic or embedded attribute. {@code overrides} are keyed by attribute path relative to
         * the type declaring {@code attribute}.
         */
        private List<Mapped> columns(ManagedType owner, Attribute attribute, Map<String, ColumnSpec> overrides,
                                     boolean forceNullable) {
            if (attribute.type() instanceof EmbeddableRef embeddable) {
                Map<String, ColumnSpec> nested = new LinkedHashMap<>();
                String prefix = attribute.name() + ".";
                overrides.forEach((path, spec) -> {
                    if (path.startsWith(prefix)) {
                        nested.put(path.substring(prefix.length()), spec);
                    }
                });
                for (AttributeOverrideSpec o : attribute.attributeOverrides()) {
                    nested.put(o.name(), o.column());
                }
                ManagedType type = type(embeddable.className());
                List<Mapped> result = new ArrayList<>();
                for (Attribute inner : attributes(type, false)) {
                    if (inner.relation() == null && inner.collectionTable() == null) {
                        result.addAll(columns(type, inner, nested, forceNullable));
                    }
                }
                if (attribute.embeddedId()) {
                    return result.stream().map(m -> new Mapped(m.logical(), withNullable(m.column(), false), m.check()))
                            .toList();
                }
                return result;
            }
            ColumnSpec spec = overrides.getOrDefault(attribute.name(), attribute.column());
            String logical = spec.name().isBlank() ? attribute.name() : spec.name();
            boolean primitive = attribute.type() instanceof Basic b && b.primitive();
            // A SINGLE_TABLE subclass loses only the implicit NOT NULL of primitives; Hibernate 7 keeps an
            // explicit @Column(nullable = false) (and guards primitives with a check constraint instead).
            boolean nullable = spec.nullable() && !(primitive && !forceNullable) && !attribute.id()
                    && !attribute.version();
            boolean identity = attribute.id() && attribute.generationIfAny()
                    .filter(g -> g.strategy() == GenerationStrategy.IDENTITY).isPresent();
            ColumnType type = columnType(attribute.type(), spec, attribute.lob(), attribute.enumMode());
            if (characterAsVarchar && type.kind() == ColumnType.Kind.CHAR && spec.columnDefinition().isBlank()) {
                type = ColumnType.varchar(type.length());
            }
            String physical = naming.physical(logical);
            String check = "";
            if (spec.columnDefinition().isBlank() && attribute.type() instanceof EnumRef enumeration) {
                // Hibernate 6.2+ guards an enum column with a check of its constants (declaration order).
                if (attribute.enumMode() != EnumMode.STRING) {
                    check = physical + " between 0 and " + (enumeration.constants().size() - 1);
                } else if (!nativeEnums) {
                    type = ColumnType.varchar(spec.length());
                    check = physical + " in (" + enumeration.constants().stream()
                            .map(c -> "'" + c.replace("'", "''") + "'").collect(java.util.stream.Collectors.joining(","))
                            + ")";
                }
            }
            return List.of(new Mapped(logical, new Column(physical, type, nullable, "", identity), check));
        }

        private static Column withNullable(Column column, boolean nullable) {
            return new Column(column.name(), column.type(), nullable, column.defaultValue(), column.identity());
        }

        private static ColumnType columnType(AttributeType javaType, ColumnSpec spec, boolean lob, EnumMode mode) {
            if (!spec.columnDefinition().isBlank()) {
                return ColumnType.custom(spec.columnDefinition());
            }
            if (javaType instanceof EnumRef enumeration) {
                if (mode == EnumMode.STRING) {
                    // Hibernate writes the constants sorted by name (enum ('ACTIVE','CLOSED','SUSPENDED')).
                    return new ColumnType(ColumnType.Kind.ENUM, spec.length(), 0, 0,
                            enumeration.constants().stream().sorted().toList(), "");
                }
                return ColumnType.of(enumeration.constants().size() <= Byte.MAX_VALUE ? ColumnType.Kind.TINYINT
                        : ColumnType.Kind.SMALLINT);
            }
            if (!(javaType instanceof Basic basic)) {
                throw new IllegalArgumentException("no column type for " + javaType);
            }
            return switch (basic.kind()) {
                case STRING -> lob ? ColumnType.of(ColumnType.Kind.CLOB) : ColumnType.varchar(spec.length());
                case CHARACTER -> new ColumnType(ColumnType.Kind.CHAR, 1, 0, 0, List.of(), "");
                case BOOLEAN -> ColumnType.of(ColumnType.Kind.BOOLEAN);
                case BYTE -> ColumnType.of(ColumnType.Kind.TINYINT);
                case SHORT -> ColumnType.of(ColumnType.Kind.SMALLINT);
                case INTEGER -> ColumnType.of(ColumnType.Kind.INTEGER);
                case LONG -> ColumnType.of(ColumnType.Kind.BIGINT);
                case FLOAT -> ColumnType.of(ColumnType.Kind.REAL);
                case DOUBLE -> ColumnType.of(ColumnType.Kind.DOUBLE);
                case BIG_DECIMAL -> ColumnType.decimal(spec.precision() > 0 ? spec.precision() : 38,
                        spec.precision() > 0 || spec.scale() > 0 ? spec.scale() : 2);
                case BIG_INTEGER -> ColumnType.decimal(spec.precision() > 0 ? spec.precision() : 38, 0);
                case LOCAL_DATE -> ColumnType.of(ColumnType.Kind.DATE);
                case LOCAL_TIME -> ColumnType.of(ColumnType.Kind.TIME);
                case LOCAL_DATE_TIME -> new ColumnType(ColumnType.Kind.TIMESTAMP, 0, 6, 0, List.of(), "");
                case INSTANT, OFFSET_DATE_TIME, ZONED_DATE_TIME ->
                        new ColumnType(ColumnType.Kind.TIMESTAMP_TZ, 0, 6, 0, List.of(), "");
                case UUID -> ColumnType.of(ColumnType.Kind.UUID);
                case BYTE_ARRAY -> lob ? ColumnType.of(ColumnType.Kind.BLOB)
                        : new ColumnType(ColumnType.Kind.VARBINARY, spec.length(), 0, 0, List.of(), "");
            };
        }

        // ------------------------------------------------------------ sequences

        private void sequence(ManagedType root, Attribute id) {
            var generation = id.generation();
            if (generation == null || !(generation.strategy() == GenerationStrategy.SEQUENCE
                    || generation.strategy() == GenerationStrategy.AUTO)) {
                return;
            }
            if (!(id.type() instanceof Basic basic) || basic.kind() == EntityModel.BasicKind.UUID
                    || basic.kind() == EntityModel.BasicKind.STRING) {
                return; // AUTO on a UUID (or String) id means a UUID generator, no sequence.
            }
            Sequence sequence;
            if (generation.generator().isBlank()) {
                // Hibernate 6+ names the default sequence after the root's table: <table>_SEQ.
                String table = root.table().name().isBlank() ? root.entityName() : root.table().name();
                sequence = new Sequence(naming.physical(table + "_SEQ"), 1, 50);
            } else {
                Optional<SequenceGeneratorSpec> spec = generator(generation.generator(), id);
                String name = spec.map(SequenceGeneratorSpec::sequenceName).filter(n -> !n.isBlank())
                        .orElse(generation.generator());
                sequence = new Sequence(naming.physical(name), spec.map(SequenceGeneratorSpec::initialValue).orElse(1L),
                        spec.map(SequenceGeneratorSpec::allocationSize).orElse(50));
            }
            sequences.putIfAbsent(sequence.name(), sequence);
        }

        /** JPA generator names are global: look on the attribute first, then on every managed type. */
        private Optional<SequenceGeneratorSpec> generator(String name, Attribute id) {
            return id.sequenceGenerators().stream().filter(s -> s.name().equals(name)).findFirst()
                    .or(() -> model.types().stream()
                            .flatMap(t -> java.util.stream.Stream.concat(t.sequenceGenerators().stream(),
                                    t.attributes().stream().flatMap(a -> a.sequenceGenerators().stream())))
                            .filter(s -> s.name().equals(name)).findFirst());
        }

        // ------------------------------------------------------------ associations

        private void relation(ManagedType entity, TableBuilder table, Attribute attribute, RelationSpec relation,
                              boolean forceNullable) {
            if (!relation.mappedBy().isBlank()) {
                return; // the other side owns the association
            }
            ManagedType target = type(relation.target());
            List<KeyColumn> targetKeys = keyColumns(target);
            Optional<String> targetTable = tableNameOf(target)
                    .filter(t -> strategy(target) != InheritanceStrategy.TABLE_PER_CLASS);
            switch (relation.kind()) {
                case MANY_TO_ONE, ONE_TO_ONE -> {
                    if (relation.joinTable() != null) {
                        joinTable(entity, table, attribute, relation, target, true);
                        return;
                    }
                    boolean nullable = relation.optional();
                    List<String> columns = new ArrayList<>();
                    for (int i = 0; i < targetKeys.size(); i++) {
                        KeyColumn key = targetKeys.get(i);
                        JoinColumnSpec join = joinColumn(relation.joinColumns(), key, i);
                        String logical = join.name().isBlank() ? attribute.name() + "_" + key.logical() : join.name();
                        boolean columnNullable = nullable && join.nullable();
                        Column column = new Column(naming.physical(logical), key.type(), columnNullable, "", false);
                        table.add(new Mapped(logical, column));
                        columns.add(column.name());
                        if (join.unique() && targetKeys.size() == 1) {
                            table.uniques.add(new UniqueConstraint(constraintName("uk_" + table.name + "_"
                                    + column.name()), List.of(column.name())));
                        }
                    }
                    if (relation.kind() == RelationKind.ONE_TO_ONE && !columns.isEmpty()) {
                        table.uniques.add(new UniqueConstraint(constraintName("uk_" + table.name + "_"
                                + String.join("_", columns)), columns));
                    }
                    String explicit = relation.joinColumns().stream().map(JoinColumnSpec::foreignKeyName)
                            .filter(n -> !n.isBlank()).findFirst().orElse("");
                    targetTable.ifPresent(t -> addForeignKey(table, explicit, columns, t, targetKeys));
                }
                case ONE_TO_MANY -> {
                    if (!relation.joinColumns().isEmpty() && relation.joinTable() == null) {
                        oneToManyJoinColumn(entity, attribute, relation, target);
                    } else {
                        joinTable(entity, table, attribute, relation, target, true);
                    }
                }
                case MANY_TO_MANY -> joinTable(entity, table, attribute, relation, target, false);
            }
        }

        private static JoinColumnSpec joinColumn(List<JoinColumnSpec> joins, KeyColumn key, int position) {
            for (JoinColumnSpec join : joins) {
                if (join.referencedColumnName().equalsIgnoreCase(key.logical())
                        || join.referencedColumnName().equalsIgnoreCase(key.physical())) {
                    return join;
                }
            }
            return position < joins.size() ? joins.get(position) : JoinColumnSpec.DEFAULT;
        }

        private void addForeignKey(TableBuilder table, String explicitName, List<String> columns,
                                   String referencedTable, List<KeyColumn> referencedKeys) {
            if (columns.isEmpty()) {
                return;
            }
            String name = explicitName.isBlank() ? constraintName("fk_" + table.name + "_" + columns.get(0))
                    : explicitName;
            table.foreignKeys.add(new ForeignKey(name, columns, referencedTable,
                    referencedKeys.stream().map(KeyColumn::physical).toList()));
        }

        /** A unidirectional {@code @OneToMany @JoinColumn}: the foreign key lives in the target's table. */
        private void oneToManyJoinColumn(ManagedType entity, Attribute attribute, RelationSpec relation,
                                         ManagedType target) {
            Optional<TableBuilder> targetTable = tableOf(target);
            Optional<String> ownerTable = tableNameOf(entity);
            if (targetTable.isEmpty() || ownerTable.isEmpty()) {
                return;
            }
            List<KeyColumn> ownerKeys = keyColumns(entity);
            List<String> columns = new ArrayList<>();
            for (int i = 0; i < ownerKeys.size(); i++) {
                KeyColumn key = ownerKeys.get(i);
                JoinColumnSpec join = joinColumn(relation.joinColumns(), key, i);
                String logical = join.name().isBlank() ? attribute.name() + "_" + key.logical() : join.name();
                Column column = new Column(naming.physical(logical), key.type(), join.nullable(), "", false);
                targetTable.get().add(new Mapped(logical, column));
                columns.add(column.name());
            }
            String explicit = relation.joinColumns().stream().map(JoinColumnSpec::foreignKeyName)
                    .filter(n -> !n.isBlank()).findFirst().orElse("");
            addForeignKey(targetTable.get(), explicit, columns, ownerTable.get(), ownerKeys);
        }

        /**
         * A join table: {@code @ManyToMany}, or a {@code @OneToMany}/{@code @ManyToOne} mapped through one. Its
         * owner columns are named after the inverse attribute when the association is bidirectional, else after
         * the owning entity; its target columns after the owning attribute, as Hibernate's implicit naming does.
         */
        private void joinTable(ManagedType entity, TableBuilder ownerTable, Attribute attribute,
                               RelationSpec relation, ManagedType target, boolean uniqueTarget) {
            JoinTableSpec spec = relation.joinTableIfAny().orElse(JoinTableSpec.IMPLICIT);
            Optional<String> targetTableName = tableNameOf(target);
            String logicalName = spec.name().isBlank()
                    ? naming.implicitJoinTableName(ownerTable.name, attribute.name(),
                    targetTableName.orElse(naming.physical(target.entityName())))
                    : spec.name();
            String name = naming.physical(logicalName);
            if (!spec.schema().isBlank()) {
                name = naming.physical(spec.schema()) + "." + name;
            }
            TableBuilder joinTable = table(name);
            String ownerPrefix = inverseAttribute(entity, target, attribute.name()).orElse(entity.entityName());
            List<String> ownerColumns = keyColumnsFor(joinTable, spec.joinColumns(), keyColumns(entity), ownerPrefix);
            List<String> targetColumns = keyColumnsFor(joinTable, spec.inverseJoinColumns(), keyColumns(target),
                    attribute.name());
            boolean set = attribute.type() instanceof Plural p && p.kind() == CollectionKind.SET;
            boolean single = !(attribute.type() instanceof Plural);
            if (set) {
                ownerColumns.forEach(c -> addPk(joinTable, c));
                targetColumns.forEach(c -> addPk(joinTable, c));
            } else if (single) {
                ownerColumns.forEach(c -> addPk(joinTable, c));
            }
            if (uniqueTarget && !single && relation.kind() == RelationKind.ONE_TO_MANY) {
                joinTable.uniques.add(new UniqueConstraint(constraintName("uk_" + joinTable.name + "_"
                        + String.join("_", targetColumns)), targetColumns));
            }
            addForeignKey(joinTable, spec.foreignKeyName(), ownerColumns, ownerTable.name, keyColumns(entity));
            targetTableName.filter(t -> strategy(target) != InheritanceStrategy.TABLE_PER_CLASS)
                    .ifPresent(t -> addForeignKey(joinTable, spec.inverseForeignKeyName(), targetColumns, t,
                            keyColumns(target)));
        }

        private List<String> keyColumnsFor(TableBuilder table, List<JoinColumnSpec> joins, List<KeyColumn> keys,
                                           String prefix) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                KeyColumn key = keys.get(i);
                JoinColumnSpec join = joinColumn(joins, key, i);
                String logical = join.name().isBlank() ? prefix + "_" + key.logical() : join.name();
                Column column = new Column(naming.physical(logical), key.type(), false, "", false);
                table.add(new Mapped(logical, column));
                names.add(column.name());
            }
            return names;
        }

        /** The attribute of {@code target} that says {@code mappedBy = attribute} back to {@code owner}. */
        private Optional<String> inverseAttribute(ManagedType owner, ManagedType target, String attribute) {
            return attributes(target, true).stream()
                    .filter(a -> a.relation() != null && a.relation().mappedBy().equals(attribute)
                            && isSameOrSuper(a.relation().target(), owner))
                    .map(Attribute::name).findFirst();
        }

        private boolean isSameOrSuper(String className, ManagedType type) {
            for (ManagedType t = type; t != null; t = superOf(t)) {
                if (t.className().equals(className)) {
                    return true;
                }
            }
            return false;
        }

        private void elementCollection(ManagedType entity, Attribute attribute) {
            JoinTableSpec spec = attribute.collectionTable();
            String logicalName = spec.name().isBlank() ? entity.entityName() + "_" + attribute.name() : spec.name();
            String name = naming.physical(logicalName);
            if (!spec.schema().isBlank()) {
                name = naming.physical(spec.schema()) + "." + name;
            }
            TableBuilder table = table(name);
            List<KeyColumn> ownerKeys = keyColumns(entity);
            List<String> ownerColumns = keyColumnsFor(table, spec.joinColumns(), ownerKeys, entity.entityName());
            Plural plural = (Plural) attribute.type();
            boolean set = plural.kind() == CollectionKind.SET;
            List<Mapped> elements;
            if (plural.element() instanceof EmbeddableRef) {
                Attribute embedded = new Attribute(attribute.name(), attribute.line(), plural.element(), false, false,
                        null, List.of(), ColumnSpec.DEFAULT, false, attribute.lob(), attribute.enumMode(),
                        attribute.attributeOverrides(), null, null);
                elements = columns(entity, embedded, Map.of(), false);
            } else {
                Attribute element = new Attribute(attribute.name(), attribute.line(), plural.element(), false, false,
                        null, List.of(), attribute.column(), false, attribute.lob(), attribute.enumMode(), List.of(),
                        null, null);
                elements = columns(entity, element, Map.of(), false);
            }
            elements.forEach(table::add);
            if (set) {
                // Hibernate 7 keys a Set's collection table with a unique constraint, not a primary key.
                List<String> all = new ArrayList<>(ownerColumns);
                elements.forEach(e -> all.add(e.column().name()));
                table.uniques.add(new UniqueConstraint(constraintName("uk_" + table.name + "_"
                        + String.join("_", all)), all));
            }
            tableNameOf(entity).ifPresent(owner -> addForeignKey(table, spec.foreignKeyName(), ownerColumns, owner,
                    ownerKeys));
        }

        // ------------------------------------------------------------ indexes and unique constraints

        private void constraints(ManagedType entity, TableBuilder table) {
            for (IndexSpec index : entity.table().indexes()) {
                Optional<List<String>> columns = resolve(entity, table, index.columns(), index.line(), "@Index");
                columns.ifPresent(cols -> table.indexes.add(new Index(index.name().isBlank()
                        ? constraintName("ix_" + table.name + "_" + String.join("_", cols)) : index.name(),
                        cols, index.unique())));
            }
            for (UniqueSpec unique : entity.table().uniques()) {
                Optional<List<String>> columns = resolve(entity, table, unique.columns(), unique.line(),
                        "@UniqueConstraint");
                columns.ifPresent(cols -> table.uniques.add(0, new UniqueConstraint(unique.name().isBlank()
                        ? constraintName("uk_" + table.name + "_" + String.join("_", cols)) : unique.name(), cols)));
            }
        }

        /** Column names as written in annotations: logical names first, then physical ones. */
        private Optional<List<String>> resolve(ManagedType entity, TableBuilder table, List<String> written, int line,
                                               String annotation) {
            List<String> result = new ArrayList<>();
            for (String name : written) {
                String physical = table.logicalToPhysical.get(name);
                if (physical == null && table.columns.containsKey(name)) {
                    physical = name;
                }
                if (physical == null && table.columns.containsKey(naming.physical(name))) {
                    physical = naming.physical(name);
                }
                if (physical == null) {
                    problems.add(new EntityProblem(entity.file(), line, annotation + " on " + entity.className()
                            + " names column `" + name + "`, which table " + table.name + " does not have",
                            "use one of " + String.join(", ", table.columns.keySet())));
                    return Optional.empty();
                }
                result.add(physical);
            }
            return Optional.of(result);
        }
    }
}
