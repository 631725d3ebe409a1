package io.github.qalab.convention;

import java.nio.file.Path;

/**
 * One finding: which rule, how severe, where ({@code file} and 1-based {@code line}), what is wrong and what to do.
 */
public record Violation(String ruleId, Severity severity, Path file, int line, String message, String hint) {

    /** {@code path:line: QL00N message — hint}, the path relative to {@code base} when it lies below it. */
    public String format(Path base) {
        Path shown = file;
        if (base != null && file.isAbsolute() && file.startsWith(base)) {
            shown = base.relativize(file);
        }
        String where = shown.toString().replace('\\', '/') + ":" + Math.max(line, 1);
        String prefix = severity == Severity.WARN ? "warning: " : "";
        return printable(where + ": " + ruleId + " " + prefix + message + " \u2014 " + hint);
    }

    /**
     * The line with control characters (a line break in a file name, an escape sequence) shown as {@code ?}, so that
     * a finding is always one line and cannot paint or fake other lines of the build log.
     */
    static String printable(String line) {
        StringBuilder sb = new StringBuilder(line.length());
        line.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c) || c == 0x2028 || c == 0x2029
                ? '?' : c));
        return sb.toString();
    }
}
