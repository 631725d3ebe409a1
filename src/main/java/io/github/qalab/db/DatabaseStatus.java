package io.github.qalab.db;

import java.util.List;

/**
 * The answer to {@code qalab:status}: where the database stands and every revision, newest first.
 *
 * @param database  the masked JDBC URL
 * @param current   the version the database is at, "" when nothing is applied
 * @param head      the newest version in the folder, "" when the folder is empty
 * @param revisions every revision known to the folder or the history table, newest first
 */
public record DatabaseStatus(String database, String current, String head, List<RevisionStatus> revisions) {

    public DatabaseStatus {
        revisions = List.copyOf(revisions);
    }

    /** The revisions in the given state, newest first. */
    public List<RevisionStatus> in(RevisionState state) {
        return revisions.stream().filter(r -> r.state() == state).toList();
    }

    /** True when the database is at the head and nothing is pending, failed, missing or edited (a baseline counts as applied). */
    public boolean upToDate() {
        return revisions.stream().allMatch(r -> r.state() == RevisionState.APPLIED || r.state() == RevisionState.BASELINE
                || r.state() == RevisionState.BELOW_BASELINE) && current.equals(head);
    }
}
