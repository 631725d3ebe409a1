package io.github.qalab.maven;

import io.github.qalab.db.ShadowDatabase;
import io.github.qalab.sql.Dialect;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What the goals that compare a live database with its migrations share ({@code baseline}, and the live drift of
 * {@code status}): the connection of every database goal, plus where the migrations are replayed.
 */
public abstract class AbstractLiveSchemaMojo extends AbstractDatabaseMojo {

    /**
     * A real, empty database to replay the migrations into instead of the embedded H2 (for migrations with
     * vendor-only SQL, or to compare types exactly as the live database's vendor reports them). Everything in it is
     * dropped before and after; a database holding other tables is refused. {@code baseline} replays into it to
     * write or check the baseline; {@code status} only with {@code qalab.liveDrift} or {@code qalab.failOnDrift}.
     * Read by qalab itself, not by Maven, so that {@code mvn -X} never prints it ({@code -Dqalab.shadowUrl=...}).
     */
    @Parameter
    protected String shadowUrl;

    /** The user for {@code shadowUrl}. */
    @Parameter(property = "qalab.shadowUser")
    protected String shadowUser;

    /**
     * The password for {@code shadowUrl} ({@code -Dqalab.shadowPassword}); never printed, also not by {@code -X}: the
     * URL and the password are read by qalab itself, not by Maven.
     */
    @Parameter
    protected String shadowPassword;

    @Override
    protected java.util.List<String> configuredSecrets() {
        java.util.List<String> all = new java.util.ArrayList<>(super.configuredSecrets());
        all.add(shadowUrl);
        all.add(shadowPassword);
        return all;
    }

    /** The shadow database: {@code shadowUrl} when set, else an embedded H2 in the dialect's compatibility mode. */
    protected ShadowDatabase shadow(Dialect target) {
        String url = quietParameter(shadowUrl, "qalab.shadowUrl");
        return url == null || url.isBlank()
                ? embeddedShadow(target)
                : ShadowDatabase.external(url, shadowUser, quietParameter(shadowPassword, "qalab.shadowPassword"));
    }
}
