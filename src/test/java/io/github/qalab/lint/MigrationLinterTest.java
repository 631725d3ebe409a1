package io.github.qalab.lint;

import io.github.qalab.convention.Severity;
import io.github.qalab.convention.Violation;
import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.migration.MigrationFile;
import io.github.qalab.testing.MigrationFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationLinterTest {

    @TempDir
    Path dir;

    private static final String BASE = "-- revision: 001\n-- down_revision: none\n\n"
            + "CREATE TABLE account (\n    id BIGINT NOT NULL,\n    name VARCHAR(255),\n    total NUMERIC(12, 2),\n"
            + "    owner_id BIGINT,\n    CONSTRAINT pk_account PRIMARY KEY (id)\n);\n"
            + "CREATE TABLE app_user (id BIGINT NOT NULL);\n\n/* qalab:downgrade\nDROP TABLE account;\n*/\n";

    /** Lints migration 002 whose upgrade is {@code upgrade} (starting on line 4), after the base 001. */
    private List<Violation> lint(String upgrade, LintDialect dialect) {
        return lint(upgrade, dialect, Map.of());
    }

    private List<Violation> lint(String upgrade, LintDialect dialect, Map<String, Severity> severities) {
        MigrationFolder folder = new MigrationFolder(dir);
        folder.write("001_base.sql", BASE);
        folder.write("002_change.sql", "-- revision: 002\n-- down_revision: 001\n\n" + upgrade
                + "\n\n/* qalab:downgrade irreversible */\n");
        MigrationDirectory directory = folder.scan();
        MigrationFile second = directory.migrations().get(1);
        List<Violation> found = new MigrationLinter(directory, dialect, severities).lint(List.of(second));
        for (Violation v : found) {
            assertEquals(second.path(), v.file());
            assertTrue(!v.message().isBlank() && !v.hint().isBlank());
        }
        return found;
    }

    private static Violation single(List<Violation> found, String id, int line) {
        assertEquals(1, found.size(), found.toString());
        assertEquals(id, found.get(0).ruleId());
        assertEquals(line, found.get(0).line(), found.toString());
        return found.get(0);
    }

    @Test
    void safeChangesPass() {
        assertEquals(List.of(), lint("ALTER TABLE account ADD COLUMN note VARCHAR(100);\n"
                + "ALTER TABLE account ADD COLUMN flag BOOLEAN DEFAULT FALSE NOT NULL;\n"
                + "CREATE TABLE invoice (id BIGINT NOT NULL, account_id BIGINT NOT NULL);\n"
                + "CREATE INDEX ix_invoice_account ON invoice (account_id);\n"
                + "ALTER TABLE invoice ADD CONSTRAINT fk_invoice FOREIGN KEY (account_id) REFERENCES account (id);\n"
                + "ALTER TABLE invoice ADD COLUMN due DATE NOT NULL;\n"
                + "CREATE INDEX CONCURRENTLY ix_account_owner ON account (owner_id);\n"
                + "ALTER TABLE account ADD CONSTRAINT fk_owner FOREIGN KEY (owner_id) REFERENCES app_user (id) "
                + "NOT VALID;\n"
                + "ALTER TABLE account ALTER COLUMN name TYPE VARCHAR(500);\n"
                + "DROP TABLE invoice;", LintDialect.POSTGRESQL));
    }

    @Test
    void ql101DropTableDropColumnTruncateUnlessAcknowledged() {
        Violation drop = single(lint("DROP TABLE app_user;", LintDialect.UNKNOWN), "QL101", 4);
        assertEquals(Severity.ERROR, drop.severity());
        assertTrue(drop.message().startsWith("DROP TABLE app_user: drops table app_user with all its rows"), drop.message());
        assertTrue(drop.hint().contains("-- qalab:allow destructive"));
        Violation column = single(lint("\n\nALTER TABLE account DROP COLUMN name;", LintDialect.UNKNOWN), "QL101", 6);
        assertTrue(column.message().contains("drops column account.name"), column.message());
        Violation truncate = single(lint("TRUNCATE TABLE account;", LintDialect.UNKNOWN), "QL101", 4);
        assertTrue(truncate.message().contains("deletes every row of account"));
        assertEquals(List.of(), lint("-- qalab:allow destructive\nDROP TABLE app_user;\nTRUNCATE TABLE account;",
                LintDialect.UNKNOWN));
    }

    @Test
    void ql102NotNullWithoutDefaultOnAnExistingTable() {
        Violation v = single(lint("ALTER TABLE account ADD COLUMN balance BIGINT NOT NULL;", LintDialect.UNKNOWN),
                "QL102", 4);
        assertTrue(v.message().contains("adds NOT NULL column account.balance without a default"), v.message());
        assertTrue(v.hint().contains("DEFAULT"));
    }

    @Test
    void ql103NarrowingAndQl104TypeChange() {
        Violation narrowed = single(lint("ALTER TABLE account ALTER COLUMN name TYPE VARCHAR(50);",
                LintDialect.POSTGRESQL), "QL103", 4);
        assertTrue(narrowed.message().contains("narrows account.name from VARCHAR (255) to VARCHAR (50)"),
                narrowed.message());
        single(lint("ALTER TABLE account MODIFY COLUMN total DECIMAL(8, 2);", LintDialect.MARIADB), "QL103", 4);
        single(lint("ALTER TABLE account ALTER COLUMN id TYPE INTEGER;", LintDialect.POSTGRESQL), "QL103", 4);
        Violation changed = single(lint("ALTER TABLE account ALTER COLUMN owner_id TYPE VARCHAR(40);",
                LintDialect.POSTGRESQL), "QL104", 4);
        assertEquals(Severity.WARN, changed.severity());
        assertTrue(changed.message().contains("changes the type of account.owner_id from BIGINT to VARCHAR (40)"),
                changed.message());
        // H2's spelling is read too
        single(lint("ALTER TABLE account ALTER COLUMN name SET DATA TYPE VARCHAR(10);", LintDialect.H2), "QL103", 4);
        // acknowledged like a drop (generate writes the line when -Dqalab.allowDataLoss names the column)
        assertTrue(narrowed.hint().contains("-- qalab:allow destructive"), narrowed.hint());
        assertEquals(List.of(), lint("-- qalab:allow destructive: narrows account.name\n"
                + "ALTER TABLE account ALTER COLUMN name TYPE VARCHAR(50);", LintDialect.POSTGRESQL));
        // restating the same type (MariaDB MODIFY to change NULL-ability) is no type change
        assertEquals(List.of(), lint("ALTER TABLE account MODIFY COLUMN name VARCHAR(255) NOT NULL;",
                LintDialect.MARIADB));
    }

    @Test
    void ql105IndexWithoutConcurrentlyOnPostgresOnly() {
        Violation v = single(lint("CREATE INDEX ix_account_name ON account (name);", LintDialect.POSTGRESQL),
                "QL105", 4);
        assertTrue(v.message().contains("blocking every write"), v.message());
        assertTrue(v.hint().contains("CONCURRENTLY"));
        assertEquals(List.of(), lint("CREATE INDEX ix_account_name ON account (name);", LintDialect.MARIADB));
    }

    @Test
    void ql106ForeignKeyWithoutNotValidOnPostgresOnly() {
        String sql = "ALTER TABLE account ADD CONSTRAINT fk_owner FOREIGN KEY (owner_id) REFERENCES app_user (id);";
        Violation v = single(lint(sql, LintDialect.POSTGRESQL), "QL106", 4);
        assertTrue(v.hint().contains("NOT VALID") && v.hint().contains("VALIDATE CONSTRAINT"), v.hint());
        assertEquals(List.of(), lint(sql, LintDialect.H2));
    }

    @Test
    void ql107Renames() {
        assertTrue(single(lint("ALTER TABLE account RENAME TO customer_account;", LintDialect.UNKNOWN), "QL107", 4)
                .message().contains("renames table account to customer_account"));
        assertTrue(single(lint("ALTER TABLE account RENAME COLUMN name TO title;", LintDialect.UNKNOWN), "QL107", 4)
                .message().contains("renames column account.name to title"));
        assertTrue(single(lint("ALTER TABLE account CHANGE COLUMN name title VARCHAR(255);", LintDialect.MARIADB),
                "QL107", 4).message().contains("renames column account.name to title"));
        assertTrue(single(lint("RENAME TABLE account TO acct;", LintDialect.MARIADB), "QL107", 4)
                .message().contains("renames table account to acct"));
    }

    @Test
    void ql100AnUnparsableStatementIsAWarningAndTheRestIsStillChecked() {
        List<Violation> found = lint("DO $$ BEGIN\n  PERFORM 1; -- a ; inside\nEND $$;\nDROP TABLE app_user;",
                LintDialect.POSTGRESQL);
        assertEquals(2, found.size(), found.toString());
        assertEquals("QL100", found.get(0).ruleId());
        assertEquals(4, found.get(0).line());
        assertEquals(Severity.WARN, found.get(0).severity());
        assertEquals("QL101", found.get(1).ruleId());
        assertEquals(7, found.get(1).line());
    }

    @Test
    void dataStatementsAreNotParsedSoThousandsOfThemCostNothing() {
        StringBuilder upgrade = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            upgrade.append("INSERT INTO account (id, name) VALUES (").append(i).append(", 'n' || $weird$ syntax$weird$);\n");
        }
        upgrade.append("DROP TABLE app_user;");
        // The INSERTs (which JSqlParser cannot read) give no QL100; the DROP after them is still found.
        single(lint(upgrade.toString(), LintDialect.POSTGRESQL), "QL101", 5_004);
        assertTrue(!MigrationLinter.concernsSchema("  insert into t values (1)"));
        assertTrue(MigrationLinter.concernsSchema("DO $$ BEGIN DROP TABLE x; END $$"), "DO can hide anything");
    }

    @Test
    void aLintOutOfTimeSaysWhereItStopped() {
        MigrationFolder folder = new MigrationFolder(dir);
        folder.write("001_base.sql", BASE);
        MigrationDirectory directory = folder.scan();
        List<Violation> found = new MigrationLinter(directory, LintDialect.POSTGRESQL, Map.of()).budget(0)
                .lint(directory.migrations());
        Violation stop = single(found, "QL100", 4);
        assertTrue(stop.message().contains("the lint stopped here: it spent its 0 s budget"), stop.message());
    }

    @Test
    void severitiesAreConfigurable() {
        assertEquals(List.of(), lint("DROP TABLE app_user;", LintDialect.UNKNOWN, Map.of("QL101", Severity.OFF)));
        assertEquals(Severity.WARN, single(lint("DROP TABLE app_user;", LintDialect.UNKNOWN,
                Map.of("QL101", Severity.WARN)), "QL101", 4).severity());
    }

    @Test
    void statementsAreCutByFlywayWithFileLinesAndWithoutLeadingComments() {
        // a DROP hidden after semicolons in quotes, comments and a dollar quote is still found at its own line
        List<Violation> found = lint("INSERT INTO app_user VALUES ('a;b');\n/* x; y */\n-- c;\n"
                + "UPDATE app_user SET \"we;ird\" = $tag$;$tag$;\nDROP TABLE app_user;", LintDialect.POSTGRESQL);
        Violation drop = single(found, "QL101", 8);
        assertTrue(drop.message().startsWith("DROP TABLE app_user:"), drop.message());
    }

    /**
     * generate lints the file it rendered from the plan's statements: found in the text, they are the statements
     * Flyway's splitter cuts, at the same lines, and give the same findings; statements not in the text fall back to
     * the splitter.
     */
    @Test
    void theRenderedStatementsAreTheOnesFlywayCutsAtTheSameLines() {
        List<io.github.qalab.migration.MigrationStep> upgrade = List.of(
                new io.github.qalab.migration.MigrationStep(List.of("CREATE TABLE invoice (\n    id BIGINT NOT NULL,"
                        + "\n    note VARCHAR(20) DEFAULT 'a;b' NOT NULL\n)",
                        "ALTER TABLE invoice ADD CONSTRAINT fk_x FOREIGN KEY (id) REFERENCES account (id)"),
                        "a note above the step"),
                io.github.qalab.migration.MigrationStep.of(List.of("ALTER TABLE account ADD COLUMN due DATE NOT NULL",
                        "DROP TABLE app_user", "CREATE INDEX ix_a ON account (name)")));
        List<String> statements = upgrade.stream().flatMap(step -> step.statements().stream()).toList();
        MigrationFolder folder = new MigrationFolder(dir);
        folder.write("001_base.sql", BASE);
        folder.write("002_change.sql", io.github.qalab.migration.MigrationRenderer.render(2, "change", upgrade,
                List.of(io.github.qalab.migration.MigrationStep.of(List.of("DROP TABLE invoice")))));
        MigrationDirectory directory = folder.scan();
        MigrationFile second = directory.migrations().get(1);
        MigrationLinter linter = new MigrationLinter(directory, LintDialect.POSTGRESQL, Map.of());

        assertEquals(linter.statements(second), MigrationLinter.locate(second, statements));
        List<Violation> cut = linter.lint(List.of(second));
        assertEquals(List.of("QL101", "QL102", "QL105"), cut.stream().map(Violation::ruleId).sorted()
                .distinct().toList(), cut.toString());
        assertEquals(cut.toString(), linter.lint(second, statements).toString());
        // a statement the file does not hold: cut as Flyway cuts it, same findings
        assertEquals(List.of(), MigrationLinter.locate(second, List.of("DROP TABLE nowhere")));
        assertEquals(cut.toString(), linter.lint(second, List.of("DROP TABLE nowhere")).toString());
    }
}
