package io.github.qalab.schema;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link SqlTypes#normalise}: one pass that gives what the four regular expressions it replaced gave. */
class SqlTypesNormaliseTest {

    /** The rule as it was written before: lower case, blanks collapsed, none inside parentheses or around commas. */
    private static String byRegularExpressions(String sqlType) {
        return sqlType.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll(" ?\\( ?", "(")
                .replaceAll(" ?, ?", ",").replaceAll(" ?\\)", ")").strip();
    }

    @Test
    void knownSpellingsNormaliseAsBefore() {
        List<String> types = List.of("VARCHAR ( 255 )", "numeric( 10 , 2 )", "timestamp(6) WITH  TIME\tZONE",
                " character varying(40) ", "enum ('A', 'B')", "DECIMAL(19,2)", "double precision", "int",
                "", "   ", "x ) (", "a , ( b", "\u00a0text\u00a0", "TIMESTAMP (3) with time zone", "İNT");
        for (String type : types) {
            assertEquals(byRegularExpressions(type), SqlTypes.normalise(type), type);
        }
        assertEquals("varchar(255)", SqlTypes.normalise("VARCHAR ( 255 )"));
        assertEquals("timestamp(6) with time zone", SqlTypes.normalise("timestamp(6) WITH  TIME\tZONE"));
    }

    @Test
    void randomTextNormalisesAsBefore() {
        String alphabet = "aB(),' \t\n\r\f\u000b1x\u00a0\u2003";
        Random random = new Random(42);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder type = new StringBuilder();
            int length = random.nextInt(14);
            for (int i = 0; i < length; i++) {
                type.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = type.toString();
            assertEquals(byRegularExpressions(text), SqlTypes.normalise(text), () -> "for '" + text + "'");
        }
    }
}
