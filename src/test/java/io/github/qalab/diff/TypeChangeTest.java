package io.github.qalab.diff;

import io.github.qalab.schema.ColumnType;
import io.github.qalab.schema.ColumnType.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.qalab.diff.TypeChange.CONVERTS;
import static io.github.qalab.diff.TypeChange.NARROWS;
import static io.github.qalab.diff.TypeChange.WIDENS;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TypeChangeTest {

    private static ColumnType of(Kind kind) {
        return ColumnType.of(kind);
    }

    private static ColumnType enumOf(String... values) {
        return new ColumnType(Kind.ENUM, 0, 0, 0, List.of(values), "");
    }

    @Test
    void tellsWideningNarrowingAndConverting() {
        assertEquals(WIDENS, TypeChange.of(ColumnType.varchar(100), ColumnType.varchar(200)));
        assertEquals(NARROWS, TypeChange.of(ColumnType.varchar(200), ColumnType.varchar(100)));
        assertEquals(WIDENS, TypeChange.of(ColumnType.varchar(0), ColumnType.varchar(255)), "no length is 255");
        assertEquals(WIDENS, TypeChange.of(ColumnType.varchar(4000), of(Kind.CLOB)));
        assertEquals(NARROWS, TypeChange.of(of(Kind.CLOB), ColumnType.varchar(4000)));
        assertEquals(WIDENS, TypeChange.of(of(Kind.INTEGER), of(Kind.BIGINT)));
        assertEquals(NARROWS, TypeChange.of(of(Kind.BIGINT), of(Kind.SMALLINT)));
        assertEquals(WIDENS, TypeChange.of(of(Kind.INTEGER), ColumnType.decimal(12, 2)));
        assertEquals(NARROWS, TypeChange.of(of(Kind.BIGINT), ColumnType.decimal(12, 2)));
        assertEquals(WIDENS, TypeChange.of(ColumnType.decimal(10, 2), ColumnType.decimal(12, 2)));
        assertEquals(NARROWS, TypeChange.of(ColumnType.decimal(12, 2), ColumnType.decimal(12, 4)),
                "more scale, fewer integer digits");
        assertEquals(NARROWS, TypeChange.of(new ColumnType(Kind.TIMESTAMP, 0, 6, 0, List.of(), ""),
                new ColumnType(Kind.TIMESTAMP, 0, 3, 0, List.of(), "")));
        assertEquals(WIDENS, TypeChange.of(enumOf("A", "B"), enumOf("A", "B", "C")));
        assertEquals(NARROWS, TypeChange.of(enumOf("A", "B", "C"), enumOf("A", "C")));
        assertEquals(CONVERTS, TypeChange.of(of(Kind.SMALLINT), ColumnType.varchar(255)));
        assertEquals(CONVERTS, TypeChange.of(of(Kind.TIMESTAMP), of(Kind.TIMESTAMP_TZ)));
        assertEquals(CONVERTS, TypeChange.of(ColumnType.custom("jsonb"), ColumnType.custom("json")));
        assertEquals(WIDENS, TypeChange.of(ColumnType.custom("jsonb"), ColumnType.custom("JSONB")));
    }
}
