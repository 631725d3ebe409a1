package io.github.qalab.entity;

import io.github.qalab.judge.EntityCompiler;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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

    /**
     * What the step lets {@code generate} do to existing rows: {@code stepN/BACKFILL} ({@code -Dqalab.backfill}) and
     * {@code stepN/ALLOW_DATA_LOSS} ({@code -Dqalab.allowDataLoss}); strict where neither file exists.
     */
    public static io.github.qalab.generate.DataPolicy policy(int step) throws IOException {
        Path backfill = sources(step).resolve("BACKFILL");
        Path allow = sources(step).resolve("ALLOW_DATA_LOSS");
        return io.github.qalab.generate.DataPolicy.parse(
                Files.exists(allow) ? Files.readString(allow).strip() : "",
                Files.exists(backfill) ? Files.readString(backfill).strip() : "");
    }

    /** Every {@code .java} file of a step, sorted. */
    public static List<Path> javaFiles(int step) throws IOException {
        return EntityCompiler.javaFiles(sources(step));
    }

    /**
     * Compiles a step into {@code outputDir} (javac as {@link EntityCompiler#javac} runs it).
     *
     * @return the compiler's error diagnostics, empty when compilation succeeded
     */
    public static List<String> compile(int step, Path outputDir) throws IOException {
        return EntityCompiler.javac(javaFiles(step), outputDir);
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
        return EntityCompiler.classNames(outputDir);
    }
}
