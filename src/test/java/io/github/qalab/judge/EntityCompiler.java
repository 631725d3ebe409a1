package io.github.qalab.judge;

import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Compiles a folder of entity sources (a field case's tree or one of its {@code vN/} folders, an evolution step)
 * with javac against the test class path, and sorts the compiled classes into what Hibernate is given: entities,
 * embeddables, mapped superclasses and converters.
 */
public final class EntityCompiler {

    private EntityCompiler() {
    }

    /** Thrown when javac rejects the sources; the message lists every error as {@code File.java:line: message}. */
    public static final class CompilationFailure extends IllegalStateException {
        private final List<String> errors;

        CompilationFailure(Path sources, List<String> errors) {
            super("javac rejected the entity sources in " + sources + ":\n  " + String.join("\n  ", errors));
            this.errors = List.copyOf(errors);
        }

        /** The javac errors, one {@code File.java:line: message} per entry. */
        public List<String> errors() {
            return errors;
        }
    }

    /**
     * Compiles every {@code .java} file below {@code sources} into {@code outputDir} (created when missing) and
     * classifies the classes.
     *
     * @throws CompilationFailure when javac reports an error (the output folder may then hold partial classes)
     * @throws IllegalArgumentException when {@code sources} holds no {@code .java} file
     */
    public static CompiledEntities compile(Path sources, Path outputDir) throws IOException {
        List<Path> files = javaFiles(sources);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no .java file below " + sources);
        }
        List<String> errors = javac(files, outputDir);
        if (!errors.isEmpty()) {
            throw new CompilationFailure(sources, errors);
        }
        return classify(sources, outputDir);
    }

    /** Every {@code .java} file below {@code folder}, sorted. */
    public static List<Path> javaFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f)).sorted().toList();
        }
    }

    /**
     * Runs javac ({@code --release 17}, no annotation processing) on {@code files} into {@code outputDir}, with the
     * test class path plus the jars of the JPA, Bean Validation and Hibernate annotations.
     *
     * @return the error diagnostics as {@code File.java:line: message}, empty when compilation succeeded
     */
    public static List<String> javac(List<Path> files, Path outputDir) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no system Java compiler: run the tests on a JDK, not a JRE");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Files.createDirectories(outputDir);
        try (StandardJavaFileManager manager = compiler.getStandardFileManager(diagnostics, null,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", outputDir.toString(), "-classpath", classPath(), "-proc:none",
                    "--release", "17", "-Xlint:none", "-nowarn", "-encoding", "UTF-8");
            Boolean ok = compiler.getTask(null, manager, diagnostics, options, null,
                    manager.getJavaFileObjectsFromPaths(files)).call();
            List<String> errors = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    String where = d.getSource() == null ? "javac" : d.getSource().getName() + ":" + d.getLineNumber();
                    errors.add(where + ": " + d.getMessage(null));
                }
            }
            if (!Boolean.TRUE.equals(ok) && errors.isEmpty()) {
                errors.add("javac failed without diagnostics");
            }
            return errors;
        }
    }

    /** The binary names of the classes below {@code classes}, sorted. */
    public static List<String> classNames(Path classes) throws IOException {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class")).sorted()
                    .map(f -> classes.relativize(f).toString().replace(File.separatorChar, '.'))
                    .map(n -> n.substring(0, n.length() - ".class".length()))
                    .filter(n -> !n.endsWith("package-info") && !n.endsWith("module-info")).toList();
        }
    }

    /** Sorts the classes below {@code classes} (compiled from {@code sources}) by their JPA role. */
    static CompiledEntities classify(Path sources, Path classes) throws IOException {
        List<String> all = classNames(classes);
        List<String> entities = new ArrayList<>();
        List<String> embeddables = new ArrayList<>();
        List<String> superclasses = new ArrayList<>();
        List<String> converters = new ArrayList<>();
        try (URLClassLoader loader = loader(classes)) {
            for (String name : all) {
                Class<?> type;
                try {
                    type = Class.forName(name, false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new IllegalStateException("compiled class " + name + " in " + classes
                            + " cannot be loaded: " + e, e);
                }
                if (type.isAnnotationPresent(Entity.class)) {
                    entities.add(name);
                } else if (type.isAnnotationPresent(Embeddable.class)) {
                    embeddables.add(name);
                } else if (type.isAnnotationPresent(MappedSuperclass.class)) {
                    superclasses.add(name);
                } else if (type.isAnnotationPresent(Converter.class)) {
                    converters.add(name);
                }
            }
        }
        return new CompiledEntities(sources, classes, entities, embeddables, superclasses, converters, all);
    }

    /** A class loader over {@code classes} whose parent is the test class loader (JPA, Hibernate, validators). */
    static URLClassLoader loader(Path classes) {
        try {
            return new URLClassLoader("judge-entities", new URL[]{classes.toUri().toURL()},
                    EntityCompiler.class.getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String classPath() {
        Set<String> entries = new LinkedHashSet<>(List.of(System.getProperty("java.class.path")
                .split(File.pathSeparator)));
        // Surefire may hand the JVM a manifest-only jar: name the annotation jars the sources need explicitly.
        for (Class<?> type : List.of(Entity.class, jakarta.validation.constraints.NotNull.class,
                org.hibernate.annotations.ColumnDefault.class)) {
            entries.add(jarOf(type));
        }
        return String.join(File.pathSeparator, entries);
    }

    private static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
