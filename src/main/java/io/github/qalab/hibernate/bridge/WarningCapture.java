package io.github.qalab.hibernate.bridge;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Keeps the messages of WARNING and above that Hibernate logs (through JBoss Logging to JUL), for the answer's
 * {@code logged}; everything below is dropped. JDK only, so the plugin's JVM and the worker JVM both use it.
 */
public final class WarningCapture extends Handler {

    private final List<String> messages = new ArrayList<>();

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            synchronized (messages) {
                messages.add(record.getMessage());
            }
        }
    }

    /** The messages so far, in order. */
    public List<String> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
