package io.github.qalab.migration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whole-or-nothing writes; two writers of one file at once (two builds in one project) both succeed. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void twoWritersOfTheSameFileAtOnceBothSucceedAndLeaveNoTemporaryFile() throws Exception {
        Path target = dir.resolve("verify.sarif");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Void>> writers = new java.util.ArrayList<>();
            for (String name : List.of("a", "b")) {
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        AtomicFiles.write(target, (name + "-" + i).repeat(50).getBytes(StandardCharsets.UTF_8), true);
                    }
                    return null;
                }));
            }
            for (Future<Void> writer : writers) {
                writer.get(); // an IOException of either writer fails the test here
            }
        } finally {
            pool.shutdownNow();
        }
        String content = Files.readString(target);
        assertTrue(content.equals("a-299".repeat(50)) || content.equals("b-299".repeat(50)), content);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void withoutReplaceAnExistingTargetIsKept() throws Exception {
        Path target = dir.resolve("002_x.sql");
        Files.writeString(target, "kept");
        assertThrows(FileAlreadyExistsException.class,
                () -> AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8), false));
        assertEquals("kept", Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }
}
