package io.github.qalab.lint;

import io.github.qalab.convention.Severity;
import io.github.qalab.convention.Violation;
import io.github.qalab.db.FlywayStatements;
import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.migration.MigrationFile;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The safety lint: reads the statements of the given migrations with JSqlParser and runs every {@link LintRule} on
 * them. A statement the parser cannot read is reported under QL100, never a crash.
 */
public final class MigrationLinter {

    // JSqlParser 5.4 does not know these PostgreSQL/H2 spellings; they are rewritten before parsing (and NOT VALID
    // remembered) so that the rest of the statement is still checked.
    private static final Pattern NOT_VALID = Pattern.compile("(?is)^(.*\\S)\\s+NOT\\s+VALID\\s*$");
    private static final Pattern SET_DATA_TYPE = Pattern.compile("(?i)\\bSET\\s+DATA\\s+TYPE\\b");

    private final MigrationDirectory directory;
    private final LintDialect dialect;
    private final Map<String, Severity> severities;
    private final Map<Integer, List<ParsedStatement>> parsedEarlier = new HashMap<>();
    private final FlywayStatements splitter;

    /** Statements that change data or session state only: no lint rule concerns them, so they are not parsed. */
    private static final java.util.Set<String> DATA_ONLY = java.util.Set.of("INSERT", "UPDATE", "DELETE", "SELECT",
            "MERGE", "REPLACE", "UPSERT", "VALUES", "WITH", "SET", "COMMENT", "GRANT", "REVOKE");

    /** How long one lint run may parse in total before it stops and says which statements it did not check. */
    static final long BUDGET_MILLIS = 30_000;
    /** How long JSqlParser may spend on one statement (its own default is 6 s). */
    private static final long STATEMENT_TIMEOUT_MILLIS = 2_000;

    /** The one thread JSqlParser parses on during a {@link #lint} run (it runs each parse under a time-out). */
    private ExecutorService parserThread;
    private long budgetMillis = BUDGET_MILLIS;
    private long deadline;
    private boolean outOfTime;

    /**
     * @param directory  the whole folder (earlier migrations tell the column types before a change)
     * @param dialect    the database the migrations are for; PostgreSQL-only rules run only for {@code POSTGRESQL}
     * @param severities the severity per lint rule id; a missing id takes the rule's default, {@code OFF} skips it
     */
    public MigrationLinter(MigrationDirectory directory, LintDialect dialect, Map<String, Severity> severities) {
        this.directory = directory;
        this.dialect = dialect;
        this.severities = Map.copyOf(severities);
        this.splitter = FlywayStatements.forDialect(switch (dialect) {
            case POSTGRESQL -> "postgresql";
            case MARIADB -> "mariadb";
            case H2 -> "h2";
            case UNKNOWN -> ""; // Flyway's PostgreSQL rules: they know dollar quotes, the others' quoting too
        });
    }

    /** The same linter with another time budget (tests). */
    MigrationLinter budget(long millis) {
        this.budgetMillis = millis;
        return this;
    }

    /**
     * Loads the SQL parser and the statement splitter (about a second of class loading in a fresh JVM), so that a
     * lint that follows is quick; {@code qalab:generate} calls it on a spare thread while it compares the schemas.
     */
    public static void warmUp(LintDialect dialect) {
        new MigrationLinter(new MigrationDirectory(List.of(), List.of(), List.of()), dialect, Map.of())
                .parse(new SqlStatement("ALTER TABLE t ADD COLUMN c VARCHAR(10) DEFAULT 'x' NOT NULL", 1));
        rules();
    }

    /** Every lint rule, in id order. */
    public static List<LintRule> rules() {
        return List.of(new UnparsedStatementRule(), new DestructiveChangeRule(), new NotNullWithoutDefaultRule(),
                new NarrowedColumnTypeRule(), new ChangedColumnTypeRule(), new BlockingIndexRule(),
                new ValidatingForeignKeyRule(), new RenameRule());
    }

    /** The findings in the given migrations' upgrade parts, in file then line order. */
    public List<Violation> lint(List<MigrationFile> files) {
        return run(files, this::statements);
    }

