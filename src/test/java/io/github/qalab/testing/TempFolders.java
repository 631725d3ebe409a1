package io.github.qalab.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary folders that tests share for the whole test JVM (compiled entity classes, say), removed when it ends. */
public final class TempFolders {

    private TempFolders() {
    }

    /** A new temporary folder, deleted with everything in it when the JVM ends. */
    public static Path deletedAtExit(String prefix) throws IOException {
        Path folder = Files.createTempDirectory(prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder), "delete " + folder.getFileName()));
        return folder;
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // the system's temporary folder is cleaned by the system
        }
    }
}
