package io.github.qalab.maven;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.qalab.db.DatabaseStatus;
import io.github.qalab.db.LiveDatabase;
import io.github.qalab.db.RevisionState;
import io.github.qalab.db.RevisionStatus;
import io.github.qalab.db.ShadowDatabase;
import io.github.qalab.generate.LiveDrift;
import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.sql.Dialect;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

import java.util.EnumSet;
import java.util.Set;

/**
 * The live-drift section of {@code qalab:status}: the database's catalog compared with the schema its applied
 * migrations produce, as log lines, as the {@code drift} object of the JSON status, and as a build failure with
 * {@code qalab.failOnDrift=true}.
 */
final class StatusDrift {

    /** What to do about drift, for the log and the failure. */
    static final String HINT = "put each intended change into a migration (mvn qalab:generate"
            + " -Dqalab.message=\"...\"), or undo it on the database";

    private static final Set<RevisionState> UNRELIABLE = EnumSet.of(RevisionState.FAILED,
            RevisionState.FILE_MISSING, RevisionState.EDITED_AFTER_APPLY);

    private StatusDrift() {
    }

    /** Compares, unless the history says the files no longer describe what was applied. */
    static LiveDrift.Result check(MigrationDirectory directory, DatabaseStatus status, LiveDatabase.Catalog catalog,
                                  ShadowDatabase shadow, Dialect dialect) {
        for (RevisionStatus r : status.revisions()) {
            if (UNRELIABLE.contains(r.state())) {
                return LiveDrift.Result.notChecked(status.current(), "revision " + r.version() + " is "
                        + r.state().label() + ", so the files do not say what the database should hold");
            }
        }
        return LiveDrift.check(directory, status.current(), catalog.schema(), shadow, dialect);
    }

    /** The section's log lines: one summary line, then one warning per difference and what to do. */
    static void log(Log log, LiveDrift.Result drift, boolean managed) {
        if (!drift.checked()) {
            log.warn("Drift not checked: " + drift.note());
            return;
        }
        if (drift.inSync()) {
            log.info("Drift: " + drift.note());
            return;
        }
        log.warn("Drift: " + drift.note() + ":");
        for (LiveDrift.Difference d : drift.differences()) {
            log.warn("  " + d.message());
        }
        log.warn(managed ? "Drift: " + HINT : "Drift: this database has no migration history; adopt it with"
                + " mvn qalab:baseline");
    }

    /** The {@code drift} object of the JSON status; {@code null} result for a check that was switched off. */
    static ObjectNode json(ObjectMapper mapper, LiveDrift.Result drift) {
        ObjectNode node = mapper.createObjectNode();
        if (drift == null) {
            node.put("checked", false);
            node.put("note", "not checked (qalab.liveDrift=false)");
            node.putArray("differences");
            return node;
        }
        node.put("checked", drift.checked());
        node.put("revision", drift.revision().isEmpty() ? null : drift.revision());
        node.put("inSync", drift.inSync());
        node.put("note", drift.note());
        ArrayNode list = node.putArray("differences");
        for (LiveDrift.Difference d : drift.differences()) {
            ObjectNode item = list.addObject();
            item.put("object", d.object());
            item.put("table", d.table().isEmpty() ? null : d.table());
            item.put("name", d.name());
            item.put("change", d.change());
            item.put("message", d.message());
        }
        return node;
    }

    /** The failure of {@code qalab.failOnDrift=true}, or {@code null} when the database is in sync. */
    static MojoFailureException failure(LiveDrift.Result drift) {
        if (!drift.checked()) {
            return new MojoFailureException("Drift could not be checked (qalab.failOnDrift=true): " + drift.note());
        }
        if (drift.inSync()) {
            return null;
        }
        int n = drift.differences().size();
        return new MojoFailureException("Drift: the database differs from its applied migrations in " + n
                + (n == 1 ? " place" : " places") + " (listed above) \u2014 " + HINT);
    }
}
