package io.github.qalab.hibernate.bridge;

import org.hibernate.Version;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataBuilder;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;
import org.hibernate.boot.model.relational.AuxiliaryDatabaseObject;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.Sequence;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.dialect.Dialect;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.Index;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Selectable;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.UniqueKey;
import org.hibernate.mapping.Value;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Boots Hibernate's metamodel ({@code MetadataSources} to {@code Metadata}; no SessionFactory, no database connection)
 * on a project's compiled entity classes and describes every table Hibernate's schema export would create, as plain
 * JDK values ({@code Map}, {@code List}, {@code String}, {@code Number}, {@code Boolean}).
 *
 * <p>This class is never loaded by the plugin's own class loader: {@code io.github.qalab.hibernate.ProjectClassLoader}
 * defines it inside a class loader of the project's runtime class path, so it runs on the project's own
 * {@code hibernate-core} (6.2 and later). Methods whose signatures changed between Hibernate 6 and 7 are called
 * reflectively; everything else is API that both share.
 *
 * <p>Request keys: {@code classes} (List of class names to register: entities and auto-applied converters),
 * {@code settings} (Map of Hibernate settings, including the dialect), {@code springImplicitNaming} (Boolean: use
 * Spring Boot's implicit naming when no implicit strategy is set). Answer keys: {@code hibernateVersion},
 * {@code dialect}, {@code defaultSchema}, {@code tables}, {@code sequences}, {@code warnings}, {@code unsupported}.
 * A failure is an answer with {@code error} (Hibernate's message chain) instead of throwing, so that no Hibernate
 * exception type crosses into the plugin's class loader.
 */
public final class MetadataBridge implements Function<Map<String, Object>, Map<String, Object>> {

    private static final String SPRING_IMPLICIT_BOOT3 = "org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy";
    private static final String SPRING_IMPLICIT_BOOT4 = "org.springframework.boot.hibernate.SpringImplicitNamingStrategy";

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> apply(Map<String, Object> request) {
        Map<String, Object> answer = new LinkedHashMap<>();
        // The project's class folders (entities) over the libraries this class was defined in.
        ClassLoader loader = request.get("classLoader") instanceof ClassLoader given ? given : getClass().getClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        StandardServiceRegistry registry = null;
        try {
            answer.put("hibernateVersion", Version.getVersionString());
            Map<String, Object> settings = new LinkedHashMap<>((Map<String, Object>) request.get("settings"));
            List<String> classes = (List<String>) request.get("classes");
            boolean springImplicit = Boolean.TRUE.equals(request.get("springImplicitNaming"));
            if (springImplicit && !settings.containsKey("hibernate.implicit_naming_strategy")) {
                settings.put("hibernate.implicit_naming_strategy", springImplicitNaming(loader));
            }
            BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build();
            registry = new StandardServiceRegistryBuilder(bootstrap).applySettings(settings).build();
            MetadataSources sources = new MetadataSources(registry);
            for (String name : classes) {
                sources.addAnnotatedClass(Class.forName(name, false, loader));
            }
            MetadataBuilder builder = sources.getMetadataBuilder();
            Metadata metadata = builder.build();
            Dialect dialect = metadata.getDatabase().getDialect();
            defaultNamespace(settings, metadata);
            answer.put("dialect", dialect.getClass().getName() + " " + version(dialect));
            List<String> warnings = new ArrayList<>();
            answer.put("beanValidation", BeanValidationDdl.apply(metadata, settings, dialect, loader, warnings));
            Map<Column, String> owners = owners(metadata);
            Map<Column, List<String>> enums = enumConstants(metadata);
            Map<Table, String> tableOwners = tableOwners(metadata);
            Identifier defaultSchema = metadata.getDatabase().getDefaultNamespace().getPhysicalName().getSchema();
            answer.put("defaultSchema", defaultSchema == null ? null : defaultSchema.render(dialect));
            List<Map<String, Object>> tables = new ArrayList<>();
            List<Map<String, Object>> sequences = new ArrayList<>();
            for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
                for (Table table : namespace.getTables()) {
                    if (table.isPhysicalTable() && !isView(table)) {
                        tables.add(table(table, namespace, metadata, registry, dialect, owners, tableOwners,
                                enums));
                    }
                }
                for (Sequence sequence : namespace.getSequences()) {
                    sequences.add(sequence(sequence, namespace, dialect));
                }
            }
            answer.put("tables", tables);
            answer.put("sequences", sequences);
            List<String> unsupported = new ArrayList<>();
            for (AuxiliaryDatabaseObject object : metadata.getDatabase().getAuxiliaryDatabaseObjects()) {
                if (object.appliesToDialect(dialect)) {
                    unsupported.add("auxiliary database object " + object.getExportIdentifier());
                }
            }
            answer.put("unsupported", unsupported);
            answer.put("warnings", warnings);
        } catch (LinkageError e) {
            // A class of the project itself that is missing (compiled against a class since deleted, a dependency
            // left out) is the project's problem, as it would be at start; anything else means the bridge was
            // compiled against a newer Hibernate and met an API this one lacks.
            answer.put(projectClassMissing(e) ? "error" : "bridgeError", describe(e));
        } catch (Throwable e) {
            answer.put("error", describe(e));
        } finally {
            if (registry != null) {
                try {
                    StandardServiceRegistryBuilder.destroy(registry);
                } catch (RuntimeException ignored) {
                    // Nothing of the registry outlives this call.
                }
            }
            thread.setContextClassLoader(previous);
            DEFAULT_NAMESPACE.remove();
        }
        return answer;
    }

    /** Whether {@code e} is a class of the project (not Hibernate's, JPA's or the JDK's) that cannot be found. */
    static boolean projectClassMissing(LinkageError e) {
        if (!(e instanceof NoClassDefFoundError)) {
            return false;
        }
        String missing = String.valueOf(e.getMessage()).replace('/', '.');
        return !(missing.startsWith("org.hibernate.") || missing.startsWith("jakarta.") || missing.startsWith("java.")
                || missing.startsWith("javax.") || missing.startsWith("org.jboss."));
    }

    /** {@code 15.0}: the database version the dialect was set up for. */
    private static String version(Dialect dialect) {
        Object version = call(dialect, "getVersion");
        if (version == null) {
            return "";
        }
        Object major = call(version, "getMajor");
        Object minor = call(version, "getMinor");
        return major == null ? version.toString() : major + "." + (minor == null ? "0" : minor);
    }

    /** Spring Boot's implicit naming strategy when the project has it, else an equivalent (join tables only differ). */
    private static Object springImplicitNaming(ClassLoader loader) {
        for (String name : List.of(SPRING_IMPLICIT_BOOT4, SPRING_IMPLICIT_BOOT3)) {
            try {
                return Class.forName(name, true, loader).getConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                // Not this Spring Boot generation.
            }
        }
        return new SpringLikeImplicitNaming();
    }

    private static boolean isView(Table table) {
        Object view = call(table, "isView");
        return Boolean.TRUE.equals(view) || table.isSubselect() || table.isAbstractUnionTable();
    }

    private static Map<String, Object> table(Table table, Namespace namespace, Metadata metadata,
                                             StandardServiceRegistry registry, Dialect dialect,
                                             Map<Column, String> owners, Map<Table, String> tableOwners,
                                             Map<Column, List<String>> enums) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("schema", schemaOf(namespace, dialect));
        t.put("name", render(table.getNameIdentifier(), dialect));
        t.put("owner", tableOwners.get(table));
        List<Map<String, Object>> columns = new ArrayList<>();
        for (Column column : table.getColumns()) {
            Map<String, Object> c = column(column, metadata, dialect, owners);
            c.put("identity", identity(column, table, registry, dialect));
            c.put("enumConstants", enums.getOrDefault(column, List.of()));
            columns.add(c);
        }
        t.put("columns", columns);
        if (table.getPrimaryKey() != null && !table.getPrimaryKey().getColumns().isEmpty()) {
            t.put("primaryKey", constraint(table.getPrimaryKey().getName(), table.getPrimaryKey().getColumns(), dialect));
        }
        List<Map<String, Object>> uniques = new ArrayList<>();
        for (UniqueKey key : table.getUniqueKeys().values()) {
            uniques.add(constraint(key.getName(), key.getColumns(), dialect));
        }
        for (Column column : table.getColumns()) {
            // A column declared unique on its own (@Column(unique = true)) without a unique key object of its own.
            if (column.isUnique() && !table.isPrimaryKey(column) && !coveredByUniqueKey(table, column)) {
                uniques.add(constraint(null, List.of(column), dialect));
            }
        }
        t.put("uniques", uniques);
        List<Map<String, Object>> indexes = new ArrayList<>();
        for (Index index : table.getIndexes().values()) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("name", index.getName());
            List<String> cols = new ArrayList<>();
            boolean onlyColumns = true;
            for (Object selectable : indexSelectables(index)) {
                if (selectable instanceof Column c) {
                    cols.add(render(c, dialect));
                } else {
                    onlyColumns = false;
                }
            }
            i.put("columns", cols);
            i.put("unique", Boolean.TRUE.equals(call(index, "isUnique")));
            i.put("expression", !onlyColumns);
            indexes.add(i);
        }
        t.put("indexes", indexes);
        List<Map<String, Object>> foreignKeys = new ArrayList<>();
        for (ForeignKey fk : table.getForeignKeys().values()) {
            if (!fk.isCreationEnabled() || !fk.isPhysicalConstraint() || fk.getReferencedTable() == null) {
                continue;
            }
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", fk.getName());
            f.put("columns", names(fk.getColumns(), dialect));
            Table referenced = fk.getReferencedTable();
            f.put("referencedSchema", schemaOfTable(referenced, metadata, dialect));
            f.put("referencedTable", render(referenced.getNameIdentifier(), dialect));
            List<Column> referencedColumns = fk.getReferencedColumns();
            if (referencedColumns == null || referencedColumns.isEmpty()) {
                referencedColumns = referenced.getPrimaryKey() == null ? List.of() : referenced.getPrimaryKey().getColumns();
            }
            f.put("referencedColumns", names(referencedColumns, dialect));
            f.put("onDelete", onDelete(fk));
            foreignKeys.add(f);
        }
        t.put("foreignKeys", foreignKeys);
        List<Map<String, Object>> checks = new ArrayList<>();
        Object tableChecks = call(table, "getChecks");
        if (tableChecks instanceof List<?> list) {
            for (Object check : list) {
                checks.add(check(check));
            }
        }
        for (Column column : table.getColumns()) {
            for (Object check : columnChecks(column)) {
                checks.add(check(check));
            }
        }
        t.put("checks", checks);
        t.put("initCommands", initCommands(table, metadata));
        t.put("comment", table.getComment());
        return t;
    }

    private static boolean coveredByUniqueKey(Table table, Column column) {
        for (UniqueKey key : table.getUniqueKeys().values()) {
            if (key.getColumns().size() == 1 && key.getColumns().get(0).equals(column)) {
                return true;
            }
        }
        return false;
    }

    private static List<?> indexSelectables(Index index) {
        Object selectables = call(index, "getSelectables");
        if (selectables instanceof List<?> list) {
            return list;
        }
        Object columns = call(index, "getColumns");
        if (columns instanceof List<?> list) {
            return list;
        }
        if (columns instanceof Iterator<?> iterator) {
            List<Object> all = new ArrayList<>();
            iterator.forEachRemaining(all::add);
            return all;
        }
        return List.of();
    }

    private static Map<String, Object> column(Column column, Metadata metadata, Dialect dialect,
                                              Map<Column, String> owners) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", render(column, dialect));
        c.put("sqlType", column.getSqlType(metadata));
        c.put("typeCode", sqlTypeCode(column, metadata));
        c.put("columnDefinition", column.getSqlType());
        c.put("length", column.getLength());
        c.put("precision", column.getPrecision());
        c.put("scale", column.getScale());
        c.put("nullable", column.isNullable());
        c.put("default", column.getDefaultValue());
        Object generatedAs = call(column, "getGeneratedAs");
        c.put("generatedAs", generatedAs);
        c.put("comment", column.getComment());
        c.put("owner", owners.get(column));
        return c;
    }

    /**
     * Whether the database generates the column's value: {@code Column.isIdentity()} from Hibernate 6.3 on; before,
     * as Hibernate 6.2's table exporter decides it, the table's identifier value being an identity column.
     */
    private static boolean identity(Column column, Table table, StandardServiceRegistry registry, Dialect dialect) {
        Object flag = call(column, "isIdentity");
        if (flag instanceof Boolean b) {
            return b;
        }
        if (table.getPrimaryKey() == null || !table.getPrimaryKey().getColumns().contains(column)) {
            return false;
        }
        Object id = call(table, "getIdentifierValue");
        if (id == null) {
            return false;
        }
        for (Method m : id.getClass().getMethods()) {
            if (m.getName().equals("isIdentityColumn") && m.getParameterCount() == 2) {
                try {
                    Object factory = registry.getClass().getMethod("getService", Class.class)
                            .invoke(registry, m.getParameterTypes()[0]);
                    if (factory != null) {
                        return Boolean.TRUE.equals(m.invoke(id, factory, dialect));
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    break;
                }
            }
        }
        Object strategy = call(id, "getIdentifierGeneratorStrategy");
        return strategy != null && (strategy.toString().equals("identity")
                || strategy.toString().endsWith("IdentityGenerator"));
    }

    private static Object sqlTypeCode(Column column, Metadata metadata) {
        for (Method m : column.getClass().getMethods()) {
            if (m.getName().equals("getSqlTypeCode") && m.getParameterCount() == 1
                    && m.getParameterTypes()[0].isInstance(metadata)) {
                try {
                    return m.invoke(column, metadata);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static List<?> columnChecks(Column column) {
        Object checks = call(column, "getCheckConstraints");
        if (checks instanceof List<?> list) {
            return list;
        }
        Object single = call(column, "getCheckConstraint");
        return single == null ? List.of() : List.of(single);
    }

    private static Map<String, Object> check(Object check) {
        Map<String, Object> c = new LinkedHashMap<>();
        if (check instanceof String expression) {
            c.put("name", null);
            c.put("expression", expression);
        } else {
            Object name = call(check, "getName");
            c.put("name", name);
            c.put("expression", call(check, "getConstraint"));
        }
        return c;
    }

    private static String onDelete(ForeignKey fk) {
        Object action = call(fk, "getOnDeleteAction");
        if (action != null) {
            String name = action.toString();
            return name.equals("NO_ACTION") ? "" : name.replace('_', ' ');
        }
        return Boolean.TRUE.equals(call(fk, "isCascadeDeleteEnabled")) ? "CASCADE" : "";
    }

    private static List<String> initCommands(Table table, Metadata metadata) {
        List<String> sql = new ArrayList<>();
        try {
            Class<?> contextImpl = Class.forName(
                    "org.hibernate.boot.model.relational.internal.SqlStringGenerationContextImpl", true,
                    MetadataBridge.class.getClassLoader());
            Object context = null;
            for (Method m : contextImpl.getMethods()) {
                if (m.getName().equals("forTests") && m.getParameterCount() == 1) {
                    context = m.invoke(null, metadata.getDatabase().getJdbcEnvironment());
                    break;
                }
            }
            if (context == null) {
                return sql;
            }
            Object commands = null;
            for (Method m : Table.class.getMethods()) {
                if (m.getName().equals("getInitCommands") && m.getParameterCount() == 1) {
                    commands = m.invoke(table, context);
                }
            }
            if (commands instanceof List<?> list) {
                for (Object command : list) {
                    Object statements = call(command, "getInitCommands");
                    if (statements instanceof String[] array) {
                        sql.addAll(List.of(array));
                    }
                }
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // A Hibernate without init commands (or their context) has none to export.
        }
        return sql;
    }

    private static Map<String, Object> sequence(Sequence sequence, Namespace namespace, Dialect dialect) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("schema", schemaOf(namespace, dialect));
        // quoted (hibernate.globally_quoted_identifiers, or "..." in the mapping) with backticks, as tables are
        s.put("name", render(sequence.getName().getSequenceName(), dialect));
        s.put("start", sequence.getInitialValue());
        s.put("increment", sequence.getIncrementSize());
        return s;
    }

    private static Map<String, Object> constraint(String name, List<Column> columns, Dialect dialect) {
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("name", name);
        k.put("columns", names(columns, dialect));
        return k;
    }

    private static List<String> names(List<Column> columns, Dialect dialect) {
        List<String> names = new ArrayList<>();
        for (Column c : columns) {
            names.add(render(c, dialect));
        }
        return names;
    }

    /** A name as Hibernate writes it: quoted names keep a backtick on each side (Hibernate's own marker). */
    private static String render(Column column, Dialect dialect) {
        return column.isQuoted() ? "`" + column.getName() + "`" : column.getName();
    }

    private static String render(Identifier identifier, Dialect dialect) {
        return identifier.isQuoted() ? "`" + identifier.getText() + "`" : identifier.getText();
    }

    /**
     * The namespace a table is created in, as Hibernate qualifies its name on this database: the schema where the
     * database has schemas (PostgreSQL, H2), the catalog where it has only catalogs (MariaDB and MySQL, which
     * therefore ignore {@code @Table(schema)}), else none.
     */
    /**
     * {@code hibernate.default_schema} and {@code hibernate.default_catalog} of the running read: Hibernate's schema
     * export qualifies every table and sequence without a schema (catalog) of its own with them
     * ({@code SqlStringGenerationContextImpl}), so the bridge does too.
     */
    private static final ThreadLocal<Identifier[]> DEFAULT_NAMESPACE = ThreadLocal.withInitial(() -> new Identifier[2]);

    private static void defaultNamespace(Map<String, Object> settings, Metadata metadata) {
        var helper = metadata.getDatabase().getJdbcEnvironment().getIdentifierHelper();
        Object schema = settings.get("hibernate.default_schema");
        Object catalog = settings.get("hibernate.default_catalog");
        DEFAULT_NAMESPACE.set(new Identifier[] {
                schema == null || schema.toString().isBlank() ? null : helper.toIdentifier(schema.toString().strip()),
                catalog == null || catalog.toString().isBlank() ? null : helper.toIdentifier(catalog.toString().strip())});
    }

    private static String schemaOf(Namespace namespace, Dialect dialect) {
        Namespace.Name name = namespace.getPhysicalName();
        org.hibernate.engine.jdbc.env.spi.NameQualifierSupport support = dialect.getNameQualifierSupport();
        if (support == null) {
            support = org.hibernate.engine.jdbc.env.spi.NameQualifierSupport.SCHEMA;
        }
        Identifier[] defaults = DEFAULT_NAMESPACE.get();
        Identifier ownSchema = name.getSchema() != null ? name.getSchema() : defaults[0];
        Identifier ownCatalog = name.getCatalog() != null ? name.getCatalog() : defaults[1];
        Identifier schema = support.supportsSchemas() && ownSchema != null ? ownSchema
                : support.supportsCatalogs() ? ownCatalog : null;
        return schema == null ? null : render(schema, dialect);
    }

    private static String schemaOfTable(Table table, Metadata metadata, Dialect dialect) {
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            for (Table t : namespace.getTables()) {
                if (t == table) {
                    return schemaOf(namespace, dialect);
                }
            }
        }
        return null;
    }

    /** Which entity and attribute each column maps, {@code pkg.Entity#path.to.attribute}, for source positions. */
    private static Map<Column, String> owners(Metadata metadata) {
        Map<Column, String> owners = new IdentityHashMap<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            String owner = entity.getClassName();
            if (entity.getIdentifierProperty() != null) {
                property(owner, "", entity.getIdentifierProperty(), owners);
            } else if (entity.getIdentifier() != null) {
                columns(entity.getIdentifier(), owner + "#id", owners);
            }
            if (entity.getVersion() != null) {
                property(owner, "", entity.getVersion(), owners);
            }
            for (Property p : entity.getProperties()) {
                property(owner, "", p, owners);
            }
            if (entity.getDiscriminator() != null) {
                columns(entity.getDiscriminator(), owner, owners);
            }
        }
        return owners;
    }

    private static void property(String owner, String prefix, Property property, Map<Column, String> owners) {
        String path = prefix + property.getName();
        Value value = property.getValue();
        if (value instanceof Component component) {
            for (Property p : component.getProperties()) {
                property(owner, path + ".", p, owners);
            }
            return;
        }
        if (value instanceof Collection collection) {
            columns(collection.getKey(), owner + "#" + path, owners);
            if (collection.getElement() != null) {
                if (collection.getElement() instanceof Component component) {
                    for (Property p : component.getProperties()) {
                        property(owner, path + ".", p, owners);
                    }
                } else {
                    columns(collection.getElement(), owner + "#" + path, owners);
                }
            }
            if (collection instanceof org.hibernate.mapping.IndexedCollection indexed && indexed.getIndex() != null) {
                columns(indexed.getIndex(), owner + "#" + path, owners);
            }
            return;
        }
        columns(value, owner + "#" + path, owners);
    }

    private static void columns(Value value, String owner, Map<Column, String> owners) {
        if (value == null) {
            return;
        }
        for (Selectable s : value.getSelectables()) {
            if (s instanceof Column c) {
                owners.putIfAbsent(c, owner);
            }
        }
    }

    /**
     * The constants, in ordinal order, of the Java enum each enum-mapped column stores (by name or by ordinal, without
     * an AttributeConverter): what a migration needs to convert stored ordinals to names and back.
     */
    private static Map<Column, List<String>> enumConstants(Metadata metadata) {
        Map<Column, List<String>> enums = new IdentityHashMap<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            for (Property p : entity.getPropertyClosure()) {
                enumProperty(p, enums);
            }
        }
        return enums;
    }

    private static void enumProperty(Property property, Map<Column, List<String>> enums) {
        Value value = property.getValue();
        if (value instanceof Component component) {
            for (Property p : component.getProperties()) {
                enumProperty(p, enums);
            }
        } else if (value instanceof Collection collection) {
            Value element = collection.getElement();
            if (element instanceof Component component) {
                for (Property p : component.getProperties()) {
                    enumProperty(p, enums);
                }
            } else if (element != null) {
                enumValue(element, enums);
            }
        } else {
            enumValue(value, enums);
        }
    }

    private static void enumValue(Value value, Map<Column, List<String>> enums) {
        try {
            if (!(value instanceof org.hibernate.mapping.BasicValue basic)
                    || call(basic, "getJpaAttributeConverterDescriptor") != null) {
                return;
            }
            Class<?> type = basic.getType().getReturnedClass();
            if (type == null || !type.isEnum()) {
                return;
            }
            List<String> constants = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                constants.add(((Enum<?>) constant).name());
            }
            for (Selectable s : basic.getSelectables()) {
                if (s instanceof Column c) {
                    enums.putIfAbsent(c, constants);
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // A value whose type cannot be resolved here is simply not known as an enum.
        }
    }

    private static Map<Table, String> tableOwners(Metadata metadata) {
        Map<Table, String> owners = new IdentityHashMap<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            owners.putIfAbsent(entity.getTable(), entity.getClassName());
            for (Property p : entity.getPropertyClosure()) {
                if (p.getValue() instanceof Collection collection && collection.getCollectionTable() != null) {
                    owners.putIfAbsent(collection.getCollectionTable(), entity.getClassName() + "#" + p.getName());
                }
            }
        }
        for (Collection collection : metadata.getCollectionBindings()) {
            if (collection.getCollectionTable() != null && collection.getOwner() != null) {
                String role = collection.getRole();
                String attribute = role.substring(role.lastIndexOf('.') + 1);
                owners.putIfAbsent(collection.getCollectionTable(), collection.getOwner().getClassName() + "#"
                        + attribute);
            }
        }
        return owners;
    }

    /** Calls a public no-argument method if the running Hibernate has it; null when it does not. */
    static Object call(Object target, String method) {
        try {
            return target.getClass().getMethod(method).invoke(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The message chain of a failure, innermost last, without stack frames. */
    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 4000; t = t.getCause() == t ? null : t.getCause()) {
            if (sb.length() > 0) {
                sb.append(" | caused by: ");
            }
            sb.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return sb.toString();
    }

    /**
     * Spring Boot's implicit naming, for projects that do not have it on their class path: JPA's rules, except that
     * a join table is named {@code <owning table>_<attribute path>} (Spring's {@code SpringImplicitNamingStrategy}).
     */
    public static final class SpringLikeImplicitNaming extends ImplicitNamingStrategyJpaCompliantImpl {
        @Override
        public Identifier determineJoinTableName(org.hibernate.boot.model.naming.ImplicitJoinTableNameSource source) {
            String name = source.getOwningPhysicalTableName() + "_"
                    + source.getAssociationOwningAttributePath().getProperty();
            return toIdentifier(name, source.getBuildingContext());
        }
    }
}
