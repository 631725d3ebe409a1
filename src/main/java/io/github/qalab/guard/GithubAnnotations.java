package io.github.qalab.guard;

import io.github.qalab.convention.Severity;
import io.github.qalab.convention.Violation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * GitHub Actions workflow commands ({@code ::error file=...,line=...,title=...::message}) for findings, so that they
 * show as annotations on the pull request's changed lines.
 */
public final class GithubAnnotations {

    private GithubAnnotations() {
    }

    /** True when running in GitHub Actions ({@code GITHUB_ACTIONS=true}). */
    public static boolean enabled(java.util.Map<String, String> environment) {
        return "true".equalsIgnoreCase(environment.getOrDefault("GITHUB_ACTIONS", ""));
    }

    /**
     * One line per finding (warnings as {@code ::warning}), with paths relative to {@code root} (the repository
     * root, {@code GITHUB_WORKSPACE}) when the file lies below it.
     */
    public static List<String> lines(List<Violation> violations, Path root) {
        List<String> lines = new ArrayList<>();
        for (Violation v : violations) {
            if (v.severity() == Severity.OFF) {
                continue;
            }
            Path file = v.file().toAbsolutePath().normalize();
            Path shown = root != null && file.startsWith(root.toAbsolutePath().normalize())
                    ? root.toAbsolutePath().normalize().relativize(file) : file;
            lines.add("::" + (v.severity() == Severity.ERROR ? "error" : "warning")
                    + " file=" + property(shown.toString().replace('\\', '/'))
                    + ",line=" + Math.max(1, v.line())
                    + ",title=" + property(v.ruleId())
                    + "::" + data(v.message() + " \u2014 " + v.hint()));
        }
        return lines;
    }

    // the escaping of GitHub's runner (ActionCommand): data escapes % CR LF, properties also : and ,
    private static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
