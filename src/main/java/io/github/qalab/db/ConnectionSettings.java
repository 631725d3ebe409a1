package io.github.qalab.db;

import io.github.qalab.sql.Dialect;

import java.nio.file.Path;
import java.util.Map;

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
    public static final String MASK = SecretMask.MASK;

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
        // QALAB_USER/QALAB_PASSWORD belong with QALAB_URL (a CI job's real database): without a URL the embedded
        // default keeps its own user and password unless they are given as parameters.
        ConnectionSettings embedded = embedded(embeddedDirectory, dialect);
        String embeddedUser = first(user, serverUser, null);
        String embeddedPassword = first(password, serverPassword, null);
        return new ConnectionSettings(embedded.url(), blank(embeddedUser) ? embedded.user() : embeddedUser,
                embeddedPassword, embedded.source());
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
     * The text with the password and every secret part of the URL replaced by {@value #MASK}, each as a whole value
     * ({@link SecretMask}); every message that may carry a URL or a driver's words passes through here before anyone
     * sees it.
     */
    public String mask(String text) {
        return secrets().apply(text);
    }

    /** The secrets of this connection: the password and the secret parts of the URL. */
    public SecretMask secrets() {
        return SecretMask.NONE.withPasswords(password).withUrl(url);
    }

    /**
     * What is wrong with the URL before any driver sees it, e.g. {@code notaurl}; empty for a URL of the form
     * {@code jdbc:<subprotocol>:...}. The message never shows the URL itself, which may hold a password.
     */
    public java.util.Optional<String> urlProblem() {
        if (!url.matches("(?s)jdbc:[A-Za-z0-9][A-Za-z0-9_-]*:.*")) {
            return java.util.Optional.of("the database URL (from " + source + ") is not a JDBC URL: it must start with"
                    + " jdbc:<database>:, e.g. jdbc:postgresql://localhost:5432/app or jdbc:mariadb://localhost:3306/app");
        }
        if (url.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            return java.util.Optional.of("the database URL (from " + source + ") holds a control character (a line"
                    + " break or tab pasted with it?): write it on one line");
        }
        return java.util.Optional.empty();
    }

    /**
     * For a URL of a database whose JDBC driver and Flyway module qalab does not bring ({@code jdbc:oracle:},
     * {@code jdbc:sqlserver:} ...), what to add to the project; empty for PostgreSQL, MariaDB/MySQL and H2.
     */
    public java.util.Optional<String> foreignDatabaseHint() {
        String sub = url.startsWith("jdbc:") && url.indexOf(':', 5) > 5 ? url.substring(5, url.indexOf(':', 5)) : "";
        if (sub.isEmpty() || java.util.Set.of("postgresql", "mariadb", "mysql", "h2").contains(sub)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("qalab brings the drivers and Flyway modules for PostgreSQL, MariaDB/MySQL and H2"
                + " only; for jdbc:" + sub + ": add that database's JDBC driver and Flyway module (e.g."
                + " org.flywaydb:flyway-database-" + sub + ") to the project's runtime dependencies");
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
