package io.github.qalab.generate;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** -Dqalab.allowDataLoss and -Dqalab.backfill as users write them, and every way to get them wrong. */
class DataPolicyTest {

    @Test
    void allowsTablesColumnsOrEverything() {
        DataPolicy some = DataPolicy.parse(" Account.Email , audit_log ", null);
        assertTrue(some.allowsLoss("account", "email"));
        assertFalse(some.allowsLoss("account", "name"));
        assertFalse(some.allowsLoss("account", null));
        assertTrue(some.allowsLoss("audit_log", null));
        assertTrue(some.allowsLoss("audit_log", "any_column"), "a table names all its columns");
        assertTrue(DataPolicy.parse("true", "").allowsLoss("x", "y"));
        assertTrue(DataPolicy.parse("ALL", "").allowsLoss("x", null));
        assertFalse(DataPolicy.parse("false", "").allowsLoss("x", null));
        assertEquals(DataPolicy.STRICT, DataPolicy.parse("", ""));
    }

    @Test
    void backfillValuesKeepCommasInsideQuotesAndParentheses() {
        DataPolicy p = DataPolicy.parse("", "account.currency='EUR',account.label='a,b' , billing.invoice.total=COALESCE(1, 2)");
        assertEquals(Map.of("account.currency", "'EUR'", "account.label", "'a,b'",
                "billing.invoice.total", "COALESCE(1, 2)"), p.backfills());
        assertEquals(Optional.of("'EUR'"), p.backfill("ACCOUNT", "Currency"));
        assertEquals(Optional.of("COALESCE(1, 2)"), p.backfill("billing.invoice", "total"));
        assertEquals(Optional.empty(), p.backfill("account", "balance"));
        assertEquals(List.of("-Dqalab.backfill names account.label"),
                p.unused(Set.of("account.currency", "billing.invoice.total")));
    }

    @Test
    void aValueThatIsNotOneSqlExpressionIsRefusedWithTheExpectedForm() {
        for (String bad : List.of("account.currency='EUR'; DROP TABLE account", "account.currency='EUR' -- x",
                "account.currency='EUR", "account.currency=(1", "account.currency='*/'", "currency='EUR'",
                "account.currency=", "account.currency='a\nb'")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DataPolicy.parse("", bad), bad);
            assertTrue(e.getMessage().startsWith("Invalid -Dqalab.backfill entry '"), e.getMessage());
            assertTrue(e.getMessage().endsWith("(e.g. -Dqalab.backfill=account.currency='EUR',account.balance=0)"),
                    e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataPolicy.parse("account;email", ""));
        assertEquals("Invalid -Dqalab.allowDataLoss entry 'account;email': expected true, or table and table.column"
                + " names separated by commas (e.g. -Dqalab.allowDataLoss=account.email,audit_log)", e.getMessage());
    }
}
