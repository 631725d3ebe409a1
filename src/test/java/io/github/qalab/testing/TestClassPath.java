package io.github.qalab.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The test JVM's class path as a project's runtime class path would look: every jar (Hibernate, the JPA API, Bean
 * Validation, drivers), expanded from surefire's manifest-only jar, without the plugin's own class folders.
 */
public final class TestClassPath {

    private TestClassPath() {
    }

    /** The jars of the test class path. */
    public static List<Path> jars() {
        Set<Path> all = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                add(Path.of(entry).toAbsolutePath().normalize(), all);
            }
        }
        List<Path> jars = new ArrayList<>();
        for (Path p : all) {
            if (Files.isRegularFile(p) && p.getFileName().toString().endsWith(".jar")
                    && !p.getFileName().toString().startsWith("surefire")) {
                jars.add(p);
            }
        }
        return jars;
    }

    private static void add(Path entry, Set<Path> all) {
        if (!all.add(entry) || !Files.isRegularFile(entry)) {
            return;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            Manifest manifest = jar.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (classPath == null || !entry.getFileName().toString().startsWith("surefire")) {
                return;
            }
            for (String url : classPath.trim().split("\\s+")) {
                add(Path.of(URI.create(entry.toUri().resolve(url).toString())).toAbsolutePath().normalize(), all);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
