package io.github.qalab.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever a goal prints or throws passes the run's secret mask, also the stack traces Maven shows with -e. */
class MaskedOutputTest {

    private static final String SECRET = "hunter2,x)y";

    /** A goal that knows a secret and then leaks it every way it can. */
    private static final class LeakyMojo extends AbstractQalabMojo {
        private final RuntimeException failure;
        private final boolean failWithMojoException;

        LeakyMojo(RuntimeException failure, boolean failWithMojoException) {
            this.failure = failure;
            this.failWithMojoException = failWithMojoException;
        }

        @Override
        protected void run() throws MojoFailureException {
            protect(SECRET);
            getLog().info("connecting to jdbc:postgresql://db/app?password=" + SECRET + "&ssl=true");
            getLog().warn("driver said: password " + SECRET + " rejected", new IllegalStateException(SECRET));
            if (failWithMojoException) {
                throw new MojoFailureException("Cannot connect with " + SECRET, new IllegalStateException(SECRET));
            }
            throw failure;
        }
    }

    private static String trace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    @Test
    void logLinesFailuresAndStackTracesNeverShowTheSecret() {
        LeakyMojo mojo = new LeakyMojo(null, true);
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        String everything = String.join("\n", log.lines) + "\n" + e.getMessage() + "\n" + trace(e);
        assertFalse(everything.contains("hunter2"), everything);
        assertTrue(e.getMessage().equals("Cannot connect with ****"), e.getMessage());
        assertTrue(log.lines.get(0).contains("password=****&ssl=true"), log.lines.get(0));
        assertTrue(everything.contains("java.lang.IllegalStateException: ****"), "the cause's type stays visible");
    }

    @Test
    void anUnexpectedExceptionOrStackOverflowBecomesAMessageNamingTheGoalWithoutTheSecret() {
        LeakyMojo mojo = new LeakyMojo(new IllegalArgumentException("bad value " + SECRET,
                new RuntimeException("deeper " + SECRET)), false);
        mojo.setLog(new RecordingLog());
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("qalab:LeakyMojo failed unexpectedly: bad value ****"), e.getMessage());
        assertFalse(trace(e).contains("hunter2"), trace(e));
        assertTrue(trace(e).contains("deeper ****"), trace(e));
    }
}
