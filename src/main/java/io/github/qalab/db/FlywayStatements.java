package io.github.qalab.db;

import io.github.qalab.migration.SqlText;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.internal.database.DatabaseType;
import org.flywaydb.core.internal.database.h2.H2DatabaseType;
import org.flywaydb.core.internal.parser.Parser;
import org.flywaydb.core.internal.parser.ParsingContext;
import org.flywaydb.core.internal.parser.Token;
import org.flywaydb.core.internal.resource.StringResource;
import org.flywaydb.core.internal.sqlscript.SqlStatementIterator;
import org.flywaydb.database.mysql.MySQLDatabaseType;
import org.flywaydb.database.mysql.mariadb.MariaDBDatabaseType;
import org.flywaydb.database.postgresql.PostgreSQLDatabaseType;
import org.flywaydb.database.postgresql.PostgreSQLParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits SQL into statements with Flyway's own per-database parser, so that qalab cuts a migration exactly where
 * Flyway will when it runs it (quotes, comments, PostgreSQL dollar quotes, MySQL {@code DELIMITER}, ...).
 *
 * <p>Why this works without a database: a {@link DatabaseType} creates its {@link Parser} from a configuration and a
 * {@link ParsingContext} only; the live connection is needed just to fill the context's placeholders
 * ({@code flyway:database} etc.). Placeholder replacement is off here because splitting must not depend on them
 * and an undefined {@code ${...}} would otherwise fail the split.
 */
public final class FlywayStatements {

    private final Parser parser;
    private final boolean lenient;

    private FlywayStatements(Parser parser, boolean lenient) {
        this.parser = parser;
        this.lenient = lenient;
    }

    /**
     * The splitter for a dialect without a connection: {@code postgresql}/{@code postgres}, {@code mariadb},
     * {@code mysql}, {@code h2}; anything else (also blank) takes PostgreSQL's rules, which know every quoting the
     * others use but backslash escapes.
     */
    public static FlywayStatements forDialect(String dialect) {
        DatabaseType type = switch (dialect == null ? "" : dialect.strip().toLowerCase(Locale.ROOT)) {
            case "mariadb" -> new MariaDBDatabaseType();
            case "mysql" -> new MySQLDatabaseType();
            case "h2" -> new H2DatabaseType();
            default -> new PostgreSQLDatabaseType();
        };
        Configuration config = new FluentConfiguration(FlywayStatements.class.getClassLoader())
                .placeholderReplacement(false)
                .loggers(QuietFlywayLog.class.getName());
        Parser parser = type instanceof PostgreSQLDatabaseType
                ? new SplittingPostgreSQLParser(config, new ParsingContext())
                : type.createParser(config, null, new ParsingContext());
        return new FlywayStatements(parser, true);
    }

    /**
     * Flyway's PostgreSQL parser without its detection of statements that cannot run in a transaction
     * ({@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}, ...). That detection only marks a statement for execution;
     * it does not move a statement boundary, and nothing that splits without running uses it. It matches eight
     * regular expressions against the statement read so far at each of its first keywords, which was a third of the
     * embedded shadow's replay time (docs/generate-speed.md).
     */
    private static final class SplittingPostgreSQLParser extends PostgreSQLParser {
        SplittingPostgreSQLParser(Configuration configuration, ParsingContext context) {
            super(configuration, context);
        }

        @Override
        protected Boolean detectCanExecuteInTransaction(String simplifiedStatement, List<Token> keywords) {
            return Boolean.TRUE;
        }
    }

    /**
     * The splitter around a parser that is already set up from a live database (its placeholders and settings);
     * unlike {@link #forDialect} it lets Flyway's exception through, because SQL that is about to run must not be
     * guessed at.
     */
    static FlywayStatements of(Parser parser) {
        return new FlywayStatements(parser, false);
    }

    /**
     * The statements of {@code sql}, in order, each without its delimiter. When Flyway gives up on the text, a
     * {@link #forDialect} splitter returns it whole as one statement.
     *
     * @param sql       the text to split (LF line endings)
     * @param firstLine the file line of the text's first character
     */
    public List<Statement> split(String sql, int firstLine) {
        List<Statement> statements = new ArrayList<>();
        try (SqlStatementIterator it = parser.parse(new StringResource(sql))) {
            while (it.hasNext()) {
                org.flywaydb.core.internal.sqlscript.SqlStatement s = it.next();
                statements.add(new Statement(firstLine + s.getLineNumber() - 1, s.getSql()));
            }
        } catch (FlywayException e) {
            if (!lenient) {
                throw e;
            }
            // Flyway gives up on some malformed text; then the whole text is one statement so that the caller still
            // reports it at its line (the lint as "not understood") instead of failing
            statements.clear();
            if (SqlText.hasStatement(sql)) {
                statements.add(new Statement(firstLine, sql.strip()));
            }
        }
        return statements;
    }

    /**
     * One statement as Flyway cuts it.
     *
     * @param line the file line of its first token (after any leading comments)
     * @param sql  Flyway's text of it: leading comments kept, delimiter dropped
     */
    public record Statement(int line, String sql) {

        /** The text from the first token on: Flyway keeps the comments before a statement in its text. */
        public String withoutLeadingComments() {
            int i = 0;
            int n = sql.length();
            while (i < n) {
                char c = sql.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                    int eol = sql.indexOf('\n', i);
                    i = eol < 0 ? n : eol + 1;
                } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*' && !sql.startsWith("/*!", i)) {
                    // MySQL's /*! ... */ is executable, not a comment
                    i = SqlText.endOfBlockComment(sql, i);
                } else {
                    break;
                }
            }
            return i < n ? sql.substring(i) : sql;
        }
    }
}
