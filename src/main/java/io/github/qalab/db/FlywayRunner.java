package io.github.qalab.db;

import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.migration.MigrationFile;
import io.github.qalab.migration.MigrationFile.DowngradeState;
import io.github.qalab.migration.SqlText;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.internal.database.DatabaseType;
import org.flywaydb.core.internal.database.base.Database;
import org.flywaydb.core.internal.database.base.Table;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.flywaydb.core.internal.jdbc.JdbcConnectionFactory;
import org.flywaydb.core.internal.parser.Parser;
import org.flywaydb.core.internal.parser.ParsingContext;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the migrations of one {@link MigrationDirectory} against one database through Flyway: migrate, info (the
 * status model) and downgrade (each migration's downgrade block, newest first, and its history row removed).
 */
public final class FlywayRunner {

    /** Flyway's own default name of the history table. */
    public static final String DEFAULT_TABLE = "flyway_schema_history";

    /**
     * The plugin's journal beside the history table, on databases without transactional DDL only: a row per migration
     * that has started and not yet finished, so that a run killed half way is told apart from a pending migration.
     */
    public static final String JOURNAL_TABLE = MigrateJournal.TABLE;

    private static final Pattern VERSION = Pattern.compile("[0-9]{1,9}");
    private static final Pattern RELATIVE = Pattern.compile("-([0-9]{1,9})");

    private final ConnectionSettings connection;
    private final MigrationDirectory directory;
    private final String table;
    private final ClassLoader classLoader;
    private final ProgressListener listener;

    /**
     * @param connection  where to connect
     * @param directory   the scanned migration folders
     * @param table       the history table, blank for {@value #DEFAULT_TABLE}
     * @param classLoader where JDBC drivers and Flyway database modules are looked up
     * @param listener    receives progress lines
     */
    public FlywayRunner(ConnectionSettings connection, MigrationDirectory directory, String table,
                        ClassLoader classLoader, ProgressListener listener) {
        this.connection = connection;
        this.directory = directory;
        this.table = table == null || table.isBlank() ? DEFAULT_TABLE : table.strip();
        this.classLoader = classLoader;
        this.listener = listener;
    }

    /** The history table in use. */
    public String table() {
        return table;
    }

    /** Flyway's configuration for these files: empty prefix, {@code _} separator, filesystem locations. */
    FluentConfiguration configure() {
        String[] locations = directory.locations().stream()
                .map(p -> "filesystem:" + p.toAbsolutePath().normalize())
                .toArray(String[]::new);
        FluentConfiguration config = Flyway.configure(classLoader);
        if (postgres()) {
            // A session-level advisory lock instead of one held in a transaction: CREATE INDEX CONCURRENTLY waits
            // for every open transaction, Flyway's own lock included, and would never finish.
            var extension = config.getConfigurationExtension(
                    org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension.class);
            if (extension != null) {
                extension.setTransactionalLock(false);
            }
        }
        return config
                .dataSource(connection.url(), connection.user(), connection.password())
                .locations(locations)
                .failOnMissingLocations(false)
                .sqlMigrationPrefix("")
                .sqlMigrationSeparator("_")
                .sqlMigrationSuffixes(".sql")
                .table(table)
                // An applied migration whose file is gone is refused, also when it is the newest ("future" to
                // Flyway, which ignores those by default): for qalab it is a deleted file, not a newer release.
                .ignoreMigrationPatterns(new String[0])
                .cleanDisabled(true)
                .loggers(QuietFlywayLog.class.getName());
    }

    // ----------------------------------------------------------------------------------------------- migrate

    /**
     * Applies the pending migrations up to {@code target} ("" or {@code null} for the head).
     *
     * @throws DatabaseException when the target is unknown, a file was edited after apply, or a migration fails
     */
    public MigrationRun migrate(String target) throws DatabaseException {
        long start = System.nanoTime();
        boolean journal = !postgres();
        java.util.Set<String> interrupted = interrupted();
        if (!interrupted.isEmpty()) {
            String versions = String.join(", ", interrupted.stream().sorted().toList());
            throw new DatabaseException(connection.mask("Refusing to migrate (nothing was changed): " + versions
                    + (interrupted.size() == 1 ? " was" : " were") + " interrupted while running (the process died),"
                    + " so some of its statements may be applied without a history row. Undo them by hand"
                    + " (mvn qalab:status -Dqalab.liveDrift=true lists what the database has beyond its history),"
                    + " then run: mvn qalab:repair qalab:migrate"));
        }
        FluentConfiguration config = configure().callbacks(new ProgressCallback(journal));
        if (target != null && !target.isBlank()) {
            config.target(knownVersion(target.strip(), "migrate"));
        }
        // On PostgreSQL (transactional DDL) all pending migrations run in one transaction, as Alembic's default
        // does: Flyway then reads its history once instead of once per migration (the per-migration refresh made a
        // 999-file chain quadratic), and a failure leaves nothing of the run behind.
        boolean grouped = postgres();
        MigrateResult result;
        try {
            try {
                result = config.group(grouped).load().migrate();
            } catch (FlywayException e) {
                if (!grouped || !mixedGroup(e)) {
                    throw e;
                }
                // A statement that cannot run in a transaction (CREATE INDEX CONCURRENTLY): Flyway refuses the
                // group before it executes anything, so the run goes one migration at a time.
                grouped = false;
                result = config.group(false).load().migrate();
            }
        } catch (FlywayMigrateException e) {
            MigrationInfo failed = e.getMigration();
            if (journal) {
                // Flyway recorded the failure in its history (or rolled it back): the journal row has done its work.
                closeJournal(failed == null || failed.getVersion() == null ? null : failed.getVersion().getVersion());
            }
            throw migrateFailure(e, grouped);
        } catch (FlywayValidateException e) {
            throw validateFailure(e);
        } catch (FlywayException e) {
            throw failure(e);
        }
        if (journal) {
            closeJournal(null);
        }
        List<MigrationRun.Applied> applied = new ArrayList<>();
        for (var m : result.migrations) {
            String version = m.version;
            applied.add(new MigrationRun.Applied(version, m.filepath == null ? "" : Path.of(m.filepath).getFileName().toString(),
                    fileOf(version), Duration.ofMillis(m.executionTime)));
        }
        return new MigrationRun(nullToEmpty(result.initialSchemaVersion),
                nullToEmpty(result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion),
                applied, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Reports each applied migration with its time as soon as Flyway finished it. */
    private final class ProgressCallback implements Callback {
        private final boolean journal;
        private boolean journalReady;
        private long started;

        ProgressCallback(boolean journal) {
            this.journal = journal;
        }

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            MigrationInfo info = context.getMigrationInfo();
            String version = info == null || info.getVersion() == null ? "" : info.getVersion().getVersion();
            if (event == Event.BEFORE_EACH_MIGRATE) {
                if (journal && !version.isEmpty()) {
                    journalStart(context.getConnection(), version, info.getScript());
                }
                started = System.nanoTime();
                return;
            }
            if (journal && journalReady) {
                // Finished: the row goes in the transaction that inserts its history row.
                journalEnd(context.getConnection(), version);
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            listener.info("Applied " + info.getScript() + " (" + millis + " ms)");
        }

        @Override
        public String getCallbackName() {
            return "qalab-progress";
        }

        private void journalStart(Connection c, String version, String script) {
            try {
                if (!journalReady) {
                    MigrateJournal.create(c);
                    journalReady = true;
                }
                MigrateJournal.start(c, version, script);
            } catch (SQLException e) {
                journalReady = false; // no rights to create it: migrate as plain Flyway does, without the journal
                listener.info("No journal of started migrations (" + rootMessage(e) + ")");
            }
        }

        private void journalEnd(Connection c, String version) {
            try {
                MigrateJournal.finish(c, version);
            } catch (SQLException e) {
                listener.info("Cannot clear the journal row of " + version + " (" + rootMessage(e) + ")");
            }
        }
    }

    private String fileName(String version) {
        Path file = fileOf(version);
        return file == null ? "file gone" : file.getFileName().toString();
    }

    /** True for PostgreSQL, the one supported database whose DDL runs in transactions. */
    private boolean postgres() {
        return connection.url().startsWith("jdbc:postgresql:");
    }

    /** A plain JDBC connection to the database, as Flyway opens it. */
    private Connection openConnection() throws SQLException {
        return configure().load().getConfiguration().getDataSource().getConnection();
    }

    /**
     * After a run: removes the journal row of the migration that failed (if any), then the journal table itself
     * when no row is left, so that the journal exists only while a run goes on or after one was killed.
     */
    private void closeJournal(String failedVersion) {
        try (Connection c = openConnection()) {
            MigrateJournal.forget(c, failedVersion == null ? List.of() : List.of(failedVersion));
        } catch (SQLException | RuntimeException e) {
            // no rights: the row stays, and status names it
        }
    }

    /** The versions the journal says were started and never finished; empty where there is no journal. */
    private java.util.Set<String> interrupted() {
        if (postgres()) {
            return java.util.Set.of();
        }
        try (Connection c = openConnection()) {
            return MigrateJournal.versions(c);
        } catch (SQLException | RuntimeException e) {
            return java.util.Set.of(); // unreadable: as plain Flyway, without the journal
        }
    }

    // ------------------------------------------------------------------------------------------------ repair

    /**
     * Flyway's repair, then the journal: removes the history rows of failed migrations, realigns the recorded
     * checksums (and descriptions) of applied migrations with the files, and forgets interrupted runs. Run it after
     * undoing by hand what a failed or interrupted migration left behind.
     *
     * @return one line per change made, e.g. {@code removed the failed row of 004}; empty when nothing was to repair
     * @throws DatabaseException when the database cannot be reached or Flyway refuses
     */
    public List<String> repair() throws DatabaseException {
        List<String> changes = new ArrayList<>();
        java.util.Set<String> interrupted = interrupted();
        try {
            var result = configure().load().repair();
            result.migrationsRemoved.forEach(m -> changes.add("removed the failed row of " + m.version
                    + " (" + fileName(m.version) + ")"));
            result.migrationsAligned.forEach(m -> changes.add("realigned the checksum of " + m.version
                    + " with " + fileName(m.version)));
            result.migrationsDeleted.forEach(m -> changes.add("removed the row of " + m.version
                    + " whose file is gone"));
        } catch (FlywayException e) {
            throw failure(e);
        }
        if (!interrupted.isEmpty()) {
            try (Connection c = openConnection()) {
                MigrateJournal.forget(c, interrupted);
            } catch (SQLException e) {
                throw new DatabaseException(connection.mask("Cannot clear " + JOURNAL_TABLE + ": " + rootMessage(e)));
            }
            interrupted.stream().sorted().forEach(v -> changes.add("forgot the interrupted run of " + v
                    + " (its history row, if any, stands again)"));
        }
        return changes;
    }

    /** Flyway's refusal of a group that mixes transactional and non-transactional migrations. */
    private static boolean mixedGroup(FlywayException e) {
        return String.valueOf(e.getMessage()).contains("Detected both transactional and non-transactional migrations");
    }

    private DatabaseException migrateFailure(FlywayMigrateException e, boolean grouped) {
        MigrationInfo info = e.getMigration();
        String script = info == null ? "a migration" : info.getScript();
        Path file = info == null ? null : fileOf(info.getVersion() == null ? "" : info.getVersion().getVersion());
        String where = (file != null ? file.toString() : script) + (e.getLineNumber() > 0 ? ":" + e.getLineNumber() : "");
        String dbMessage = rootMessage(e);
        StringBuilder message = new StringBuilder();
        message.append(where).append(": migration ").append(script).append(" failed");
        if (e.getLineNumber() > 0) {
            message.append(" at the statement on line ").append(e.getLineNumber());
        }
        message.append(": ").append(dbMessage.strip()).append('\n');
        Facts facts = facts();
        if (e.isExecutableInTransaction() && facts.ddlTransactions()) {
            message.append(grouped
                    ? "Nothing of this run remains: its migrations ran in one transaction, which was rolled back, and"
                            + " they are all still pending."
                    : "Nothing of " + script + " remains (rolled back in one transaction) and it is still pending.")
                    .append(" Fix the file, then run: mvn qalab:hash qalab:migrate (qalab:hash records the fixed"
                            + " content in qalab.sum; the migration was never applied, so no history is rewritten).");
        } else {
            String version = info == null || info.getVersion() == null ? "?" : info.getVersion().getVersion();
            message.append(facts.product()).append(" cannot roll back DDL (it commits each DDL statement): the statements"
                            + " of ").append(script).append(" before line ").append(Math.max(e.getLineNumber(), 1))
                    .append(" may have been applied and remain, and ").append(table).append(" marks ").append(version)
                    .append(" as failed. Undo what remains by hand, fix the file, then run: mvn qalab:repair qalab:hash"
                            + " qalab:migrate (repair removes the failed row, hash records the fixed content)");
            if (connection.isEmbedded()) {
                message.append(" (or, for the embedded database, delete target/qalab and start afresh)");
            }
            message.append('.');
        }
        return new DatabaseException(connection.mask(message.toString()));
    }

    private DatabaseException validateFailure(FlywayValidateException e) {
        // Flyway names versions; users need the files. Ask Flyway for the details once, only on this path.
        try {
            DatabaseStatus status = info();
            List<String> lines = new ArrayList<>();
            for (RevisionStatus r : status.revisions()) {
                r.problem(table).ifPresent(problem -> lines.add(display(r) + ": " + problem));
            }
            if (!lines.isEmpty()) {
                return new DatabaseException(connection.mask("Refusing to migrate:\n" + String.join("\n", lines)));
            }
        } catch (DatabaseException ignored) {
            // fall through to Flyway's own words
        }
        return failure(e);
    }

    // -------------------------------------------------------------------------------------------------- info

    /** Reads the history table and joins it with the folder: every revision newest first, current and head. */
    public DatabaseStatus info() throws DatabaseException {
        MigrationInfo[] all;
        MigrationInfo current;
        try {
            var service = configure().load().info();
            all = service.all();
            current = service.current();
        } catch (FlywayException e) {
            throw failure(e);
        }
        java.util.Set<String> interrupted = interrupted();
        String head = directory.head().flatMap(MigrationFile::version).orElse("");
        String currentVersion = current == null || current.getVersion() == null ? "" : current.getVersion().getVersion();
        List<RevisionStatus> revisions = new ArrayList<>();
        for (MigrationInfo info : all) {
            if (info.getVersion() == null) {
                continue; // repeatable migrations are not part of the qalab convention
            }
            if (info.getState() == MigrationState.BASELINE_IGNORED) {
                continue; // the file at the baseline version: the baseline row stands for it
            }
            String version = info.getVersion().getVersion();
            RevisionState state = stateOf(info);
            if ((state == RevisionState.PENDING || state == RevisionState.APPLIED) && interrupted.contains(version)) {
                state = RevisionState.INTERRUPTED;
            }
            Path file = fileOf(version);
            revisions.add(new RevisionStatus(version, info.getDescription(),
                    file != null ? file.getFileName().toString() : nullToEmpty(info.getScript()),
                    file, state,
                    info.getInstalledOn() == null ? null : info.getInstalledOn().toInstant(),
                    state.inHistory() ? info.getAppliedChecksum() : null,
                    file != null ? info.getResolvedChecksum() : null,
                    version.equals(head), version.equals(currentVersion)));
        }
        revisions.sort(Comparator.comparing((RevisionStatus r) -> versionNumber(r.version())).reversed());
        return new DatabaseStatus(connection.maskedUrl(), currentVersion, head, revisions);
    }

    private static RevisionState stateOf(MigrationInfo info) {
        MigrationState state = info.getState();
        if (state.isFailed()) {
            return RevisionState.FAILED;
        }
        if (state == MigrationState.BASELINE) {
            return RevisionState.BASELINE;
        }
        if (state == MigrationState.BELOW_BASELINE) {
            return RevisionState.BELOW_BASELINE;
        }
        if (!state.isResolved() && state.isApplied()) {
            return RevisionState.FILE_MISSING;
        }
        if (state.isApplied()) {
            Integer applied = info.getAppliedChecksum();
            Integer resolved = info.getResolvedChecksum();
            if (applied != null && resolved != null && !applied.equals(resolved)) {
                return RevisionState.EDITED_AFTER_APPLY;
            }
            return RevisionState.APPLIED;
        }
        return RevisionState.PENDING;
    }

    // --------------------------------------------------------------------------------------------- downgrade

    /**
     * Reverts applied migrations down to {@code target}: a version ({@code 002}: that revision stays applied),
     * {@code -N} (the N newest) or {@code base} (all). Everything is checked before anything runs.
     *
     * @param dryRun report the statements without executing them
     * @throws DatabaseException when the target is unknown or out of range, a migration on the way cannot be
     *                           reverted, or a downgrade statement fails
     */
    public DowngradeRun downgrade(String target, boolean dryRun) throws DatabaseException {
        return downgrade(target, dryRun, plan -> {
        });
    }

    /**
     * As {@link #downgrade(String, boolean)}, and hands the plan (the migrations to revert, newest first, with their
     * statements) to {@code beforeExecuting} once everything is checked and before any statement runs, also for a
     * dry run: the place to warn about what the downgrade destroys.
     */
    public DowngradeRun downgrade(String target, boolean dryRun,
                                  java.util.function.Consumer<List<DowngradeRun.Reverted>> beforeExecuting)
            throws DatabaseException {
        long start = System.nanoTime();
        DatabaseStatus status = info();
        List<String> halfDone = status.revisions().stream().filter(r -> r.state() == RevisionState.INTERRUPTED)
                .map(RevisionStatus::version).toList();
        if (!halfDone.isEmpty()) {
            throw new DatabaseException(connection.mask("Refusing to downgrade (nothing was changed): "
                    + String.join(", ", halfDone) + (halfDone.size() == 1 ? " is" : " are") + " partially applied"
                    + " (a migrate or downgrade stopped half way). Finish or undo its statements by hand"
                    + " (mvn qalab:status -Dqalab.liveDrift=true lists what the database has beyond its history),"
                    + " then run: mvn qalab:repair"));
        }
        List<RevisionStatus> applied = status.revisions().stream().filter(r -> r.state().inHistory()).toList();
        List<RevisionStatus> toRevert = resolveDowngrade(target, applied);
        List<String> problems = new ArrayList<>();
        for (RevisionStatus r : toRevert) {
            problems.addAll(revertProblems(r));
        }
        if (!problems.isEmpty()) {
            throw new DatabaseException(connection.mask("Refusing to downgrade to " + target + " (nothing was changed):\n"
                    + String.join("\n", problems)));
        }
        String to = applied.stream().filter(r -> !toRevert.contains(r)).findFirst().map(RevisionStatus::version).orElse("");
        if (toRevert.isEmpty()) {
            return new DowngradeRun(status.current(), status.current(), List.of(), dryRun,
                    Duration.ofNanos(System.nanoTime() - start));
        }
        Configuration config = configure().load().getConfiguration();
        try (JdbcConnectionFactory factory = new JdbcConnectionFactory(config.getDataSource(), config, null)) {
            DatabaseType type = factory.getDatabaseType();
            try (Database<?> database = type.createDatabase(config, factory, null)) {
                ParsingContext parsing = new ParsingContext();
                parsing.populate(database, config);
                Parser parser = type.createParser(config, null, parsing);
                Map<RevisionStatus, List<DowngradeRun.Statement>> plan = new HashMap<>();
                for (RevisionStatus r : toRevert) {
                    plan.put(r, parse(parser, directory.migrations().stream()
                            .filter(f -> r.file().equals(f.path())).findFirst().orElseThrow()));
                }
                List<DowngradeRun.Reverted> reverted = new ArrayList<>();
                Table history = database.getMainConnection().getCurrentSchema().getTable(config.getTable());
                String versionColumn = database.quote("version");
                List<DowngradeRun.Reverted> planned = new ArrayList<>();
                for (RevisionStatus r : toRevert) {
                    planned.add(new DowngradeRun.Reverted(r.version(), r.script(), r.file(), plan.get(r),
                            historyDelete(history.toString(), versionColumn, r.version()), Duration.ZERO));
                }
                beforeExecuting.accept(List.copyOf(planned));
                if (dryRun) {
                    return new DowngradeRun(status.current(), to, planned, true, Duration.ofNanos(System.nanoTime() - start));
                }
                boolean transactional = database.supportsDdlTransactions();
                Connection jdbc = database.getMigrationConnection().getJdbcConnection();
                java.util.concurrent.Callable<Void> work = () -> {
                    for (RevisionStatus r : toRevert) {
                        reverted.add(revert(jdbc, transactional, history.toString(), versionColumn, r,
                                plan.get(r)));
                    }
                    return null;
                };
                if (locksWithoutTable(type)) {
                    // the same lock Flyway's migrate takes, so a concurrent migrate waits for us
                    database.getMainConnection().lock(history, work);
                } else {
                    work.call();
                }
                if (!transactional) {
                    closeJournal(null);
                }
                return new DowngradeRun(status.current(), to, reverted, false, Duration.ofNanos(System.nanoTime() - start));
            }
        } catch (DatabaseException e) {
            throw e;
        } catch (FlywayException e) {
            if (e.getCause() instanceof DatabaseException de) {
                throw de;
            }
            throw failure(e);
        } catch (Exception e) {
            if (e.getCause() instanceof DatabaseException de) {
                throw de;
            }
            throw new DatabaseException(connection.mask("Downgrade failed: " + rootMessage(e)));
        }
    }

    private static String historyDelete(String table, String versionColumn, String version) {
        return "DELETE FROM " + table + " WHERE " + versionColumn + " = '" + version + "'";
    }

    private static boolean locksWithoutTable(DatabaseType type) {
        String name = type.getName().toLowerCase(java.util.Locale.ROOT);
        return name.contains("postgres") || name.contains("mysql") || name.contains("mariadb");
    }

    private List<RevisionStatus> resolveDowngrade(String target, List<RevisionStatus> applied) throws DatabaseException {
        String t = target == null ? "" : target.strip();
        List<String> oldestFirst = new ArrayList<>(applied.stream().map(RevisionStatus::version).toList());
        java.util.Collections.reverse(oldestFirst);
        String appliedList = applied.isEmpty() ? "none" : String.join(", ", oldestFirst);
        if (t.isEmpty()) {
            throw new DatabaseException("No downgrade target: set -Dqalab.target=NNN (down to that revision),"
                    + " -1 (the newest one) or base (all)");
        }
        if (t.equalsIgnoreCase("base")) {
            return applied;
        }
        Matcher relative = RELATIVE.matcher(t);
        if (relative.matches()) {
            int n = Integer.parseInt(relative.group(1));
            if (n == 0) {
                return List.of();
            }
            if (n > applied.size()) {
                throw new DatabaseException("Target " + t + " would go below the first migration: only " + applied.size()
                        + " applied (" + appliedList + ") \u2014 use -Dqalab.target=-" + applied.size()
                        + " or base to revert them all");
            }
            return applied.subList(0, n);
        }
        if (VERSION.matcher(t).matches()) {
            int number = Integer.parseInt(t);
            boolean known = directory.migrations().stream().anyMatch(f -> f.number() == number)
                    || applied.stream().anyMatch(r -> versionNumber(r.version()) == number);
            if (!known) {
                throw new DatabaseException("Unknown downgrade target " + t + ": no migration has that number (applied: "
                        + appliedList + ") \u2014 use an applied revision, -N or base");
            }
            int current = applied.isEmpty() ? 0 : versionNumber(applied.get(0).version());
            if (number > current) {
                throw new DatabaseException("Target " + t + " is above the current revision "
                        + (applied.isEmpty() ? "(none)" : applied.get(0).version())
                        + ": qalab:downgrade only goes down \u2014 use qalab:migrate -Dqalab.target=" + t);
            }
            return applied.stream().filter(r -> versionNumber(r.version()) > number).toList();
        }
        throw new DatabaseException("Unknown downgrade target '" + t + "': use a revision number (002), -N (-1) or base");
    }

    private String knownVersion(String target, String goal) throws DatabaseException {
        if (!VERSION.matcher(target).matches()) {
            throw new DatabaseException("Unknown target '" + target + "' for qalab:" + goal
                    + ": use a revision number such as 003, or leave it out for the head");
        }
        int number = Integer.parseInt(target);
        return directory.migrations().stream().filter(f -> f.number() == number).findFirst()
                .flatMap(MigrationFile::version)
                .orElseThrow(() -> new DatabaseException("Unknown target " + target + ": no migration file has that number"
                        + " \u2014 the head is " + directory.head().flatMap(MigrationFile::version).orElse("(none)")));
    }

    private List<String> revertProblems(RevisionStatus r) {
        String where = display(r);
        if (r.state() == RevisionState.FAILED) {
            return List.of(where + ": is marked as failed in " + table + " \u2014 undo what remains of it by hand, then"
                    + " DELETE FROM " + table + " WHERE version = '" + r.version() + "'");
        }
        if (r.file() == null) {
            return List.of(r.script() + ": applied as " + r.version() + " but the file is missing \u2014 restore it"
                    + " to downgrade past it");
        }
        MigrationFile file = directory.migrations().stream().filter(f -> r.file().equals(f.path())).findFirst().orElse(null);
        if (file == null) {
            return List.of(where + ": cannot be read \u2014 run qalab:verify");
        }
        String at = file.path() + ":" + Math.max(file.downgrade().line(), 1);
        return switch (file.downgrade().state()) {
            case SQL, EMPTY -> List.of();
            case IRREVERSIBLE -> List.of(at + ": " + r.version() + " is marked irreversible \u2014 it cannot be downgraded;"
                    + " choose a target at or above " + r.version());
            case MISSING -> List.of(file.path() + ":1: " + r.version() + " has no /* qalab:downgrade ... */ block"
                    + " \u2014 add one (or mark it irreversible)");
            case MALFORMED -> List.of(at + ": the downgrade block " + file.downgrade().detail()
                    + " \u2014 run qalab:verify and fix it");
        };
    }

    private List<DowngradeRun.Statement> parse(Parser parser, MigrationFile file) {
        if (file.downgrade().state() != DowngradeState.SQL) {
            return List.of();
        }
        int firstLine = downgradeSqlLine(file);
        return FlywayStatements.of(parser).split(file.downgrade().sql(), firstLine).stream()
                .map(s -> new DowngradeRun.Statement(s.line(), s.sql()))
                .toList();
    }

    /** The file line where the (stripped) downgrade SQL starts. */
    private static int downgradeSqlLine(MigrationFile file) {
        String content = file.content();
        int marker = content.indexOf("qalab:downgrade", offsetOfLine(content, file.downgrade().line()));
        int i = marker < 0 ? 0 : marker + "qalab:downgrade".length();
        while (i < content.length() && Character.isWhitespace(content.charAt(i))) {
            i++;
        }
        return SqlText.lineOf(content, i);
    }

    private static int offsetOfLine(String text, int line) {
        int offset = 0;
        for (int l = 1; l < line && offset >= 0; l++) {
            int eol = text.indexOf('\n', offset);
            offset = eol < 0 ? text.length() : eol + 1;
        }
        return offset;
    }

    private DowngradeRun.Reverted revert(Connection jdbc, boolean transactional, String historyTable,
                                        String versionColumn, RevisionStatus r,
                                        List<DowngradeRun.Statement> statements) throws DatabaseException {
        long start = System.nanoTime();
        boolean autoCommit;
        try {
            autoCommit = jdbc.getAutoCommit();
            jdbc.setAutoCommit(!transactional);
        } catch (SQLException e) {
            throw new DatabaseException(connection.mask("Cannot start the downgrade of " + r.script() + ": " + e.getMessage()));
        }
        DowngradeRun.Statement running = null;
        try {
            if (!transactional) {
                // Without transactional DDL a failure or a kill half way leaves the step partly done while the
                // history still lists it: the journal row makes status say "partially applied" until repaired.
                MigrateJournal.create(jdbc);
                MigrateJournal.start(jdbc, r.version(), r.script());
            }
            try (Statement st = jdbc.createStatement()) {
                for (DowngradeRun.Statement s : statements) {
                    running = s;
                    st.execute(s.sql());
                }
            }
            running = null;
            try (PreparedStatement delete = jdbc.prepareStatement("DELETE FROM " + historyTable + " WHERE " + versionColumn + " = ?")) {
                delete.setString(1, r.version());
                delete.executeUpdate();
            }
            if (!transactional) {
                MigrateJournal.finish(jdbc, r.version());
            }
            if (transactional) {
                jdbc.commit();
            }
        } catch (SQLException e) {
            if (transactional) {
                try {
                    jdbc.rollback();
                } catch (SQLException ignored) {
                    // the original failure is what the user needs
                }
            }
            String where = running == null ? display(r) : r.file() + ":" + running.line();
            String what = running == null ? "removing " + r.version() + " from " + historyTable : "the downgrade statement";
            String consequence = transactional
                    ? "Nothing of this downgrade step remains (rolled back); " + r.version() + " is still applied."
                    : "This database commits each DDL statement: the downgrade statements of " + r.script() + " before this one"
                    + " were executed and remain, while " + historyTable + " still lists " + r.version()
                    + "; qalab:status shows it as partially applied. Finish or undo them by hand, then run:"
                    + " mvn qalab:repair";
            throw new DatabaseException(connection.mask(where + ": " + what + " of " + r.script() + " failed: "
                    + e.getMessage() + "\n" + consequence));
        } finally {
            try {
                jdbc.setAutoCommit(autoCommit);
            } catch (SQLException ignored) {
                // the connection is closed right after
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        listener.info("Reverted " + r.script() + " (" + millis + " ms)");
        return new DowngradeRun.Reverted(r.version(), r.script(), r.file(), statements,
                historyDelete(historyTable, versionColumn, r.version()), Duration.ofMillis(millis));
    }

    // ------------------------------------------------------------------------------------------------ shared

    /** What the database can do, asked only on the failure path. */
    private record Facts(String product, boolean ddlTransactions, String historyTable, String versionColumn) {
    }

    private Facts facts() {
        Configuration config = configure().load().getConfiguration();
        try (JdbcConnectionFactory factory = new JdbcConnectionFactory(config.getDataSource(), config, null);
             Database<?> database = factory.getDatabaseType().createDatabase(config, factory, null)) {
            return new Facts(factory.getDatabaseType().getName(), database.supportsDdlTransactions(),
                    database.getMainConnection().getCurrentSchema().getTable(table).toString(), database.quote("version"));
        } catch (RuntimeException e) {
            return new Facts("This database", false, table, "version");
        }
    }

    private Path fileOf(String version) {
        if (version == null || !VERSION.matcher(version).matches()) {
            return null;
        }
        int number = Integer.parseInt(version);
        return directory.migrations().stream().filter(f -> f.number() == number).findFirst()
                .map(MigrationFile::path).orElse(null);
    }

    private String display(RevisionStatus r) {
        return r.file() != null ? r.file().toString() : r.script();
    }

    private DatabaseException failure(FlywayException e) {
        String message = rootMessage(e);
        if (isConnectionFailure(e)) {
            return new DatabaseException(connection.mask("Cannot connect to " + connection.url()
                    + (connection.user().isEmpty() ? "" : " as " + connection.user()) + ": " + message
                    + " \u2014 check qalab.url/qalab.user/qalab.password (or QALAB_URL/QALAB_USER/QALAB_PASSWORD,"
                    + " or qalab.serverId) and that the database server is running"));
        }
        return new DatabaseException(connection.mask("Flyway: " + firstLines(e.getMessage())));
    }

    private static boolean isConnectionFailure(Throwable e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("Unable to obtain connection") || m.contains("No database found to handle")
                || m.contains("Unable to instantiate JDBC driver") || m.contains("Unable to create driver");
    }

    /** The innermost message, usually the database's own words. */
    public static String rootMessage(Throwable e) {
        Throwable t = e;
        String message = e.getMessage();
        while (t != null) {
            if (t instanceof SQLException && t.getMessage() != null) {
                message = t.getMessage();
            }
            if (t.getCause() == null || t.getCause() == t) {
                break;
            }
            t = t.getCause();
        }
        if (!(e instanceof SQLException) && t != null && !(t instanceof SQLException) && t != e && t.getMessage() != null
                && message == e.getMessage()) {
            message = t.getMessage();
        }
        return firstLines(message);
    }

    private static String firstLines(String message) {
        if (message == null) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String line : message.strip().split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("---") || l.startsWith("SQL State") || l.startsWith("Error Code")
                    || l.startsWith("Message") || l.startsWith("Location") || l.startsWith("Line")
                    || l.startsWith("Statement")) {
                continue;
            }
            kept.add(l);
        }
        return String.join(" ", kept);
    }

    private static int versionNumber(String version) {
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
