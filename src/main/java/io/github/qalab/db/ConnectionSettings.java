package io.github.qalab.db;

import io.github.qalab.sql.Dialect;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where and as whom to connect: a JDBC URL, a user and a password that never leaves this record unmasked.
 *
 * @param url      the JDBC URL (may itself carry a password parameter)
 * @param user     the user, "" for the driver's default
 * @param password the password, "" for none
 * @param source   where the URL came from, for the one log line that says which database is used
 */
public record ConnectionSettings(String url, String user, String password, String source) {

    /** What replaces a secret in every message. */
    public static final String MASK = "****";

    /** {@code password=...} / {@code pwd=...} (and friends) in URL parameters or property lists. */
    private static final Pattern SECRET_PARAMETER =
            Pattern.compile("(?i)\\b(password|passwd|pwd|secret)=([^&;,\\s)'\"]*)");

    /** {@code //user:secret@host} in a URL's authority. */
    private static final Pattern SECRET_USERINFO = Pattern.compile("(//[^/:@\\s]+):([^@/\\s]+)@");

    public ConnectionSettings {
        url = url == null ? "" : url.strip();
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        source = source == null ? "" : source;
    }

    /** The embedded default: an H2 file database {@code db} inside {@code directory}, in H2's own mode. */
    public static ConnectionSettings embedded(Path directory) {
        return embedded(directory, Dialect.named("h2"));
    }

    /**
     * The embedded default for migrations written for {@code dialect}: an H2 file database {@code db} inside
     * {@code directory}, opened in that dialect's compatibility mode (as the shadow database of {@code generate}).
     */
    public static ConnectionSettings embedded(Path directory, Dialect dialect) {
        String file = directory.toAbsolutePath().normalize().resolve("db").toString().replace('\\', '/');
        return new ConnectionSettings("jdbc:h2:file:" + file + H2Compatibility.urlOptionsWithSetup(dialect), "sa", "",
                "embedded");
    }

    /**
     * Resolves the settings the way every database goal does: an explicit value (pom or {@code -D}) wins, then the
     * settings.xml server's credentials, then the environment ({@code QALAB_URL}, {@code QALAB_USER},
     * {@code QALAB_PASSWORD}); without any URL the embedded H2 database under {@code embeddedDirectory}.
     */
    public static ConnectionSettings resolve(String url, String user, String password,
                                             String serverUser, String serverPassword,
                                             Map<String, String> environment, Path embeddedDirectory) {
        return resolve(url, user, password, serverUser, serverPassword, environment, embeddedDirectory,
                Dialect.named("h2"));
    }

    /**
     * As {@link #resolve(String, String, String, String, String, Map, Path)}, with the embedded default opened in the
     * compatibility mode of {@code dialect}.
     */
    public static ConnectionSettings resolve(String url, String user, String password,
                                             String serverUser, String serverPassword,
                                             Map<String, String> environment, Path embeddedDirectory,
                                             Dialect dialect) {
        String resolvedUser = first(user, serverUser, environment.get("QALAB_USER"));
        String resolvedPassword = first(password, serverPassword, environment.get("QALAB_PASSWORD"));
        if (!blank(url)) {
            return new ConnectionSettings(url, resolvedUser, resolvedPassword, "qalab.url");
        }
        if (!blank(environment.get("QALAB_URL"))) {
            return new ConnectionSettings(environment.get("QALAB_URL"), resolvedUser, resolvedPassword, "QALAB_URL");
        }
        ConnectionSettings embedded = embedded(embeddedDirectory, dialect);
        return new ConnectionSettings(embedded.url(), blank(resolvedUser) ? embedded.user() : resolvedUser,
                resolvedPassword, embedded.source());
    }

    /** True for the embedded default database. */
    public boolean isEmbedded() {
        return source.equals("embedded");
    }

    /** The URL with any secret in it masked. */
    public String maskedUrl() {
        return mask(url);
    }

    /**
     * The text with the password and every secret URL parameter replaced by {@value #MASK}; every message that may
     * carry a URL or a driver's words passes through here before anyone sees it.
     */
    public String mask(String text) {
        if (text == null) {
            return "";
        }
        String out = SECRET_USERINFO.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + ":" + MASK + "@"));
        out = SECRET_PARAMETER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "=" + MASK));
        if (!password.isEmpty()) {
            out = out.replace(password, MASK);
        }
        for (String secret : urlSecrets()) {
            out = out.replace(secret, MASK);
        }
        return out;
    }

    private java.util.List<String> urlSecrets() {
        java.util.List<String> secrets = new java.util.ArrayList<>();
        Matcher p = SECRET_PARAMETER.matcher(url);
        while (p.find()) {
            if (!p.group(2).isEmpty()) {
                secrets.add(p.group(2));
            }
        }
        Matcher u = SECRET_USERINFO.matcher(url);
        while (u.find()) {
            secrets.add(u.group(2));
        }
        return secrets;
    }

    @Override
    public String toString() {
        return "ConnectionSettings[url=" + maskedUrl() + ", user=" + user
                + ", password=" + (password.isEmpty() ? "" : MASK) + ", source=" + source + "]";
    }

    private static String first(String... values) {
        for (String v : values) {
            if (!blank(v)) {
                return v;
            }
        }
        return "";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
