package io.github.qalab.db;

import io.github.qalab.migration.MigrationFile;
import io.github.qalab.schema.PlainValues;
import io.github.qalab.schema.Schema;
import io.github.qalab.schema.SchemaValues;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The schemas that chains of migrations replayed into the embedded shadow produced, kept on disk by content: the key is
 * a SHA-256 of everything the replay depends on (the upgrade SQL of every migration in order with its first line, the
 * dialect's shadow set-up, the H2 version and the plugin build), so an edited, added, removed or renamed migration, an
 * upgraded H2 or a rebuilt plugin never finds an old entry. A hit spares the replay, which is most of a drift check or
 * generate on a long history (docs/performance.md).
 *
 * <p>The folder is outside the project ({@code ~/.cache/qalab/shadow} by default): a schema in it comes only from this
 * machine's own replays, never from a checked-out tree. Entries are written atomically and the newest
 * {@value #KEEP} kept; an unreadable entry counts as a miss.
 */
final class ShadowCache {

    /** How many entries are kept (one per chain of migrations and dialect; a few kB to a few MB each). */
    static final int KEEP = 64;

    private static final String FORMAT = "qalab-shadow-cache-1";
    private static final String READER_CLASS = "io/github/qalab/schema/JdbcSchemaReader.class";

    private final Path dir;

    ShadowCache(Path dir) {
        this.dir = dir;
    }

    /**
     * The key of a replay of {@code migrations} on the embedded shadow set up by {@code setupSql}; empty when the
     * plugin's own build cannot be told (then nothing is cached).
     */
    static Optional<String> key(String dialect, String setupSql, List<MigrationFile> migrations) {
        String stamp = pluginStamp();
        if (stamp == null) {
            return Optional.empty();
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, FORMAT);
            update(digest, stamp);
            update(digest, org.h2.engine.Constants.FULL_VERSION);
            update(digest, dialect);
            update(digest, setupSql);
            for (MigrationFile m : migrations) {
                update(digest, m.fileName());
                update(digest, Integer.toString(m.upgrade().startLine()));
                update(digest, m.upgrade().sql());
            }
            return Optional.of(HexFormat.of().formatHex(digest.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The schema stored under {@code key}, if any. */
    Optional<Schema> load(String key) {
        Path file = dir.resolve(key + ".bin");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Map<String, Object> entry = PlainValues.read(file);
            if (!key.equals(entry.get("key"))) {
                return Optional.empty();
            }
            return Optional.of(SchemaValues.fromValues(entry.get("schema")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Stores {@code schema} under {@code key}; a cache that cannot be written is no cache, never a failure. */
    void store(String key, Schema schema) {
        try {
            Files.createDirectories(dir);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("key", key);
            entry.put("schema", SchemaValues.toValues(schema));
            Path temp = Files.createTempFile(dir, key, ".tmp");
            try {
                PlainValues.write(temp, entry);
                try {
                    Files.move(temp, dir.resolve(key + ".bin"), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, dir.resolve(key + ".bin"), StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            evict();
        } catch (IOException | RuntimeException e) {
            // The next run replays again.
        }
    }

    private void evict() throws IOException {
        List<Path> entries;
        try (Stream<Path> files = Files.list(dir)) {
            entries = files.filter(p -> p.getFileName().toString().endsWith(".bin")).sorted((a, b) -> {
                try {
                    return Files.getLastModifiedTime(b).compareTo(Files.getLastModifiedTime(a));
                } catch (IOException e) {
                    return 0;
                }
            }).toList();
        }
        for (Path old : entries.subList(Math.min(KEEP, entries.size()), entries.size())) {
            Files.deleteIfExists(old);
        }
    }

    /** The plugin's own build: its jar's (or class folder's) path, size and time. */
    private static String pluginStamp() {
        try {
            Path location = Path.of(ShadowCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // In a class folder (the plugin's own tests), the schema reader's class file stands for the build.
            Path probe = Files.isDirectory(location) ? location.resolve(READER_CLASS) : location;
            return location + "|" + Files.size(probe) + "|" + Files.getLastModifiedTime(probe).toMillis();
        } catch (URISyntaxException | IOException | RuntimeException e) {
            return null;
        }
    }

    private static void update(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }
}
