package io.github.qalab.testing;

import io.github.qalab.schema.SpringLikeImplicitNamingStrategy;
import io.github.qalab.testing.TestDatabases.TestDatabase;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Hibernate 7 on a set of entity sources, with Spring Boot's naming: compiles them, then lets Hibernate create the
 * schema in a database ({@code create}, its own export) or check one ({@code validate}).
 */
public final class HibernateSchema implements AutoCloseable {

    /** Hibernate logs its boot at INFO (and its built-in pool at WARN) through JUL; tests show only failures. */
    private static final java.util.logging.Logger HIBERNATE_LOG = java.util.logging.Logger.getLogger("org.hibernate");

    static {
        HIBERNATE_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    private final URLClassLoader loader;
    private final List<String> classNames;

    private HibernateSchema(URLClassLoader loader, List<String> classNames) {
        this.loader = loader;
        this.classNames = classNames;
    }

    /** Compiles every {@code .java} file below {@code sources} into {@code classes}. */
    public static HibernateSchema compile(Path sources, Path classes) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Files.createDirectories(classes);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        try (StandardJavaFileManager manager = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            String classpath = System.getProperty("java.class.path") + File.pathSeparator + jarOf(Entity.class);
            Boolean ok = compiler.getTask(null, manager, diagnostics, List.of("-d", classes.toString(), "-classpath",
                    classpath, "-proc:none", "--release", "17", "-Xlint:none"), null,
                    manager.getJavaFileObjectsFromPaths(files)).call();
            if (!ok) {
                List<String> errors = new ArrayList<>();
                for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                    errors.add(d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(null));
                }
                throw new IllegalStateException(sources + " does not compile:\n" + String.join("\n", errors));
            }
        }
        List<String> names;
        try (Stream<Path> walk = Files.walk(classes)) {
            names = walk.filter(f -> f.toString().endsWith(".class")).sorted()
                    .map(f -> classes.relativize(f).toString().replace(File.separatorChar, '.'))
                    .map(n -> n.substring(0, n.length() - ".class".length())).toList();
        }
        return new HibernateSchema(new URLClassLoader(new URL[] {classes.toUri().toURL()},
                HibernateSchema.class.getClassLoader()), names);
    }

    /** Hibernate's own export: creates the schema of the entities in {@code database}. */
    public void create(TestDatabase database) throws Exception {
        run(database, "create");
    }

    /** Hibernate's {@code hbm2ddl validate}: throws when {@code database} does not fit the entities. */
    public void validate(TestDatabase database) throws Exception {
        run(database, "validate");
    }

    private void run(TestDatabase database, String action) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build();
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap)
                .applySetting("jakarta.persistence.jdbc.url", database.url())
                .applySetting("jakarta.persistence.jdbc.user", database.user())
                .applySetting("jakarta.persistence.jdbc.password", database.password())
                .applySetting("hibernate.hbm2ddl.auto", action)
                .applySetting("hibernate.physical_naming_strategy", new CamelCaseToUnderscoresNamingStrategy())
                .applySetting("hibernate.implicit_naming_strategy", new SpringLikeImplicitNamingStrategy())
                .applySetting("hibernate.show_sql", "false")
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            for (String name : classNames) {
                Class<?> type = Class.forName(name, false, loader);
                if (type.isAnnotationPresent(Entity.class) || type.isAnnotationPresent(Embeddable.class)
                        || type.isAnnotationPresent(MappedSuperclass.class)) {
                    sources.addAnnotatedClass(type);
                }
            }
            try (SessionFactory ignored = sources.buildMetadata().buildSessionFactory()) {
                // building the session factory runs hbm2ddl
            }
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }

    private static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
