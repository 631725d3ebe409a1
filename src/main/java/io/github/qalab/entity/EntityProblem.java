package io.github.qalab.entity;

import java.nio.file.Path;

/** One mapping the scanner cannot understand: where ({@code file}, 1-based {@code line}), what, and what to do. */
public record EntityProblem(Path file, int line, String message, String hint) {

    /**
     * {@code path:line: message — hint}, the path relative to {@code base} when it lies below it; without a file
     * (a problem of the whole model) just {@code message — hint}.
     */
    public String format(Path base) {
        if (file == null) {
            return message + " \u2014 " + hint;
        }
        Path shown = file;
        if (base != null && file.isAbsolute() && file.startsWith(base)) {
            shown = base.relativize(file);
        }
        return shown.toString().replace('\\', '/') + ":" + Math.max(line, 1) + ": " + message + " \u2014 " + hint;
    }
}
