package io.github.qalab.db;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The sandbox of the embedded shadow replay: migrations may come from an untrusted pull request, so they run as an H2
 * user without admin rights, for a bounded time each.
 *
 * <p>Why this user and not a list of forbidden statements: H2 itself requires admin rights for everything that reaches
 * outside the database (H2 2.3, {@code User.checkAdmin}): {@code CREATE ALIAS} / {@code CREATE AGGREGATE} and Java
 * triggers (Java code), {@code FILE_READ}, {@code FILE_WRITE}, {@code CSVREAD}, {@code CSVWRITE}, {@code RUNSCRIPT},
 * {@code SCRIPT TO}, {@code BACKUP} (files), {@code CREATE LINKED TABLE}, {@code LINK_SCHEMA} (other databases),
 * table engines, users, roles and database settings. The replay user holds {@code ALTER ANY SCHEMA} only, which is
 * everything a schema migration needs (tables, sequences, domains, views, indexes, data). So a new spelling of an old
 * trick is refused by H2, not by a list that has to keep up.
 */
final class ShadowSandbox {

    /** How long one statement may run in the shadow database before the replay gives up on it. */
    static final int STATEMENT_TIMEOUT_SECONDS = 20;

    /** The H2 user the migrations run as; it exists only inside the throwaway in-memory database. */
    static final String USER = "qalab_replay";

    /** H2's error code for "Admin rights are required for this operation". */
    private static final int ADMIN_RIGHTS_REQUIRED = 90040;
    /** H2's error code for "Statement was canceled or the session timed out". */
    private static final int STATEMENT_CANCELED = 57014;

    /**
     * Session switches that migrations written for MariaDB/MySQL (and H2) use around data loads, and that H2 guards
     * with admin rights although they only affect this throwaway database; they run as the admin.
     */
    private static final Pattern INTEGRITY_SWITCH = Pattern.compile(
            "(?is)\\s*SET\\s+(FOREIGN_KEY_CHECKS|REFERENTIAL_INTEGRITY)\\s*=?\\s*(0|1|TRUE|FALSE|ON|OFF)\\s*");

    private ShadowSandbox() {
    }

    /**
     * Creates the replay user in the database {@code admin} is connected to and connects as that user.
     *
     * @param admin    a connection of the database's admin
     * @param adminUrl the URL {@code admin} was opened with; its settings part ({@code ;MODE=...}) is left out, since a
     *                 user without admin rights may not change database settings (they apply database-wide already)
     */
    static Connection connect(Connection admin, String adminUrl) throws SQLException {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        try (Statement s = admin.createStatement()) {
            s.execute("CREATE USER IF NOT EXISTS " + USER + " PASSWORD '" + password + "'");
            s.execute("ALTER USER " + USER + " SET PASSWORD '" + password + "'");
            s.execute("GRANT ALTER ANY SCHEMA TO " + USER);
        }
        int options = adminUrl.indexOf(';');
        return DriverManager.getConnection(options < 0 ? adminUrl : adminUrl.substring(0, options), USER, password);
    }

    /** Runs one migration statement as the replay user ({@code restricted}), or a harmless session switch as admin. */
    static void execute(String sql, Statement restricted, Statement admin) throws SQLException {
        if (INTEGRITY_SWITCH.matcher(sql).matches()) {
            admin.execute(sql);
        } else {
            restricted.execute(sql);
        }
    }

    /**
     * The failure of one statement as the user should read it: refused capabilities, time-outs and nesting too deep
     * for H2's parser get their own words; anything else is the database's message.
     */
    static ReplayException failure(Path file, int line, Throwable cause, String databaseMessage) {
        if (cause instanceof StackOverflowError) {
            return new ReplayException(file, line, "the statement nests too deeply for the shadow database's SQL"
                    + " parser (stack overflow)", "simplify the statement (fewer nested parentheses, CASE or"
                    + " NOT levels)");
        }
        int code = cause instanceof SQLException e ? e.getErrorCode() : 0;
        if (code == ADMIN_RIGHTS_REQUIRED) {
            return new ReplayException(file, line, "the shadow replay refuses this statement: it needs H2 admin rights,"
                    + " which qalab never gives to migrations (Java code, file or OS access, links to other databases,"
                    + " users and database settings)", "remove it from the migration; if your real database needs it,"
                    + " replay into an empty database of that vendor with qalab.shadowUrl, which runs every"
                    + " statement as its user");
        }
        if (code == STATEMENT_CANCELED) {
            return new ReplayException(file, line, "the statement ran longer than " + STATEMENT_TIMEOUT_SECONDS
                    + " s in the shadow database and was stopped", "a schema migration runs in milliseconds there:"
                    + " look for an endless recursive query or a huge generated data set");
        }
        return new ReplayException(file, line, "migration does not replay: " + databaseMessage,
                "fix the statement, or set qalab.shadowUrl to an empty database of your real vendor if it uses SQL"
                        + " that H2 cannot run");
    }
}
