package io.github.qalab.maven;

import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.migration.MigrationFile;
import io.github.qalab.migration.MigrationSum;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes (or refreshes) {@code qalab.sum} in the first migration folder: the SHA-256 of every migration and a total
 * over them, which {@code qalab:verify} checks (QL010 to QL013). Commit the file with the migrations.
 */
@Mojo(name = "hash", threadSafe = true, requiresProject = true)
public class HashMojo extends AbstractQalabMojo {

    @Override
    protected void run() throws MojoFailureException {
        MigrationDirectory directory = scanMigrations();
        Optional<Path> target = MigrationSum.location(directory);
        if (target.isEmpty() || directory.missingLocations().contains(directory.locations().get(0))) {
            throw new MojoFailureException("No migration folder " + locationPaths().stream().map(this::display)
                    .collect(Collectors.joining(", ")) + " \u2014 create it or set qalab.locations");
        }
        Map<Integer, List<MigrationFile>> byNumber = directory.files().stream().filter(MigrationFile::conventionalName)
                .collect(Collectors.groupingBy(MigrationFile::number));
        List<String> twoHeads = byNumber.values().stream().filter(l -> l.size() > 1)
                .map(l -> l.stream().map(MigrationFile::fileName).collect(Collectors.joining(" and ")))
                .toList();
        if (!twoHeads.isEmpty()) {
            throw new MojoFailureException("Not hashing two heads: " + String.join("; ", twoHeads)
                    + " share a number \u2014 run mvn qalab:renumber first (it updates " + MigrationSum.FILE_NAME + ")");
        }
        try {
            Map<String, MigrationSum.RecordedEntry> before = MigrationSum.read(target.get())
                    .map(MigrationSum.Recorded::entries).orElse(Map.of());
            MigrationSum.Written written = MigrationSum.update(directory);
            for (Map.Entry<String, String> entry : written.sum().entries().entrySet()) {
                MigrationSum.RecordedEntry old = before.get(entry.getKey());
                if (old == null) {
                    getLog().info("Recorded " + entry.getKey() + " (new)");
                } else if (!old.hash().equals(entry.getValue())) {
                    getLog().warn("Recorded " + entry.getKey() + " again: its content changed since it was recorded"
                            + " (fine only if it was never applied anywhere)");
                }
            }
            for (String name : before.keySet()) {
                if (!written.sum().entries().containsKey(name)) {
                    getLog().warn("Removed " + name + " from " + MigrationSum.FILE_NAME + ": the file is gone");
                }
            }
            int count = written.sum().entries().size();
            String migrations = count + (count == 1 ? " migration" : " migrations");
            getLog().info(written.changed()
                    ? "Wrote " + display(written.file()) + ": " + migrations
                    : display(written.file()) + " is up to date: " + migrations);
        } catch (MigrationSum.Unhashable e) {
            throw new MojoFailureException("Not writing " + display(target.get()) + ": " + e.getMessage());
        } catch (IOException e) {
            throw new MojoFailureException("Cannot write " + display(target.get()) + ": " + e.getMessage()
                    + " \u2014 check that the migration folder is writable");
        }
    }
}
