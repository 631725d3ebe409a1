package io.github.qalab.hibernate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds the classes Hibernate must be given, as Spring Boot's entity scan does: classes annotated with
 * {@code @Entity} and JPA {@code @Converter}s, in class folders and jars, optionally only below given packages. It
 * reads class files as bytes (the annotation's type descriptor in the constant pool) and loads nothing.
 */
final class EntityClassFinder {

    private static final byte[] ENTITY = "Ljakarta/persistence/Entity;".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] CONVERTER = "Ljakarta/persistence/Converter;".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] LEGACY_ENTITY = "Ljavax/persistence/Entity;".getBytes(StandardCharsets.ISO_8859_1);

    /** What the roots hold: entity and converter class names, and javax.persistence entities (never booted). */
    record Found(List<String> entities, List<String> converters, List<String> legacyEntities) {
    }

    private EntityClassFinder() {
    }

    static Found find(List<Path> roots, List<String> packages) {
        TreeSet<String> entities = new TreeSet<>();
        TreeSet<String> converters = new TreeSet<>();
        TreeSet<String> legacy = new TreeSet<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                        String name = className(root.relativize(file).toString().replace('\\', '/'));
                        if (name != null && inPackages(name, packages)) {
                            classify(name, Files.readAllBytes(file), entities, converters, legacy);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the classes in " + root, e);
                }
            } else if (Files.isRegularFile(root) && root.toString().endsWith(".jar")) {
                try (ZipFile jar = new ZipFile(root.toFile())) {
                    Enumeration<? extends ZipEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        ZipEntry entry = entries.nextElement();
                        String name = entry.isDirectory() ? null : className(entry.getName());
                        if (name != null && inPackages(name, packages)) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                classify(name, in.readAllBytes(), entities, converters, legacy);
                            }
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + root, e);
                }
            }
        }
        return new Found(List.copyOf(entities), List.copyOf(converters), List.copyOf(legacy));
    }

    private static void classify(String name, byte[] bytes, TreeSet<String> entities, TreeSet<String> converters,
                                 TreeSet<String> legacy) {
        if (contains(bytes, ENTITY)) {
            entities.add(name);
        } else if (contains(bytes, CONVERTER)) {
            converters.add(name);
        } else if (contains(bytes, LEGACY_ENTITY)) {
            legacy.add(name);
        }
    }

    /** {@code a/b/C.class} to {@code a.b.C}; null for module and package descriptors and versioned copies. */
    private static String className(String path) {
        if (!path.endsWith(".class") || path.startsWith("META-INF/") || path.endsWith("module-info.class")
                || path.endsWith("package-info.class")) {
            return null;
        }
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }

    static boolean inPackages(String className, List<String> packages) {
        if (packages.isEmpty()) {
            return true;
        }
        for (String p : packages) {
            if (className.startsWith(p + ".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0, last = haystack.length - needle.length; i <= last; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** For tests: the classes in {@code roots}. */
    static List<String> all(List<Path> roots) {
        Found found = find(roots, List.of());
        List<String> all = new ArrayList<>(found.entities());
        all.addAll(found.converters());
        return all;
    }
}
