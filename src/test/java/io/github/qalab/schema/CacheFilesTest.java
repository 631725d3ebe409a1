package io.github.qalab.schema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The content-addressed cache folder: hits, misses, eviction and left-over temporary files. */
class CacheFilesTest {

    @TempDir
    Path dir;

    @Test
    void anEntryComesBackUnderItsKeyOnlyAndTheOldestGoBeyondTheLimit() throws Exception {
        CacheFiles files = new CacheFiles(dir);
        String key = CacheFiles.key().add("a").add("b").hex();
        assertEquals(key, CacheFiles.key().add("a").add("b").hex());
        assertFalse(key.equals(CacheFiles.key().add("ab").add("").hex()), "parts are length-prefixed");
        files.store(key, Map.of("x", List.of(1, "two")));
        assertEquals(Map.of("x", List.of(1, "two")), files.load(key).orElseThrow());
        Files.move(dir.resolve(key + ".bin"), dir.resolve("other.bin"));
        assertTrue(files.load("other").isEmpty(), "an entry holding another key is a miss");
        for (int i = 0; i < CacheFiles.KEEP + 5; i++) {
            files.store("k" + i, "v" + i);
            Files.setLastModifiedTime(dir.resolve("k" + i + ".bin"), FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        files.store("last", "v");
        try (var entries = Files.list(dir)) {
            assertEquals(CacheFiles.KEEP, entries.filter(p -> p.toString().endsWith(".bin")).count());
        }
        assertTrue(files.contains("last"));
        assertFalse(files.contains("k0"), "the oldest went");
    }

    /**
     * Damage is a miss (found by the break-it run): a changed byte that still decodes ("nullableT" to "nullableF" made
     * generate write a migration), and a file too large to be an entry (a 3 GB file ran the build out of memory).
     */
    @Test
    void aDamagedOrHugeEntryIsAMiss() throws Exception {
        CacheFiles files = new CacheFiles(dir);
        files.store("k", Map.of("name", "nullable", "nullable", true));
        Path file = dir.resolve("k.bin");
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.lastIndexOf('T');
        assertTrue(at > 12, text);
        bytes[at] = 'F'; // Boolean.TRUE becomes FALSE: still a valid plain-values map
        Files.write(file, bytes);
        assertTrue(files.load("k").isEmpty(), "a changed byte is a miss");
        files.store("k", Map.of("name", "nullable", "nullable", true));
        assertEquals(Map.of("name", "nullable", "nullable", true), files.load("k").orElseThrow());
        try (java.io.RandomAccessFile huge = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            huge.setLength(PlainValues.MAX_BYTES + 1); // sparse: no disk used
        }
        assertTrue(files.load("k").isEmpty(), "a file larger than any entry is a miss, not a heap exhausted");
    }

    @Test
    void aTemporaryFileAKilledWriteLeftGoesAfterAnHour() throws Exception {
        CacheFiles files = new CacheFiles(dir);
        Files.createDirectories(dir);
        Path old = Files.writeString(dir.resolve("abc123.tmp"), "half");
        Files.setLastModifiedTime(old, FileTime.fromMillis(System.currentTimeMillis() - 2 * 3_600_000L));
        Path recent = Files.writeString(dir.resolve("def456.tmp"), "being written");
        files.store("k", "v");
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(recent), "another run may still be writing it");
    }
}
