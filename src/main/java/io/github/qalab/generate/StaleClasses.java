package io.github.qalab.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Tells whether compiled classes are older than their sources: the Hibernate model reads compiled classes, so a
 * source edited since the last compilation would be compared as it was, and a new entity not at all.
 */
public final class StaleClasses {

    /** A source that mentions a JPA annotation: its class must exist, or the entity is not compiled yet. */
    private static final Pattern JPA = Pattern.compile("@(Entity|Embeddable|MappedSuperclass|Converter)\\b");

    private StaleClasses() {
    }

    /**
     * The sources under {@code sourceRoots} whose class in {@code classes} is older, or missing while the source
     * declares a JPA type; empty when the classes are up to date.
     */
    public static List<Path> find(List<Path> sourceRoots, Path classes) {
        List<Path> stale = new ArrayList<>();
        for (Path root : sourceRoots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path source : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                    String relative = root.relativize(source).toString();
                    if (relative.endsWith("package-info.java") || relative.endsWith("module-info.java")) {
                        continue;
                    }
                    Path compiled = classes.resolve(relative.substring(0, relative.length() - ".java".length())
                            + ".class");
                    if (Files.isRegularFile(compiled)) {
                        FileTime sourceTime = Files.getLastModifiedTime(source);
                        if (sourceTime.compareTo(Files.getLastModifiedTime(compiled)) > 0) {
                            stale.add(source);
                        }
                    } else if (declaresJpaType(source)) {
                        stale.add(source);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the sources in " + root, e);
            }
        }
        return stale;
    }

    private static boolean declaresJpaType(Path source) {
        try {
            return JPA.matcher(Files.readString(source, StandardCharsets.UTF_8)).find();
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }
}
