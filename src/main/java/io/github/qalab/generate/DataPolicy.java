package io.github.qalab.generate;

import io.github.qalab.schema.Names;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the user lets {@code generate} do to the rows a database already holds, since generate cannot see them:
 * which data-destroying changes are intended ({@code -Dqalab.allowDataLoss}: a drop, a narrowing, a converting type
 * change, an enum constant rows may still hold), and which value existing rows get where a column needs one
 * ({@code -Dqalab.backfill}: a NOT NULL column added or made NOT NULL, the rows holding a removed enum constant, the
 * rows a downgrade adds back a dropped column to).
 *
 * @param allowAllLoss true for {@code -Dqalab.allowDataLoss=true}: every data-destroying change is intended
 * @param allowLoss    the tables ({@code account}) and columns ({@code account.email}) whose loss is intended, as
 *                     {@link Names#key} keys
 * @param backfills    {@code table.column} ({@link Names#key}) to the SQL value rows get, as the user wrote it
 */
public record DataPolicy(boolean allowAllLoss, Set<String> allowLoss, Map<String, String> backfills) {

    /** The property that names intended data loss. */
    public static final String ALLOW_PROPERTY = "qalab.allowDataLoss";
    /** The property that gives values for existing rows. */
    public static final String BACKFILL_PROPERTY = "qalab.backfill";

    /** Nothing allowed, no values given: every data-destroying change is refused. */
    public static final DataPolicy STRICT = new DataPolicy(false, Set.of(), Map.of());

    public DataPolicy {
        allowLoss = Set.copyOf(allowLoss);
        backfills = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(backfills));
    }

    /**
     * Parses the two properties.
     *
     * @param allowDataLoss {@code true} / {@code all} for everything, {@code false} or blank for nothing, else
     *                      comma-separated {@code table} or {@code table.column} names
     * @param backfill      comma-separated {@code table.column=<SQL value>} (commas inside quotes or parentheses
     *                      belong to the value), e.g. {@code account.currency='EUR',account.balance=0}
     * @throws IllegalArgumentException naming the bad entry and showing the expected form
     */
    public static DataPolicy parse(String allowDataLoss, String backfill) {
        String allow = allowDataLoss == null ? "" : allowDataLoss.strip();
        boolean all = allow.equalsIgnoreCase("true") || allow.equalsIgnoreCase("all");
        Set<String> names = new LinkedHashSet<>();
        if (!all && !allow.isEmpty() && !allow.equalsIgnoreCase("false")) {
            for (String part : allow.split(",")) {
                String name = part.strip();
                if (name.isEmpty()) {
                    continue;
                }
                if (!name.matches("[\\w$`.]+")) {
                    throw new IllegalArgumentException("Invalid -D" + ALLOW_PROPERTY + " entry '" + name
                            + "': expected true, or table and table.column names separated by commas (e.g."
                            + " -D" + ALLOW_PROPERTY + "=account.email,audit_log)");
                }
                names.add(Names.key(name));
            }
        }
        return new DataPolicy(all, names, parseBackfills(backfill));
    }

    private static Map<String, String> parseBackfills(String spec) {
        Map<String, String> backfills = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return backfills;
        }
        for (String entry : splitOutsideQuotes(spec)) {
            String item = entry.strip();
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            String key = eq < 0 ? "" : item.substring(0, eq).strip();
            String value = eq < 0 ? "" : item.substring(eq + 1).strip();
            if (!key.matches("[\\w$`]+(\\.[\\w$`]+)+") || value.isEmpty()) {
                throw badBackfill(item, "expected table.column=<SQL value>");
            }
            String problem = valueProblem(value);
            if (problem != null) {
                throw badBackfill(item, problem);
            }
            backfills.put(Names.key(key), value);
        }
        return backfills;
    }

    private static IllegalArgumentException badBackfill(String entry, String why) {
        return new IllegalArgumentException("Invalid -D" + BACKFILL_PROPERTY + " entry '" + entry + "': " + why
                + " (e.g. -D" + BACKFILL_PROPERTY + "=account.currency='EUR',account.balance=0)");
    }

    /** Why a value cannot be written into a migration as one SQL expression, or null when it can. */
    static String valueProblem(String value) {
        if (value.contains(";") || value.contains("--") || value.contains("/*") || value.contains("*/")) {
            return "the value may not hold ; -- /* or */ (it must stay one SQL expression)";
        }
        for (char ch : value.toCharArray()) {
            if (Character.isISOControl(ch)) {
                return "the value may not hold line breaks or control characters";
            }
        }
        boolean quoted = false;
        int depth = 0;
        for (char ch : value.toCharArray()) {
            if (ch == '\'') {
                quoted = !quoted;
            } else if (!quoted && ch == '(') {
                depth++;
            } else if (!quoted && ch == ')' && --depth < 0) {
                return "unbalanced parentheses";
            }
        }
        if (quoted) {
            return "an unclosed quote (write a text value as 'EUR', a quote inside it as '')";
        }
        return depth == 0 ? null : "unbalanced parentheses";
    }

    private static List<String> splitOutsideQuotes(String spec) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        int depth = 0;
        for (char ch : spec.toCharArray()) {
            if (ch == '\'') {
                quoted = !quoted;
            } else if (!quoted && ch == '(') {
                depth++;
            } else if (!quoted && ch == ')') {
                depth--;
            }
            if (ch == ',' && !quoted && depth <= 0) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(ch);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    /** True when the loss of the table ({@code column} null) or of the column is intended. */
    public boolean allowsLoss(String table, String column) {
        if (allowAllLoss || allowLoss.contains(Names.key(table))) {
            return true;
        }
        return column != null && allowLoss.contains(Names.key(table) + "." + Names.key(column));
    }

    /** The value the user gave for existing rows of {@code table.column}. */
    public Optional<String> backfill(String table, String column) {
        return Optional.ofNullable(backfills.get(Names.key(table) + "." + Names.key(column)));
    }

    /** The names in {@code allowLoss} and {@code backfills} that the given keys do not use (likely typos). */
    public List<String> unused(Set<String> usedKeys) {
        List<String> unused = new ArrayList<>();
        for (String name : allowLoss) {
            if (!usedKeys.contains(name)) {
                unused.add("-D" + ALLOW_PROPERTY + " names " + name);
            }
        }
        for (String key : backfills.keySet()) {
            if (!usedKeys.contains(key)) {
                unused.add("-D" + BACKFILL_PROPERTY + " names " + key);
            }
        }
        return unused;
    }
}
