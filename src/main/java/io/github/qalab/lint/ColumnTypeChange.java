package io.github.qalab.lint;

import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A column type change found in an {@code ALTER TABLE} ({@code ALTER COLUMN ... TYPE}, MariaDB's {@code MODIFY} and
 * {@code CHANGE}), with the type the earlier migrations gave the column when they say, and how the two compare.
 *
 * @param table   the table as written
 * @param column  the column as written (its old name for {@code CHANGE})
 * @param before  the earlier type, when known
 * @param after   the new type
 */
record ColumnTypeChange(String table, String column, Optional<String> before, String after) {

    /** Integer types by width: a smaller rank holds fewer values. */
    private static final Map<String, Integer> INTEGER_RANK = Map.of(
            "TINYINT", 1, "SMALLINT", 2, "INT2", 2, "MEDIUMINT", 3, "INT", 4, "INTEGER", 4, "INT4", 4,
            "BIGINT", 8, "INT8", 8);

    /** Every type change on an existing table in the statement. */
    static List<ColumnTypeChange> of(ParsedStatement statement, LintContext context) {
        List<ColumnTypeChange> changes = new ArrayList<>();
        if (!(statement.tree() instanceof Alter alter) || alter.getAlterExpressions() == null) {
            return changes;
        }
        String table = alter.getTable().getFullyQualifiedName();
        if (!context.existing(table)) {
            return changes;
        }
        for (AlterExpression e : alter.getAlterExpressions()) {
            AlterOperation op = e.getOperation();
            if ((op != AlterOperation.ALTER && op != AlterOperation.MODIFY && op != AlterOperation.CHANGE)
                    || e.getColDataTypeList() == null) {
                continue;
            }
            for (AlterExpression.ColumnDataType c : e.getColDataTypeList()) {
                if (c.getColDataType() == null || c.getColDataType().getDataType() == null) {
                    continue; // ALTER COLUMN ... SET NOT NULL and the like
                }
                String column = op == AlterOperation.CHANGE && e.getColOldName() != null
                        ? e.getColOldName() : c.getColumnName();
                String after = c.getColDataType().toString();
                Optional<String> before = context.earlierType(table, column);
                if (before.isPresent() && sameType(before.get(), after)) {
                    continue; // MODIFY/CHANGE restating the type (e.g. only to change NULL-ability)
                }
                changes.add(new ColumnTypeChange(table, column, before, after));
            }
        }
        return changes;
    }

    /** True when the new type can hold fewer values than the earlier one (a shorter text, a smaller number). */
    boolean narrowing() {
        if (before.isEmpty()) {
            return false;
        }
        Type old = Type.of(before.get());
        Type now = Type.of(after);
        if (old.text() && now.text()) {
            if (now.args().isEmpty()) {
                return false; // to TEXT or unbounded VARCHAR
            }
            return old.args().isEmpty() || now.args().get(0) < old.args().get(0);
        }
        Integer oldRank = INTEGER_RANK.get(old.base());
        Integer newRank = INTEGER_RANK.get(now.base());
        if (oldRank != null && newRank != null) {
            return newRank < oldRank;
        }
        if (oldRank != null && now.decimal()) {
            return !now.args().isEmpty() && now.args().get(0) - scale(now) < 19;
        }
        if (old.decimal() && now.decimal() && !old.args().isEmpty() && !now.args().isEmpty()) {
            int oldIntDigits = old.args().get(0) - scale(old);
            int newIntDigits = now.args().get(0) - scale(now);
            return newIntDigits < oldIntDigits || scale(now) < scale(old);
        }
        return (old.decimal() || old.base().contains("DOUBLE") || old.base().contains("FLOAT")
                || old.base().equals("REAL")) && newRank != null;
    }

    /** True for a longer text of the same kind only (VARCHAR(50) to VARCHAR(255)): cheap and safe everywhere. */
    boolean widensTextOnly() {
        if (before.isEmpty()) {
            return false;
        }
        Type old = Type.of(before.get());
        Type now = Type.of(after);
        return old.text() && now.text() && old.base().equals(now.base()) && !narrowing();
    }

    private static int scale(Type type) {
        return type.args().size() > 1 ? type.args().get(1) : 0;
    }

    static boolean sameType(String a, String b) {
        return Type.of(a).equals(Type.of(b));
    }

    /** A type as base name and numeric arguments: {@code VARCHAR (100)} is {@code VARCHAR [100]}. */
    record Type(String base, List<Integer> args) {

        static Type of(String text) {
            String upper = text.toUpperCase(Locale.ROOT).strip();
            int paren = upper.indexOf('(');
            String base = (paren < 0 ? upper : upper.substring(0, paren)).strip().replaceAll("\\s+", " ");
            if (base.equals("CHARACTER VARYING")) {
                base = "VARCHAR";
            } else if (base.equals("CHARACTER")) {
                base = "CHAR";
            } else if (base.equals("NUMERIC")) {
                base = "DECIMAL";
            }
            List<Integer> args = new ArrayList<>();
            if (paren >= 0) {
                int close = upper.indexOf(')', paren);
                for (String part : upper.substring(paren + 1, close < 0 ? upper.length() : close).split(",")) {
                    try {
                        args.add(Integer.parseInt(part.strip()));
                    } catch (NumberFormatException e) {
                        // CHAR(10 CHAR), VARCHAR(MAX): keep what is numeric
                    }
                }
            }
            return new Type(base, List.copyOf(args));
        }

        boolean text() {
            return base.contains("CHAR") || base.equals("TEXT") || base.equals("CLOB") || base.endsWith("TEXT");
        }

        boolean decimal() {
            return base.equals("DECIMAL") || base.equals("NUMBER");
        }
    }
}
