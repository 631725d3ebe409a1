package io.github.qalab.db;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;

/**
 * Flyway's logger for qalab runs: drops Flyway's own console output, because qalab reports every step itself
 * (masked, one line per migration) and Flyway's logger is process-wide static state that cannot reach the
 * current goal's log. Configured by class name through Flyway's {@code loggers} option.
 */
public final class QuietFlywayLog implements LogCreator, Log {

    @Override
    public Log createLogger(Class<?> clazz) {
        return this;
    }

    @Override
    public boolean isDebugEnabled() {
        return false;
    }

    @Override
    public void debug(String message) {
        // dropped on purpose, see the class comment
    }

    @Override
    public void info(String message) {
        // dropped on purpose
    }

    @Override
    public void warn(String message) {
        // dropped on purpose: every warning that matters to qalab surfaces as a result or an exception
    }

    @Override
    public void error(String message) {
        // dropped on purpose: errors surface as exceptions
    }

    @Override
    public void error(String message, Exception e) {
        // dropped on purpose: errors surface as exceptions
    }

    @Override
    public void notice(String message) {
        // dropped on purpose
    }
}
