package io.github.qalab.maven;

import io.github.qalab.db.SecretMask;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A copy of an exception chain with every message masked and the stack traces kept, for what Maven prints with
 * {@code -e}: the original chain may hold a driver's message that quotes a password-bearing URL.
 */
final class MaskedThrowable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String shown;

    private MaskedThrowable(String shown) {
        super(shown);
        this.shown = shown;
    }

    /** The masked copy of {@code error} and its causes. */
    static Throwable of(Throwable error, SecretMask mask) {
        return copy(error, mask, new IdentityHashMap<>());
    }

    private static Throwable copy(Throwable error, SecretMask mask, Map<Throwable, Throwable> done) {
        if (error == null) {
            return null;
        }
        Throwable existing = done.get(error);
        if (existing != null) {
            return existing;
        }
        String text = error.getMessage() == null ? error.getClass().getName()
                : error.getClass().getName() + ": " + error.getMessage();
        MaskedThrowable copy = new MaskedThrowable(mask.apply(text));
        done.put(error, copy);
        copy.setStackTrace(error.getStackTrace());
        Throwable cause = copy(error.getCause(), mask, done);
        if (cause != null && cause != copy) {
            copy.initCause(cause);
        }
        return copy;
    }

    /** The original class and masked message, as {@code Throwable.toString} would have shown them. */
    @Override
    public String toString() {
        return shown;
    }
}
