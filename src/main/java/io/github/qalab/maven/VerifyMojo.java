package io.github.qalab.maven;

import io.github.qalab.convention.ConventionReport;
import io.github.qalab.convention.Severity;
import io.github.qalab.convention.Violation;
import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.migration.MigrationFile;
import io.github.qalab.hibernate.HibernateModel;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
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
     * Which migrations the safety lint (QL100-QL107) reads: {@code branch} (the default: every migration added on this
     * branch, recorded in qalab.sum or not: those not recorded in the qalab.sum of the commit where the branch left
     * the default branch, git's merge-base with origin/HEAD, origin/main, origin/master, main or master), {@code new}
     * (not recorded in qalab.sum), {@code all}, {@code off}, or {@code since:<git revision>} (not recorded in that
     * revision's qalab.sum, e.g. {@code since:origin/main}). Under GitHub Actions on a pull request the default is the
     * pull request's base.
     */
    @Parameter(property = "qalab.lint")
    protected String lint;

    /**
     * Compares the entities with the schema the migrations produce (replayed into an embedded H2, no server needed)
     * and fails when an entity changed without a migration (QL020), like {@code alembic check}. Skipped for a project
     * without {@code @Entity} classes. In a build, where verify runs before compilation, the Hibernate model's check
     * runs in {@code qalab:drift} instead (bound to process-classes); on the command line verify runs it itself.
     */
    @Parameter(property = "qalab.checkDrift", defaultValue = "true")
    protected boolean checkDrift;

    /**
     * True when this run of verify must check drift itself: on the command line, or with the source model (which
     * needs no classes); in a build the Hibernate model's check waits for compiled classes, in qalab:drift.
     */
    boolean driftHere() throws MojoFailureException {
        boolean inBuild = mojoExecution != null && mojoExecution.getSource() == MojoExecution.Source.LIFECYCLE;
        String choice = modelChoice();
        if (!inBuild || choice.equals("source")) {
            return true;
        }
        if (choice.equals("hibernate") || driftGoalBound()) {
            return false;
        }
        // auto, and no qalab:drift in the build: a project without Hibernate is checked here, from its sources, as
        // before compilation; one with Hibernate needs the drift goal (its classes are not compiled yet).
        try {
            return HibernateModel.hibernateVersion(runtimeClassPath()).filter(HibernateModel::supported).isEmpty();
        } catch (MojoFailureException e) {
            return false;
        }
    }

    /** True when the project binds qalab:drift, so that a build checks drift after compilation. */
    boolean driftGoalBound() {
        if (project == null) {
            return false;
        }
        for (Plugin plugin : project.getBuildPlugins()) {
            if (plugin.getArtifactId().equals("qalab-maven-plugin")) {
                for (PluginExecution execution : plugin.getExecutions()) {
                    if (execution.getGoals().contains("drift")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

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

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
