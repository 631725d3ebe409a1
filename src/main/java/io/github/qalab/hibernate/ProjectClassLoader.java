package io.github.qalab.hibernate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Class loaders of a project's runtime class path, isolated from the plugin's own class loader (their root parent is
 * the JDK's platform loader), so that Hibernate, the JPA API, Bean Validation and the entities are the project's own.
 *
 * <p>Two levels: a {@linkplain #libraries library loader} of the class path's jars, kept for the next read while the
 * jars are unchanged (starting Hibernate's classes is most of a cold read), which also defines the bridge classes
 * ({@code io.github.qalab.hibernate.bridge}) from the plugin's bytes so that they link against the project's
 * Hibernate; and a fresh {@linkplain #classes class-folder loader} per read, so that recompiled entities are seen.
 */
final class ProjectClassLoader extends URLClassLoader {

    static final String BRIDGE_PACKAGE = "io.github.qalab.hibernate.bridge.";

    /** The most recent library loaders by their jars (path, size and time), at most {@value #KEEP}. */
    private static final int KEEP = 2;
    private static final Map<List<String>, ProjectClassLoader> LIBRARIES = new LinkedHashMap<>();

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader plugin;

    private ProjectClassLoader(String name, List<Path> classPath, ClassLoader parent, ClassLoader plugin) {
        super(name, urls(classPath), parent);
        this.plugin = plugin;
    }

    /** The library loader for the jars of {@code classPath}, reused while those jars are unchanged. */
    static ClassLoader libraries(List<Path> classPath, ClassLoader plugin) {
        List<Path> jars = classPath.stream().filter(p -> !Files.isDirectory(p)).toList();
        List<String> key = new ArrayList<>();
        for (Path jar : jars) {
            try {
                key.add(jar + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis());
            } catch (IOException e) {
                key.add(jar + "|missing");
            }
        }
        synchronized (LIBRARIES) {
            ProjectClassLoader loader = LIBRARIES.remove(key);
            if (loader == null) {
                loader = new ProjectClassLoader("qalab-project-libraries", jars, ClassLoader.getPlatformClassLoader(),
                        plugin);
                while (LIBRARIES.size() >= KEEP) {
                    List<String> eldest = LIBRARIES.keySet().iterator().next();
                    closeQuietly(LIBRARIES.remove(eldest));
                }
            }
            LIBRARIES.put(key, loader);
            return loader;
        }
    }

    /** A fresh loader of the class folders of {@code classPath}, over {@code libraries}; close it after the read. */
    static URLClassLoader classes(List<Path> classPath, ClassLoader libraries) {
        List<Path> folders = classPath.stream().filter(Files::isDirectory).toList();
        return new URLClassLoader("qalab-project-classes", urls(folders), libraries);
    }

    private static URL[] urls(List<Path> classPath) {
        return classPath.stream().map(p -> {
            try {
                return p.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("not a class path entry: " + p, e);
            }
        }).toArray(URL[]::new);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (name.startsWith(BRIDGE_PACKAGE)) {
            String resource = name.replace('.', '/') + ".class";
            try (InputStream in = plugin.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the plugin's " + resource, e);
            }
        }
        return super.findClass(name);
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            // Its classes are unreachable once dropped either way.
        }
    }
}
