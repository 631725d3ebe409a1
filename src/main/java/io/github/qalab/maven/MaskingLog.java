package io.github.qalab.maven;

import io.github.qalab.db.SecretMask;
import org.apache.maven.plugin.logging.Log;

import java.util.function.Supplier;

/**
 * Maven's log with every line and every exception passed through the run's {@link SecretMask}, so that no code path
 * of a goal, ours or a library's message we relay, can print a password.
 */
final class MaskingLog implements Log {

    private final Log log;
    private final Supplier<SecretMask> mask;

    MaskingLog(Log log, Supplier<SecretMask> mask) {
        this.log = log;
        this.mask = mask;
    }

    private CharSequence clean(CharSequence content) {
        return content == null ? null : mask.get().apply(content.toString());
    }

    private Throwable clean(Throwable error) {
        return error == null ? null : MaskedThrowable.of(error, mask.get());
    }

    @Override public boolean isDebugEnabled() { return log.isDebugEnabled(); }
    @Override public void debug(CharSequence content) { log.debug(clean(content)); }
    @Override public void debug(CharSequence content, Throwable error) { log.debug(clean(content), clean(error)); }
    @Override public void debug(Throwable error) { log.debug(clean(error)); }
    @Override public boolean isInfoEnabled() { return log.isInfoEnabled(); }
    @Override public void info(CharSequence content) { log.info(clean(content)); }
    @Override public void info(CharSequence content, Throwable error) { log.info(clean(content), clean(error)); }
    @Override public void info(Throwable error) { log.info(clean(error)); }
    @Override public boolean isWarnEnabled() { return log.isWarnEnabled(); }
    @Override public void warn(CharSequence content) { log.warn(clean(content)); }
    @Override public void warn(CharSequence content, Throwable error) { log.warn(clean(content), clean(error)); }
    @Override public void warn(Throwable error) { log.warn(clean(error)); }
    @Override public boolean isErrorEnabled() { return log.isErrorEnabled(); }
    @Override public void error(CharSequence content) { log.error(clean(content)); }
    @Override public void error(CharSequence content, Throwable error) { log.error(clean(content), clean(error)); }
    @Override public void error(Throwable error) { log.error(clean(error)); }
}
