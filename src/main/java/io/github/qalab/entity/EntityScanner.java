package io.github.qalab.entity;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MarkerAnnotationExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import io.github.qalab.entity.EntityModel.Attribute;
import io.github.qalab.entity.EntityModel.AttributeOverrideSpec;
import io.github.qalab.entity.EntityModel.AttributeType;
import io.github.qalab.entity.EntityModel.Basic;
import io.github.qalab.entity.EntityModel.BasicKind;
import io.github.qalab.entity.EntityModel.ColumnSpec;
import io.github.qalab.entity.EntityModel.DiscriminatorKind;
import io.github.qalab.entity.EntityModel.DiscriminatorSpec;
import io.github.qalab.entity.EntityModel.EmbeddableRef;
import io.github.qalab.entity.EntityModel.EntityRef;
import io.github.qalab.entity.EntityModel.EnumMode;
import io.github.qalab.entity.EntityModel.EnumRef;
import io.github.qalab.entity.EntityModel.GenerationSpec;
import io.github.qalab.entity.EntityModel.GenerationStrategy;
import io.github.qalab.entity.EntityModel.IndexSpec;
import io.github.qalab.entity.EntityModel.InheritanceStrategy;
import io.github.qalab.entity.EntityModel.JoinColumnSpec;
import io.github.qalab.entity.EntityModel.JoinTableSpec;
import io.github.qalab.entity.EntityModel.Kind;
import io.github.qalab.entity.EntityModel.ManagedType;
import io.github.qalab.entity.EntityModel.Opaque;
import io.github.qalab.entity.EntityModel.Plural;
import io.github.qalab.entity.EntityModel.RelationKind;
import io.github.qalab.entity.EntityModel.RelationSpec;
import io.github.qalab.entity.EntityModel.SequenceGeneratorSpec;
import io.github.qalab.entity.EntityModel.TableSpec;
import io.github.qalab.entity.EntityModel.UniqueSpec;
import io.github.qalab.entity.SourceIndex.SourceType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads JPA entities from Java source roots with JavaParser (no compilation, no class loading) into an
 * {@link EntityModel}; every mapping it cannot understand becomes an {@link EntityProblem}.
 */
public final class EntityScanner {

    private static final Set<String> JPA_PACKAGES = Set.of("jakarta.persistence", "javax.persistence");
    private static final Set<String> RELATIONS = Set.of("ManyToOne", "OneToOne", "OneToMany", "ManyToMany");
    private static final Set<String> PROPERTY_ACCESS_MARKERS = Set.of("Id", "EmbeddedId", "Column", "Version",
            "ManyToOne", "OneToOne", "OneToMany", "ManyToMany", "ElementCollection", "JoinColumn", "Embedded");
    private static final String TRANSIENT_HINT = "or mark the field @Transient if it is not persistent";

    /**
     * Scans the source roots.
     *
     * @param sourceRoots    directories holding {@code .java} files (missing ones are ignored)
     * @param entityPackages packages whose {@code @Entity} classes count (sub-packages included); empty for all.
     *                       Superclasses, embeddables, enums and related entities are followed wherever they are.
     * @return the model of every entity found, with the types they need
     * @throws EntityScanException listing every problem found, when any mapping cannot be understood
     */
    public EntityModel scan(List<Path> sourceRoots, List<String> entityPackages) throws EntityScanException {
        return new Run(sourceRoots, entityPackages).scan();
    }

    /** The state of one scan. */
    private static final class Run {
        private final List<Path> roots;
        private final List<String> packages;
        private final List<EntityProblem> problems = new ArrayList<>();
        private final Map<String, ManagedType> done = new LinkedHashMap<>();
        private final Deque<SourceType> queue = new ArrayDeque<>();
        private final Set<String> propertyAccess = new java.util.HashSet<>();
        private SourceIndex index;

        Run(List<Path> roots, List<String> packages) {
            this.roots = List.copyOf(roots);
            this.packages = packages.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
        }

