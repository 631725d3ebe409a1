package io.github.qalab.maven;

import io.github.qalab.convention.ConventionReport;
import io.github.qalab.convention.Severity;
import io.github.qalab.convention.Violation;
import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.migration.MigrationFile;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks the migration files without any database server: the qalab convention (rules QL001 to QL009), their
 * integrity against {@code qalab.sum} (QL010 to QL013), drift between the entities and the schema the migrations
 * produce (QL020 to QL022, replayed into an in-memory H2) and the safety lint of new migrations (QL100 to QL107);
 * reports every violation as {@code path:line: QLnnn message — hint} (and as SARIF) and fails the build on errors.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true, requiresProject = true)
public class VerifyMojo extends AbstractSchemaMojo {

    /**
     * Severity per rule id: {@code error} (the default for every rule) fails the build, {@code warn} only reports,
     * {@code off} skips the rule. Example: {@code <rules><QL007>warn</QL007></rules>}.
     */
    @Parameter
    protected Map<String, String> rules;

    /**
     * Which migrations the safety lint (QL100-QL107) reads: {@code new} (not recorded in qalab.sum), {@code all},
     * {@code off}, or {@code since:<git revision>} (not recorded in that revision's qalab.sum, e.g.
     * {@code since:origin/main}). Under GitHub Actions on a pull request the default is the pull request's base.
     */
    @Parameter(property = "qalab.lint")
    protected String lint;

    /**
     * Compares the entities with the schema the migrations produce (replayed into an embedded H2, no server needed)
     * and fails when an entity changed without a migration (QL020), like {@code alembic check}. Skipped for a project
     * without {@code @Entity} classes.
     */
    @Parameter(property = "qalab.checkDrift", defaultValue = "true")
    protected boolean checkDrift;

    /** The SARIF 2.1.0 report of every finding (for GitHub code scanning); empty to write none. */
    @Parameter(property = "qalab.sarif", defaultValue = "${project.build.directory}/qalab/verify.sarif")
    protected java.io.File sarif;

    @Override
    protected void run() throws MojoFailureException {
        Map<String, Severity> severities = severities();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        MigrationDirectory directory = scanMigrations();
        long scanned = System.nanoTime();
        VerifyGuard guard = new VerifyGuard(this, getLog());
        ConventionReport report;
        try {
            report = guard.check(directory, severities);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("Invalid <rules> configuration: " + e.getMessage());
        }
        long checked = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        if (getLog().isDebugEnabled()) {
            getLog().debug("qalab:verify: read " + directory.files().size() + " files in " + millis(start, scanned)
                    + " ms, ran the rules in " + millis(scanned, checked) + " ms, " + millis(start, checked)
                    + " ms in total (" + cpu / 1_000_000 + " ms CPU)");
        }

        Path base = basedir.toPath().toAbsolutePath();
        for (Violation violation : report.violations()) {
            if (violation.severity() == Severity.ERROR) {
                getLog().error(violation.format(base));
            } else {
                getLog().warn(violation.format(base));
            }
        }
        guard.report(report, base);
        if (report.hasErrors()) {
            String summary = ConventionReport.summary(report.errors());
            getLog().error(summary);
            throw new MojoFailureException(summary);
        }
        int warnings = report.violations().size();
        String suffix = warnings == 0 ? "" : warnings == 1 ? ", 1 warning" : ", " + warnings + " warnings";
        getLog().info(chainLine(directory) + suffix);
    }

    /** {@code 12 migrations, 001 → 012, chain OK}; for no migrations, where it looked. */
    private String chainLine(MigrationDirectory directory) {
        List<MigrationFile> chain = directory.migrations();
        if (chain.isEmpty()) {
            String where = locationPaths().stream().map(this::display).collect(Collectors.joining(", "));
            return "0 migrations in " + where + ", chain OK";
        }
        String first = chain.get(0).version().orElse("");
        String last = chain.get(chain.size() - 1).version().orElse("");
        return chain.size() == 1
                ? "1 migration, " + first + ", chain OK"
                : chain.size() + " migrations, " + first + " \u2192 " + last + ", chain OK";
    }

    /** The {@code <rules>} map as severities; a value that is no severity is a configuration error. */
    private Map<String, Severity> severities() throws MojoFailureException {
        Map<String, Severity> severities = new LinkedHashMap<>();
        if (rules == null) {
            return severities;
        }
        for (Map.Entry<String, String> entry : rules.entrySet()) {
            String value = entry.getValue();
            if (value == null || value.isBlank()) {
                throw new MojoFailureException("Invalid <rules> configuration: <" + entry.getKey()
                        + "> has no severity \u2014 use error, warn or off");
            }
            try {
                severities.put(entry.getKey(), Severity.parse(value));
            } catch (IllegalArgumentException e) {
                throw new MojoFailureException("Invalid <rules> configuration: <" + entry.getKey() + ">: "
                        + e.getMessage());
            }
        }
        return severities;
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
