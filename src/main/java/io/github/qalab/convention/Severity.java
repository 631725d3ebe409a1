package io.github.qalab.convention;

/** How a violated rule affects the build: {@code ERROR} fails it, {@code WARN} only reports, {@code OFF} ignores. */
public enum Severity {
    ERROR, WARN, OFF;

    /** Parses {@code error}, {@code warn}/{@code warning}, {@code off}/{@code ignore}, case-insensitively. */
    public static Severity parse(String text) {
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "error" -> ERROR;
            case "warn", "warning" -> WARN;
            case "off", "ignore", "none" -> OFF;
            default -> throw new IllegalArgumentException(
                    "unknown severity '" + text + "': use error, warn or off");
        };
    }
}
