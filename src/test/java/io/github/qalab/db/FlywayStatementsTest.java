package io.github.qalab.db;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FlywayStatementsTest {

    private static final String MIXED = "INSERT INTO t VALUES ('a;b');\n/* x; y */\n"
            + "-- c;\nUPDATE t SET \"we;ird\" = 1\n  WHERE x = $tag$;$tag$;\n\nSELECT 1";

    private static List<Integer> lines(List<FlywayStatements.Statement> statements) {
        return statements.stream().map(FlywayStatements.Statement::line).toList();
    }

    private static List<String> bodies(List<FlywayStatements.Statement> statements) {
        return statements.stream().map(FlywayStatements.Statement::withoutLeadingComments).toList();
    }

    @Test
    void postgresqlKeepsFileLinesAndIgnoresSemicolonsInQuotesCommentsAndDollarQuotes() {
        List<FlywayStatements.Statement> statements = FlywayStatements.forDialect("postgresql").split(MIXED, 10);
        assertEquals(List.of(10, 13, 16), lines(statements));
        assertEquals(List.of("INSERT INTO t VALUES ('a;b')", "UPDATE t SET \"we;ird\" = 1\n  WHERE x = $tag$;$tag$",
                "SELECT 1"), bodies(statements));
        // Flyway keeps the comments before a statement in its text; only withoutLeadingComments drops them
        assertEquals("/* x; y */\n-- c;\nUPDATE", statements.get(1).sql().substring(0, 23));
    }

    @Test
    void postgresqlFunctionBodiesAndNestedCommentsStayWhole() {
        List<FlywayStatements.Statement> statements = FlywayStatements.forDialect("postgres").split(
                "CREATE FUNCTION f() RETURNS trigger AS $$\nBEGIN\n  x := 1;\nEND;\n$$ LANGUAGE plpgsql;\n"
                        + "/* nested /* c; */ ; */\nSELECT 2;\nDO $body$ BEGIN PERFORM 1; END $body$;", 1);
        assertEquals(List.of(1, 7, 8), lines(statements));
        assertEquals(List.of("CREATE FUNCTION f() RETURNS trigger AS $$\nBEGIN\n  x := 1;\nEND;\n$$ LANGUAGE plpgsql",
                "SELECT 2", "DO $body$ BEGIN PERFORM 1; END $body$"), bodies(statements));
    }

    @Test
    void mariadbHasNoDollarQuotesButBackslashEscapesBackticksAndDelimiter() {
        FlywayStatements mariadb = FlywayStatements.forDialect("mariadb");
        assertEquals(List.of("SELECT $a$", "$a$"), bodies(mariadb.split("SELECT $a$;$a$", 1)));
        assertEquals(List.of("INSERT INTO a VALUES ('it\\'s; x')", "SELECT `a;b` FROM t"),
                bodies(mariadb.split("INSERT INTO a VALUES ('it\\'s; x');\nSELECT `a;b` FROM t;", 1)));
        List<FlywayStatements.Statement> procedure = mariadb.split(
                "DELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END//\nDELIMITER ;\nSELECT 3;", 5);
        assertEquals(List.of(6, 8), lines(procedure));
        assertEquals("CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END", procedure.get(0).sql());
        assertEquals(bodies(mariadb.split("SELECT 1;\nSELECT 2;", 1)),
                bodies(FlywayStatements.forDialect("mysql").split("SELECT 1;\nSELECT 2;", 1)));
    }

    @Test
    void postgresqlAndH2FollowStandardStringsWhereABackslashIsNoEscape() {
        String sql = "SELECT 'a\\';\nSELECT 2;";
        for (String dialect : List.of("postgresql", "h2")) {
            assertEquals(List.of("SELECT 'a\\'", "SELECT 2"), bodies(FlywayStatements.forDialect(dialect).split(sql, 1)),
                    dialect);
        }
    }

    @Test
    void unknownDialectTakesPostgresqlRules() {
        assertEquals(bodies(FlywayStatements.forDialect("postgresql").split(MIXED, 1)),
                bodies(FlywayStatements.forDialect("").split(MIXED, 1)));
        assertEquals(bodies(FlywayStatements.forDialect("postgresql").split(MIXED, 1)),
                bodies(FlywayStatements.forDialect(null).split(MIXED, 1)));
    }

    @Test
    void placeholdersAreLeftAloneAndBlankTextHasNoStatements() {
        FlywayStatements postgres = FlywayStatements.forDialect("postgresql");
        assertEquals(List.of("INSERT INTO t VALUES ('${undefined}')"),
                bodies(postgres.split("INSERT INTO t VALUES ('${undefined}');", 1)));
        assertEquals(List.of(), postgres.split("", 1));
        assertEquals(List.of(), postgres.split("  \n-- only a comment;\n/* and; this */\n", 1));
    }

    @Test
    void mysqlExecutableCommentIsKept() {
        assertEquals(List.of("/*!40101 SET NAMES utf8 */"),
                bodies(FlywayStatements.forDialect("mariadb").split("-- x\n/*!40101 SET NAMES utf8 */;", 1)));
    }

    @Test
    void thePostgresSplitterCutsExactlyWhereFlywaysOwnParserCuts() throws Exception {
        // The splitter skips Flyway's "can this run in a transaction" detection; the boundaries must not move.
        String sql = String.join("\n",
                "CREATE TABLE a (id BIGINT NOT NULL, note TEXT DEFAULT 'x; y', CONSTRAINT pk_a PRIMARY KEY (id));",
                "CREATE INDEX CONCURRENTLY ix_a_note ON a (note);",
                "CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN NEW.note := 'a;b'; RETURN NEW; END; $$ LANGUAGE plpgsql;",
                "DO $body$ BEGIN PERFORM 1; END $body$;",
                "-- a comment; with a semicolon",
                "/* block; comment */ ALTER TABLE a ADD COLUMN \"weird;name\" INT;",
                "VACUUM a;",
                "ALTER TYPE mood ADD VALUE 'sad';",
                "COPY a (id) FROM stdin;",
                "1",
                "2",
                "\\.",
                "INSERT INTO a (id, note) VALUES (3, E'it''s; fine');",
                "REINDEX TABLE a;",
                "CREATE DATABASE other;");
        org.flywaydb.core.api.configuration.Configuration config =
                new org.flywaydb.core.api.configuration.FluentConfiguration(getClass().getClassLoader())
                        .placeholderReplacement(false);
        FlywayStatements stock = FlywayStatements.of(new org.flywaydb.database.postgresql.PostgreSQLDatabaseType()
                .createParser(config, null, new org.flywaydb.core.internal.parser.ParsingContext()));
        List<FlywayStatements.Statement> expected = stock.split(sql, 7);
        assertEquals(11, expected.size(), expected.toString());
        assertEquals(expected, FlywayStatements.forDialect("postgresql").split(sql, 7));
    }
}
