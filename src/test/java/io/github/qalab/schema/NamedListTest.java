package io.github.qalab.schema;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Finding a table, sequence or column by name through the index finds what a scan with Names.same finds. */
class NamedListTest {

    private static Optional<String> scan(List<String> names, String wanted) {
        return names.stream().filter(n -> Names.same(n, wanted)).findFirst();
    }

    @Test
    void theIndexFindsTheFirstElementAScanFinds() {
        List<String> names = List.of("account", "`Order`", "ORDER", "billing.invoice", "Billing.Invoice", "\u00c4rger",
                "\u0130ndex", "a`b");
        NamedList<String> list = new NamedList<>(names, n -> n);
        List<String> asked = new ArrayList<>(names);
        asked.addAll(List.of("ACCOUNT", "order", "`order`", "BILLING.INVOICE", "\u00e4rger", "i\u0307ndex", "ab",
                "missing", "", "`account`"));
        for (String wanted : asked) {
            assertEquals(scan(names, wanted), list.named(wanted), wanted);
        }
        assertSame(names.get(1), list.named("order").orElseThrow()); // the first of two equal names
    }

    @Test
    void itIsAnUnmodifiableListEqualToItsElements() {
        NamedList<String> list = new NamedList<>(List.of("b", "a"), n -> n);
        assertEquals(List.of("b", "a"), list);
        assertEquals(List.of("b", "a").hashCode(), list.hashCode());
        assertEquals("[b, a]", list.toString());
        assertThrows(UnsupportedOperationException.class, () -> list.add("c"));
    }

    @Test
    void schemasAndTablesFindByName() {
        Table t = new Table("Invoice", List.of(new Column("Total", ColumnType.of(ColumnType.Kind.INTEGER), true, null,
                false, "integer")), null, List.of(), List.of(), List.of());
        Schema schema = new Schema(List.of(t), List.of(new Sequence("invoice_seq", 1, 50)));
        assertSame(t, schema.table("invoice").orElseThrow());
        assertEquals("Total", t.column("TOTAL").orElseThrow().name());
        assertEquals("invoice_seq", schema.sequence("INVOICE_SEQ").orElseThrow().name());
        assertEquals(Optional.empty(), schema.table("other"));
    }

    /** The unique-key check SafetyReview's hints and the ER diagram share: exact columns, in order, names as same. */
    @Test
    void aTableKnowsWhichColumnsAUniqueKeyCovers() {
        ColumnType text = ColumnType.of(ColumnType.Kind.VARCHAR);
        Table t = new Table("t", List.of(new Column("a", text, true, null, false), new Column("b", text, true, null,
                false), new Column("c", text, true, null, false)), new PrimaryKey("pk_t", List.of("c")),
                List.of(new UniqueConstraint("uk_t_a", List.of("A"))),
                List.of(new Index("ix_t_a_b", List.of("a", "b"), true), new Index("ix_t_b", List.of("b"), false)),
                List.of());
        org.junit.jupiter.api.Assertions.assertTrue(t.uniqueOn(List.of("a")));
        org.junit.jupiter.api.Assertions.assertTrue(t.uniqueOn(List.of("a", "B")));
        org.junit.jupiter.api.Assertions.assertFalse(t.uniqueOn(List.of("b", "a")), "in that order");
        org.junit.jupiter.api.Assertions.assertFalse(t.uniqueOn(List.of("b")), "a plain index");
        org.junit.jupiter.api.Assertions.assertFalse(t.uniqueOn(List.of("c")), "the primary key does not count");
    }
}
