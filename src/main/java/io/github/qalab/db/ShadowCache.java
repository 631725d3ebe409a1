package io.github.qalab.db;

import io.github.qalab.migration.MigrationFile;
import io.github.qalab.schema.CacheFiles;
import io.github.qalab.schema.Column;
import io.github.qalab.schema.Schema;
import io.github.qalab.schema.SchemaValues;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The schemas that chains of migrations replayed into the embedded shadow produced, kept on disk by content: the key is
 * a SHA-256 of everything the replay depends on (the upgrade SQL of every migration in order with its name and first
 * line, the dialect's shadow set-up, the H2 version and the plugin build), so an edited, added, removed or renamed
 * migration, an upgraded H2 or a rebuilt plugin never finds an old entry. A hit spares the replay, which is most of a
 * drift check or generate on a long history (docs/generate-speed.md). It also keeps what normalising in the shadow
 * learnt ({@link #normalisationKey}), so that a run whose schemas come from caches needs no shadow database at all.
 */
final class ShadowCache {

    private static final String FORMAT = "qalab-shadow-cache-1";
    private static final String NORMALISATION_FORMAT = "qalab-normalisation-cache-1";

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

    /**
     * The key of what normalising in the embedded shadow set up by {@code setupSql} learns ({@link ShadowNormaliser}):
     * it depends on the dialect, the set-up, the H2 version and the plugin build, never on the migrations (only what
     * a shadow holding none of them taught is kept).
     */
    static Optional<String> normalisationKey(String dialect, String setupSql) {
        return CacheFiles.pluginStamp().map(stamp -> CacheFiles.key().add(NORMALISATION_FORMAT).add(stamp)
                .add(org.h2.engine.Constants.FULL_VERSION).add(dialect).add(setupSql).hex());
    }

    /** What normalising learnt under {@code key}; nothing when there is no such entry or it cannot be read. */
    ShadowNormaliser.Learnt loadLearnt(String key) {
        try {
            Optional<Object> values = files.load(key);
            if (values.isEmpty()) {
                return ShadowNormaliser.Learnt.NONE;
            }
            Map<?, ?> entry = (Map<?, ?>) values.get();
            Map<ShadowNormaliser.Spec, Column> columns = new HashMap<>();
            for (Object o : (List<?>) entry.get("columns")) {
                Map<?, ?> c = (Map<?, ?>) o;
                columns.put(new ShadowNormaliser.Spec((String) c.get("sqlType"), (String) c.get("defaultValue")),
                        SchemaValues.fromValues(c.get("stored"), Column.class));
            }
            Map<String, String> checks = new HashMap<>();
            for (Object o : (List<?>) entry.get("checks")) {
                Map<?, ?> c = (Map<?, ?>) o;
                checks.put((String) c.get("shape"), (String) c.get("stored"));
            }
            return new ShadowNormaliser.Learnt(columns, checks);
        } catch (RuntimeException e) {
            return ShadowNormaliser.Learnt.NONE;
        }
    }

    /** Keeps {@code learnt} under {@code key} (it replaces what was kept: pass what was loaded plus the new). */
    void storeLearnt(String key, ShadowNormaliser.Learnt learnt) {
        List<Object> columns = new ArrayList<>();
        learnt.columns().forEach((spec, stored) -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("sqlType", spec.sqlType());
            c.put("defaultValue", spec.defaultValue());
            c.put("stored", SchemaValues.recordValues(stored));
            columns.add(c);
        });
        List<Object> checks = new ArrayList<>();
        learnt.checks().forEach((shape, stored) -> checks.add(new LinkedHashMap<>(Map.of("shape", shape,
                "stored", stored))));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("columns", columns);
        entry.put("checks", checks);
        files.store(key, entry);
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
