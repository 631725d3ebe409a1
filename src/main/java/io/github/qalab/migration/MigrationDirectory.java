package io.github.qalab.migration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Everything found in the configured migration locations: every non-hidden file directly inside each location
 * (sub-folders, hidden files and the checksum file {@code qalab.sum} are ignored), parsed, sorted by file name.
 *
 * @param locations        the locations scanned, in configuration order
 * @param files            every file found, conventional or not, readable or not, sorted by name then path
 * @param missingLocations locations that do not exist or are not directories
 */
public record MigrationDirectory(List<Path> locations, List<MigrationFile> files, List<Path> missingLocations) {

    private static final Comparator<MigrationFile> ORDER =
            Comparator.comparing(MigrationFile::fileName).thenComparing(f -> f.path().toString());

    public MigrationDirectory {
        locations = List.copyOf(locations);
        files = files.stream().sorted(ORDER).toList();
        missingLocations = List.copyOf(missingLocations);
    }

    /** Scans the locations; never throws for what it finds, only for an I/O failure listing a folder. */
    public static MigrationDirectory scan(List<Path> locations) throws IOException {
        List<MigrationFile> files = new ArrayList<>();
        List<Path> missing = new ArrayList<>();
        for (Path location : locations) {
            if (!Files.isDirectory(location)) {
                missing.add(location);
                continue;
            }
            try (Stream<Path> entries = Files.list(location)) {
                for (Path entry : (Iterable<Path>) entries::iterator) {
                    String name = entry.getFileName().toString();
                    // qalab.sum is the checksum file that lives beside the migrations, not a stray file
                    if (name.startsWith(".") || name.equals(MigrationSum.FILE_NAME) || Files.isDirectory(entry)) {
                        continue;
                    }
                    files.add(MigrationParser.read(entry, location));
                }
            }
        }
        return new MigrationDirectory(locations, files, missing);
    }

    /**
     * The readable files with conventional names, ordered by number (ties by name): the chain that Flyway
     * would run.
     */
    public List<MigrationFile> migrations() {
        return files.stream()
                .filter(f -> f.conventionalName() && f.readable())
                .sorted(Comparator.comparingInt(MigrationFile::number).thenComparing(ORDER))
                .toList();
    }

    /** The highest-numbered conventional migration, if any. */
    public Optional<MigrationFile> head() {
        List<MigrationFile> chain = migrations();
        return chain.isEmpty() ? Optional.empty() : Optional.of(chain.get(chain.size() - 1));
    }

    /** The next free number: highest conventional number (readable or not) plus one, 1 for an empty chain. */
    public int nextNumber() {
        return files.stream().filter(MigrationFile::conventionalName).mapToInt(MigrationFile::number).max().orElse(0) + 1;
    }
}
