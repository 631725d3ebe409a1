package io.github.qalab.maven;

import io.github.qalab.convention.Severity;
import io.github.qalab.db.ShadowDatabase;
import io.github.qalab.diff.Renames;
import io.github.qalab.entity.NamingStrategy;
import io.github.qalab.generate.DesiredModel;
import io.github.qalab.generate.MigrationGenerator;
import io.github.qalab.generate.StaleClasses;
import io.github.qalab.hibernate.HibernateModel;
import io.github.qalab.hibernate.ProjectSettings;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.DefaultDependencyResolutionRequest;
import org.apache.maven.project.DependencyResolutionException;
import org.apache.maven.project.DependencyResolutionResult;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.eclipse.aether.graph.Dependency;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the goals that compare entities with migrations share ({@code generate}, {@code drift} and {@code verify}'s
 * drift check): where the entities' schema comes from (the project's own Hibernate, or the entity sources), how
 * names are formed, and where the migrations are replayed.
 */
public abstract class AbstractSchemaMojo extends AbstractQalabMojo {

    /**
     * Where the schema the entities need comes from: {@code hibernate} (the project's own Hibernate 6.2+ maps its
     * compiled classes, exactly as at run time), {@code source} (the entity sources, read without compiling or
     * Hibernate), or {@code auto} (hibernate when hibernate-core 6.2+ is on the project's runtime class path, else
     * source). In {@code generate} it is the schema the next migration leads to; in {@code drift} and in
     * {@code verify}'s drift check, the schema compared with the migrations.
     */
    @Parameter(property = "qalab.model", defaultValue = "auto")
    protected String model;

    /**
     * How entity and field names become table and column names when the project's settings name no strategy:
     * {@code spring} (Spring Boot's: snake_case) or {@code jpa} (Hibernate's defaults: names as written).
     */
    @Parameter(property = "qalab.namingStrategy", defaultValue = "spring")
    protected String namingStrategy;

    /**
     * The version of the database the migrations are written for, which Hibernate's dialect depends on (e.g.
     * {@code 16}, {@code 11.4}); defaults: PostgreSQL 15, MariaDB 10.11, MySQL 8.0, H2 2.3.
     */
    @Parameter(property = "qalab.databaseVersion")
    protected String databaseVersion;

    /**
     * Whether the Hibernate model boots the project's Hibernate in a short-lived worker JVM (same Java as Maven,
     * started with quick-start options), which is faster on a cold build and keeps Hibernate out of Maven's JVM; false
     * boots it inside Maven's JVM (in an isolated class loader).
     */
    @Parameter(property = "qalab.hibernateFork", defaultValue = "true")
    protected boolean hibernateFork = true;

    /**
     * How long, in seconds, the Hibernate worker JVM stays after its answer to serve the next build of the same
     * project (same Java, same dependency jars) warm, as the Gradle daemon does: the next {@code generate} or
     * {@code verify} then maps the entities in a fraction of a cold boot. Each request loads the class folders anew,
     * so a warm worker sees the classes as they are. At most three warm workers stay; {@code 0} ends each worker with
     * its build. Default: 300 on a workstation, 0 when the environment variable {@code CI} is set.
     */
    @Parameter(property = "qalab.workerKeepAlive")
    protected String workerKeepAlive;

    /**
     * Hibernate settings for the Hibernate model, winning over the project's {@code application.properties},
     * {@code application.yml}, {@code hibernate.properties} and {@code persistence.xml}; e.g.
     * {@code <hibernate.type.preferred_instant_jdbc_type>TIMESTAMP</hibernate.type.preferred_instant_jdbc_type>}.
     */
    @Parameter
    protected Map<String, String> hibernateProperties;

    /** Comma-separated packages whose {@code @Entity} classes count (sub-packages included); empty for all. */
    @Parameter(property = "qalab.entityPackages")
    protected String entityPackages;

    /** The source roots holding the entities; by default the project's compile source roots. */
    @Parameter(property = "qalab.sourceRoots")
    protected List<String> sourceRoots;

