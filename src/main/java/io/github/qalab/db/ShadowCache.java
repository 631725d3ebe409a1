package io.github.qalab.db;

import io.github.qalab.migration.MigrationFile;
import io.github.qalab.schema.CacheFiles;
import io.github.qalab.schema.Schema;
import io.github.qalab.schema.SchemaValues;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The schemas that chains of migrations replayed into the embedded shadow produced, kept on disk by content: the key is
 * a SHA-256 of everything the replay depends on (the upgrade SQL of every migration in order with its name and first
 * line, the dialect's shadow set-up, the H2 version and the plugin build), so an edited, added, removed or renamed
 * migration, an upgraded H2 or a rebuilt plugin never finds an old entry. A hit spares the replay, which is most of a
 * drift check or generate on a long history (docs/generate-speed.md).
 */
final class ShadowCache {

    private static final String FORMAT = "qalab-shadow-cache-1";

    private final CacheFiles files;

    ShadowCache(Path dir) {
        this.files = new CacheFiles(dir);
    }

    /**
     * The key of a replay of {@code migrations} on the embedded shadow set up by {@code setupSql}; empty when the
     * plugin's own build cannot be told (then nothing is cached).
     */
    static Optional<String> key(String dialect, String setupSql, List<MigrationFile> migrations) {
        return CacheFiles.pluginStamp().map(stamp -> {
            CacheFiles.Key key = CacheFiles.key().add(FORMAT).add(stamp).add(org.h2.engine.Constants.FULL_VERSION)
                    .add(dialect).add(setupSql);
            for (MigrationFile m : migrations) {
                key.add(m.fileName()).add(Integer.toString(m.upgrade().startLine())).add(m.upgrade().sql());
            }
            return key.hex();
        });
    }

    /** The schema stored under {@code key}, if any. */
    Optional<Schema> load(String key) {
        try {
            return files.load(key).map(SchemaValues::fromValues);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Stores {@code schema} under {@code key}. */
    void store(String key, Schema schema) {
        files.store(key, SchemaValues.toValues(schema));
    }
}
