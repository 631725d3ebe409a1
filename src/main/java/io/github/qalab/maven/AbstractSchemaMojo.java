package io.github.qalab.maven;

import io.github.qalab.db.ShadowDatabase;
import io.github.qalab.diff.Renames;
import io.github.qalab.entity.NamingStrategy;
import io.github.qalab.generate.MigrationGenerator;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What the goals that compare entities with migrations share ({@code generate}, and {@code verify}'s drift check):
 * where the entities are, how they are named, and where the migrations are replayed.
 */
public abstract class AbstractSchemaMojo extends AbstractQalabMojo {

    /**
     * How entity and field names become table and column names: {@code spring} (snake_case, Spring Boot's default)
     * or {@code jpa} (Hibernate's default: names as written).
     */
    @Parameter(property = "qalab.namingStrategy", defaultValue = "spring")
    protected String namingStrategy;

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
     * with vendor-only SQL). Everything in it is dropped before and after; a database holding other tables is refused.
     */
    @Parameter(property = "qalab.shadowUrl")
    protected String shadowUrl;

    /** The user for {@code shadowUrl}. */
    @Parameter(property = "qalab.shadowUser")
    protected String shadowUser;

    /** The password for {@code shadowUrl}; never printed. */
    @Parameter(property = "qalab.shadowPassword")
    protected String shadowPassword;

    /** The comparison settings from the parameters; a bad naming strategy or dialect is a build failure. */
    protected MigrationGenerator.Settings generatorSettings(Renames renames) throws MojoFailureException {
        NamingStrategy naming;
        try {
            naming = NamingStrategy.fromName(namingStrategy);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        }
        var target = dialect();
        ShadowDatabase shadow = shadowUrl == null || shadowUrl.isBlank()
                ? ShadowDatabase.embedded(target)
                : ShadowDatabase.external(shadowUrl, shadowUser, shadowPassword);
        return new MigrationGenerator.Settings(entitySourceRoots(), packages(), naming, target, renames, shadow);
    }

    private List<Path> entitySourceRoots() {
        List<String> roots = sourceRoots == null || sourceRoots.isEmpty() ? compileSourceRoots : sourceRoots;
        return roots.stream().map(this::projectPath).toList();
    }

    private List<String> packages() {
        if (entityPackages == null || entityPackages.isBlank()) {
            return List.of();
        }
        return Arrays.stream(entityPackages.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
