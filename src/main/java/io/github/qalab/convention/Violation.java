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
        return where + ": " + ruleId + " " + prefix + message + " \u2014 " + hint;
    }
}
