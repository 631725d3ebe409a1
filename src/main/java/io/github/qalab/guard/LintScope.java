package io.github.qalab.guard;

import java.util.Locale;
import java.util.Optional;

/**
 * Which migrations the safety lint reads.
 *
 * @param kind     {@code BRANCH}, {@code NEW}, {@code ALL}, {@code OFF} or {@code SINCE}
 * @param revision for {@code SINCE}: the git revision whose {@code qalab.sum} is the recorded history
 */
public record LintScope(Kind kind, String revision) {

    /** The kinds of scope. */
    public enum Kind {
        /**
         * Migrations added on this branch, recorded in {@code qalab.sum} or not (generate records its files at once):
         * those not recorded in the {@code qalab.sum} of the commit where the branch left the default branch; without
         * git, outside a work tree or in a folder git ignores, as {@link #NEW}.
         */
        BRANCH,
        /** Migrations not recorded in {@code qalab.sum} (none when there is no sum: old history is what it is). */
        NEW,
        /** Every migration. */
        ALL,
        /** No lint. */
        OFF,
        /** Migrations not recorded in the {@code qalab.sum} of a git revision, e.g. the pull request's base. */
        SINCE
    }

    /**
     * {@code branch}, {@code new}, {@code all}, {@code off} or {@code since:<git revision>} (e.g.
     * {@code since:origin/main}).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static LintScope parse(String text) {
        String value = text == null ? "" : text.strip();
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.isEmpty() || lower.equals("new")) {
            return new LintScope(Kind.NEW, "");
        }
        if (lower.equals("branch")) {
            return new LintScope(Kind.BRANCH, "");
        }
        if (lower.equals("all")) {
            return new LintScope(Kind.ALL, "");
        }
        if (lower.equals("off") || lower.equals("none")) {
            return new LintScope(Kind.OFF, "");
        }
        if (lower.startsWith("since:") && value.length() > 6) {
            String revision = value.substring(6).strip();
            if (!isRevision(revision)) {
                throw new IllegalArgumentException("'" + revision.replaceAll("\\p{Cntrl}", "?") + "' is no git"
                        + " revision: use a branch, tag or commit such as origin/main, v1.2 or HEAD~3 (letters, digits"
                        + " and . _ / - ~ ^ @, not starting with -)");
            }
            return new LintScope(Kind.SINCE, revision);
        }
        throw new IllegalArgumentException("unknown lint scope '" + text
                + "': use branch, new, all, off or since:<git revision> (e.g. since:origin/main)");
    }

    /** The scope GitHub Actions implies for a pull request ({@code GITHUB_BASE_REF}), if any. */
    public static Optional<LintScope> ofGithubBase(String baseRef) {
        return baseRef == null || baseRef.isBlank() || !isRevision("origin/" + baseRef.strip())
                ? Optional.empty()
                : Optional.of(new LintScope(Kind.SINCE, "origin/" + baseRef.strip()));
    }

    /**
     * True for text that git can only read as a revision, never as an option or a path: a branch, tag or commit with
     * {@code ~}/{@code ^} suffixes or {@code @{...}}, not starting with {@code -}, without spaces, {@code :} or
     * {@code ..}, at most 200 characters.
     */
    static boolean isRevision(String revision) {
        return revision.length() <= 200 && !revision.startsWith("-") && !revision.contains("..")
                && revision.matches("[A-Za-z0-9._/~^@{}+-]+");
    }
}
