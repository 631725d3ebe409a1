package io.github.qalab.migration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Everything found in the configured migration locations, the way Flyway finds it: every non-hidden file inside each
 * location and, like Flyway, inside its sub-folders (following symbolic links), parsed, sorted by file name. Only the
 * files directly inside a location can be migrations; a file in a sub-folder is found so that the convention can
 * report it, because Flyway would apply it too. Hidden files and folders and the checksum file {@code qalab.sum} are
 * skipped, as Flyway skips hidden ones. A location listed twice counts once.
 *
 * @param locations        the locations scanned, in configuration order, each once
 * @param files            every file found, conventional or not, readable or not, sorted by name then path
 * @param missingLocations locations that do not exist or are not directories
 */
public record MigrationDirectory(List<Path> locations, List<MigrationFile> files, List<Path> missingLocations) {

    /** The most files a scan reads below all locations together; a location with more is surely a wrong one. */
    public static final int MAX_FILES = 10_000;

    /** How deep below a location the scan follows sub-folders. */
    public static final int MAX_DEPTH = 16;

    private static final Comparator<MigrationFile> ORDER =
            Comparator.comparing(MigrationFile::fileName).thenComparing(f -> f.path().toString());

    public MigrationDirectory {
        locations = List.copyOf(locations);
        files = files.stream().sorted(ORDER).toList();
        missingLocations = List.copyOf(missingLocations);
    }

    /**
     * Scans the locations; never throws for what it finds, only for an I/O failure listing a folder, or when the
     * locations hold more than {@value #MAX_FILES} files.
     */
    public static MigrationDirectory scan(List<Path> locations) throws IOException {
        List<Path> unique = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path location : locations) {
            if (seen.add(identity(location))) {
                unique.add(location);
            }
        }
        Set<Path> roots = new HashSet<>();
        for (Path location : unique) {
            if (Files.isDirectory(location)) {
                roots.add(identity(location));
            }
        }
        List<MigrationFile> files = new ArrayList<>();
        List<Path> missing = new ArrayList<>();
        for (Path location : unique) {
            if (!Files.isDirectory(location)) {
                missing.add(location);
                continue;
            }
            walk(location, location, 0, roots, new HashSet<>(Set.of(identity(location))), files);
        }
        return new MigrationDirectory(unique, files, missing);
    }

    /**
     * Adds every file below {@code folder} to {@code files}. {@code ancestors} holds the real paths of the folders on
     * the way down, so that a symbolic link back up (a loop, e.g. {@code 009_x.sql -> .}) is reported, not followed.
     */
    private static void walk(Path location, Path folder, int depth, Set<Path> roots, Set<Path> ancestors,
                             List<MigrationFile> files) throws IOException {
        List<Path> entries;
        try (Stream<Path> list = Files.list(folder)) {
            entries = list.sorted().toList();
        }
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            // qalab.sum is the checksum file that lives beside the migrations, not a stray file
            if (name.startsWith(".") || depth == 0 && name.equals(MigrationSum.FILE_NAME)) {
                continue;
            }
            if (files.size() >= MAX_FILES) {
                throw new IOException("more than " + MAX_FILES + " files below " + location + ": that is no migration"
                        + " folder (qalab reads at most " + MAX_FILES + ")");
            }
            if (!Files.isDirectory(entry)) {
                files.add(depth == 0 ? MigrationParser.read(entry, location) : MigrationParser.nested(entry, location));
                continue;
            }
            Path real = identity(entry);
            if (ancestors.contains(real)) {
                String which = real.equals(identity(location)) ? "the migration folder itself"
                        : "its folder " + identity(location).relativize(real).toString().replace('\\', '/');
                files.add(MigrationParser.unreadable(entry, location, MigrationFile.Kind.NOT_REGULAR,
                        "is a symbolic link to a folder that contains it (" + which + "): Flyway would follow it in a"
                                + " loop"));
            } else if (roots.contains(real)) {
                continue; // another configured location: scanned as such, and Flyway counts its files once too
            } else if (depth + 1 >= MAX_DEPTH) {
                files.add(MigrationParser.unreadable(entry, location, MigrationFile.Kind.NOT_REGULAR,
                        "is a folder more than " + MAX_DEPTH + " levels below the migration location: not read"));
            } else {
                ancestors.add(real);
                walk(location, entry, depth + 1, roots, ancestors, files);
                ancestors.remove(real);
            }
        }
    }

    /**
     * This folder with one more file, e.g. the migration just written next to the files this scan found: what a new
     * scan would find, without reading the other files again.
     */
    public MigrationDirectory with(MigrationFile file) {
        List<MigrationFile> all = new ArrayList<>(files);
        all.add(file);
        return new MigrationDirectory(locations, all, missingLocations);
    }

    /** The real path of a folder (links resolved), or its normalised absolute path when it cannot be resolved. */
    private static Path identity(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    /** True when {@code file} lies in a sub-folder of its location rather than directly inside it. */
    public static boolean nested(MigrationFile file) {
        Path parent = file.path().getParent();
        return parent != null && !parent.equals(file.location());
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
