package io.github.qalab.hibernate;

import io.github.qalab.schema.CacheFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Hibernate's answers for a project, kept on disk by content, so that a drift check or generate on classes that did
 * not change since the last run does not boot Hibernate again (as Maven's compiler skips sources that did not change).
 * The key is a SHA-256 of everything the mapping can depend on: every file of the project's class folders that
 * Hibernate can read as mapping input ({@link #mappingInput}: classes, {@code .xml}, {@code .properties}, {@code .yml}
 * files and everything under {@code META-INF/}) by content, every class-path entry's path and every jar's size and
 * time, the request (entity roots and packages, target, settings, naming), the Java version and the plugin build.
 * Other resources (the migrations copied into {@code target/classes}, templates, static files) are left out, so that
 * the migration {@code generate} just wrote does not make the next drift check boot Hibernate again.
 * Answers that report an error are never kept.
 */
final class HibernateCache {

    private static final String FORMAT = "qalab-hibernate-cache-1";

    private final CacheFiles files;

    HibernateCache(Path dir) {
        this.files = new CacheFiles(dir);
    }

    /** The key of {@code request}; empty when a part of it cannot be read (then nothing is cached). */
    static Optional<String> key(HibernateModel.Request request) {
        Optional<String> stamp = CacheFiles.pluginStamp();
        if (stamp.isEmpty()) {
            return Optional.empty();
        }
        try {
            CacheFiles.Key key = CacheFiles.key().add(FORMAT).add(stamp.get())
                    .add(System.getProperty("java.version"))
                    .add(request.target().name()).add(request.target().version())
                    .add(Boolean.toString(request.springNaming()))
                    .add(new TreeMap<>(request.settings()).toString())
                    .add(request.entityRoots().toString()).add(request.entityPackages().toString());
            for (Path entry : request.classPath()) {
                key.add(entry.toAbsolutePath().toString());
                if (Files.isDirectory(entry)) {
                    addFolder(key, entry);
                } else if (Files.isRegularFile(entry)) {
                    key.add(stamp(entry));
                } else {
                    key.add("missing");
                }
            }
            return Optional.of(key.hex());
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static void addFolder(CacheFiles.Key key, Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(f -> mappingInput(folder.relativize(f))).sorted().toList();
        }
        for (Path file : files) {
            key.add(folder.relativize(file).toString().replace('\\', '/'));
            key.add(Files.readAllBytes(file));
        }
    }

    /** Whether an answer is stored under {@code key} (without reading it). */
    boolean contains(String key) {
        return files.contains(key);
    }

    /**
     * Whether a class-folder file can change Hibernate's mapping: class files, Hibernate's and JPA's configuration and
     * mapping files ({@code hibernate.properties}, {@code hibernate.cfg.xml}, {@code *.hbm.xml}, {@code orm.xml},
     * {@code persistence.xml}), Spring Boot's {@code application.*} settings, service registrations and indexes
     * under {@code META-INF/}. Not: SQL, templates, static files.
     */
    static boolean mappingInput(Path relative) {
        String path = relative.toString().replace('\\', '/');
        String name = relative.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return path.startsWith("META-INF/") || name.endsWith(".class") || name.endsWith(".xml")
                || name.endsWith(".properties") || name.endsWith(".yml") || name.endsWith(".yaml")
                || name.endsWith(".idx");
    }

    /** Hibernate's answer stored under {@code key}, if any. */
    @SuppressWarnings("unchecked")
    Optional<Map<String, Object>> load(String key) {
        return files.load(key).filter(Map.class::isInstance).map(v -> (Map<String, Object>) v);
    }

    /** Keeps {@code answer} under {@code key}, unless it reports a failure. */
    void store(String key, Map<String, Object> answer) {
        if (answer.get("error") == null && answer.get("bridgeError") == null
                && answer.get("missingHibernate") == null) {
            files.store(key, answer);
        }
    }

    /**
     * A jar's stamp: its size and modification time, and where the file system has them (Linux, macOS) its inode and
     * status-change time, which a rewrite changes even when the size stays and the modification time is set back
     * ({@code touch -r}, {@code cp --preserve}).
     */
    static String stamp(Path jar) throws IOException {
        String stamp = Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis();
        try {
            Map<String, Object> unix = Files.readAttributes(jar, "unix:ino,ctime");
            stamp += "|" + unix.get("ino") + "|" + unix.get("ctime");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // size and time only
        }
        return stamp;
    }
}
