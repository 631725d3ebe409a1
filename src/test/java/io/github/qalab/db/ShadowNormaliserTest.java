package io.github.qalab.db;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ShadowNormaliserTest {

    /** The rule {@link ShadowNormaliser#mentions} implements, as the regular expression it replaced. */
    private static boolean byRegex(String expression, String column) {
        return Pattern.compile("(?i)(?<![\\w$])" + Pattern.quote(column) + "(?![\\w$])").matcher(expression).find();
    }

    @Test
    void aCheckMentionsAColumnOnlyAsAWholeWordAsTheRegularExpressionSaid() {
        List<String> expressions = List.of("status in ('NEW','DONE')", "STATUS IN('NEW', 'DONE')",
                "\"status\" IN ('A')", "sub_status <> 'x'", "status_code > 0", "$status = 1", "status$x = 1",
                "price >= 0 AND price2 < 10", "(price>=0)", "price", "xprice", "pricex", "a.price = 1",
                "`price` BETWEEN 0 AND 9", "PRICE >= 0", "status", "");
        int mentioned = 0;
        int asked = 0;
        for (String expression : expressions) {
            for (String column : List.of("status", "price", "Status", "price2", "x")) {
                assertEquals(byRegex(expression, column), ShadowNormaliser.mentions(expression, column),
                        column + " in " + expression);
                mentioned += byRegex(expression, column) ? 1 : 0;
                asked++;
            }
        }
        assertEquals(true, mentioned > 0 && mentioned < asked, "the cases cover both answers: " + mentioned);
    }
}
