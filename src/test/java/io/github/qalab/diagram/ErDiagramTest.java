package io.github.qalab.diagram;

import io.github.qalab.db.ShadowDatabase;
import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.schema.Schema;
import io.github.qalab.sql.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Mermaid diagram of a replayed schema, checked table by table: columns with their dialect types and key marks,
 * relations with cardinalities from nullability and uniqueness, and the marks of a highlighted migration; every line
 * fits the strict grammar of older Mermaid versions (one word for a type, no commas or spaces in it).
 */
class ErDiagramTest {

    private static final String V1 = """
            -- revision: 001
            -- down_revision: none
            CREATE TABLE app_user (id BIGINT NOT NULL, email VARCHAR(255) NOT NULL, CONSTRAINT pk_app_user PRIMARY KEY (id),
                CONSTRAINT uk_app_user_email UNIQUE (email));
            CREATE TABLE project (id BIGINT NOT NULL, name VARCHAR(80) NOT NULL, owner_id BIGINT NOT NULL,
                CONSTRAINT pk_project PRIMARY KEY (id));
            ALTER TABLE project ADD CONSTRAINT fk_project_owner FOREIGN KEY (owner_id) REFERENCES app_user (id);
            /* qalab:downgrade irreversible */
            """;

    private static final String V2 = """
            -- revision: 002
            -- down_revision: 001
            CREATE TABLE project_member (project_id BIGINT NOT NULL, user_id BIGINT NOT NULL,
                joined_at TIMESTAMP(6) WITH TIME ZONE, weight NUMERIC(5,2) DEFAULT 1.0,
                CONSTRAINT pk_project_member PRIMARY KEY (project_id, user_id));
            ALTER TABLE project_member ADD CONSTRAINT fk_member_project FOREIGN KEY (project_id) REFERENCES project (id);
            ALTER TABLE project_member ADD CONSTRAINT fk_member_user FOREIGN KEY (user_id) REFERENCES app_user (id);
            ALTER TABLE app_user ADD COLUMN mentor_id BIGINT;
            ALTER TABLE app_user ADD CONSTRAINT uk_app_user_mentor UNIQUE (mentor_id);
            ALTER TABLE app_user ADD CONSTRAINT fk_app_user_mentor FOREIGN KEY (mentor_id) REFERENCES app_user (id);
            ALTER TABLE project ALTER COLUMN name TYPE VARCHAR(120);
            /* qalab:downgrade irreversible */
            """;

    /** Mermaid's erDiagram grammar before v11: attribute type and name are one word each. */
    private static final Pattern ATTRIBUTE = Pattern.compile(
            " {8}[A-Za-z][A-Za-z0-9_()\\[\\]-]* [A-Za-z_][A-Za-z0-9_\\[\\]-]*( (PK|FK|UK)(, (PK|FK|UK))*)?( \"[^\"%]*\")?");
    private static final Pattern RELATION = Pattern.compile(" {4}[a-z_]+ (\\|\\||\\|o)(--|\\.\\.)(o\\||o\\{) [a-z_]+ : \"[^\"]*\"");

    @Test
    void drawsEveryTableAndRelation(@TempDir Path folder) throws Exception {
        Dialect postgres = Dialect.named("postgresql");
        Schema before = replay(folder, postgres, V1);
        Schema after = replay(folder, postgres, V1, V2);
        ErDiagram.Changes changes = ErDiagram.changes("002", before, after, postgres);
        String mermaid = ErDiagram.mermaid(after, postgres, changes);

        assertEquals("""
                    app_user {
                        bigint id PK
                        varchar(255) email UK "not null"
                        bigint mentor_id FK, UK "new in 002"
                    }
                """, block(mermaid, "app_user"));
        assertEquals("""
                    project {
                        bigint id PK
                        varchar(120) name "not null, changed in 002"
                        bigint owner_id FK "not null"
                    }
                """, block(mermaid, "project"));
        assertEquals("""
                    project_member {
                        bigint project_id PK, FK "new in 002"
                        bigint user_id PK, FK "new in 002"
                        timestamp(6)_with_time_zone joined_at "new in 002"
                        numeric(5_2) weight "default 1.0, new in 002"
                    }
                """, block(mermaid, "project_member"));
        assertEquals(List.of(
                "    app_user |o..o| app_user : \"mentor_id\"",
                "    app_user ||..o{ project : \"owner_id\"",
                "    project ||--o{ project_member : \"project_id\"",
                "    app_user ||--o{ project_member : \"user_id\""),
                mermaid.lines().filter(l -> l.contains(" : ")).toList());
        for (String line : mermaid.lines().toList()) {
            assertTrue(line.equals("erDiagram") || line.matches(" {4}[a-z_]+ \\{") || line.equals("    }")
                    || ATTRIBUTE.matcher(line).matches() || RELATION.matcher(line).matches(), line);
        }

        assertEquals(List.of("app_user", "project", "project_member"), changes.touchedTables());
        String markdown = ErDiagram.markdown(after, postgres, "Schema at revision 002 (head)", "2 migrations", changes);
        assertTrue(markdown.startsWith("# Schema at revision 002 (head)\n\nWritten by `mvn qalab:diagram` from 2"
                + " migrations (postgresql types): 3 tables, 4 relations, 0 sequences.\n"), markdown);
        assertTrue(markdown.contains("\n```mermaid\nerDiagram\n") && markdown.contains(mermaid + "```\n"), markdown);
        assertTrue(markdown.contains("- `project_member`: created\n- `app_user`: added column `mentor_id`\n"
                + "- `project`: changed column `name`\n"), markdown);
        assertTrue(markdown.contains("- `app_user`: add unique constraint uk_app_user_mentor on app_user[mentor_id]\n"),
                markdown);
    }

    @Test
    void aTypeBecomesOneMermaidWord() {
        assertEquals("double_precision", ErDiagram.word("double precision"));
        assertEquals("numeric(12_2)", ErDiagram.word("numeric(12,2)"));
        assertEquals("enum_(_a_b_)", ErDiagram.word("enum ('a','b')"));
        assertEquals("x_1st", ErDiagram.word("1st"));
    }

    private static String block(String mermaid, String table) {
        int start = mermaid.indexOf("    " + table + " {\n");
        assertTrue(start >= 0, table + " in\n" + mermaid);
        return mermaid.substring(start, mermaid.indexOf("    }\n", start) + 6);
    }

    private static Schema replay(Path folder, Dialect dialect, String... migrations) throws Exception {
        Path dir = Files.createTempDirectory(folder, "m");
        for (int i = 0; i < migrations.length; i++) {
            Files.writeString(dir.resolve(String.format("%03d_step.sql", i + 1)), migrations[i]);
        }
        return ShadowDatabase.embedded(dialect).replay(MigrationDirectory.scan(List.of(dir)).migrations());
    }
}