        EntityModel scan() throws EntityScanException {
            try {
                index = new SourceIndex(roots, problems);
            } catch (IOException e) {
                throw new EntityScanException(List.of(new EntityProblem(roots.isEmpty() ? Path.of(".") : roots.get(0),
                        1, "cannot list entity sources: " + e.getMessage(), "check that the source roots are readable")));
            }
            for (Map.Entry<String, Path> file : index.files().entrySet()) {
                if (packages.isEmpty() ? mentionsPersistence(file.getValue()) : inPackages(file.getKey())) {
                    index.parse(file.getValue());
                }
            }
            for (SourceType type : index.parsedTypes()) {
                if (inPackages(type.qualifiedName()) && kindOf(type).orElse(null) == Kind.ENTITY) {
                    queue.add(type);
                }
            }
            while (!queue.isEmpty()) {
                SourceType type = queue.poll();
                if (!done.containsKey(type.qualifiedName())) {
                    done.put(type.qualifiedName(), null);
                    ManagedType managed = read(type);
                    if (managed != null) {
                        done.put(type.qualifiedName(), managed);
                    }
                }
            }
            List<ManagedType> types = done.values().stream().filter(t -> t != null).toList();
            EntityModel model = new EntityModel(types);
            checkIds(model);
            if (!problems.isEmpty()) {
                throw new EntityScanException(problems.stream()
                        .sorted(java.util.Comparator.comparing((EntityProblem p) -> p.file().toString())
                                .thenComparingInt(EntityProblem::line))
                        .distinct().toList());
            }
            return model;
        }

        private boolean mentionsPersistence(Path file) {
            try {
                return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).contains("persistence");
            } catch (IOException e) {
                problems.add(new EntityProblem(file, 1, "cannot read source file: " + e.getMessage(),
                        "check the file permissions"));
                return false;
            }
        }

        private boolean inPackages(String qualifiedName) {
            return packages.isEmpty() || packages.stream()
                    .anyMatch(p -> qualifiedName.startsWith(p + ".") || qualifiedName.equals(p));
        }

        private void problem(SourceType type, Node node, String message, String hint) {
            int line = node.getBegin().map(p -> p.line).orElse(1);
            problems.add(new EntityProblem(type.file(), line, message, hint));
        }

        // ---------------------------------------------------------------- annotations

        /** The JPA annotation's simple name, or empty when the annotation is not from a JPA package. */
        private static Optional<String> jpaName(AnnotationExpr annotation, CompilationUnit unit) {
            var name = annotation.getName();
            String simple = name.getIdentifier();
            if (name.getQualifier().isPresent()) {
                return JPA_PACKAGES.contains(name.getQualifier().get().asString()) ? Optional.of(simple)
                        : Optional.empty();
            }
            boolean wildcard = false;
            for (ImportDeclaration imp : unit.getImports()) {
                if (imp.isStatic()) {
                    continue;
                }
                String imported = imp.getNameAsString();
                if (imp.isAsterisk()) {
                    wildcard |= JPA_PACKAGES.contains(imported);
                } else if (imported.endsWith("." + simple)) {
                    return JPA_PACKAGES.contains(imported.substring(0, imported.length() - simple.length() - 1))
                            ? Optional.of(simple) : Optional.empty();
                }
            }
            return wildcard ? Optional.of(simple) : Optional.empty();
        }

        private List<JpaAnnotation> annotations(NodeWithAnnotations<?> node, SourceType context) {
            List<JpaAnnotation> result = new ArrayList<>();
            for (AnnotationExpr annotation : node.getAnnotations()) {
                jpaName(annotation, context.unit()).ifPresent(name -> result.add(evaluate(annotation, name, context)));
            }
            return result;
        }

