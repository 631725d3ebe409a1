package io.github.qalab.maven;

import io.github.qalab.convention.ConventionChecker;
import io.github.qalab.convention.ConventionReport;
import io.github.qalab.convention.Severity;
import io.github.qalab.convention.Violation;
import io.github.qalab.diff.Renames;
import io.github.qalab.generate.SchemaDrift;
import io.github.qalab.guard.VerifyChecks;
import io.github.qalab.migration.MigrationDirectory;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The drift check on its own, after compilation: the entities (as the project's Hibernate maps the compiled classes,
 * or as their sources declare them) compared with the schema the migrations produce, replayed into the shadow
 * database; fails when an entity changed without a migration (QL020), like {@code alembic check} or Django's
 * {@code makemigrations --check}. Bound to {@code process-classes}, so {@code mvn verify} checks the classes it just
 * compiled; {@code qalab:verify} (bound to validate, before compilation) leaves the check to this goal in a build.
 */
@Mojo(name = "drift", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true, requiresProject = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class DriftMojo extends AbstractSchemaMojo {

    @Override
    protected void run() throws MojoFailureException {
        Map<String, Severity> severities = severities();
        MigrationDirectory directory = scanMigrations();
        ConventionReport convention;
        try {
            convention = ConventionChecker.check(directory, severities);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("Invalid <rules> configuration: " + e.getMessage());
        }
        VerifyChecks.Outcome outcome = VerifyChecks.withDrift(new VerifyChecks.Outcome(convention, List.of()),
                directory, generatorSettings(Renames.NONE), severities);
        outcome.notes().forEach(getLog()::info);
        Path base = basedir.toPath().toAbsolutePath();
        List<Violation> drift = outcome.report().violations().stream()
                .filter(v -> SchemaDrift.rules().containsKey(v.ruleId())).toList();
        for (Violation violation : drift) {
            if (violation.severity() == Severity.ERROR) {
                getLog().error(violation.format(base));
            } else {
                getLog().warn(violation.format(base));
            }
        }
        List<Violation> errors = drift.stream().filter(v -> v.severity() == Severity.ERROR).toList();
        if (!errors.isEmpty()) {
            String summary = ConventionReport.summary(errors);
            getLog().error(summary);
            throw new MojoFailureException(summary);
        }
    }

    @Override
    protected String goalForHint() {
        return "qalab:drift";
    }
}
