package io.github.qalab.migration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a new migration file atomically: the text goes to a hidden temporary file in the same folder, which is
 * then moved into place in one step, so an interrupted build leaves either the whole file or nothing. An
 * existing file is never overwritten.
 */
public final class MigrationWriter {

    private MigrationWriter() {
    }

    /**
     * Writes the next migration of {@code directory} (number {@code nextNumber()}, in its first location).
     *
     * @return the path of the new file
     * @throws FileAlreadyExistsException when a file with that number already exists
     */
    public static Path writeNext(MigrationDirectory directory, String message, List<MigrationStep> upgrade,
                                 List<MigrationStep> downgrade) throws IOException {
        int number = directory.nextNumber();
        return write(folderOf(directory), MigrationRenderer.fileName(number, message),
                MigrationRenderer.render(number, message, upgrade, downgrade));
    }

    /** Writes the empty template ({@code -Dqalab.empty=true}) as the next migration of {@code directory}. */
    public static Path writeNextEmpty(MigrationDirectory directory, String message) throws IOException {
        int number = directory.nextNumber();
        return write(folderOf(directory), MigrationRenderer.fileName(number, message),
                MigrationRenderer.renderEmpty(number, message));
    }

    /**
     * Writes {@code text} as {@code folder/fileName}, creating the folder if needed.
     *
     * @throws FileAlreadyExistsException when the file, or another file with the same three-digit number, exists
     */
    public static Path write(Path folder, String fileName, String text) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve(fileName);
        String numberPrefix = fileName.length() > 4 && fileName.charAt(3) == '_' ? fileName.substring(0, 4) : null;
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "a migration file is never overwritten");
        }
        if (numberPrefix != null) {
            try (Stream<Path> files = Files.list(folder)) {
                Path clash = files.filter(p -> p.getFileName().toString().startsWith(numberPrefix)).findFirst().orElse(null);
                if (clash != null) {
                    throw new FileAlreadyExistsException(clash.toString(), null,
                            "a migration with number " + numberPrefix.substring(0, 3) + " already exists");
                }
            }
        }
        // Hidden, so that a scan never sees a half-written file even if the move never happens.
        Path temp = Files.createTempFile(folder, "." + fileName + ".", ".tmp");
        try {
            Files.write(temp, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.SYNC);
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString(), null, "a migration file is never overwritten");
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Path folderOf(MigrationDirectory directory) {
        if (directory.locations().isEmpty()) {
            throw new IllegalArgumentException("No migration location is configured");
        }
        return directory.locations().get(0);
    }
}
