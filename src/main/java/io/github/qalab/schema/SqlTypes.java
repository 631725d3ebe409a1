package io.github.qalab.schema;

import io.github.qalab.schema.ColumnType.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads SQL type text as PostgreSQL, MariaDB/MySQL and H2 write it ({@code varchar(255)},
 * {@code character varying(255)}, {@code numeric(38,2)}, {@code timestamp(6) with time zone}, {@code datetime(6)},
 * {@code enum ('A','B')}, {@code float(53)}) into the neutral {@link ColumnType}. Text it does not know becomes
 * {@link Kind#CUSTOM} with the text lower-cased and its blanks normalised, so that equal text compares equal.
 */
public final class SqlTypes {

    private static final Pattern TYPE = Pattern.compile(
            "^([a-z_][a-z0-9_ ]*?)\\s*(?:\\(([^)]*)\\))?\\s*((?:with|without) time zone)?\\s*(unsigned)?$");
    private static final Pattern ENUM_VALUE = Pattern.compile("'((?:[^']|'')*)'");

    private SqlTypes() {
    }

    /** The neutral type of {@code sqlType}; never null. */
    public static ColumnType parse(String sqlType) {
        String text = normalise(sqlType);
        if (text.startsWith("enum")) {
            int open = sqlType.indexOf('(');
            if (open > 0 && sqlType.strip().endsWith(")")) {
                List<String> values = new ArrayList<>();
                Matcher v = ENUM_VALUE.matcher(sqlType.substring(open));
                while (v.find()) {
                    values.add(v.group(1).replace("''", "'"));
                }
                return new ColumnType(Kind.ENUM, 0, 0, 0, values, "");
            }
        }
        Matcher m = TYPE.matcher(text);
        if (!m.matches() || m.group(4) != null) {
            return ColumnType.custom(text);
        }
        String base = m.group(1).strip();
        int[] n = numbers(m.group(2));
        boolean withZone = "with time zone".equals(m.group(3));
        if (n == null) {
            return ColumnType.custom(text);
        }
        return switch (base) {
            case "boolean", "bool" -> ColumnType.of(Kind.BOOLEAN);
            case "bit" -> n.length == 0 || n[0] == 1 ? ColumnType.of(Kind.BOOLEAN) : ColumnType.custom(text);
            case "tinyint" -> ColumnType.of(Kind.TINYINT);
            case "smallint", "int2" -> ColumnType.of(Kind.SMALLINT);
            case "integer", "int", "int4" -> ColumnType.of(Kind.INTEGER);
            case "bigint", "int8" -> ColumnType.of(Kind.BIGINT);
            case "real", "float4" -> ColumnType.of(Kind.REAL);
            case "double precision", "double", "float8" -> ColumnType.of(Kind.DOUBLE);
            case "float" -> n.length > 0 && n[0] <= 24 ? ColumnType.of(Kind.REAL) : ColumnType.of(Kind.DOUBLE);
            case "numeric", "decimal" -> ColumnType.decimal(n.length > 0 ? n[0] : 0, n.length > 1 ? n[1] : 0);
            case "char", "character", "bpchar", "nchar" -> sized(Kind.CHAR, n.length > 0 ? n[0] : 1);
            case "varchar", "character varying", "nvarchar", "varchar2" ->
                    n.length > 0 ? sized(Kind.VARCHAR, n[0]) : ColumnType.custom(text);
            case "clob", "character large object", "longtext" -> ColumnType.of(Kind.CLOB);
            case "binary" -> sized(Kind.BINARY, n.length > 0 ? n[0] : 1);
            case "varbinary", "binary varying" -> n.length > 0 ? sized(Kind.VARBINARY, n[0]) : ColumnType.custom(text);
            case "bytea" -> ColumnType.of(Kind.VARBINARY);
            case "blob", "binary large object", "longblob", "oid" -> ColumnType.of(Kind.BLOB);
            case "date" -> ColumnType.of(Kind.DATE);
            case "time" -> temporal(Kind.TIME, n);
            case "timestamp" -> temporal(withZone ? Kind.TIMESTAMP_TZ : Kind.TIMESTAMP, n);
            case "timestamptz" -> temporal(Kind.TIMESTAMP_TZ, n);
            case "datetime" -> temporal(Kind.TIMESTAMP, n);
            case "uuid" -> ColumnType.of(Kind.UUID);
            default -> ColumnType.custom(text);
        };
    }

    /** Lower case, single blanks, no blanks inside parentheses: {@code VARCHAR ( 255 )} to {@code varchar(255)}. */
    public static String normalise(String sqlType) {
        // One pass instead of four regular expressions: the diff compares every column's type this way, thousands of
        // times in a large model. Whitespace is the regular expression \s: blank, tab, line break, form feed, VT.
        String lower = sqlType.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        boolean blank = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                blank = true;
                continue;
            }
            if (blank && out.length() > 0 && c != '(' && c != ',' && c != ')') {
                char last = out.charAt(out.length() - 1);
                if (last != '(' && last != ',') {
                    out.append(' ');
                }
            }
            blank = false;
            out.append(c);
        }
        return out.toString().strip();
    }

    private static int[] numbers(String args) {
        if (args == null || args.isBlank()) {
            return new int[0];
        }
        String[] parts = args.split(",");
        int[] n = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].strip();
            if (!p.matches("\\d{1,9}")) {
                return null;
            }
            n[i] = Integer.parseInt(p);
        }
        return n;
    }

    private static ColumnType sized(Kind kind, int length) {
        return new ColumnType(kind, length, 0, 0, List.of(), "");
    }

    private static ColumnType temporal(Kind kind, int[] n) {
        return new ColumnType(kind, 0, n.length > 0 ? n[0] : 0, 0, List.of(), "");
    }
}
