package io.github.qalab.lint;

import io.github.qalab.db.DowngradeRun;
import io.github.qalab.db.FlywayStatements;
import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.migration.MigrationFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a downgrade block destroys, statement by statement, so that {@code qalab:downgrade} can say it before it runs
 * the block. It uses the classifiers of the safety lint: QL101's (DROP TABLE, DROP COLUMN, TRUNCATE) and QL103's
 * (a column type narrowed from the type the upgrades left); {@code -- qalab:allow destructive} does not silence them
 * here. A statement they do not flag still counts when a comment line right before it says that data is lost, as
 * the notes that {@code qalab:generate} writes into downgrade blocks do ({@code -- Data loss: ...},
 * {@code -- Narrows ... back to ...}, {@code -- Drops sequence ...: its current value is lost.}).
 */
public final class DowngradeReview {

    private final MigrationDirectory directory;

    /** @param directory the whole folder: the earlier migrations tell a column's type before the downgrade */
    public DowngradeReview(MigrationDirectory directory) {
        this.directory = directory;
    }

    /**
     * One statement of a downgrade block that destroys data.
     *
     * @param line the 1-based line of the statement in its file
     * @param what what it destroys, e.g. {@code drops column customer.phone: its data is lost}
     */
    public record Warning(int line, String what) {
    }

    /**
     * The statements of {@code file}'s downgrade block that destroy data, in order, at most one warning per statement.
     *
     * @param statements the block's statements as Flyway's parser cuts them (comments before a statement kept)
     */
    public List<Warning> review(MigrationFile file, List<DowngradeRun.Statement> statements) {
        MigrationLinter linter = new MigrationLinter(directory, LintDialect.UNKNOWN, Map.of());
        LintContext context = linter.downgradeContext(file);
        List<Warning> warnings = new ArrayList<>();
        for (DowngradeRun.Statement statement : statements) {
            String sql = new FlywayStatements.Statement(statement.line(), statement.sql()).withoutLeadingComments();
            String comments = statement.sql().substring(0, statement.sql().length() - sql.length());
            Optional<ParsedStatement> parsed = MigrationLinter.concernsSchema(sql)
                    ? linter.parse(new SqlStatement(sql, statement.line())) : Optional.empty();
            List<String> found = new ArrayList<>();
            if (parsed.isPresent()) {
                for (DestructiveChangeRule.Loss loss : DestructiveChangeRule.losses(parsed.get(), context)) {
                    found.add(switch (loss.kind()) {
                        case TABLE -> "drops table " + loss.name() + ": its rows are lost";
                        case COLUMN -> "drops column " + loss.name() + ": its data is lost";
                        case ROWS -> "deletes every row of " + loss.name() + ": they are lost";
                    });
                }
                for (ColumnTypeChange change : NarrowedColumnTypeRule.narrowings(parsed.get(), context)) {
                    found.add("narrows " + change.table() + "." + change.column() + " from "
                            + type(change.before().orElse("?")) + " to " + type(change.after())
                            + ": values that do not fit make it fail or are cut");
                }
                if (parsed.get().tree() instanceof net.sf.jsqlparser.statement.create.table.CreateTable create) {
                    context.created(create.getTable().getFullyQualifiedName());
                }
            }
            if (found.isEmpty()) {
                lossNote(comments).ifPresent(note -> found.add("is noted in the file as: " + note));
            }
            if (!found.isEmpty()) {
                warnings.add(new Warning(statement.line(), String.join("; ", found)));
            }
        }
        return warnings;
    }

    /** A type as the parser prints it ({@code VARCHAR (100)}) the way migrations write it ({@code VARCHAR(100)}). */
    private static String type(String text) {
        return text.replaceAll("\\s+\\(", "(");
    }

    /** The last {@code --} comment line before a statement that says data is lost, without the dashes. */
    static Optional<String> lossNote(String comments) {
        String note = null;
        for (String line : comments.split("\n")) {
            String text = line.strip();
            if (!text.startsWith("--")) {
                continue;
            }
            text = text.substring(2).strip();
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.startsWith("data loss") || lower.startsWith("narrows ") || lower.contains(" is lost")
                    || lower.contains(" are lost") || lower.contains("destroys")) {
                note = text;
            }
        }
        return Optional.ofNullable(note);
    }
}
