package io.github.qalab.entity;

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
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The evolving application under {@code src/test/resources/evolution/stepN}: where each step lies, the renames it
 * needs, and its sources compiled with javac against the test classpath (for Hibernate to judge).
 */
public final class EvolutionFixtures {

    /** The number of steps. */
    public static final int STEPS = 7;

    private EvolutionFixtures() {
    }

    /** The source root of a step (1-based). */
    public static Path sources(int step) {
        try {
            URL url = EvolutionFixtures.class.getResource("/evolution/step" + step);
            if (url == null) {
                throw new IllegalStateException("missing test resource evolution/step" + step);
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code -Dqalab.renames} value the step needs, if any (from {@code stepN/RENAMES}). */
    public static Optional<String> renames(int step) throws IOException {
        Path file = sources(step).resolve("RENAMES");
        return Files.exists(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
    }

    /** Every {@code .java} file of a step, sorted. */
    public static List<Path> javaFiles(int step) throws IOException {
        try (Stream<Path> files = Files.walk(sources(step))) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    /**
     * Compiles a step into {@code outputDir}.
     *
     * @return the compiler's error diagnostics, empty when compilation succeeded
     */
    public static List<String> compile(int step, Path outputDir) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Files.createDirectories(outputDir);
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null,
                StandardCharsets.UTF_8)) {
            String classpath = System.getProperty("java.class.path") + File.pathSeparator
                    + jarOf(jakarta.persistence.Entity.class);
            List<String> options = List.of("-d", outputDir.toString(), "-classpath", classpath, "-proc:none",
                    "--release", "17", "-Xlint:none");
            Boolean ok = compiler.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(javaFiles(step))).call();
            List<String> errors = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    errors.add(d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(null));
                }
            }
            if (!ok && errors.isEmpty()) {
                errors.add("javac failed without diagnostics");
            }
            return errors;
        }
    }

    /** Compiles a step and loads its classes; close the loader when done. */
    public static URLClassLoader compileAndLoad(int step, Path outputDir) throws IOException {
        List<String> errors = compile(step, outputDir);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("step" + step + " does not compile:\n" + String.join("\n", errors));
        }
        return new URLClassLoader(new URL[]{outputDir.toUri().toURL()}, EvolutionFixtures.class.getClassLoader());
    }

    /** The binary names of the compiled classes below {@code outputDir}. */
    public static List<String> classNames(Path outputDir) throws IOException {
        try (Stream<Path> files = Files.walk(outputDir)) {
            return files.filter(f -> f.toString().endsWith(".class")).sorted()
                    .map(f -> outputDir.relativize(f).toString().replace(File.separatorChar, '.'))
                    .map(n -> n.substring(0, n.length() - ".class".length())).toList();
        }
    }

    private static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
