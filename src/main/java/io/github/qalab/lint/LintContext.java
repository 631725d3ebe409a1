package io.github.qalab.lint;

import io.github.qalab.migration.MigrationFile;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * What the rules know about the migration being linted: its dialect, whether destructive changes are acknowledged,
 * the tables it created so far (a table created in the same migration is new and empty, any other is "existing"),
 * and the earlier migrations' column types.
 */
final class LintContext {

    /** The comment that acknowledges DROP TABLE, DROP COLUMN and TRUNCATE in a migration. */
    static final String ALLOW_DESTRUCTIVE = "-- qalab:allow destructive";

    private final MigrationFile file;
    private final LintDialect dialect;
    private final boolean allowDestructive;
    private final Set<String> createdHere = new HashSet<>();
    private final BiFunction<String, String, Optional<String>> earlierType;

    LintContext(MigrationFile file, LintDialect dialect, BiFunction<String, String, Optional<String>> earlierType) {
        this(file, dialect, earlierType, file.content().toLowerCase(Locale.ROOT).contains(ALLOW_DESTRUCTIVE));
    }

    /** A context whose acknowledgement of destructive changes is given, not read from the file. */
    LintContext(MigrationFile file, LintDialect dialect, BiFunction<String, String, Optional<String>> earlierType,
                boolean allowDestructive) {
        this.file = file;
        this.dialect = dialect;
        this.allowDestructive = allowDestructive;
        this.earlierType = earlierType;
    }

    MigrationFile file() {
        return file;
    }

    boolean postgres() {
        return dialect == LintDialect.POSTGRESQL;
    }

    boolean allowDestructive() {
        return allowDestructive;
    }

    /** True when the table was not created earlier in this migration, so it may hold rows and take traffic. */
    boolean existing(String table) {
        return !createdHere.contains(name(table));
    }

    void created(String table) {
        createdHere.add(name(table));
    }

    /** The column's type as the earlier migrations left it, when they say. */
    Optional<String> earlierType(String table, String column) {
        return earlierType.apply(name(table), name(column));
    }

    /** An identifier without quotes and schema, lower case: how the rules compare table and column names. */
    static String name(String identifier) {
        if (identifier == null) {
            return "";
        }
        String last = identifier;
        int dot = last.lastIndexOf('.');
        if (dot >= 0) {
            last = last.substring(dot + 1);
        }
        return last.replace("\"", "").replace("`", "").replace("[", "").replace("]", "").toLowerCase(Locale.ROOT);
    }
}
