package io.github.qalab.entity;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The JPA mapping of a project as declared in its sources: entities, embeddables and mapped superclasses with their
 * attributes and annotations resolved to values, type names resolved to fully qualified names.
 *
 * @param types every managed type the entities need, sorted by class name
 */
public record EntityModel(List<ManagedType> types) {

    public EntityModel {
        types = types.stream().sorted(java.util.Comparator.comparing(ManagedType::className)).toList();
    }

    /** The managed type with that fully qualified class name. */
    public Optional<ManagedType> type(String className) {
        return types.stream().filter(t -> t.className().equals(className)).findFirst();
    }

    /** The {@code @Entity} classes, sorted by class name. */
    public List<ManagedType> entities() {
        return types.stream().filter(t -> t.kind() == Kind.ENTITY).toList();
    }

    /** What a managed type is. */
    public enum Kind { ENTITY, EMBEDDABLE, MAPPED_SUPERCLASS }

    /** {@code @Inheritance(strategy)}; NONE when the class does not declare {@code @Inheritance}. */
    public enum InheritanceStrategy { NONE, SINGLE_TABLE, JOINED, TABLE_PER_CLASS }

    /** {@code @DiscriminatorColumn(discriminatorType)}. */
    public enum DiscriminatorKind { STRING, CHAR, INTEGER }

    /** {@code @GeneratedValue(strategy)}. */
    public enum GenerationStrategy { AUTO, IDENTITY, SEQUENCE, UUID, TABLE }

    /** The association annotations. */
    public enum RelationKind { MANY_TO_ONE, ONE_TO_ONE, ONE_TO_MANY, MANY_TO_MANY }

    /** The Java collection interface of a plural attribute; Hibernate keys a SET's table, not a bag's. */
    public enum CollectionKind { SET, LIST, COLLECTION }

    /** {@code @Enumerated(value)}; ORDINAL is also the default without the annotation. */
    public enum EnumMode { ORDINAL, STRING }

    /** The Java types that map to a single column without further help. */
    public enum BasicKind {
        STRING, CHARACTER, BOOLEAN, BYTE, SHORT, INTEGER, LONG, FLOAT, DOUBLE, BIG_DECIMAL, BIG_INTEGER,
        LOCAL_DATE, LOCAL_TIME, LOCAL_DATE_TIME, INSTANT, OFFSET_DATE_TIME, ZONED_DATE_TIME, UUID, BYTE_ARRAY
    }

    /**
     * An entity, embeddable or mapped superclass.
     *
     * @param className          fully qualified class name (nested classes joined with '.')
     * @param kind               entity, embeddable or mapped superclass
     * @param entityName         {@code @Entity(name)} or the simple class name; "" for non-entities
     * @param file               the source file
     * @param line               the line of the class declaration
     * @param abstractClass      whether the class is abstract
     * @param superclass         the fully qualified name of the superclass if that is a managed type, else ""
     * @param table              {@code @Table}; names are "" when not given
     * @param inheritance        {@code @Inheritance} declared on this class
     * @param discriminator      {@code @DiscriminatorColumn} declared on this class, or null
     * @param discriminatorValue {@code @DiscriminatorValue} declared on this class, or "" when not given
     * @param sequenceGenerators {@code @SequenceGenerator}s declared on the class
     * @param attributeOverrides class-level {@code @AttributeOverride}s (for mapped superclass attributes)
     * @param attributes         the persistent attributes declared in this class, in declaration order
     */
    public record ManagedType(String className, Kind kind, String entityName, Path file, int line,
                              boolean abstractClass, String superclass, TableSpec table,
                              InheritanceStrategy inheritance, DiscriminatorSpec discriminator,
                              String discriminatorValue, List<SequenceGeneratorSpec> sequenceGenerators,
                              List<AttributeOverrideSpec> attributeOverrides, List<Attribute> attributes) {
        public ManagedType {
            sequenceGenerators = List.copyOf(sequenceGenerators);
            attributeOverrides = List.copyOf(attributeOverrides);
            attributes = List.copyOf(attributes);
        }

        public String simpleName() {
            return className.substring(className.lastIndexOf('.') + 1);
        }

        public Optional<DiscriminatorSpec> discriminatorIfAny() {
            return Optional.ofNullable(discriminator);
        }
    }

    /** {@code @Table}: name and schema ("" when not given), indexes and unique constraints. */
    public record TableSpec(String name, String schema, List<IndexSpec> indexes, List<UniqueSpec> uniques) {
        public static final TableSpec IMPLICIT = new TableSpec("", "", List.of(), List.of());

        public TableSpec {
            indexes = List.copyOf(indexes);
            uniques = List.copyOf(uniques);
        }
    }

    /** {@code @Index(name, columnList, unique)}; columns as written in columnList, in order. */
    public record IndexSpec(String name, List<String> columns, boolean unique, int line) {
        public IndexSpec {
            columns = List.copyOf(columns);
        }
    }

    /** {@code @UniqueConstraint(name, columnNames)}. */
    public record UniqueSpec(String name, List<String> columns, int line) {
        public UniqueSpec {
            columns = List.copyOf(columns);
        }
    }

    /** {@code @DiscriminatorColumn}; name "" means Hibernate's default {@code DTYPE}. */
    public record DiscriminatorSpec(String name, DiscriminatorKind kind, int length) {
        /** Hibernate's discriminator where {@code @DiscriminatorColumn} is absent: {@code DTYPE varchar(31)}. */
        public static final DiscriminatorSpec IMPLICIT = new DiscriminatorSpec("", DiscriminatorKind.STRING, 31);

