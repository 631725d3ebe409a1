package io.github.qalab.judge;

import io.github.qalab.schema.SpringLikeImplicitNamingStrategy;
import io.github.qalab.testing.TestDatabases.TestDatabase;
import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;
import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.engine.jdbc.env.spi.NameQualifierSupport;
import org.hibernate.engine.jdbc.spi.JdbcServices;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Boots Hibernate 7 as an application does (a SessionFactory, so that integrators such as Bean Validation's apply
 * their DDL constraints) on compiled classes in their own class loader, against one test database.
 */
final class HibernateBoot {

    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final List<Logger> QUIET = new ArrayList<>();

    private HibernateBoot() {
    }

    /** What a boot learned: the dialect Hibernate chose and the namespaces (schemas/catalogs) the mapping names. */
    record Booted(String dialect, List<String> namespaces) {
    }

    /**
     * Builds and closes a SessionFactory for {@code mapping} on {@code database} with {@code settings} (the
     * schema-management settings of the caller) plus the mapping's own settings, which win.
     *
     * @throws RuntimeException whatever Hibernate throws (the caller turns it into a message)
     */
    static Booted run(HibernateMapping mapping, TestDatabase database, Map<String, Object> settings) {
        quietLogging();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = mapping.entities().newClassLoader()) {
            thread.setContextClassLoader(loader);
            BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build();
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("jakarta.persistence.jdbc.url", database.url());
            all.put("jakarta.persistence.jdbc.user", database.user());
            all.put("jakarta.persistence.jdbc.password", database.password());
            all.put("hibernate.connection.pool_size", "1");
            all.put("hibernate.show_sql", "false");
            all.put("hibernate.format_sql", "false");
            if (mapping.naming() == HibernateMapping.Naming.SPRING) {
                all.put("hibernate.physical_naming_strategy", new CamelCaseToUnderscoresNamingStrategy());
                all.put("hibernate.implicit_naming_strategy", new SpringLikeImplicitNamingStrategy());
            } else {
                all.put("hibernate.physical_naming_strategy", new PhysicalNamingStrategyStandardImpl());
                all.put("hibernate.implicit_naming_strategy", new ImplicitNamingStrategyJpaCompliantImpl());
            }
            all.putAll(settings);
            all.putAll(mapping.settings());
            StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap).applySettings(all).build();
            try {
                MetadataSources sources = new MetadataSources(registry);
                for (String name : mapping.entities().mappedClasses()) {
                    sources.addAnnotatedClass(Class.forName(name, false, loader));
                }
                Metadata metadata = sources.buildMetadata();
                try (SessionFactory factory = metadata.buildSessionFactory()) {
                    JdbcServices jdbc = factory.unwrap(SessionFactoryImplementor.class).getJdbcServices();
                    return new Booted(jdbc.getDialect().toString(),
                            namespaces(metadata, jdbc.getJdbcEnvironment().getNameQualifierSupport()));
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("compiled class vanished: " + e.getMessage(), e);
            } finally {
                StandardServiceRegistryBuilder.destroy(registry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * The explicit schema or catalog names of the mapping ({@code @Table(schema = ...)}) that the database's
     * qualifiers keep, sorted: Hibernate drops a schema on MariaDB, whose namespaces are catalogs.
     */
    private static List<String> namespaces(Metadata metadata, NameQualifierSupport support) {
        TreeSet<String> names = new TreeSet<>();
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            Identifier schema = namespace.getPhysicalName().schema();
            Identifier catalog = namespace.getPhysicalName().catalog();
            if (schema != null && support.supportsSchemas()) {
                names.add(schema.getText());
            }
            if (catalog != null && support.supportsCatalogs()) {
                names.add(catalog.getText());
            }
        }
        return List.copyOf(names);
    }

    /** The failure text of a Hibernate exception: every distinct message of the cause chain, one per line. */
    static String describe(Throwable failure) {
        List<String> lines = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && lines.stream().noneMatch(l -> l.endsWith(": " + message))) {
                lines.add(t.getClass().getSimpleName() + ": " + message);
            }
            for (Throwable suppressed : t.getSuppressed()) {
                lines.add("suppressed " + suppressed.getClass().getSimpleName() + ": " + suppressed.getMessage());
            }
        }
        return String.join("\n", lines);
    }

    /** Hibernate (and Hibernate Validator) speak through java.util.logging here: errors only. */
    static synchronized void quietLogging() {
        if (QUIET.isEmpty()) {
            // Every judge boot would repeat Hibernate's notes and warnings about the cases' mappings (deprecated
            // @Temporal, a key class without equals); a failure reaches the test as an exception with its text.
            Logger logger = Logger.getLogger("org.hibernate");
            logger.setLevel(Level.SEVERE);
            QUIET.add(logger);
        }
    }
}
