package io.github.qalab.schema;

import java.util.Locale;

/**
 * How the model writes and compares identifiers. A name is written as Hibernate writes it; a quoted identifier
 * carries a backtick on each side ({@code `OrderItem`}, Hibernate's own quoting marker), and a table outside the
 * default schema is qualified ({@code billing.invoice}). Names compare case-insensitively without their quotes, as
 * PostgreSQL, H2 and MariaDB resolve unquoted names.
 */
public final class Names {

    private Names() {
    }

    /** True when the two names denote the same object. */
    public static boolean same(String a, String b) {
        return a.equals(b) || key(a).equals(key(b));
    }

    /** The comparison key of a name: unquoted and lower-cased. */
    public static String key(String name) {
        return name.replace("`", "").toLowerCase(Locale.ROOT);
    }

    /** True when the name (one part) is quoted. */
    public static boolean quoted(String part) {
        return part.length() >= 2 && part.startsWith("`") && part.endsWith("`");
    }

    /** The text of one name part without its quotes. */
    public static String unquoted(String part) {
        return quoted(part) ? part.substring(1, part.length() - 1) : part;
    }

    /** The schema of a qualified name ({@code billing} of {@code billing.invoice}), "" for an unqualified one. */
    public static String schemaOf(String name) {
        int dot = dot(name);
        return dot < 0 ? "" : name.substring(0, dot);
    }

    /** The last part of a qualified name ({@code invoice} of {@code billing.invoice}). */
    public static String simpleName(String name) {
        int dot = dot(name);
        return dot < 0 ? name : name.substring(dot + 1);
    }

    /** {@code schema.name}, or {@code name} when {@code schema} is empty. */
    public static String qualify(String schema, String name) {
        return schema == null || schema.isEmpty() ? name : schema + "." + name;
    }

    /** The position of the dot that separates schema and name, outside quotes; -1 when there is none. */
    private static int dot(String name) {
        boolean inQuotes = false;
        int last = -1;
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch == '`') {
                inQuotes = !inQuotes;
            } else if (ch == '.' && !inQuotes) {
                last = i;
            }
        }
        return last;
    }
}
