package io.github.qalab.db;

import io.github.qalab.migration.MigrationFile;
import io.github.qalab.schema.JdbcSchemaReader;
import io.github.qalab.schema.Schema;
import io.github.qalab.sql.Dialect;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A throwaway database into which the existing migrations are replayed to learn the schema they produce: an
 * in-memory H2 in the target dialect's compatibility mode, or a real, empty database given by a shadow URL
 * (for migrations with vendor-only SQL), which is emptied before and after.
 *
 * <p>The replay runs through Flyway itself ({@code sqlMigrationPrefix=""}, {@code sqlMigrationSeparator="_"}), so
 * statements are split exactly as {@code qalab:migrate} and the application will split them.
 */
public final class ShadowDatabase {

    /**
     * The table qalab creates in an external shadow database while it uses it; finding it proves that the
     * database is a shadow left over from an interrupted run, so emptying it destroys nothing of value.
     */
    static final String MARKER_TABLE = "qalab_shadow_marker";

    private static final String HISTORY_TABLE = JdbcSchemaReader.FLYWAY_HISTORY;

    /** Column and check shapes the normalisation cache keeps at most; beyond, only those of the last run are kept. */
    private static final int MAX_LEARNT = 20_000;

    private final String url;
    private final String user;
    private final String password;
    private final boolean embedded;
    private final String setupSql;
    /** The dialect whose statement splitting the migrations follow (embedded shadow only). */
    private final String dialect;
    /** Where replayed schemas are kept by content (embedded shadow only); null for none. */
    private final ShadowCache cache;

