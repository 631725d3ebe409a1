package io.github.qalab.lint;

import io.github.qalab.db.DowngradeRun;
import io.github.qalab.db.FlywayStatements;
import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.migration.MigrationFile;
import io.github.qalab.testing.MigrationFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DowngradeReviewTest {

    @TempDir
    Path dir;

    private static final String M001 = """
            -- revision: 001
            -- down_revision: none

            CREATE TABLE customer (id BIGINT NOT NULL, name VARCHAR(100), CONSTRAINT pk_customer PRIMARY KEY (id));

            /* qalab:downgrade
            DROP TABLE customer;
            */
            """;

    /** As generate writes it: the upgrade acknowledges its own data loss, which must not silence the downgrade's. */
    private static final String M002 = """
            -- revision: 002
            -- down_revision: 001

            ALTER TABLE customer ADD COLUMN phone VARCHAR(30);
            ALTER TABLE customer ALTER COLUMN name TYPE VARCHAR(200);
            CREATE TABLE tag (id BIGINT NOT NULL, CONSTRAINT pk_tag PRIMARY KEY (id));
            CREATE SEQUENCE tag_ids;
            ALTER TABLE customer ADD COLUMN legacy_id BIGINT;
            -- qalab:allow destructive: drops table old_tag and its data.
            DROP TABLE old_tag;

            /* qalab:downgrade
            -- Data loss: table old_tag comes back empty; the upgrade destroyed its data.
            CREATE TABLE old_tag (id BIGINT NOT NULL);
            ALTER TABLE customer ADD CONSTRAINT uq_customer_legacy UNIQUE (legacy_id);
            ALTER TABLE customer DROP CONSTRAINT uq_customer_legacy;
            -- Drops sequence tag_ids: its current value is lost.
            DROP SEQUENCE tag_ids;
            -- Data loss: drop table tag destroys the data written since the upgrade.
            DROP TABLE tag;
            -- Narrows customer.name back to VARCHAR(100): values that do not fit make it fail (or are cut).
            ALTER TABLE customer ALTER COLUMN name TYPE VARCHAR(100);
            ALTER TABLE customer ALTER COLUMN phone TYPE VARCHAR(60);
            ALTER TABLE customer DROP COLUMN phone;
            TRUNCATE TABLE customer;
            */
            """;

    private List<DowngradeReview.Warning> review() {
        MigrationFolder folder = new MigrationFolder(dir);
        folder.write("001_customer.sql", M001);
        folder.write("002_change.sql", M002);
        MigrationDirectory directory = folder.scan();
        MigrationFile second = directory.migrations().get(1);
        int firstLine = M002.lines().toList().indexOf("/* qalab:downgrade") + 2;
        // cut as qalab:downgrade cuts it: Flyway's parser, comments before a statement kept in its text
        List<DowngradeRun.Statement> statements = FlywayStatements.forDialect("postgresql")
                .split(second.downgrade().sql(), firstLine).stream()
                .map(s -> new DowngradeRun.Statement(s.line(), s.sql())).toList();
        assertEquals(9, statements.size(), statements.toString());
        return new DowngradeReview(directory).review(second, statements);
    }

    @Test
    void warnsOncePerStatementThatDestroysData() {
        List<DowngradeReview.Warning> warnings = review();
        List<String> lines = warnings.stream().map(w -> w.line() + " " + w.what()).toList();
        assertEquals(List.of(
                "14 is noted in the file as: Data loss: table old_tag comes back empty; the upgrade destroyed its data.",
                "18 is noted in the file as: Drops sequence tag_ids: its current value is lost.",
                "20 drops table tag: its rows are lost",
                "22 narrows customer.name from VARCHAR(200) to VARCHAR(100): values that do not fit make it fail or"
                        + " are cut",
                "24 drops column customer.phone: its data is lost",
                "25 deletes every row of customer: they are lost"), lines);
    }

    @Test
    void lossNotesAreRecognisedAndOtherCommentsAreNot() {
        assertEquals("Data loss: x", DowngradeReview.lossNote("-- unrelated\n-- Data loss: x\n").orElseThrow());
        assertEquals("Narrows a.b back to INT", DowngradeReview.lossNote("--Narrows a.b back to INT").orElseThrow());
        assertTrue(DowngradeReview.lossNote("-- a semicolon inside a string must not split\n").isEmpty());
        assertTrue(DowngradeReview.lossNote("").isEmpty());
    }
}