        /** The logical column name: {@link #name()}, or {@code DTYPE} when it is not given. */
        public String logicalName() {
            return name.isBlank() ? "DTYPE" : name;
        }
    }

    /** {@code @SequenceGenerator(name, sequenceName, initialValue, allocationSize)}. */
    public record SequenceGeneratorSpec(String name, String sequenceName, long initialValue, int allocationSize) {
    }

    /** {@code @GeneratedValue(strategy, generator)}; generator "" when not given. */
    public record GenerationSpec(GenerationStrategy strategy, String generator) {
    }

    /**
     * {@code @Column} values, with JPA's defaults where the annotation (or an attribute of it) is absent.
     *
     * @param declared whether a {@code @Column} annotation was present
     */
    public record ColumnSpec(String name, boolean nullable, int length, int precision, int scale, boolean unique,
                             String columnDefinition, boolean declared) {
        public static final ColumnSpec DEFAULT = new ColumnSpec("", true, 255, 0, 0, false, "", false);
    }

    /** {@code @AttributeOverride(name, column)}; name may be a dotted path into nested embeddables. */
    public record AttributeOverrideSpec(String name, ColumnSpec column) {
    }

    /** {@code @JoinColumn}: names "" when not given. */
    public record JoinColumnSpec(String name, String referencedColumnName, boolean nullable, boolean unique,
                                 String foreignKeyName) {
        public static final JoinColumnSpec DEFAULT = new JoinColumnSpec("", "", true, false, "");
    }

    /** {@code @JoinTable} or {@code @CollectionTable}; names "" when not given. */
    public record JoinTableSpec(String name, String schema, List<JoinColumnSpec> joinColumns,
                                List<JoinColumnSpec> inverseJoinColumns, String foreignKeyName,
                                String inverseForeignKeyName) {
        public static final JoinTableSpec IMPLICIT = new JoinTableSpec("", "", List.of(), List.of(), "", "");

        public JoinTableSpec {
            joinColumns = List.copyOf(joinColumns);
            inverseJoinColumns = List.copyOf(inverseJoinColumns);
        }
    }

    /**
     * An association.
     *
     * @param kind        which association annotation
     * @param target      fully qualified class name of the target entity
     * @param mappedBy    the owning attribute on the other side, "" when this side owns the association
     * @param optional    the {@code optional} attribute (single-valued associations)
     * @param joinColumns {@code @JoinColumn(s)}, empty for defaults
     * @param joinTable   {@code @JoinTable}, or null when not declared
     */
    public record RelationSpec(RelationKind kind, String target, String mappedBy, boolean optional,
                               List<JoinColumnSpec> joinColumns, JoinTableSpec joinTable) {
        public RelationSpec {
            joinColumns = List.copyOf(joinColumns);
        }

        public Optional<JoinTableSpec> joinTableIfAny() {
            return Optional.ofNullable(joinTable);
        }
    }

    /** The resolved Java type of an attribute. */
    public sealed interface AttributeType permits Basic, EnumRef, EmbeddableRef, EntityRef, Plural, Opaque {
    }

    /** A basic Java type; {@code primitive} for {@code int} etc. (implicitly NOT NULL). */
    public record Basic(BasicKind kind, boolean primitive) implements AttributeType {
    }

    /** An enum declared in the sources, with its constants in declaration order. */
    public record EnumRef(String className, List<String> constants) implements AttributeType {
        public EnumRef {
            constants = List.copyOf(constants);
        }
    }

    /** An {@code @Embeddable} class. */
    public record EmbeddableRef(String className) implements AttributeType {
    }

    /** An {@code @Entity} class. */
    public record EntityRef(String className) implements AttributeType {
    }

    /** A type the scanner cannot map by itself; only valid with {@code @Column(columnDefinition)}. */
    public record Opaque(String javaType) implements AttributeType {
    }

    /** A {@code Set}, {@code List} or {@code Collection} of {@code element}. */
    public record Plural(CollectionKind kind, AttributeType element) implements AttributeType {
    }

    /**
     * A persistent attribute (field or record component).
     *
     * @param name               the field name
     * @param line               the line of the declaration
     * @param type               the resolved type
     * @param id                 {@code @Id}
     * @param embeddedId         {@code @EmbeddedId}
     * @param generation         {@code @GeneratedValue}, or null
     * @param sequenceGenerators {@code @SequenceGenerator}s declared on the field
     * @param column             {@code @Column}
     * @param version            {@code @Version}
     * @param lob                {@code @Lob}
     * @param enumMode           {@code @Enumerated}
     * @param attributeOverrides {@code @AttributeOverride(s)} on an embedded attribute
     * @param relation           an association, or null
     * @param collectionTable    {@code @ElementCollection}'s {@code @CollectionTable} (IMPLICIT when not
     *                           declared), or null when the attribute is no element collection
     */
    public record Attribute(String name, int line, AttributeType type, boolean id, boolean embeddedId,
                            GenerationSpec generation, List<SequenceGeneratorSpec> sequenceGenerators,
                            ColumnSpec column, boolean version, boolean lob, EnumMode enumMode,
                            List<AttributeOverrideSpec> attributeOverrides, RelationSpec relation,
                            JoinTableSpec collectionTable) {
        public Attribute {
            sequenceGenerators = List.copyOf(sequenceGenerators);
            attributeOverrides = List.copyOf(attributeOverrides);
        }

        public Optional<GenerationSpec> generationIfAny() {
            return Optional.ofNullable(generation);
        }

        public Optional<RelationSpec> relationIfAny() {
            return Optional.ofNullable(relation);
        }

        public Optional<JoinTableSpec> elementCollectionIfAny() {
            return Optional.ofNullable(collectionTable);
        }
    }
}