    private ShadowDatabase(String url, String user, String password, boolean embedded, String setupSql,
                           String dialect, ShadowCache cache) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
        this.setupSql = setupSql;
        this.dialect = dialect;
        this.cache = cache;
    }

    /**
     * This embedded shadow, keeping the schemas its replays produce in {@code dir} ({@link ShadowCache}) and taking
     * them from there when the same migrations come again; an external shadow is always replayed.
     */
    public ShadowDatabase withCache(Path dir) {
        return embedded ? new ShadowDatabase(url, user, password, true, setupSql, dialect, new ShadowCache(dir))
                : this;
    }

    /** The default folder of {@link #withCache}: {@code ~/.cache/qalab/shadow}, outside every project. */
    public static Path defaultCacheDir() {
        return io.github.qalab.schema.CacheFiles.defaultRoot().resolve("shadow");
    }

    /**
     * A fresh in-memory H2 for migrations written for {@code dialect}: PostgreSQL mode (with an {@code oid}
     * domain, the type Hibernate gives {@code @Lob} columns there), MariaDB mode for {@code mariadb} and
     * {@code mysql}, or H2's own mode.
     */
    public static ShadowDatabase embedded(Dialect dialect) {
        String name = "qalab_shadow_" + UUID.randomUUID().toString().replace("-", "");
        return new ShadowDatabase("jdbc:h2:mem:" + name + H2Compatibility.urlOptions(dialect) + ";DB_CLOSE_DELAY=-1",
                "sa", "", true, H2Compatibility.setupSql(dialect), dialect.name(), null);
    }

    /**
     * A real database reached at {@code url}; it must be empty (or a shadow left by an interrupted qalab run),
     * because qalab drops everything in it before and after the replay.
     */
    public static ShadowDatabase external(String url, String user, String password) {
        return new ShadowDatabase(url, user == null ? "" : user, password == null ? "" : password, false, "", "",
                null);
    }

    /** The JDBC URL with any password in it masked, for messages. */
    public String url() {
        return redact(url);
    }

    /** The URL with its secret parts masked as whole values ({@link SecretMask}). */
    static String redact(String jdbcUrl) {
        return SecretMask.NONE.withUrl(jdbcUrl).apply(jdbcUrl);
    }

    /**
     * Replays the upgrade part of each migration, in order, and reads back the schema they produce.
     *
     * @param migrations the chain, ordered by number ({@code MigrationDirectory.migrations()})
     * @throws ReplayException naming the failing file and line with the database's message, or saying why the
     *                         shadow database cannot be used
     */
    public Schema replay(List<MigrationFile> migrations) throws ReplayException {
        try (Session session = open(migrations)) {
            return session.current();
        }
    }

    /**
     * Replays the migrations and keeps the shadow database open, so that desired objects can be normalised in it
     * ({@link Session#normalise}) before it is emptied; close the session to release it.
     *
     * @throws ReplayException as {@link #replay} does
     */
    public Session open(List<MigrationFile> migrations) throws ReplayException {
        return embedded ? openEmbedded(migrations) : openExternal(migrations);
    }

    /**
     * A replayed shadow database, open until {@link #close()}: the schema the migrations produce, and a place to
     * learn how the database stores the desired schema's types, defaults and checks.
     */
    public final class Session implements AutoCloseable {
        /** Null until needed, for a session whose schema came from the cache ({@link #openEmbedded}). */
        private Connection connection;
        /** The connection statements from the project run on (the sandboxed user on the embedded H2). */
        private Connection work;
        private final Schema current;
        /** The chain this session's schema comes from. */
        private final List<MigrationFile> migrations;
        /** The migrations not yet replayed into this session's database, because {@link #current} came from the cache. */
        private List<MigrationFile> unreplayed;
        private boolean closed;

        private Session(Connection connection, Connection work, List<MigrationFile> migrations) throws SQLException {
            this.connection = connection;
            this.work = work;
            this.migrations = List.copyOf(migrations);
            this.current = new JdbcSchemaReader(Set.of(HISTORY_TABLE, MARKER_TABLE, FlywayRunner.JOURNAL_TABLE)).read(connection);
            this.unreplayed = List.of();
        }

        /**
         * A session whose schema {@code cached} the migrations produce; its database, holding only the set-up, is
         * started when the normalisation first needs it.
         */
        private Session(Schema cached, List<MigrationFile> unreplayed) {
            this.current = cached;
            this.migrations = List.copyOf(unreplayed);
            this.unreplayed = List.copyOf(unreplayed);
        }

        /** Whether {@link #current} came from the cache rather than a replay in this run. */
        public boolean cached() {
            return !unreplayed.isEmpty();
        }

        /** Whether this session's database was started (a session from the cache starts it only when needed). */
        boolean started() {
            return connection != null;
        }

        /** The schema the replayed migrations produce. */
        public Schema current() {
            return current;
        }

        /**
         * How the database stores the desired schema: every distinct column type and default, and every check, is
         * created in scratch tables of this shadow database, read back and dropped again. On the embedded shadow with
         * a cache, what an earlier run learnt is taken from the cache ({@link ShadowCache#normalisationKey}) and only
         * the rest is created; when the cache knows every shape, no database is started at all.
         *
         * @throws ReplayException when the shadow database rejects a type, default or check of the desired schema
         *                         (the generated migration would not replay either)
         */
        public io.github.qalab.diff.Normalisation normalise(Schema desired, Dialect target) throws ReplayException {
            ShadowNormaliser.Needs needs = ShadowNormaliser.needs(desired, target);
            // A type the migrations create (CREATE DOMAIN clob AS text) may carry the name of a built-in one, which
            // means something else without them: such a schema is normalised where the migrations ran, never from
            // or into the cache.
            boolean chainTypes = ShadowNormaliser.usesAny(needs, ShadowNormaliser.typesCreatedBy(migrations));
            Optional<String> key = cache == null || chainTypes ? Optional.empty()
                    : ShadowCache.normalisationKey(dialect, setupSql);
            ShadowNormaliser.Learnt known = key.map(k -> cache.loadLearnt(k)).orElse(ShadowNormaliser.Learnt.NONE);
            Optional<io.github.qalab.diff.Normalisation> fromCache = ShadowNormaliser.known(needs, known, target);
            if (fromCache.isPresent()) {
                return fromCache.get();
            }
            try {
                if (connection == null) {
                    Connection[] opened = openSetUp();
                    connection = opened[0];
                    work = opened[1];
                }
                if (chainTypes) {
                    replayRest();
                }
                if (!unreplayed.isEmpty()) {
                    // The scratch objects usually need nothing of the migrations; when they do (a default naming a
                    // sequence, a type a migration created), the migrations are replayed here after all.
                    try {
                        ShadowNormaliser.Learning learning = ShadowNormaliser.learn(work, connection, needs, known,
                                target, embedded);
                        // Learnt on the set-up alone, so true for every chain: kept for the next run.
                        if (key.isPresent() && learning.learnt().size() > known.size()) {
                            cache.storeLearnt(key.get(), learning.learnt().size() > MAX_LEARNT
                                    ? learning.learnt().only(needs) : learning.learnt());
                        }
                        return ShadowNormaliser.normalisation(needs, learning, target);
                    } catch (SQLException | ReplayException e) {
                        replayRest();
                    }
                }
                return ShadowNormaliser.normalisation(needs, ShadowNormaliser.learn(work, connection, needs, known,
                        target, embedded), target);
            } catch (SQLException e) {
                throw new ReplayException(null, 0, "shadow database " + url() + " failed while normalising: "
                        + redactMessage(e.getMessage()), "");
            }
        }

        /** Replays into this session's database the migrations whose schema came from the cache. */
        private void replayRest() throws SQLException, ReplayException {
            List<MigrationFile> toReplay = unreplayed;
            unreplayed = List.of();
            replayStatements(connection, work, toReplay);
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (connection == null) {
                return;
            }
            if (work != connection) {
                closeQuietly(work);
            }
            closeQuietly(connection);
            release();
        }
    }

    /**
     * The in-memory H2 is fresh and ours: the migrations replay into it ({@link #replayStatements}), unless the cache
     * holds the schema these exact migrations produce; then the database is started only if the normalisation needs
     * it ({@link Session#normalise}).
     */
    private Session openEmbedded(List<MigrationFile> migrations) throws ReplayException {
        Optional<String> key = cache == null ? Optional.empty() : ShadowCache.key(dialect, setupSql, migrations);
        Optional<Schema> cached = key.isEmpty() ? Optional.empty() : cache.load(key.get());
        if (cached.isPresent() && !migrations.isEmpty()) {
            return new Session(cached.get(), migrations);
        }
        Connection[] opened = null;
        try {
            opened = openSetUp();
            replayStatements(opened[0], opened[1], migrations);
            Session session = new Session(opened[0], opened[1], migrations);
            if (key.isPresent()) {
                cache.store(key.get(), session.current());
            }
            opened = null;
            return session;
        } catch (SQLException e) {
            throw new ReplayException(null, 0, "shadow database " + url() + " failed: " + redactMessage(e.getMessage()),
                    "");
        } finally {
            if (opened != null) {
                closeQuietly(opened[1]);
                closeQuietly(opened[0]);
                release();
            }
        }
    }

    /**
     * Starts the embedded shadow: connects as its admin and as the sandboxed user that runs the project's statements
     * (migrations, maybe an untrusted pull request's, run without H2 admin rights: {@link ShadowSandbox}), and runs
     * the dialect's set-up.
     *
     * @return the admin connection and the sandboxed one
     */
    private Connection[] openSetUp() throws SQLException {
        Connection c = connect();
        Connection restricted = null;
        try {
            restricted = ShadowSandbox.connect(c, url);
            if (!setupSql.isEmpty()) {
                try (Statement admin = c.createStatement()) {
                    admin.execute(setupSql);
                }
            }
            return new Connection[] {c, restricted};
        } catch (SQLException | RuntimeException e) {
            if (restricted != null) {
                closeQuietly(restricted);
            }
            closeQuietly(c);
            release();
            throw e;
        }
    }

    /**
     * Runs the upgrade statements of {@code migrations} on the embedded shadow: split by Flyway's parser for the
     * dialect (as {@code qalab:migrate} splits them on that database), without Flyway's per-migration bookkeeping
     * (history table, locks, validation), which cost half of the replay and tells nothing about the schema.
     */
    private void replayStatements(Connection c, Connection restricted, List<MigrationFile> migrations)
            throws SQLException, ReplayException {
        FlywayStatements splitter = FlywayStatements.forDialect(dialect);
        try (Statement admin = c.createStatement(); Statement s = restricted.createStatement()) {
            s.setQueryTimeout(ShadowSandbox.STATEMENT_TIMEOUT_SECONDS);
            for (MigrationFile m : migrations) {
                for (FlywayStatements.Statement statement : splitter.split(m.upgrade().sql(),
                        m.upgrade().startLine())) {
                    Optional<String> shadowSql = H2Compatibility.shadowStatement(statement.sql());
                    if (shadowSql.isEmpty()) {
                        continue;
                    }
                    try {
                        ShadowSandbox.execute(shadowSql.get(), s, admin);
                    } catch (SQLException | StackOverflowError e) {
                        throw ShadowSandbox.failure(m.path(), statement.line(), e, firstLine(e.getMessage()));
                    }
                }
            }
        }
    }

    private Session openExternal(List<MigrationFile> migrations) throws ReplayException {
        Path staging = null;
        boolean owned = false;
        Connection c = null;
        try {
            staging = Files.createTempDirectory("qalab-shadow");
            for (MigrationFile m : migrations) {
                // The whole file, so that Flyway's line numbers are the file's; Flyway skips the downgrade comment.
                Files.writeString(staging.resolve(m.fileName()), m.content(), StandardCharsets.UTF_8);
            }
            try (Connection prepare = connect()) {
                // Only a database that passed the emptiness check is ours to wipe afterwards.
                owned = prepare(prepare);
            }
            migrate(staging, migrations);
            c = connect();
            Session session = new Session(c, c, migrations);
            c = null;
            owned = false;
            return session;
        } catch (SQLException e) {
            throw new ReplayException(null, 0, "shadow database " + url() + " failed: " + redactMessage(e.getMessage()),
                    "check qalab.shadowUrl and that its user may create and drop tables");
        } catch (IOException e) {
            throw new ReplayException(null, 0, "cannot stage migrations for the shadow database: " + e.getMessage(),
                    "check that the temporary folder is writable");
        } finally {
            if (c != null) {
                closeQuietly(c);
            }
            if (owned) {
                release();
            }
            io.github.qalab.migration.AtomicFiles.deleteQuietly(staging);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // Nothing left to do with it.
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Checks and empties the shadow; returns true once it is safe to wipe it again afterwards. */
    private boolean prepare(Connection c) throws SQLException, ReplayException {
        try (Statement s = c.createStatement()) {
            if (!embedded) {
                List<String> tables = tableNames(c);
                boolean ours = tables.stream().anyMatch(t -> t.equalsIgnoreCase(MARKER_TABLE));
                if (!tables.isEmpty() && !ours) {
                    throw new ReplayException(null, 0, "shadow database " + url() + " is not empty (it holds table "
                            + tables.get(0) + ")", "point qalab.shadowUrl at an empty database that qalab may wipe");
                }
                clean();
                s.execute("CREATE TABLE " + MARKER_TABLE + " (id INTEGER)");
            }
            if (!setupSql.isEmpty()) {
                s.execute(setupSql);
            }
        }
        return true;
    }

    private static List<String> tableNames(Connection c) throws SQLException {
        boolean mariaDb = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).matches(".*(mariadb|mysql).*");
        try (ResultSet rs = c.getMetaData().getTables(mariaDb ? c.getCatalog() : null, mariaDb ? null : c.getSchema(),
                "%", new String[] {"TABLE"})) {
            List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
            return names;
        }
    }

    private void migrate(Path staging, List<MigrationFile> migrations) throws ReplayException {
        try {
            Flyway.configure()
                    .dataSource(url, user, password)
                    .locations("filesystem:" + staging.toAbsolutePath())
                    .sqlMigrationPrefix("")
                    .sqlMigrationSeparator("_")
                    .sqlMigrationSuffixes(".sql")
                    .encoding(StandardCharsets.UTF_8)
                    .table(HISTORY_TABLE)
                    .loggers(QuietFlywayLog.class.getName())
                    // The marker table makes the shadow non-empty; baseline 0 precedes every migration.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            FlywaySqlScriptException script = scriptFailure(e);
            if (script != null) {
                String name = script.getResource() == null ? "" : script.getResource().getFilename();
                Path file = migrations.stream().filter(m -> m.fileName().equals(name)).map(MigrationFile::path)
                        .findFirst().orElse(Path.of(name));
                String message = script.getCause() instanceof SQLException sql ? firstLine(sql.getMessage())
                        : firstLine(script.getMessage());
                throw new ReplayException(file, script.getLineNumber(), "migration does not replay: " + message,
                        "fix the statement");
            }
            throw new ReplayException(null, 0, "replaying the migrations failed: " + firstLine(e.getMessage()),
                    "run mvn qalab:verify to check the migration files");
        }
    }

    private static FlywaySqlScriptException scriptFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FlywaySqlScriptException s) {
                return s;
            }
        }
        return null;
    }

    private void release() {
        try {
            if (embedded) {
                try (Connection c = connect(); Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                }
            } else {
                clean();
            }
        } catch (SQLException | RuntimeException e) {
            // Best effort: an embedded database disappears with the JVM, and the marker table lets the next run
            // of an external shadow clean up what this one could not.
        }
    }

    private void clean() {
        Flyway.configure().dataSource(url, user, password).loggers(QuietFlywayLog.class.getName())
                .cleanDisabled(false).table(HISTORY_TABLE).load().clean();
    }

    private String redactMessage(String message) {
        return SecretMask.NONE.withPasswords(password).withUrl(url).apply(message);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String line = message.strip();
        // H2 appends the whole statement, which the file and line already point at.
        int statement = line.indexOf("; SQL statement:");
        if (statement > 0) {
            line = line.substring(0, statement);
        }
        int eol = line.indexOf('\n');
        return eol < 0 ? line : line.substring(0, eol).strip();
    }
}