    private List<Violation> run(List<MigrationFile> files,
                                java.util.function.Function<MigrationFile, List<SqlStatement>> statements) {
        List<Violation> found = new ArrayList<>();
        // One parser thread for the whole run: JSqlParser's own parse(String) starts a thread per statement.
        parserThread = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "qalab-lint-parser");
            thread.setDaemon(true);
            return thread;
        });
        deadline = System.nanoTime() + budgetMillis * 1_000_000;
        outOfTime = false;
        try {
            for (MigrationFile file : files) {
                if (file.readable() && !outOfTime) {
                    lint(file, statements.apply(file), found);
                }
            }
        } finally {
            parserThread.shutdownNow();
            parserThread = null;
        }
        return found;
    }

    /**
     * The findings in the upgrade part of a migration whose statements are known, as {@link #lint(List)} gives them:
     * {@code qalab:generate} lints the file it just rendered from {@code statements} (texts without delimiters, in
     * file order). Each is found in the file's text for its line, so Flyway's statement splitter, a tenth of a second
     * of cold code for a large migration, is not needed; when one is not found there as it stands, the file is cut as
     * Flyway cuts it instead.
     */
    public List<Violation> lint(MigrationFile file, List<String> statements) {
        List<SqlStatement> located = locate(file, statements);
        return run(List.of(file), f -> located.isEmpty() ? statements(f) : located);
    }

    /** The statements at their lines in the upgrade part of {@code file}; empty when one is not found in order. */
    static List<SqlStatement> locate(MigrationFile file, List<String> statements) {
        String text = file.upgrade().sql();
        List<SqlStatement> located = new ArrayList<>();
        int from = 0;
        int line = file.upgrade().startLine();
        for (String statement : statements) {
            String sql = statement.strip();
            int at = sql.isEmpty() ? -1 : text.indexOf(sql, from);
            if (at < 0) {
                return List.of();
            }
            for (int i = from; i < at; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            located.add(new SqlStatement(sql, line));
            from = at;
        }
        return located;
    }

    private void lint(MigrationFile file, List<SqlStatement> statements, List<Violation> found) {
        LintContext context = new LintContext(file, dialect,
                (table, column) -> typeBefore(file.number(), table, column));
        for (SqlStatement source : statements) {
            if (!concernsSchema(source.sql())) {
                continue;
            }
            if (System.nanoTime() - deadline >= 0) {
                outOfTime = true;
                report(new UnparsedStatementRule(), file, source, new LintFinding("the lint stopped here: it spent its "
                        + budgetMillis / 1000 + " s budget, so this statement and the ones after it were not checked",
                        "review the rest by hand, or split the migration"), found);
                return;
            }
            Optional<ParsedStatement> parsed = parse(source);
            if (parsed.isEmpty()) {
                report(new UnparsedStatementRule(), file, source, new LintFinding(
                        "not understood by the lint's SQL parser (JSqlParser), so it was not checked",
                        new UnparsedStatementRule().hint()), found);
                continue;
            }
            for (LintRule rule : rules()) {
                for (LintFinding finding : rule.check(parsed.get(), context)) {
                    report(rule, file, source, finding, found);
                }
            }
            if (parsed.get().tree() instanceof CreateTable create) {
                context.created(create.getTable().getFullyQualifiedName());
            }
        }
    }

    private void report(LintRule rule, MigrationFile file, SqlStatement source, LintFinding finding,
                        List<Violation> found) {
        Severity severity = severities.getOrDefault(rule.id(), rule.defaultSeverity());
        if (severity != Severity.OFF) {
            found.add(new Violation(rule.id(), severity, file.path(), source.line(),
                    source.abbreviated() + ": " + finding.risk(), finding.alternative()));
        }
    }

    /** False for a statement that only reads or writes data or session state ({@link #DATA_ONLY}). */
    static boolean concernsSchema(String sql) {
        int start = 0;
        while (start < sql.length() && !Character.isLetter(sql.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        return !DATA_ONLY.contains(sql.substring(start, end).toUpperCase(Locale.ROOT));
    }

    /** Parses one statement; empty when JSqlParser cannot read it. */
    Optional<ParsedStatement> parse(SqlStatement source) {
        String sql = source.sql();
        boolean notValid = false;
        Matcher trailing = NOT_VALID.matcher(sql);
        if (trailing.matches()) {
            sql = trailing.group(1);
            notValid = true;
        }
        sql = SET_DATA_TYPE.matcher(sql).replaceAll("TYPE");
        try {
            Statement tree = parserThread == null
                    ? CCJSqlParserUtil.parse(sql, p -> p.withTimeOut(STATEMENT_TIMEOUT_MILLIS))
                    : CCJSqlParserUtil.parse(sql, parserThread, p -> p.withTimeOut(STATEMENT_TIMEOUT_MILLIS));
            return tree == null ? Optional.empty() : Optional.of(new ParsedStatement(source, tree, notValid));
        } catch (Exception | StackOverflowError | LinkageError e) {
            // JSQLParserException for unknown syntax; the generated token manager throws Errors on bad characters
            return Optional.empty();
        }
    }

    /** The column's type after the upgrades of the migrations numbered below {@code number}, newest statement last. */
    private Optional<String> typeBefore(int number, String table, String column) {
        String type = null;
        for (MigrationFile earlier : directory.migrations()) {
            if (earlier.number() >= number) {
                break;
            }
            if (!earlier.upgrade().sql().toLowerCase(Locale.ROOT).contains(table)) {
                continue; // cheap filter: only files that mention the table are parsed
            }
            for (ParsedStatement statement : parsedEarlier.computeIfAbsent(earlier.number(), n -> parseAll(earlier))) {
                type = typeIn(statement.tree(), table, column).orElse(type);
            }
        }
        return Optional.ofNullable(type);
    }

    /**
     * A context for reading the downgrade block of {@code file}: every table exists, a column's type is the one the
     * upgrades up to and including {@code file} left, and {@code -- qalab:allow destructive} acknowledges nothing (a
     * downgrade that destroys data is always reported). Starts this linter's time budget.
     */
    LintContext downgradeContext(MigrationFile file) {
        deadline = System.nanoTime() + budgetMillis * 1_000_000;
        outOfTime = false;
        return new LintContext(file, dialect, (table, column) -> typeBefore(file.number() + 1, table, column), false);
    }

    private List<ParsedStatement> parseAll(MigrationFile file) {
        List<ParsedStatement> all = new ArrayList<>();
        for (SqlStatement source : statements(file)) {
            if (System.nanoTime() - deadline >= 0) {
                break; // the statement being linted reports the spent budget
            }
            if (concernsSchema(source.sql())) {
                parse(source).ifPresent(all::add);
            }
        }
        return all;
    }

    /** The upgrade part's statements, cut where Flyway will cut them when it runs the file. */
    List<SqlStatement> statements(MigrationFile file) {
        return splitter.split(file.upgrade().sql(), file.upgrade().startLine()).stream()
                .map(s -> new SqlStatement(s.withoutLeadingComments(), s.line()))
                .toList();
    }

    private static Optional<String> typeIn(Statement tree, String table, String column) {
        if (tree instanceof CreateTable create && LintContext.name(create.getTable().getFullyQualifiedName())
                .equals(table) && create.getColumnDefinitions() != null) {
            for (ColumnDefinition definition : create.getColumnDefinitions()) {
                if (LintContext.name(definition.getColumnName()).equals(column)) {
                    return Optional.of(definition.getColDataType().toString());
                }
            }
        }
        if (tree instanceof Alter alter && LintContext.name(alter.getTable().getFullyQualifiedName()).equals(table)
                && alter.getAlterExpressions() != null) {
            String type = null;
            for (AlterExpression e : alter.getAlterExpressions()) {
                if (e.getColDataTypeList() == null) {
                    continue;
                }
                for (AlterExpression.ColumnDataType c : e.getColDataTypeList()) {
                    if (LintContext.name(c.getColumnName()).equals(column) && c.getColDataType() != null
                            && c.getColDataType().getDataType() != null) {
                        type = c.getColDataType().toString();
                    }
                }
            }
            return Optional.ofNullable(type);
        }
        return Optional.empty();
    }
}
