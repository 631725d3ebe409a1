package io.github.qalab.maven;

import io.github.qalab.convention.ConventionReport;
import io.github.qalab.convention.Severity;
import io.github.qalab.convention.Violation;
import io.github.qalab.diff.Renames;
import io.github.qalab.guard.GithubAnnotations;
import io.github.qalab.guard.LintScope;
import io.github.qalab.guard.SarifReport;
import io.github.qalab.guard.VerifyChecks;
import io.github.qalab.lint.LintDialect;
import io.github.qalab.migration.MigrationDirectory;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The part of {@code qalab:verify} beyond the convention: integrity, safety lint, the SARIF report and GitHub
 * annotations. Kept apart from {@link VerifyMojo} so that the goal's own flow stays short.
 */
final class VerifyGuard {

    private final VerifyMojo mojo;
    private final Log log;
    private final Map<String, String> environment;
    private final PrintStream stdout;

    VerifyGuard(VerifyMojo mojo, Log log) {
        // GitHub reads workflow commands only from the start of a stdout line, which Maven's Log prefixes with
        // "[INFO] "; so annotations go to the process's stdout directly (and only here, in the Maven layer).
        this(mojo, log, System.getenv(), System.out);
    }

    VerifyGuard(VerifyMojo mojo, Log log, Map<String, String> environment, PrintStream stdout) {
        this.mojo = mojo;
        this.log = log;
        this.environment = environment;
        this.stdout = stdout;
    }

    /** Runs every check; notes on how the lint chose its migrations go to the info log. */
    ConventionReport check(MigrationDirectory directory, Map<String, Severity> severities) throws MojoFailureException {
        LintScope scope;
        LintDialect dialect;
        try {
            scope = mojo.lint != null && !mojo.lint.isBlank()
                    ? LintScope.parse(mojo.lint)
                    : LintScope.ofGithubBase(environment.get("GITHUB_BASE_REF")).orElse(LintScope.parse("branch"));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("Invalid qalab.lint: " + e.getMessage());
        }
        String base = environment.get("GITHUB_BASE_REF");
        if ((mojo.lint == null || mojo.lint.isBlank()) && base != null && !base.isBlank()
                && LintScope.ofGithubBase(base).isEmpty()) {
            log.warn("GITHUB_BASE_REF is no git revision (" + AbstractQalabMojo.printable(base) + "): the safety lint"
                    + " reads the migrations not recorded in qalab.sum instead");
        }
        // qalab.dialect (default postgresql) is validated once for every goal; the lint only needs its family
        dialect = LintDialect.parse(mojo.dialect().name());
        // The drift check's settings first: with the Hibernate model this starts its worker JVM, which then loads
        // Hibernate while the convention, integrity and lint checks run.
        boolean drift = mojo.checkDrift && mojo.driftHere();
        long settingsStart = System.nanoTime();
        io.github.qalab.generate.MigrationGenerator.Settings settings = null;
        MojoFailureException unreadable = null;
        if (drift) {
            try {
                settings = mojo.generatorSettings(Renames.NONE);
            } catch (MojoFailureException e) {
                unreadable = e;
            }
        }
        long settingsNanos = System.nanoTime() - settingsStart;
        VerifyChecks.Outcome outcome = VerifyChecks.check(directory, severities, scope, dialect);
        if (drift) {
            long start = System.nanoTime() - settingsNanos; // the checks between are not the drift check's
            if (unreadable != null) {
                // e.g. classes not compiled yet: one finding, while the convention, integrity and lint results
                // (and the SARIF report) still come out
                java.util.List<io.github.qalab.convention.Violation> all =
                        new java.util.ArrayList<>(outcome.report().violations());
                all.add(new io.github.qalab.convention.Violation(io.github.qalab.generate.SchemaDrift.ENTITY,
                        Severity.ERROR, directory.locations().get(0), 1, "drift not checked: "
                        + unreadable.getMessage(), "or -Dqalab.checkDrift=false to check the migrations alone"));
                outcome = new VerifyChecks.Outcome(new io.github.qalab.convention.ConventionReport(directory, all),
                        outcome.notes());
            }
            if (settings != null) {
                outcome = VerifyChecks.withDrift(outcome, directory, settings, severities);
            }
            log.debug("qalab:verify: drift check in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        } else if (mojo.checkDrift) {
            if (mojo.driftGoalBound()) {
                log.info("Drift: checked by qalab:drift once the classes are compiled (process-classes and later phases,"
                        + " e.g. mvn verify)");
            } else {
                log.warn("Drift not checked: in a build the entities are compared once the classes are compiled,"
                        + " by qalab:drift \u2014 add <goal>drift</goal> next to <goal>verify</goal> in the plugin's"
                        + " <execution>, or set <model>source</model>");
            }
        }
        outcome.notes().forEach(log::info);
        return outcome.report();
    }

    /** Writes the SARIF report and, under GitHub Actions, prints the annotation lines. */
    void report(ConventionReport report, Path base) throws MojoFailureException {
        long start = System.nanoTime();
        // a shadow database's message may quote its URL: the files get the same masking as the console
        List<Violation> violations = report.violations().stream().map(v -> new Violation(v.ruleId(), v.severity(),
                v.file(), v.line(), mojo.mask(v.message()), mojo.mask(v.hint()))).toList();
        if (mojo.sarif != null && !mojo.sarif.getPath().isBlank()) {
            try {
                SarifReport.write(mojo.sarif.toPath(), version(), VerifyChecks.catalog(), violations, base);
            } catch (IOException e) {
                throw new MojoFailureException("Cannot write the SARIF report " + mojo.display(mojo.sarif.toPath())
                        + ": " + e.getMessage() + " \u2014 check that the build directory is writable");
            }
        }
        if (GithubAnnotations.enabled(environment)) {
            String workspace = environment.get("GITHUB_WORKSPACE");
            Path root = workspace == null || workspace.isBlank() ? base : Path.of(workspace);
            GithubAnnotations.lines(violations, root).forEach(stdout::println);
            stdout.flush();
        }
        if (log.isDebugEnabled()) {
            log.debug("qalab:verify: reports written in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
    }

    private static String version() {
        try (InputStream in = VerifyGuard.class.getResourceAsStream(
                "/META-INF/maven/io.github.qalab/qalab-maven-plugin/pom.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "unknown");
            }
        } catch (IOException e) {
            // the version is decoration
        }
        return "unknown";
    }
}