    /** The project's compile source roots (the default for {@code sourceRoots}). */
    @Parameter(defaultValue = "${project.compileSourceRoots}", readonly = true, required = true)
    protected List<String> compileSourceRoots;

    /**
     * A real, empty database to replay the existing migrations into instead of the embedded H2 (for migrations
     * with vendor-only SQL), {@code -Dqalab.shadowUrl=...}. Everything in it is dropped before and after; a database
     * holding other tables is refused. Unlike the embedded shadow (no admin rights, no Java, files or links), it runs
     * every statement with its user's rights: use a throwaway database and user. Read by qalab itself, not by Maven,
     * so that {@code mvn -X} never prints it.
     */
    @Parameter
    protected String shadowUrl;

    /** The user for {@code shadowUrl}. */
    @Parameter(property = "qalab.shadowUser")
    protected String shadowUser;

    /** The password for {@code shadowUrl} ({@code -Dqalab.shadowPassword}); never printed, also not by -X. */
    @Parameter
    protected String shadowPassword;

    @Parameter(defaultValue = "${project}", readonly = true)
    protected MavenProject project;

    @Component
    protected ProjectDependenciesResolver dependenciesResolver;

    /** The jars of modules of the project's own group, found while resolving the class path. */
    private final Set<Path> ownGroupJars = new LinkedHashSet<>();

    /**
     * Severity per rule id: {@code error} fails the build, {@code warn} only reports, {@code off} skips the rule; a
     * rule not named keeps its default (error for most, warn for a few, e.g. QL013, QL014, QL100). Example:
     * {@code <rules><QL007>warn</QL007></rules>}. In {@code verify} it applies to every rule; in {@code drift} to the
     * drift rules QL020 to QL022; in {@code generate} to the safety lint (QL100 to QL107) of the migration it just
     * wrote, which it reports as warnings.
     */
    @Parameter
    protected Map<String, String> rules;

