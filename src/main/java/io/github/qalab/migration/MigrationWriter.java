package io.github.qalab.migration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Writes a new migration file atomically: the text goes to a hidden temporary file in the same folder, which is
 * then moved into place in one step, so an interrupted build leaves either the whole file or nothing. An
 * existing file is never overwritten. The next migration is recorded in {@code qalab.sum} in the same step: both
 * files are complete on disk before either is moved into place, so a kill can only fall between two renames.
 */
public final class MigrationWriter {

    private MigrationWriter() {
    }

    /**
     * Writes the next migration of {@code directory} (number {@code nextNumber()}, in its first location) and records
     * it in {@code qalab.sum}.
     *
     * @return the path of the new file
     * @throws FileAlreadyExistsException when a file with that number already exists
     * @throws IllegalStateException      when the chain already reached 999, the last number (see {@link #ceiling})
     */
    public static Path writeNext(MigrationDirectory directory, String message, List<MigrationStep> upgrade,
                                 List<MigrationStep> downgrade) throws IOException {
        int number = checkedNextNumber(directory);
        return writeRecorded(directory, MigrationRenderer.fileName(number, message),
                MigrationRenderer.render(number, message, upgrade, downgrade));
    }

    /** Writes the empty template ({@code -Dqalab.empty=true}) as the next migration of {@code directory}. */
    public static Path writeNextEmpty(MigrationDirectory directory, String message) throws IOException {
        int number = checkedNextNumber(directory);
        return writeRecorded(directory, MigrationRenderer.fileName(number, message),
                MigrationRenderer.renderEmpty(number, message));
    }

    /**
     * Why no next migration can be written: the chain reached 999, the last number of the convention; empty while
     * numbers are left. The text says what to do.
     */
    public static Optional<String> ceiling(MigrationDirectory directory) {
        int next = directory.nextNumber();
        if (next <= MAX_NUMBER) {
            return Optional.empty();
        }
        return Optional.of("The migration chain is full: " + (next - 1) + " is its highest number, and the"
                + " NNN_description.sql convention ends at " + MAX_NUMBER + ", so no file was written");
    }

    /** The last number a migration may have (three digits). */
    public static final int MAX_NUMBER = 999;

    private static int checkedNextNumber(MigrationDirectory directory) {
        Optional<String> full = ceiling(directory);
        if (full.isPresent()) {
            throw new IllegalStateException(full.get());
        }
        return directory.nextNumber();
    }

    /**
     * Writes the migration and the updated {@code qalab.sum} of its directory, both prepared before either moves. The
     * sum holds the files as {@code directory} read them (the ones the caller checked), not as they may have been
     * edited since, and the new file.
     */
    private static Path writeRecorded(MigrationDirectory directory, String fileName, String text) throws IOException {
        Path folder = folderOf(directory);
        Files.createDirectories(folder);
        MigrationFile written = MigrationParser.parse(folder.resolve(fileName), folder,
                Integer.parseInt(fileName.substring(0, 3)), "", text.getBytes(StandardCharsets.UTF_8));
        Map<String, String> entries = new LinkedHashMap<>(MigrationSum.of(directory).entries());
        entries.put(fileName, MigrationSum.hashOf(written));
        MigrationSum sum = new MigrationSum(entries);
        Path sumFile = MigrationSum.location(directory).orElseThrow();
        Path sumTemp = Files.createTempFile(folder, "." + MigrationSum.FILE_NAME + ".", ".tmp");
        try {
            Files.write(sumTemp, sum.render().getBytes(StandardCharsets.UTF_8), StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.SYNC);
            Path target = write(folder, fileName, text);
            Files.move(sumTemp, sumFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } finally {
            Files.deleteIfExists(sumTemp);
        }
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
