package io.github.qalab.maven;

import org.apache.maven.plugin.logging.Log;

import java.util.ArrayList;
import java.util.List;

/** A Maven {@link Log} that keeps every line with its level, for assertions on what a Mojo printed. */
final class RecordingLog implements Log {

    final List<String> lines = new ArrayList<>();

    private void add(String level, CharSequence content, Throwable error) {
        lines.add(level + " " + content + (error == null ? "" : " !" + error));
    }

    List<String> at(String level) {
        return lines.stream().filter(l -> l.startsWith(level + " ")).map(l -> l.substring(level.length() + 1)).toList();
    }

    @Override public boolean isDebugEnabled() { return true; }
    @Override public void debug(CharSequence content) { add("debug", content, null); }
    @Override public void debug(CharSequence content, Throwable error) { add("debug", content, error); }
    @Override public void debug(Throwable error) { add("debug", "", error); }
    @Override public boolean isInfoEnabled() { return true; }
    @Override public void info(CharSequence content) { add("info", content, null); }
    @Override public void info(CharSequence content, Throwable error) { add("info", content, error); }
    @Override public void info(Throwable error) { add("info", "", error); }
    @Override public boolean isWarnEnabled() { return true; }
    @Override public void warn(CharSequence content) { add("warn", content, null); }
    @Override public void warn(CharSequence content, Throwable error) { add("warn", content, error); }
    @Override public void warn(Throwable error) { add("warn", "", error); }
    @Override public boolean isErrorEnabled() { return true; }
    @Override public void error(CharSequence content) { add("error", content, null); }
    @Override public void error(CharSequence content, Throwable error) { add("error", content, error); }
    @Override public void error(Throwable error) { add("error", "", error); }
}