    /** The {@code <rules>} map as severities; a value that is no severity is a configuration error. */
    protected Map<String, Severity> severities() throws MojoFailureException {
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

    @Override
    protected List<String> configuredSecrets() {
        return Arrays.asList(shadowUrl, shadowPassword);
    }

    /** The comparison settings from the parameters; a bad naming strategy, model or dialect is a build failure. */
    protected MigrationGenerator.Settings generatorSettings(Renames renames) throws MojoFailureException {
        var target = dialect();
        String externalUrl = quietParameter(shadowUrl, "qalab.shadowUrl");
        ShadowDatabase shadow = externalUrl == null || externalUrl.isBlank()
                ? embeddedShadow(target)
                : ShadowDatabase.external(externalUrl, shadowUser,
                        quietParameter(shadowPassword, "qalab.shadowPassword"));
        return new MigrationGenerator.Settings(desiredModel(), target, renames, shadow);
    }

    /** {@code hibernate}, {@code source} or {@code auto}, checked. */
    protected String modelChoice() throws MojoFailureException {
        String choice = model == null ? "auto" : model.strip().toLowerCase(Locale.ROOT);
        if (!List.of("auto", "hibernate", "source").contains(choice)) {
            throw new MojoFailureException("Unknown qalab.model '" + model + "': use auto, hibernate or source");
        }
        return choice;
    }

    /**
     * The model the parameters choose: the source model right away for {@code source}; else the project's runtime
     * class path is resolved, and {@code auto} takes Hibernate when it finds hibernate-core 6.2 or later there.
     */
    protected DesiredModel desiredModel() throws MojoFailureException {
        NamingStrategy naming;
        try {
            naming = NamingStrategy.fromName(namingStrategy);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        }
        String choice = modelChoice();
        if (choice.equals("source")) {
            return new DesiredModel.FromSources(entitySourceRoots(), packages(), naming, dialect());
        }
        List<Path> classPath = runtimeClassPath();
        Optional<String> hibernate = HibernateModel.hibernateVersion(classPath);
        boolean usable = hibernate.isPresent() && HibernateModel.supported(hibernate.get());
        if (!usable) {
            if (choice.equals("hibernate")) {
                throw new MojoFailureException(hibernate.map(v -> "qalab.model=hibernate needs Hibernate 6.2 or later;"
                        + " the project has " + v).orElse("qalab.model=hibernate, but hibernate-core is not on the"
                        + " project's runtime class path") + ": add org.hibernate.orm:hibernate-core 6.2+ or use"
                        + " -Dqalab.model=source");
            }
            getLog().debug("qalab: no Hibernate 6.2+ on the runtime class path ("
                    + hibernate.orElse("none") + "): reading the entity sources");
            return new DesiredModel.FromSources(entitySourceRoots(), packages(), naming, dialect());
        }
        refuseStaleClasses();
        ProjectSettings.Read read;
        try {
            read = ProjectSettings.read(resourceRoots(), hibernateProperties);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("Cannot read the project's Hibernate settings: " + e.getMessage());
        }
        for (String ignored : read.ignored()) {
            getLog().debug("qalab: Hibernate setting ignored: " + ignored);
        }
        if (!read.sources().isEmpty()) {
            getLog().debug("qalab: Hibernate settings from " + String.join(", ", read.sources()));
        }
        var target = dialect();
        String version = databaseVersion == null || databaseVersion.isBlank()
                ? HibernateModel.Target.defaultVersion(target.name()) : databaseVersion.strip();
        if (!version.matches("\\d{1,4}(\\.\\d{1,4}){0,2}")) {
            throw new MojoFailureException("Invalid qalab.databaseVersion '" + databaseVersion
                    + "': give the database's version number, e.g. 15 or 10.11");
        }
        HibernateModel.Request request = new HibernateModel.Request(classPath, entityRoots(classPath), packages(),
                new HibernateModel.Target(target.name(), version), read.settings(), naming == NamingStrategy.SPRING,
                hibernateFork, cache ? io.github.qalab.schema.CacheFiles.defaultRoot().resolve("hibernate") : null,
                keepAlive());
        HibernateModel.prestart(request);
        return new DesiredModel.FromHibernate(request, entitySourceRoots());
    }

    /** {@link #workerKeepAlive} as the worker takes it. */
    private HibernateModel.KeepAlive keepAlive() throws MojoFailureException {
        String value = workerKeepAlive == null || workerKeepAlive.isBlank()
                ? (System.getenv("CI") == null || System.getenv("CI").isBlank() ? "300" : "0") : workerKeepAlive.strip();
        long seconds;
        try {
            seconds = Long.parseLong(value);
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds < 0 || seconds > 86_400) {
            throw new MojoFailureException("Invalid qalab.workerKeepAlive '" + workerKeepAlive + "': give the seconds"
                    + " a Hibernate worker stays for the next build (0 to 86400), e.g. 300, or 0 to end it with the"
                    + " build");
        }
        getLog().debug("qalab: Hibernate worker keep-alive " + seconds + " s" + (workerKeepAlive == null
                || workerKeepAlive.isBlank() ? (seconds == 0 ? " (the environment variable CI is set)" : " (default)")
                : "") + (hibernateFork ? "" : ", unused: hibernateFork=false")
                + (cache ? "" : ", unused: cache=false maps in a fresh worker"));
        return seconds == 0 || !hibernateFork || !cache ? HibernateModel.KeepAlive.OFF : new HibernateModel.KeepAlive(
                io.github.qalab.schema.CacheFiles.defaultRoot().resolve("workers"), java.time.Duration.ofSeconds(seconds));
    }

    /**
     * The Hibernate model reads compiled classes; comparing classes older than their sources would generate a
     * migration for the code as it was, so that is refused with the one command that compiles first.
     */
    private void refuseStaleClasses() throws MojoFailureException {
        if (project == null) {
            return;
        }
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        List<Path> stale = StaleClasses.find(entitySourceRoots(), classes);
        if (!stale.isEmpty() && !java.nio.file.Files.isDirectory(classes)) {
            throw new MojoFailureException("The project is not compiled (no " + display(classes) + "): the Hibernate"
                    + " model reads compiled classes. Compile first, e.g. mvn compile " + goalForHint()
                    + " (or -Dqalab.model=source to read the sources)");
        }
        if (!stale.isEmpty()) {
            throw new MojoFailureException("The compiled classes are older than their sources (" + display(stale.get(0))
                    + (stale.size() > 1 ? " and " + (stale.size() - 1) + " more" : "") + "): the Hibernate model reads"
                    + " compiled classes. Compile first, e.g. mvn compile " + goalForHint()
                    + " (or -Dqalab.model=source to read the sources)");
        }
    }

    /** The goal and its usual parameters, for the hint that says to compile first. */
    protected String goalForHint() {
        return "qalab:" + getClass().getSimpleName().replace("Mojo", "").toLowerCase(Locale.ROOT);
    }

    /**
     * The project's runtime class path: its output folder and every runtime dependency, resolved now when the goal
     * did not ask Maven to resolve them (so that verify, bound to validate, resolves only when it needs to).
     */
    protected List<Path> runtimeClassPath() throws MojoFailureException {
        if (project == null) {
            return List.of();
        }
        Set<Path> entries = new LinkedHashSet<>();
        entries.add(Path.of(project.getBuild().getOutputDirectory()));
        if (!project.getArtifacts().isEmpty() || project.getDependencies().isEmpty()) {
            for (Artifact a : project.getArtifacts()) {
                if (a.getFile() != null && a.getGroupId().equals(project.getGroupId())) {
                    ownGroupJars.add(a.getFile().toPath());
                }
            }
            try {
                for (String element : project.getRuntimeClasspathElements()) {
                    entries.add(Path.of(element));
                }
            } catch (DependencyResolutionRequiredException e) {
                throw new MojoFailureException("Cannot read the project's runtime class path: " + e.getMessage());
            }
            return List.copyOf(entries);
        }
        try {
            DefaultDependencyResolutionRequest request = new DefaultDependencyResolutionRequest(project,
                    session.getRepositorySession());
            request.setResolutionFilter((node, parents) -> {
                Dependency d = node.getDependency();
                return d == null || (!d.isOptional() && Set.of("compile", "runtime", "").contains(d.getScope()));
            });
            DependencyResolutionResult result = dependenciesResolver.resolve(request);
            for (Dependency d : result.getDependencies()) {
                File file = d.getArtifact().getFile();
                if (file != null) {
                    entries.add(file.toPath());
                    if (d.getArtifact().getGroupId().equals(project.getGroupId())) {
                        ownGroupJars.add(file.toPath());
                    }
                }
            }
        } catch (DependencyResolutionException e) {
            throw new MojoFailureException("Cannot resolve the project's runtime class path for the Hibernate model: "
                    + e.getMessage() + " \u2014 build the modules it depends on first (mvn install), or use"
                    + " -Dqalab.model=source");
        }
        return List.copyOf(entries);
    }

    /**
     * Where entity classes are searched: the project's output folder, the class folders of reactor modules it
     * depends on, and the jars of its own group's modules; with {@code entityPackages} set, every class path entry
     * (only below those packages).
     */
    private List<Path> entityRoots(List<Path> classPath) {
        if (!packages().isEmpty()) {
            return classPath;
        }
        List<Path> roots = new ArrayList<>();
        for (Path entry : classPath) {
            if (Files.isDirectory(entry) || ownGroupJars.contains(entry)) {
                roots.add(entry);
            }
        }
        return roots;
    }

    private List<Path> resourceRoots() {
        if (project == null) {
            return List.of();
        }
        List<Path> roots = new ArrayList<>();
        for (Resource r : project.getResources()) {
            roots.add(projectPath(r.getDirectory()));
        }
        return roots;
    }

    protected List<Path> entitySourceRoots() {
        List<String> roots = sourceRoots == null || sourceRoots.isEmpty() ? compileSourceRoots : sourceRoots;
        return roots.stream().map(this::projectPath).toList();
    }

    protected List<String> packages() {
        if (entityPackages == null || entityPackages.isBlank()) {
            return List.of();
        }
        return Arrays.stream(entityPackages.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
