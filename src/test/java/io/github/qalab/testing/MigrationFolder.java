package io.github.qalab.testing;

import io.github.qalab.migration.MigrationDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A migration folder on disk for tests: write files into it, then scan it. */
public final class MigrationFolder {

    private final Path dir;

    public MigrationFolder(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path path() {
        return dir;
    }

    /** A well-formed migration {@code number} that creates table {@code t<number>}. */
    public static String valid(int number) {
        String version = String.format("%03d", number);
        String previous = number == 1 ? "none" : String.format("%03d", number - 1);
        return "-- revision: " + version + "\n"
                + "-- down_revision: " + previous + "\n"
                + "-- message: Create t" + version + "\n"
                + "\n"
                + "CREATE TABLE t" + version + " (id BIGINT NOT NULL);\n"
                + "\n"
                + "/* qalab:downgrade\n"
                + "DROP TABLE t" + version + ";\n"
                + "*/\n";
    }

    /** Writes {@code 001_create_t001.sql} … up to {@code count}, all valid. */
    public MigrationFolder chain(int count) {
        for (int n = 1; n <= count; n++) {
            migration(n);
        }
        return this;
    }

    /** Writes the valid migration {@code NNN_create_tNNN.sql}. */
    public Path migration(int number) {
        return write(String.format("%03d_create_t%03d.sql", number, number), valid(number));
    }

    public Path write(String name, String content) {
        return writeBytes(name, content.getBytes(StandardCharsets.UTF_8));
    }

    public Path writeBytes(String name, byte[] bytes) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public MigrationDirectory scan() {
        try {
            return MigrationDirectory.scan(List.of(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
