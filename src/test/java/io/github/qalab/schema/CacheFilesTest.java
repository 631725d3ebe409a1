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
