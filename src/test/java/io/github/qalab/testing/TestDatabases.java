package io.github.qalab.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Fresh, isolated databases on the real servers for tests: a new PostgreSQL or MariaDB database per call, dropped
 * on {@link TestDatabase#close()}. When a server is unreachable the test is skipped with a visible message, or
 * fails when {@code QALAB_REQUIRE_DATABASES=true} (as {@code .ci/run} sets it).
 */
public final class TestDatabases {

    public static final String PG_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final String PG_USER = "postgres";
    public static final String MARIADB_ADMIN_URL = "jdbc:mariadb://127.0.0.1:3306/test";
    public static final String MARIADB_USER = "root";

    private TestDatabases() {
    }

    /** A database on a real server, dropped on close. */
    public record TestDatabase(String kind, String name, String url, String user, String password, String adminUrl)
            implements AutoCloseable {

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public void close() {
            if (kind.equals("h2")) {
                try (Connection c = DriverManager.getConnection(url, user, password);
                     Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                } catch (SQLException e) {
                    System.err.println("[qalab-test] could not shut down H2 database " + name + ": " + e.getMessage());
                }
                return;
            }
            try (Connection c = DriverManager.getConnection(adminUrl, user, password);
                 Statement s = c.createStatement()) {
                if (kind.equals("postgresql")) {
                    s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                } else {
                    s.execute("DROP DATABASE IF EXISTS " + name);
                }
            } catch (SQLException e) {
                System.err.println("[qalab-test] could not drop test database " + name + ": " + e.getMessage());
            }
        }
    }

    /** True when database tests must fail rather than skip on an unreachable server. */
    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("QALAB_REQUIRE_DATABASES"))
                || "true".equalsIgnoreCase(System.getProperty("qalab.requireDatabases"));
    }

    /** A new, empty in-memory H2 database (no server needed), closed on {@link TestDatabase#close()}. */
    public static TestDatabase h2() {
        String name = newName();
        String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        return new TestDatabase("h2", name, url, "sa", "", url);
    }

    /** A new, empty PostgreSQL database. */
    public static TestDatabase postgres() {
        String name = newName();
        create("PostgreSQL at 127.0.0.1:5432", PG_ADMIN_URL, PG_USER, "CREATE DATABASE " + name);
        return new TestDatabase("postgresql", name, "jdbc:postgresql://127.0.0.1:5432/" + name, PG_USER, "",
                PG_ADMIN_URL);
    }

    /** A new, empty MariaDB database. */
    public static TestDatabase mariadb() {
        String name = newName();
        create("MariaDB at 127.0.0.1:3306", MARIADB_ADMIN_URL, MARIADB_USER,
                "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        return new TestDatabase("mariadb", name, "jdbc:mariadb://127.0.0.1:3306/" + name, MARIADB_USER, "",
                MARIADB_ADMIN_URL);
    }

    private static String newName() {
        return "qalab_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    }

    private static void create(String server, String adminUrl, String user, String ddl) {
        try (Connection c = DriverManager.getConnection(adminUrl, user, "");
             Statement s = c.createStatement()) {
            s.execute(ddl);
        } catch (SQLException e) {
            String message = server + " is unreachable (" + e.getMessage() + ")";
            if (required()) {
                Assertions.fail(message + "; database tests are mandatory here (QALAB_REQUIRE_DATABASES=true)");
            }
            System.err.println("[qalab-test] SKIPPED: " + message
                    + "; set QALAB_REQUIRE_DATABASES=true to make this a failure");
            Assumptions.abort(message);
        }
    }
}
