package io.github.qalab.migration;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file whole or not at all, and removes temporary folders. A write goes to a temporary file of a unique name
 * in the same folder, which is then moved over the target (atomically where the file system can). Two runs writing
 * the same file at once (two {@code mvn verify} in one project) each move their own temporary file; the last one wins.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Writes {@code bytes} to {@code target}.
     *
     * @param replace whether an existing {@code target} is replaced; if false and it exists, the move fails
     * @throws IOException when the folder cannot be written or (with {@code replace} false) the target exists
     */
    public static void write(Path target, byte[] bytes, boolean replace) throws IOException {
        if (!replace && Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            // An atomic move replaces the target on POSIX file systems whatever the options say.
            throw new java.nio.file.FileAlreadyExistsException(target.toString());
        }
        Path folder = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
        try {
            Files.write(temp, bytes);
            CopyOption[] atomic = replace
                    ? new CopyOption[] {StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE}
                    : new CopyOption[] {StandardCopyOption.ATOMIC_MOVE};
            try {
                Files.move(temp, target, atomic);
            } catch (AtomicMoveNotSupportedException e) {
                if (replace) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.move(temp, target);
                }
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Deletes {@code folder} and everything in it, as far as it can; a temporary folder that is left is harmless
     * (the system's temporary-file cleaning takes it). A null folder is nothing to delete.
     */
    public static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
            // Left for the system to clean.
        }
    }
}
