package io.github.qalab.migration;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputLimitsTest {

    private static final String HEADER = "-- revision: 002\n-- down_revision: 001\n\n";

    private static InputLimits.Exceeded exceeded(String text) {
        Optional<InputLimits.Exceeded> found = InputLimits.check(text);
        assertTrue(found.isPresent(), "expected a limit to be exceeded");
        return found.get();
    }

    @Test
    void ordinaryMigrationsStayWithinEveryLimit() {
        String sql = HEADER + """
                -- a comment before the statement
                CREATE TABLE account (id BIGINT NOT NULL, name VARCHAR(20) DEFAULT 'a;b(' , CONSTRAINT pk PRIMARY KEY (id));
                CREATE FUNCTION f() RETURNS trigger AS $body$ BEGIN IF (((NEW.x))) THEN RETURN NEW; END IF; END $body$
                    LANGUAGE plpgsql;
                SELECT CASE WHEN a THEN (CASE WHEN b THEN 1 END) END, x - -1, NOT NOT TRUE, E'it\\'s (', "q""(";
                INSERT INTO t VALUES ('-- not a comment'), ('/* nor this */');

                /* qalab:downgrade
                DROP TABLE account;
                */
                """;
        assertEquals(Optional.empty(), InputLimits.check(sql));
        StringBuilder many = new StringBuilder(HEADER);
        for (int i = 0; i < InputLimits.MAX_STATEMENTS; i++) {
            many.append("-- row ").append(i).append("\nINSERT INTO t VALUES (").append(i).append(");\n");
        }
        assertEquals(Optional.empty(), InputLimits.check(many.toString()), "the limit itself is allowed");
    }

    @Test
    void deepNestingOfAnyKindIsNamedWithItsLine() {
        String parens = HEADER + "SELECT\n" + "(".repeat(20_000) + "1" + ")".repeat(20_000) + ";\n";
        InputLimits.Exceeded e = exceeded(parens);
        assertEquals(5, e.line());
        assertTrue(e.problem().startsWith("nests expressions more than " + InputLimits.MAX_NESTING
                + " levels deep at line 5"), e.problem());
        assertEquals(4, exceeded(HEADER + "SELECT " + "NOT ".repeat(5_000) + "TRUE;").line());
        assertEquals(4, exceeded(HEADER + "SELECT " + "- ".repeat(5_000) + "1;").line());
        assertEquals(4, exceeded(HEADER + "SELECT " + "CASE WHEN TRUE THEN ".repeat(500) + "1"
                + " END".repeat(500) + ";").line());
        assertEquals(4, exceeded(HEADER + "SELECT " + "ARRAY[".repeat(500) + "1" + "]".repeat(500) + ";").line());
    }

    @Test
    void longRunsOfCommentsThatFlywaysParserCannotFinishAreNamed() {
        StringBuilder lines = new StringBuilder(HEADER);
        for (int i = 0; i <= InputLimits.MAX_LEADING_COMMENTS; i++) {
            lines.append("-- note ").append(i).append('\n');
        }
        InputLimits.Exceeded e = exceeded(lines.toString());
        assertEquals(1, e.line(), "the run starts with the header comments");
        assertTrue(e.problem().contains("more than " + InputLimits.MAX_LEADING_COMMENTS + " comments in a row"),
                e.problem());
        InputLimits.Exceeded blocks = exceeded(HEADER + "SELECT 1;\n" + "/* c */ ".repeat(1_000) + "SELECT 2;");
        assertEquals(5, blocks.line());
        // comments between statements start a new run each time
        StringBuilder spread = new StringBuilder(HEADER);
        for (int i = 0; i < 10; i++) {
            spread.append("-- c\n".repeat(InputLimits.MAX_LEADING_COMMENTS - 10)).append("SELECT 1;\n");
        }
        assertEquals(Optional.empty(), InputLimits.check(spread.toString()));
    }

    @Test
    void tooManyStatementsAndAStrayByteOrderMarkAreNamed() {
        InputLimits.Exceeded e = exceeded(HEADER + "SELECT 1;\n".repeat(InputLimits.MAX_STATEMENTS + 1));
        assertTrue(e.problem().startsWith("holds more than " + InputLimits.MAX_STATEMENTS + " statements"),
                e.problem());
        InputLimits.Exceeded bom = exceeded(HEADER + "CREATE TABLE a (id INT);\n\uFEFFDROP TABLE b;\n");
        assertEquals(5, bom.line());
        assertTrue(bom.problem().startsWith("holds the character U+FEFF (ZERO WIDTH NO-BREAK SPACE) at line 5"),
                bom.problem());
        assertTrue(exceeded(HEADER + "CREATE\u200BTABLE a (id INT);").problem().contains("U+200B (ZERO WIDTH SPACE)"));
        assertTrue(exceeded(HEADER + "SELECT 1\u0000;").problem().contains("U+0000"));
        assertEquals(Optional.empty(), InputLimits.check(HEADER + "SELECT '\uFEFF\u200B', \"\u0000\";\n-- \uFEFF\n"
                + "SELECT\u00A01 + `x` # 2;\n"));
    }

    @Test
    void anUnclosedDollarQuoteIsNamedWithItsLine() {
        InputLimits.Exceeded e = InputLimits.check("CREATE TABLE t3 (id INT);\nSELECT $$ abc ;\nCREATE TABLE t4 (id INT);\n"
                + "/* qalab:downgrade\nDROP TABLE t3;\n*/\n").orElseThrow();
        assertEquals(2, e.line());
        assertTrue(e.problem().startsWith("opens a dollar-quoted string $$ at line 2 that never closes"), e.problem());
        assertTrue(InputLimits.check("CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1 $body$ LANGUAGE sql;\n"
                + "DO $$ BEGIN END $$;\n").isEmpty());
    }
}
