package io.github.qalab.convention;

import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.migration.MigrationFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** QL001: every file in a migration folder is named {@code NNN_description.sql}. */
public final class FileNameRule implements Rule {

    private static final Pattern SEPARATE_DOWNGRADE =
            Pattern.compile("(?i)^(u[0-9].*|.*\\.(down|undo|rollback|downgrade)\\.sql)$");
    private static final Pattern NUMBERED = Pattern.compile("(?s)^[Vv]?([0-9]+)_+(.*)$");
    /** Flyway's SQL callbacks ({@code beforeMigrate.sql}, {@code afterEachMigrate__log.sql}, ...), any case of .sql. */
    private static final Pattern FLYWAY_CALLBACK = Pattern.compile(
            "^(before|after)(Each)?(Migrate|Clean|Validate|Info|Repair|Baseline|Undo|Connect|Statement)[A-Za-z]*"
                    + "(__.*)?\\.(?i:sql)$");
    /** Flyway's repeatable migrations ({@code R__views.sql}). */
    private static final Pattern REPEATABLE = Pattern.compile("^R__.*\\.(?i:sql)$");

    @Override
    public String id() {
        return "QL001";
    }

    @Override
    public String summary() {
        return "A migration file is named NNN_description.sql: three digits, an underscore and a lowercase "
                + "snake_case description.";
    }

    @Override
    public String hint() {
        return "rename it to NNN_description.sql (e.g. 003_add_account_table.sql) or move it out of the migration "
                + "folder";
    }

    @Override
    public List<Violation> check(MigrationDirectory directory, Severity severity) {
        Set<Integer> taken = directory.files().stream().filter(MigrationFile::conventionalName)
                .map(MigrationFile::number).collect(Collectors.toSet());
        int next = directory.nextNumber();
        List<Violation> found = new ArrayList<>();
        for (MigrationFile file : directory.files()) {
            if (file.conventionalName()) {
                continue;
            }
            String name = file.fileName();
            String message;
            String hint;
            Matcher numbered = NUMBERED.matcher(stripSql(name));
            if (MigrationDirectory.nested(file)) {
                String inside = file.location().relativize(file.path()).toString().replace('\\', '/');
                message = "a file in a sub-folder of the migration location (" + inside + "): Flyway scans sub-folders"
                        + " and would apply it too, but qalab's chain, qalab.sum and checks only count the files"
                        + " directly in the folder";
                hint = "move it out of the migration location (e.g. to docs/), or, if it is a migration, into the"
                        + " folder itself as " + MigrationFileRule.version(next++) + "_<description>.sql";
            } else if (FLYWAY_CALLBACK.matcher(name).matches()) {
                message = "a Flyway SQL callback: Flyway runs " + name + " around every migrate (qalab:migrate and the"
                        + " application's Flyway alike), outside the numbered chain that qalab checks";
                hint = "move it out of the migration folder; put a one-off change into a numbered migration";
            } else if (REPEATABLE.matcher(name).matches()) {
                message = "a Flyway repeatable migration: Flyway runs it again whenever it changes, outside the"
                        + " numbered chain that qalab checks and can downgrade";
                hint = "make it a numbered migration (NNN_description.sql with a downgrade block), or move it out of"
                        + " the migration folder";
            } else if (SEPARATE_DOWNGRADE.matcher(name).matches()) {
                message = "separate downgrade file: a migration and its downgrade live in one NNN_description.sql";
                hint = "move its SQL into the /* qalab:downgrade ... */ block at the end of the migration it undoes "
                        + "and delete this file";
            } else if (!name.toLowerCase(Locale.ROOT).endsWith(".sql")) {
                message = "not a migration: only NNN_description.sql files belong in the migration folder";
                hint = "move it out of the migration folder (a note can go to docs/)";
            } else if (numbered.matches() && numbered.group(1).replaceFirst("^0+", "").length() > 3) {
                message = "the number " + numbered.group(1) + " has more than three digits: the convention counts "
                        + "001 to 999";
                hint = "use a three-digit number; a chain beyond 999 needs its oldest migrations squashed into a "
                        + "baseline first";
            } else {
                message = "file name does not match NNN_description.sql (three digits, underscore, lowercase "
                        + "snake_case description)";
                String description = numbered.matches() ? snake(numbered.group(2)) : snake(stripSql(name));
                int number = numbered.matches() ? Integer.parseInt(numbered.group(1)) : 0;
                if (number < 1 || number > 999 || taken.contains(number)) {
                    number = next++;
                }
                taken.add(number);
                String version = MigrationFileRule.version(number);
                hint = description.isEmpty()
                        ? "rename it to " + version + "_<description>.sql and set -- revision: " + version
                        : "rename it to " + version + "_" + description + ".sql and set -- revision: " + version;
            }
            found.add(new Violation(id(), severity, file.path(), 1, message, hint));
        }
        return found;
    }

    private static String stripSql(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".sql") ? name.substring(0, name.length() - 4) : name;
    }

    /** {@code Add-Account Table} to {@code add_account_table}: the description part a conventional name needs. */
    private static String snake(String text) {
        String ascii = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        String snake = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return snake.length() > 60 ? snake.substring(0, 60).replaceAll("_+$", "") : snake;
    }
}
