package io.github.qalab.guard;

import java.util.Locale;
import java.util.Optional;

/**
 * Which migrations the safety lint reads.
 *
 * @param kind     {@code NEW}, {@code ALL}, {@code OFF} or {@code SINCE}
 * @param revision for {@code SINCE}: the git revision whose {@code qalab.sum} is the recorded history
 */
public record LintScope(Kind kind, String revision) {

    /** The kinds of scope. */
    public enum Kind {
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
     * {@code new}, {@code all}, {@code off} or {@code since:<git revision>} (e.g. {@code since:origin/main}).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static LintScope parse(String text) {
        String value = text == null ? "" : text.strip();
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.isEmpty() || lower.equals("new")) {
            return new LintScope(Kind.NEW, "");
        }
        if (lower.equals("all")) {
            return new LintScope(Kind.ALL, "");
        }
        if (lower.equals("off") || lower.equals("none")) {
            return new LintScope(Kind.OFF, "");
        }
        if (lower.startsWith("since:") && value.length() > 6) {
            return new LintScope(Kind.SINCE, value.substring(6).strip());
        }
        throw new IllegalArgumentException("unknown lint scope '" + text
                + "': use new, all, off or since:<git revision> (e.g. since:origin/main)");
    }

    /** The scope GitHub Actions implies for a pull request ({@code GITHUB_BASE_REF}), if any. */
    public static Optional<LintScope> ofGithubBase(String baseRef) {
        return baseRef == null || baseRef.isBlank()
                ? Optional.empty()
                : Optional.of(new LintScope(Kind.SINCE, "origin/" + baseRef.strip()));
    }
}