        private JpaAnnotation evaluate(AnnotationExpr annotation, String name, SourceType context) {
            Map<String, Object> values = new LinkedHashMap<>();
            if (annotation instanceof SingleMemberAnnotationExpr single) {
                value(single.getMemberValue(), context).ifPresent(v -> values.put("value", v));
            } else if (annotation instanceof NormalAnnotationExpr normal) {
                for (MemberValuePair pair : normal.getPairs()) {
                    value(pair.getValue(), context).ifPresent(v -> values.put(pair.getNameAsString(), v));
                }
            }
            return new JpaAnnotation(name, values, annotation.getBegin().map(p -> p.line).orElse(1));
        }

        private Optional<Object> value(Expression expression, SourceType context) {
            try {
                return Optional.of(constant(expression, context, 0));
            } catch (IllegalArgumentException e) {
                problem(context, expression, "cannot evaluate annotation value `" + expression + "`: "
                        + e.getMessage(), "write a literal or a static final constant declared in the sources");
                return Optional.empty();
            }
        }

        private Object constant(Expression e, SourceType context, int depth) {
            if (depth > 20) {
                throw new IllegalArgumentException("constant refers to itself");
            }
            if (e instanceof StringLiteralExpr s) {
                return s.asString();
            }
            if (e instanceof TextBlockLiteralExpr t) {
                return t.asString();
            }
            if (e instanceof CharLiteralExpr c) {
                return String.valueOf(c.asChar());
            }
            if (e instanceof IntegerLiteralExpr i) {
                return i.asNumber().longValue();
            }
            if (e instanceof LongLiteralExpr l) {
                return l.asNumber().longValue();
            }
            if (e instanceof BooleanLiteralExpr b) {
                return b.getValue();
            }
            if (e instanceof EnclosedExpr enclosed) {
                return constant(enclosed.getInner(), context, depth + 1);
            }
            if (e instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS
                    && constant(u.getExpression(), context, depth + 1) instanceof Long l) {
                return -l;
            }
            if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
                Object left = constant(b.getLeft(), context, depth + 1);
                Object right = constant(b.getRight(), context, depth + 1);
                if (left instanceof Long l && right instanceof Long r) {
                    return l + r;
                }
                return String.valueOf(left) + right;
            }
            if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.MULTIPLY
                    && constant(b.getLeft(), context, depth + 1) instanceof Long l
                    && constant(b.getRight(), context, depth + 1) instanceof Long r) {
                return l * r;
            }
            if (e instanceof ArrayInitializerExpr array) {
                List<Object> list = new ArrayList<>();
                for (Expression item : array.getValues()) {
                    list.add(constant(item, context, depth + 1));
                }
                return list;
            }
            if (e instanceof ClassExpr c) {
                String written = c.getType().asString().replaceAll("<.*>", "");
                return new JpaAnnotation.ClassLiteral(index.resolve(written, context).orElse(written));
            }
            if (e instanceof AnnotationExpr nested) {
                return evaluate(nested, nested.getName().getIdentifier(), context);
            }
            if (e instanceof NameExpr n) {
                Optional<Object> local = field(context, n.getNameAsString(), depth);
                if (local.isPresent()) {
                    return local.get();
                }
                for (ImportDeclaration imp : context.unit().getImports()) {
                    if (!imp.isStatic()) {
                        continue;
                    }
                    String owner = imp.isAsterisk() ? imp.getNameAsString()
                            : imp.getNameAsString().endsWith("." + n.getNameAsString())
                            ? imp.getNameAsString().substring(0, imp.getNameAsString().lastIndexOf('.')) : null;
                    Optional<Object> imported = owner == null ? Optional.empty()
                            : index.type(owner).flatMap(t -> field(t, n.getNameAsString(), depth));
                    if (imported.isPresent()) {
                        return imported.get();
                    }
                }
                // A statically imported enum constant such as IDENTITY.
                return new JpaAnnotation.EnumConstant(n.getNameAsString());
            }
            if (e instanceof FieldAccessExpr f) {
                Optional<Object> value = index.resolve(f.getScope().toString(), context)
                        .flatMap(index::type).flatMap(t -> field(t, f.getNameAsString(), depth));
                return value.orElseGet(() -> new JpaAnnotation.EnumConstant(f.getNameAsString()));
            }
            throw new IllegalArgumentException("unsupported expression");
        }

        /** The value of a static final field with an initializer in {@code type} or its enclosing types. */
        private Optional<Object> field(SourceType type, String name, int depth) {
            for (SourceType scope = type; scope != null; scope = scope.enclosing()) {
                for (FieldDeclaration field : scope.declaration().getFields()) {
                    for (VariableDeclarator variable : field.getVariables()) {
                        if (variable.getNameAsString().equals(name) && variable.getInitializer().isPresent()) {
                            return Optional.of(constant(variable.getInitializer().get(), scope, depth + 1));
                        }
                    }
                }
            }
            return Optional.empty();
        }

        private static Optional<JpaAnnotation> first(List<JpaAnnotation> annotations, String name) {
            return annotations.stream().filter(a -> a.name().equals(name)).findFirst();
        }

        private static boolean has(List<JpaAnnotation> annotations, String name) {
            return first(annotations, name).isPresent();
        }

        /** A repeatable annotation: every {@code @X} plus the contents of {@code @Xs({...})}. */
        private static List<JpaAnnotation> repeated(List<JpaAnnotation> annotations, String name) {
            List<JpaAnnotation> result = new ArrayList<>();
            for (JpaAnnotation annotation : annotations) {
                if (annotation.name().equals(name)) {
                    result.add(annotation);
                } else if (annotation.name().equals(name + "s")) {
                    result.addAll(annotation.annotations("value"));
                }
            }
            return result;
        }

        // ---------------------------------------------------------------- types

        private Optional<Kind> kindOf(SourceType type) {
            for (AnnotationExpr annotation : type.declaration().getAnnotations()) {
                Optional<String> name = jpaName(annotation, type.unit());
                if (name.isPresent()) {
                    switch (name.get()) {
                        case "Entity":
                            return Optional.of(Kind.ENTITY);
                        case "Embeddable":
                            return Optional.of(Kind.EMBEDDABLE);
                        case "MappedSuperclass":
                            return Optional.of(Kind.MAPPED_SUPERCLASS);
                        default:
                            break;
                    }
                }
            }
            return Optional.empty();
        }

        private ManagedType read(SourceType type) {
            Kind kind = kindOf(type).orElseThrow();
            var declaration = type.declaration();
            if (!(declaration instanceof ClassOrInterfaceDeclaration || declaration instanceof RecordDeclaration)
                    || declaration instanceof ClassOrInterfaceDeclaration c && c.isInterface()) {
                problem(type, declaration, "@" + kindName(kind) + " " + type.qualifiedName()
                        + " is not a class", "annotate a class (or a record for @Embeddable)");
                return null;
            }
            List<JpaAnnotation> annotations = annotations(declaration, type);
            String superclass = "";
            boolean abstractClass = false;
            if (declaration instanceof ClassOrInterfaceDeclaration c) {
                abstractClass = c.isAbstract();
                if (!c.getExtendedTypes().isEmpty()) {
                    String written = c.getExtendedTypes().get(0).getNameWithScope();
                    Optional<SourceType> parent = index.resolve(written, type).flatMap(index::type);
                    if (parent.isPresent() && kindOf(parent.get()).filter(k -> k != Kind.EMBEDDABLE).isPresent()) {
                        superclass = parent.get().qualifiedName();
                        queue.add(parent.get());
                    }
                }
            }
            checkPropertyAccess(type, declaration);
            if (has(annotations, "IdClass")) {
                problem(type, declaration, "@IdClass on " + type.qualifiedName() + " is not supported",
                        "use an @EmbeddedId of an @Embeddable key class instead");
            }
            String entityName = "";
            if (kind == Kind.ENTITY) {
                entityName = first(annotations, "Entity").map(a -> a.string("name", "")).filter(n -> !n.isBlank())
                        .orElse(declaration.getNameAsString());
            }
            TableSpec table = first(annotations, "Table").map(this::table).orElse(TableSpec.IMPLICIT);
            InheritanceStrategy inheritance = first(annotations, "Inheritance")
                    .map(a -> InheritanceStrategy.valueOf(a.enumName("strategy", "SINGLE_TABLE")))
                    .orElse(InheritanceStrategy.NONE);
            DiscriminatorSpec discriminator = first(annotations, "DiscriminatorColumn")
                    .map(a -> new DiscriminatorSpec(a.string("name", ""),
                            DiscriminatorKind.valueOf(a.enumName("discriminatorType", "STRING")),
                            a.integer("length", 31)))
                    .orElse(null);
            List<Attribute> attributes = new ArrayList<>();
            if (declaration instanceof RecordDeclaration record) {
                for (Parameter parameter : record.getParameters()) {
                    attribute(type, parameter, parameter.getNameAsString(), parameter.getType(),
                            annotations(parameter, type)).ifPresent(attributes::add);
                }
            } else {
                for (FieldDeclaration field : declaration.getFields()) {
                    if (field.isStatic() || field.hasModifier(Modifier.Keyword.TRANSIENT)) {
                        continue;
                    }
                    List<JpaAnnotation> fieldAnnotations = annotations(field, type);
                    if (has(fieldAnnotations, "Transient")) {
                        continue;
                    }
                    for (VariableDeclarator variable : field.getVariables()) {
                        attribute(type, variable, variable.getNameAsString(), variable.getType(), fieldAnnotations)
                                .ifPresent(attributes::add);
                    }
                }
            }
            return new ManagedType(type.qualifiedName(), kind, entityName, type.file(),
                    declaration.getBegin().map(p -> p.line).orElse(1), abstractClass, superclass, table, inheritance,
                    discriminator, first(annotations, "DiscriminatorValue").map(a -> a.string("value", "")).orElse(""),
                    sequenceGenerators(annotations), overrides(annotations), attributes);
        }

        private static String kindName(Kind kind) {
            return switch (kind) {
                case ENTITY -> "Entity";
                case EMBEDDABLE -> "Embeddable";
                case MAPPED_SUPERCLASS -> "MappedSuperclass";
            };
        }

        private void checkPropertyAccess(SourceType type, BodyDeclaration<?> declaration) {
            for (MethodDeclaration method : declaration.findAll(MethodDeclaration.class,
                    m -> m.getParentNode().orElse(null) == declaration)) {
                for (JpaAnnotation annotation : annotations(method, type)) {
                    if (PROPERTY_ACCESS_MARKERS.contains(annotation.name())) {
                        problems.add(new EntityProblem(type.file(), annotation.line(), "@" + annotation.name()
                                + " on method " + method.getNameAsString() + "() of " + type.qualifiedName()
                                + ": property access (mapping annotations on getters) is not supported",
                                "move the mapping annotations to the fields"));
                        propertyAccess.add(type.qualifiedName());
                        return;
                    }
                }
            }
        }

        private TableSpec table(JpaAnnotation table) {
            List<IndexSpec> indexes = table.annotations("indexes").stream()
                    .map(i -> new IndexSpec(i.string("name", ""), columnList(i.string("columnList", "")),
                            i.bool("unique", false), i.line()))
                    .toList();
            List<UniqueSpec> uniques = table.annotations("uniqueConstraints").stream()
                    .map(u -> new UniqueSpec(u.string("name", ""), u.strings("columnNames"), u.line()))
                    .toList();
            return new TableSpec(table.string("name", ""), table.string("schema", ""), indexes, uniques);
        }

        /** {@code "last_name, first_name DESC"} → [last_name, first_name]. */
        private static List<String> columnList(String list) {
            List<String> columns = new ArrayList<>();
            for (String part : list.split(",")) {
                String column = part.strip().split("\\s+")[0];
                if (!column.isEmpty()) {
                    columns.add(column);
                }
            }
            return columns;
        }

        private static List<SequenceGeneratorSpec> sequenceGenerators(List<JpaAnnotation> annotations) {
            return repeated(annotations, "SequenceGenerator").stream()
                    .map(s -> new SequenceGeneratorSpec(s.string("name", ""), s.string("sequenceName", ""),
                            s.longValue("initialValue", 1), s.integer("allocationSize", 50)))
                    .toList();
        }

        private static List<AttributeOverrideSpec> overrides(List<JpaAnnotation> annotations) {
            return repeated(annotations, "AttributeOverride").stream()
                    .map(o -> new AttributeOverrideSpec(o.string("name", ""),
                            o.annotations("column").stream().findFirst().map(Run::column)
                                    .orElse(ColumnSpec.DEFAULT)))
                    .toList();
        }

        private static ColumnSpec column(JpaAnnotation column) {
            return new ColumnSpec(column.string("name", ""), column.bool("nullable", true),
                    column.integer("length", 255), column.integer("precision", 0), column.integer("scale", 0),
                    column.bool("unique", false), column.string("columnDefinition", ""), true);
        }

        private static JoinColumnSpec joinColumn(JpaAnnotation join) {
            return new JoinColumnSpec(join.string("name", ""), join.string("referencedColumnName", ""),
                    join.bool("nullable", true), join.bool("unique", false), foreignKeyName(join, "foreignKey"));
        }

        private static String foreignKeyName(JpaAnnotation owner, String key) {
            return owner.annotations(key).stream().findFirst().map(f -> f.string("name", "")).orElse("");
        }

        private static List<JoinColumnSpec> joinColumns(JpaAnnotation owner, String key) {
            return owner.annotations(key).stream().map(Run::joinColumn).toList();
        }

        // ---------------------------------------------------------------- attributes

        private Optional<Attribute> attribute(SourceType owner, Node node, String name, Type javaType,
                                              List<JpaAnnotation> annotations) {
            String where = "field `" + name + "` of " + owner.qualifiedName();
            ColumnSpec column = first(annotations, "Column").map(Run::column).orElse(ColumnSpec.DEFAULT);
            Optional<JpaAnnotation> relationAnnotation = annotations.stream()
                    .filter(a -> RELATIONS.contains(a.name())).findFirst();
            boolean elementCollection = has(annotations, "ElementCollection");
            AttributeType type = type(javaType, owner);

            RelationSpec relation = null;
            if (relationAnnotation.isPresent()) {
                JpaAnnotation r = relationAnnotation.get();
                RelationKind kind = switch (r.name()) {
                    case "ManyToOne" -> RelationKind.MANY_TO_ONE;
                    case "OneToOne" -> RelationKind.ONE_TO_ONE;
                    case "OneToMany" -> RelationKind.ONE_TO_MANY;
                    default -> RelationKind.MANY_TO_MANY;
                };
                boolean plural = kind == RelationKind.ONE_TO_MANY || kind == RelationKind.MANY_TO_MANY;
                String target = r.classRef("targetEntity");
                AttributeType targetType = type instanceof Plural p ? p.element() : type;
                if (!target.isEmpty()) {
                    targetType = entityOrNull(target, owner) != null ? new EntityRef(target) : new Opaque(target);
                    if (plural && type instanceof Plural p) {
                        type = new Plural(p.kind(), targetType);
                    } else if (!plural) {
                        type = targetType;
                    }
                }
                if (plural && !(type instanceof Plural)) {
                    problem(owner, node, "@" + r.name() + " " + where + " is not a Set, List or Collection",
                            "declare the field as Set<Target> or List<Target>");
                    return Optional.empty();
                }
                if (!plural && type instanceof Plural) {
                    problem(owner, node, "@" + r.name() + " " + where + " is a collection",
                            "use @OneToMany or @ManyToMany for collections");
                    return Optional.empty();
                }
                if (!(targetType instanceof EntityRef entity)) {
                    problem(owner, node, "cannot resolve the target entity of @" + r.name() + " " + where
                                    + " (type `" + javaType + "`)",
                            "make the target an @Entity class in the scanned source roots, import it, "
                                    + "or name it with targetEntity = X.class");
                    return Optional.empty();
                }
                List<JoinColumnSpec> joins = repeated(annotations, "JoinColumn").stream().map(Run::joinColumn)
                        .toList();
                JoinTableSpec joinTable = first(annotations, "JoinTable")
                        .map(t -> new JoinTableSpec(t.string("name", ""), t.string("schema", ""),
                                joinColumns(t, "joinColumns"), joinColumns(t, "inverseJoinColumns"),
                                foreignKeyName(t, "foreignKey"), foreignKeyName(t, "inverseForeignKey")))
                        .orElse(null);
                relation = new RelationSpec(kind, entity.className(), r.string("mappedBy", ""),
                        r.bool("optional", true), joins, joinTable);
            } else if (elementCollection) {
                if (!(type instanceof Plural p)) {
                    problem(owner, node, "@ElementCollection " + where + " is not a Set, List or Collection",
                            "declare the field as Set<X> or List<X>");
                    return Optional.empty();
                }
                if (p.element() instanceof EntityRef || p.element() instanceof Plural
                        || p.element() instanceof Opaque && column.columnDefinition().isBlank()) {
                    problem(owner, node, "cannot map the element type of @ElementCollection " + where
                                    + " (type `" + javaType + "`)",
                            "use a basic type, an enum or an @Embeddable as element, or @OneToMany for entities");
                    return Optional.empty();
                }
            } else if (type instanceof Plural) {
                problem(owner, node, where + " is a collection without @OneToMany, @ManyToMany or @ElementCollection",
                        "add the association annotation, " + TRANSIENT_HINT);
                return Optional.empty();
            } else if (type instanceof EntityRef) {
                problem(owner, node, where + " refers to an entity without @ManyToOne or @OneToOne",
                        "add @ManyToOne or @OneToOne, " + TRANSIENT_HINT);
                return Optional.empty();
            } else if (type instanceof Opaque opaque && column.columnDefinition().isBlank()) {
                problem(owner, node, "cannot map " + where + ": type `" + javaType + "`"
                                + (opaque.javaType().isEmpty() ? " is not resolvable" : " is not a supported basic type"),
                        "add @Column(columnDefinition = \"...\") with the SQL type, add the type's source (enum or "
                                + "@Embeddable) to the entity source roots, " + TRANSIENT_HINT);
                return Optional.empty();
            }

            if (type instanceof Plural p && p.element() instanceof EmbeddableRef e) {
                followEmbeddable(e.className());
            } else if (type instanceof EmbeddableRef e) {
                followEmbeddable(e.className());
            }

            JoinTableSpec collectionTable = null;
            if (elementCollection) {
                collectionTable = first(annotations, "CollectionTable")
                        .map(t -> new JoinTableSpec(t.string("name", ""), t.string("schema", ""),
                                joinColumns(t, "joinColumns"), List.of(), foreignKeyName(t, "foreignKey"), ""))
                        .orElse(JoinTableSpec.IMPLICIT);
            }
            GenerationSpec generation = first(annotations, "GeneratedValue")
                    .map(g -> new GenerationSpec(GenerationStrategy.valueOf(g.enumName("strategy", "AUTO")),
                            g.string("generator", "")))
                    .orElse(null);
            EnumMode enumMode = first(annotations, "Enumerated")
                    .map(e -> EnumMode.valueOf(e.enumName("value", "ORDINAL"))).orElse(EnumMode.ORDINAL);
            if (generation != null && generation.strategy() == GenerationStrategy.TABLE) {
                problem(owner, node, "@GeneratedValue(strategy = TABLE) on " + where + " is not supported",
                        "use IDENTITY, SEQUENCE or UUID");
            }
            return Optional.of(new Attribute(name, node.getBegin().map(p -> p.line).orElse(1), type,
                    has(annotations, "Id"), has(annotations, "EmbeddedId"), generation,
                    sequenceGenerators(annotations), column, has(annotations, "Version"), has(annotations, "Lob"),
                    enumMode, overrides(annotations), relation, collectionTable));
        }

        private void followEmbeddable(String className) {
            index.type(className).ifPresent(queue::add);
        }

        private SourceType entityOrNull(String className, SourceType context) {
            Optional<SourceType> type = index.type(className);
            if (type.isPresent() && kindOf(type.get()).orElse(null) == Kind.ENTITY) {
                queue.add(type.get());
                return type.get();
            }
            return null;
        }

        /** The attribute type of a declared Java type; {@link Opaque} when it is none the scanner can map. */
        private AttributeType type(Type javaType, SourceType context) {
            if (javaType instanceof PrimitiveType primitive) {
                return TypeCatalog.primitive(primitive.asString()).<AttributeType>map(k -> new Basic(k, true))
                        .orElse(new Opaque(primitive.asString()));
            }
            if (javaType instanceof ArrayType array) {
                if (array.getComponentType() instanceof PrimitiveType p
                        && p.getType() == PrimitiveType.Primitive.BYTE && array.getArrayLevel() == 1) {
                    return new Basic(BasicKind.BYTE_ARRAY, false);
                }
                return new Opaque(javaType.asString());
            }
            if (!(javaType instanceof ClassOrInterfaceType classType)) {
                return new Opaque("");
            }
            Optional<String> resolved = index.resolve(classType.getNameWithScope(), context);
            if (resolved.isEmpty()) {
                return new Opaque("");
            }
            String name = resolved.get();
            Optional<BasicKind> basic = TypeCatalog.basic(name);
            if (basic.isPresent()) {
                return new Basic(basic.get(), false);
            }
            Optional<EntityModel.CollectionKind> collection = TypeCatalog.collection(name);
            if (collection.isPresent()) {
                NodeList<Type> arguments = classType.getTypeArguments().orElse(new NodeList<>());
                AttributeType element = arguments.size() == 1 ? type(arguments.get(0), context) : new Opaque("");
                return new Plural(collection.get(), element);
            }
            Optional<SourceType> source = index.type(name);
            if (source.isPresent()) {
                if (source.get().declaration() instanceof EnumDeclaration enumeration) {
                    return new EnumRef(name, enumeration.getEntries().stream().map(c -> c.getNameAsString())
                            .toList());
                }
                Optional<Kind> kind = kindOf(source.get());
                if (kind.isPresent() && kind.get() == Kind.EMBEDDABLE) {
                    return new EmbeddableRef(name);
                }
                if (kind.isPresent() && kind.get() == Kind.ENTITY) {
                    queue.add(source.get());
                    return new EntityRef(name);
                }
            }
            return new Opaque(name);
        }

        // ---------------------------------------------------------------- whole-model checks

        private void checkIds(EntityModel model) {
            for (ManagedType entity : model.entities()) {
                // A class mapped on its getters already has a problem; "no @Id" would only repeat it.
                boolean found = propertyAccess.contains(entity.className());
                for (ManagedType t = entity; t != null; t = model.type(t.superclass()).orElse(null)) {
                    found |= t.attributes().stream().anyMatch(a -> a.id() || a.embeddedId());
                }
                if (!found) {
                    problems.add(new EntityProblem(entity.file(), entity.line(), "entity " + entity.className()
                            + " has no @Id", "add an @Id field to it, to an @Entity superclass or to a "
                            + "@MappedSuperclass it extends"));
                }
                for (Attribute attribute : entity.attributes()) {
                    if (attribute.id() && attribute.type() instanceof Basic b
                            && b.kind() != BasicKind.UUID && b.kind() != BasicKind.STRING && attribute.generationIfAny()
                            .filter(g -> g.strategy() == GenerationStrategy.UUID).isPresent()) {
                        problems.add(new EntityProblem(entity.file(), attribute.line(), "@GeneratedValue(strategy "
                                + "= UUID) on field `" + attribute.name() + "` of " + entity.className()
                                + " needs a UUID or String field", "declare the id as java.util.UUID"));
                    }
                }
            }
        }
    }
}
