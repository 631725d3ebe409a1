package io.github.qalab.schema;

import io.github.qalab.migration.AtomicFiles;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A folder of content-addressed entries, each a {@link PlainValues} map stored under the SHA-256 key of everything it
 * was computed from (the shadow schema cache, the Hibernate mapping cache). Entries are written atomically, the newest
 * {@value #KEEP} are kept, and an entry that cannot be read, fails its CRC-32C (a damaged byte that would still
 * decode), or holds another key, is a miss; a cache that cannot be written is no cache, never a failure.
 */
public final class CacheFiles {

    /** How many entries a folder keeps. */
    public static final int KEEP = 64;

    private static final String READER_CLASS = "io/github/qalab/schema/JdbcSchemaReader.class";

    private final Path dir;

    public CacheFiles(Path dir) {
        this.dir = dir;
    }

    /** The default root, {@code ~/.cache/qalab}: outside every project, so no checked-out tree can plant an entry. */
    public static Path defaultRoot() {
        return Path.of(System.getProperty("user.home"), ".cache", "qalab");
    }

    /** Whether an entry is stored under {@code key} (it may still turn out unreadable). */
    public boolean contains(String key) {
        return Files.isRegularFile(dir.resolve(key + ".bin"));
    }

    /** The value stored under {@code key}, if any. */
    public Optional<Object> load(String key) {
        Path file = dir.resolve(key + ".bin");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            byte[] bytes = PlainValues.readBounded(file);
            java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(bytes);
            if (bytes.length < HEADER || header.getInt() != ENTRY_MAGIC
                    || header.getLong() != checksum(bytes, HEADER, bytes.length - HEADER)) {
                return Optional.empty(); // another format, or damaged: a byte changed would still decode
            }
            Map<String, Object> entry = PlainValues.decode(bytes, HEADER, file.toString());
            return key.equals(entry.get("key")) ? Optional.ofNullable(entry.get("value")) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** An entry file: this magic, the CRC-32C of the rest (as a long), then the {@link PlainValues} bytes. */
    private static final int ENTRY_MAGIC = 0x51414c43; // "QALC"
    private static final int HEADER = 12;

    private static long checksum(byte[] bytes, int from, int length) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes, from, length);
        return crc.getValue();
    }

    /** Stores {@code value} (plain values only) under {@code key}. */
    public void store(String key, Object value) {
        try {
            Files.createDirectories(dir);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("key", key);
            entry.put("value", value);
            byte[] values = PlainValues.bytes(entry);
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(HEADER + values.length);
            bytes.putInt(ENTRY_MAGIC).putLong(checksum(values, 0, values.length)).put(values);
            AtomicFiles.write(dir.resolve(key + ".bin"), bytes.array(), true);
            evict();
        } catch (IOException | RuntimeException e) {
            // The next run computes it again.
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
        // A temporary file an interrupted write left behind (a killed build): gone after an hour.
        long hourAgo = System.currentTimeMillis() - 3_600_000L;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path temp : files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()) {
                if (Files.getLastModifiedTime(temp).toMillis() < hourAgo) {
                    Files.deleteIfExists(temp);
                }
            }
        }
    }

    /** A fresh SHA-256 key builder. */
    public static Key key() {
        return new Key();
    }

    /** Builds a key from length-prefixed parts, so that no two different part lists give the same bytes. */
    public static final class Key {
        private final MessageDigest digest;

        private Key() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }

        public Key add(String part) {
            byte[] bytes = (part == null ? "\u0000null" : part).getBytes(StandardCharsets.UTF_8);
            digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) ':');
            digest.update(bytes);
            return this;
        }

        public Key add(byte[] bytes) {
            digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) '#');
            digest.update(bytes);
            return this;
        }

        public String hex() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    /**
     * The plugin's own build: its jar's (or, in the plugin's own tests, its class folder's schema reader's) path, size
     * and time; empty when it cannot be told, and then nothing may be cached.
     */
    public static Optional<String> pluginStamp() {
        try {
            Path location = Path.of(CacheFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path probe = Files.isDirectory(location) ? location.resolve(READER_CLASS) : location;
            return Optional.of(location + "|" + Files.size(probe) + "|" + Files.getLastModifiedTime(probe).toMillis());
        } catch (URISyntaxException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
