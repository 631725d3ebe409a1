package io.github.qalab.schema;

import io.github.qalab.testing.TestDatabases;
import io.github.qalab.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a baseline must refuse, on the real servers: every object the schema model cannot express is listed by kind
 * and name, and a plain schema (tables, keys, indexes, sequences, the history table) lists nothing.
 */
class UnsupportedObjectsTest {

    private static final Set<String> HISTORY = Set.of("flyway_schema_history");

    @Test
    void postgresListsWhatTheModelCannotExpress() throws Exception {
        try (TestDatabase db = TestDatabases.postgres(); Connection c = db.connect(); Statement s = c.createStatement()) {
            plainSchema(s);
            assertEquals(List.of(), UnsupportedObjects.find(c, HISTORY), "a plain schema has nothing to refuse");
            s.execute("CREATE TYPE mood AS ENUM ('sad', 'happy')");
            s.execute("ALTER TABLE account ADD COLUMN feeling mood");
            s.execute("ALTER TABLE account ADD CONSTRAINT ck_account_email CHECK (email LIKE '%@%')");
            s.execute("CREATE VIEW active_account AS SELECT id FROM account");
            s.execute("CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$");
            s.execute("CREATE TRIGGER account_touch BEFORE UPDATE ON account FOR EACH ROW EXECUTE FUNCTION touch()");
            s.execute("CREATE INDEX ix_account_lower_email ON account (lower(email))");
            s.execute("CREATE INDEX ix_account_recent ON account (id) WHERE id > 100");
            s.execute("ALTER TABLE invoice ADD CONSTRAINT fk_invoice_owner FOREIGN KEY (account_id) REFERENCES account (id)"
                    + " ON DELETE CASCADE ON UPDATE CASCADE");
            // checks, ON DELETE actions and other schemas are part of the model
            s.execute("CREATE SCHEMA audit");
            s.execute("CREATE TABLE audit.entry (id BIGINT)");
            assertEquals(List.of(
                    "column account.feeling: type mood is user-defined or comes from an extension",
                    "enum type mood: CREATE TYPE is not part of the schema model",
                    "foreign key fk_invoice_owner on invoice: ON UPDATE CASCADE is not part of the schema model",
                    "function touch: not part of the schema model",
                    "index ix_account_lower_email on account: CREATE INDEX ix_account_lower_email ON public.account"
                            + " USING btree (lower((email)::text)) (only plain B-tree indexes on columns are part of"
                            + " the schema model)",
                    "index ix_account_recent on account: CREATE INDEX ix_account_recent ON public.account USING btree"
                            + " (id) WHERE (id > 100) (only plain B-tree indexes on columns are part of the schema"
                            + " model)",
                    "trigger account_touch on account: not part of the schema model",
                    "view active_account: not part of the schema model"), UnsupportedObjects.find(c, HISTORY));
        }
    }

    @Test
    void mariaDbListsWhatTheModelCannotExpress() throws Exception {
        try (TestDatabase db = TestDatabases.mariadb(); Connection c = db.connect(); Statement s = c.createStatement()) {
            plainSchema(s);
            assertEquals(List.of(), UnsupportedObjects.find(c, HISTORY), "a plain schema has nothing to refuse");
            s.execute("ALTER TABLE account ADD CONSTRAINT ck_account_email CHECK (email LIKE '%@%')");
            s.execute("CREATE VIEW active_account AS SELECT id FROM account");
            s.execute("CREATE TRIGGER account_touch BEFORE UPDATE ON account FOR EACH ROW SET NEW.email = NEW.email");
            s.execute("CREATE INDEX ix_account_email_prefix ON account (email(10))");
            s.execute("ALTER TABLE account ADD COLUMN email_domain VARCHAR(255) AS (SUBSTRING_INDEX(email, '@', -1))");
            s.execute("ALTER TABLE invoice ADD CONSTRAINT fk_invoice_owner FOREIGN KEY (account_id) REFERENCES account (id)"
                    + " ON DELETE SET NULL ON UPDATE SET NULL");
            assertEquals(List.of(
                    "column account.email_domain: VIRTUAL GENERATED is not part of the schema model",
                    "foreign key fk_invoice_owner on invoice: ON UPDATE SET NULL is not part of the schema model",
                    "index ix_account_email_prefix on account: prefix index (10 characters) (only plain B-tree indexes"
                            + " on columns are part of the schema model)",
                    "trigger account_touch on account: not part of the schema model",
                    "view active_account: not part of the schema model"), UnsupportedObjects.find(c, HISTORY));
        }
    }

    /** Tables, keys, an index, a sequence and a history table: all of it the model says exactly. */
    private static void plainSchema(Statement s) throws Exception {
        s.execute("CREATE TABLE account (id BIGINT NOT NULL, email VARCHAR(255), CONSTRAINT pk_account PRIMARY KEY (id),"
                + " CONSTRAINT uk_account_email UNIQUE (email))");
        s.execute("CREATE TABLE invoice (id BIGINT NOT NULL, account_id BIGINT, total DECIMAL(12,2),"
                + " CONSTRAINT pk_invoice PRIMARY KEY (id))");
        s.execute("CREATE INDEX ix_invoice_total ON invoice (total)");
        s.execute("CREATE SEQUENCE invoice_seq START WITH 1 INCREMENT BY 50");
        s.execute("CREATE TABLE flyway_schema_history (installed_rank INT NOT NULL PRIMARY KEY, version VARCHAR(50))");
    }
}
