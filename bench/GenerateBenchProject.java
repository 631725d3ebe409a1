import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the project that bench/generate-bench.sh measures: ENTITIES JPA entities in ten packages and MIGRATIONS
 * hand-written PostgreSQL migrations that create the schema of all but the last NEW entities.
 *
 * <p>Entities come in four kinds (customer, invoice, shipment, ticket), each with a sequence id, strings, a unique
 * code, decimals, primitives, dates and timestamps, a STRING enum and two indexes, plus per kind: a UUID and an
 * {@code @Embeddable} address (customer), two {@code @Embedded} money values, one with {@code @AttributeOverrides},
 * and {@code @Version} (invoice), {@code @Lob} text and a double (shipment), an ORDINAL enum and a short (ticket).
 * Every entity but the first has a lazy {@code @ManyToOne} to the previous one and a {@code @OneToMany(mappedBy)}
 * back; every non-customer entity has a mandatory {@code @ManyToOne} to the latest customer before it.
 *
 * <p>The migrations: 001..(MIGRATIONS - 40) create three tables each (sequence, table, indexes, foreign keys); the
 * last 40 evolve existing tables (an added column; a widened column plus a new index). What generate must find:
 * the NEW last entities (tables, sequences, indexes, foreign keys) and a {@code remark} column added to every 25th
 * older entity. The script checks the generated file for exactly that.
 *
 * <p>Options (for bench/drift-bench.sh, which needs a project in sync with a long history):
 * {@code --hibernate=<version>} writes a jar project with that hibernate-core, for the Hibernate model (compile it
 * before qalab:generate); {@code --in-sync} leaves out the {@code remark} columns, so with {@code new=0} the migrations create exactly what
 * the entities need; {@code --padding=N} makes N of the MIGRATIONS history churn that leaves the final schema as it
 * was, written after the evolutions: pairs of a scratch table created (with an index) and dropped again, and of a
 * column added to an existing table, back-filled and dropped again (an odd N ends with one migration that does both).
 *
 * <p>Usage: {@code java GenerateBenchProject.java <dir> <plugin-version> [entities=500] [migrations=200] [new=20]
 * [--in-sync] [--padding=N] [--hibernate=<version>]}
 */
public class GenerateBenchProject {

    static final String[] KINDS = {"Customer", "Invoice", "Shipment", "Ticket"};
    static final int EVOLUTIONS = 40;

    final Path dir;
    final int entities;
    final int migrations;
    final int created;
    final int evolveEvery;
    final boolean inSync;
    final int padding;
    /** The hibernate-core version of a Hibernate-model project (a jar project), or "" for a source-model one. */
    static String hibernate = "";

    GenerateBenchProject(Path dir, int entities, int migrations, int newEntities, boolean inSync, int padding) {
        this.dir = dir;
        this.entities = entities;
        this.migrations = migrations;
        this.created = entities - newEntities;
        this.inSync = inSync;
        this.padding = padding;
        int createMigrations = migrations - EVOLUTIONS - padding;
        if (createMigrations <= 0 || created > createMigrations * 3 || created < createMigrations) {
            throw new IllegalArgumentException("need migrations-40-padding creating migrations for " + created
                    + " tables, 1-3 each");
        }
        this.evolveEvery = created / EVOLUTIONS;
    }

    public static void main(String[] args) throws IOException {
        List<String> positional = new ArrayList<>();
        boolean inSync = false;
        int padding = 0;
        for (String arg : args) {
            if (arg.equals("--in-sync")) {
                inSync = true;
            } else if (arg.startsWith("--hibernate=")) {
                hibernate = arg.substring("--hibernate=".length());
            } else if (arg.startsWith("--padding=")) {
                padding = Integer.parseInt(arg.substring("--padding=".length()));
            } else {
                positional.add(arg);
            }
        }
        Path dir = Path.of(positional.get(0));
        String version = positional.get(1);
        int entities = positional.size() > 2 ? Integer.parseInt(positional.get(2)) : 500;
        int migrations = positional.size() > 3 ? Integer.parseInt(positional.get(3)) : 200;
        int newEntities = positional.size() > 4 ? Integer.parseInt(positional.get(4)) : 20;
        GenerateBenchProject p = new GenerateBenchProject(dir, entities, migrations, newEntities, inSync, padding);
        p.writePom(version);
        p.writeSources();
        p.writeMigrations();
    }

    // ---- naming ---------------------------------------------------------------------------------------------

    static String kind(int i) {
        return KINDS[i % 4];
    }

    static String cls(int i) {
        return kind(i) + String.format("%03d", i);
    }

    static String table(int i) {
        return cls(i).toLowerCase(Locale.ROOT);
    }

    static String pkg(int i) {
        return "com.example.bench.domain.d" + (i - 1) / 50;
    }

    /** The latest customer entity before {@code i}, or 0 for none (customers are the multiples of four). */
    static int customerOf(int i) {
        return i % 4 == 0 ? 0 : i - i % 4;
    }

    /** Entities an evolution migration touched: j = 1..40 → entity j * evolveEvery; odd j added a column. */
    int evolution(int i) {
        if (i > created || i % evolveEvery != 0 || i / evolveEvery > EVOLUTIONS) {
            return 0;
        }
        return i / evolveEvery;
    }

    boolean hasRating(int i) {
        int j = evolution(i);
        return j > 0 && j % 2 == 1;
    }

    boolean widened(int i) {
        int j = evolution(i);
        return j > 0 && j % 2 == 0;
    }

    /** Older entities that gained a column no migration creates yet. */
    boolean hasRemark(int i) {
        return !inSync && i <= created && i % 25 == 0;
    }

    // ---- project --------------------------------------------------------------------------------------------

    void writePom(String version) throws IOException {
        Files.createDirectories(dir);
        if (!hibernate.isEmpty()) {
            // A jar project on Hibernate: qalab's Hibernate model reads the compiled classes (compile first).
            Files.writeString(dir.resolve("pom.xml"), """
                    <project xmlns="http://maven.apache.org/POM/4.0.0">
                      <modelVersion>4.0.0</modelVersion>
                      <groupId>bench</groupId>
                      <artifactId>generate-500</artifactId>
                      <version>1</version>
                      <properties>
                        <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                        <maven.compiler.release>17</maven.compiler.release>
                      </properties>
                      <dependencies>
                        <dependency>
                          <groupId>org.hibernate.orm</groupId>
                          <artifactId>hibernate-core</artifactId>
                          <version>%s</version>
                        </dependency>
                      </dependencies>
                      <build>
                        <plugins>
                          <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.14.0</version></plugin>
                          <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
                          <plugin>
                            <groupId>io.github.qalab</groupId>
                            <artifactId>qalab-maven-plugin</artifactId>
                            <version>%s</version>
                          </plugin>
                        </plugins>
                      </build>
                    </project>
                    """.formatted(hibernate, version));
            return;
        }
        Files.writeString(dir.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>bench</groupId>
                  <artifactId>generate-500</artifactId>
                  <version>1</version>
                  <packaging>pom</packaging>
                  <build>
                    <sourceDirectory>src/main/java</sourceDirectory>
                    <plugins>
                      <plugin>
                        <groupId>io.github.qalab</groupId>
                        <artifactId>qalab-maven-plugin</artifactId>
                        <version>%s</version>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(version));
    }

    void writeSources() throws IOException {
        Path common = dir.resolve("src/main/java/com/example/bench/domain");
        Files.createDirectories(common);
        Files.writeString(common.resolve("Address.java"), """
                package com.example.bench.domain;

                import jakarta.persistence.Column;
                import jakarta.persistence.Embeddable;

                @Embeddable
                public class Address {
                    @Column(length = 100)
                    private String street;
                    @Column(length = 60)
                    private String city;
                    @Column(length = 10)
                    private String zip;
                }
                """);
        Files.writeString(common.resolve("Money.java"), """
                package com.example.bench.domain;

                import jakarta.persistence.Column;
                import jakarta.persistence.Embeddable;
                import java.math.BigDecimal;

                @Embeddable
                public class Money {
                    @Column(precision = 19, scale = 2)
                    private BigDecimal sum;
                    @Column(length = 3)
                    private String currency;
                }
                """);
        Files.writeString(common.resolve("Status.java"), """
                package com.example.bench.domain;

                public enum Status { OPEN, CLOSED, ARCHIVED }
                """);
        for (int i = 1; i <= entities; i++) {
            Path file = dir.resolve("src/main/java/" + pkg(i).replace('.', '/') + "/" + cls(i) + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, entity(i));
        }
    }

    String entity(int i) {
        String t = table(i);
        StringBuilder s = new StringBuilder();
        s.append("package ").append(pkg(i)).append(";\n\n");
        s.append("import com.example.bench.domain.*;\n");
        s.append("import jakarta.persistence.*;\n");
        s.append("import java.math.BigDecimal;\nimport java.time.*;\nimport java.util.*;\n");
        for (int ref : new int[] {i - 1, i + 1, customerOf(i)}) {
            if (ref >= 1 && ref <= entities && !pkg(ref).equals(pkg(i))) {
                s.append("import ").append(pkg(ref)).append('.').append(cls(ref)).append(";\n");
            }
        }
        s.append("\n/** Generated benchmark entity ").append(i).append(". */\n");
        s.append("@Entity\n@Table(name = \"").append(t).append("\", indexes = {\n");
        s.append("        @Index(name = \"ix_").append(t).append("_name\", columnList = \"name\"),\n");
        s.append("        @Index(name = \"ix_").append(t).append("_created\", columnList = \"created_at, status\")");
        if (widened(i)) {
            s.append(",\n        @Index(name = \"ix_").append(t).append("_due_date\", columnList = \"due_date\")");
        }
        s.append("})\n");
        s.append("public class ").append(cls(i)).append(" {\n\n");
        s.append("    @Id\n    @GeneratedValue(strategy = GenerationType.SEQUENCE)\n    private Long id;\n\n");
        s.append("    @Column(nullable = false, length = ").append(widened(i) ? 200 : 120).append(")\n    private String name;\n\n");
        s.append("    @Column(nullable = false, length = 40, unique = true)\n    private String code;\n\n");
        s.append("    @Column(precision = 12, scale = 2)\n    private BigDecimal amount;\n\n");
        s.append("    private int quantity;\n\n    private boolean active;\n\n");
        s.append("    private LocalDate dueDate;\n\n    private LocalDateTime createdAt;\n\n    private Instant updatedAt;\n\n");
        s.append("    @Enumerated(EnumType.STRING)\n    @Column(length = 20)\n    private Status status;\n\n");
        switch (i % 4) {
            case 0 -> s.append("    private UUID externalId;\n\n    @Embedded\n    private Address address;\n\n");
            case 1 -> s.append("""
                        @Embedded
                        private Money net;

                        @Embedded
                        @AttributeOverrides({
                                @AttributeOverride(name = "sum", column = @Column(name = "gross_sum", precision = 19, scale = 2)),
                                @AttributeOverride(name = "currency", column = @Column(name = "gross_currency", length = 3))})
                        private Money gross;

                        @Version
                        private long version;

                    """);
            case 2 -> s.append("    @Lob\n    private String notes;\n\n    private Double weight;\n\n");
            default -> s.append("""
                        @Enumerated(EnumType.ORDINAL)
                        private Severity severity;

                        private Short priority;

                        @Transient
                        private String displayLabel;

                        public enum Severity { LOW, MEDIUM, HIGH }

                    """);
        }
        if (i > 1) {
            s.append("    @ManyToOne(fetch = FetchType.LAZY)\n    private ").append(cls(i - 1)).append(" previous;\n\n");
        }
        if (i < entities) {
            s.append("    @OneToMany(mappedBy = \"previous\")\n    private List<").append(cls(i + 1)).append("> next = new ArrayList<>();\n\n");
        }
        if (customerOf(i) > 0) {
            s.append("    @ManyToOne(optional = false)\n    @JoinColumn(name = \"customer_id\")\n    private ")
                    .append(cls(customerOf(i))).append(" customer;\n\n");
        }
        if (hasRating(i)) {
            s.append("    private Integer rating;\n\n");
        }
        if (hasRemark(i)) {
            s.append("    @Column(length = 500)\n    private String remark;\n\n");
        }
        s.append("    protected ").append(cls(i)).append("() {\n    }\n}\n");
        return s.toString();
    }

    // ---- migrations -----------------------------------------------------------------------------------------

    void writeMigrations() throws IOException {
        Path mig = dir.resolve("src/main/resources/db/migration");
        Files.createDirectories(mig);
        int createMigrations = migrations - EVOLUTIONS - padding;
        // Spread the tables over the creating migrations: the first ones create three, the rest fewer.
        List<List<Integer>> groups = new ArrayList<>();
        int next = 1;
        for (int m = 0; m < createMigrations; m++) {
            int remainingMigrations = createMigrations - m;
            int remainingTables = created - next + 1;
            int size = (remainingTables + remainingMigrations - 1) / remainingMigrations;
            List<Integer> group = new ArrayList<>();
            for (int k = 0; k < size; k++) {
                group.add(next++);
            }
            groups.add(group);
        }
        int number = 1;
        for (List<Integer> group : groups) {
            StringBuilder up = new StringBuilder();
            StringBuilder down = new StringBuilder();
            for (int i : group) {
                up.append(createTable(i));
            }
            for (int k = group.size() - 1; k >= 0; k--) {
                int i = group.get(k);
                down.append("DROP TABLE ").append(table(i)).append(";\nDROP SEQUENCE ").append(table(i)).append("_seq;\n");
            }
            String message = "Add " + String.join(", ", group.stream().map(GenerateBenchProject::table).toList());
            write(mig, number++, message, up.toString(), down.toString());
        }
        for (int j = 1; j <= EVOLUTIONS; j++) {
            int i = j * evolveEvery;
            String t = table(i);
            if (j % 2 == 1) {
                write(mig, number++, "Add rating to " + t, "ALTER TABLE " + t + " ADD COLUMN rating INTEGER;\n",
                        "ALTER TABLE " + t + " DROP COLUMN rating;\n");
            } else {
                write(mig, number++, "Widen " + t + " name",
                        "ALTER TABLE " + t + " ALTER COLUMN name SET DATA TYPE VARCHAR(200);\n"
                                + "CREATE INDEX ix_" + t + "_due_date ON " + t + " (due_date);\n",
                        "DROP INDEX ix_" + t + "_due_date;\nALTER TABLE " + t + " ALTER COLUMN name SET DATA TYPE VARCHAR(120);\n");
            }
        }
        writePadding(mig, number);
    }

    /** History churn from migration {@code number} on that leaves the schema as it was (see the class comment). */
    void writePadding(Path mig, int number) throws IOException {
        String allow = "-- qalab:allow destructive\n";
        for (int k = 1; k <= padding; k++) {
            boolean last = k == padding && k % 2 == 1;
            int pair = (k + 1) / 2;
            if (pair % 2 == 1) { // a scratch table for an import, dropped once the import is done
                String t = "scratch_import_" + String.format("%03d", pair);
                String create = "CREATE TABLE " + t + " (\n    id BIGINT NOT NULL,\n    payload VARCHAR(200),\n"
                        + "    CONSTRAINT pk_" + t + " PRIMARY KEY (id)\n);\nCREATE INDEX ix_" + t + "_payload ON " + t
                        + " (payload);\n";
                String drop = "DROP TABLE " + t + ";\n";
                if (last) {
                    write(mig, number++, "Create and drop " + t, allow + create + drop, "SELECT 1;\n");
                } else if (k % 2 == 1) {
                    write(mig, number++, "Add " + t, create, drop);
                } else {
                    write(mig, number++, "Drop " + t, allow + drop, create);
                }
            } else { // a column added to an existing table, back-filled, and dropped again
                String t = table(1 + (pair * 7) % created);
                String add = "ALTER TABLE " + t + " ADD COLUMN legacy_code VARCHAR(40);\nUPDATE " + t
                        + " SET legacy_code = code;\n";
                String drop = "ALTER TABLE " + t + " DROP COLUMN legacy_code;\n";
                if (last) {
                    write(mig, number++, "Add and drop legacy code of " + t, allow + add + drop, "SELECT 1;\n");
                } else if (k % 2 == 1) {
                    write(mig, number++, "Add legacy code to " + t, add, drop);
                } else {
                    write(mig, number++, "Drop legacy code of " + t, allow + drop,
                            "ALTER TABLE " + t + " ADD COLUMN legacy_code VARCHAR(40);\n");
                }
            }
        }
    }

    String createTable(int i) {
        String t = table(i);
        StringBuilder s = new StringBuilder();
        s.append("CREATE SEQUENCE ").append(t).append("_seq START WITH 1 INCREMENT BY 50;\n");
        s.append("CREATE TABLE ").append(t).append(" (\n");
        s.append("    id BIGINT NOT NULL,\n    name VARCHAR(120) NOT NULL,\n    code VARCHAR(40) NOT NULL,\n");
        s.append("    amount NUMERIC(12, 2),\n    quantity INTEGER NOT NULL,\n    active BOOLEAN NOT NULL,\n");
        s.append("    due_date DATE,\n    created_at TIMESTAMP(6),\n    updated_at TIMESTAMP(6) WITH TIME ZONE,\n");
        s.append("    status VARCHAR(20),\n");
        switch (i % 4) {
            case 0 -> s.append("    external_id UUID,\n    street VARCHAR(100),\n    city VARCHAR(60),\n    zip VARCHAR(10),\n");
            case 1 -> s.append("    sum NUMERIC(19, 2),\n    currency VARCHAR(3),\n    gross_sum NUMERIC(19, 2),\n"
                    + "    gross_currency VARCHAR(3),\n    version BIGINT NOT NULL,\n");
            case 2 -> s.append("    notes OID,\n    weight DOUBLE PRECISION,\n");
            default -> s.append("    severity SMALLINT,\n    priority SMALLINT,\n");
        }
        if (i > 1) {
            s.append("    previous_id BIGINT,\n");
        }
        if (customerOf(i) > 0) {
            s.append("    customer_id BIGINT NOT NULL,\n");
        }
        s.append("    CONSTRAINT pk_").append(t).append(" PRIMARY KEY (id),\n");
        if (!hibernate.isEmpty()) {
            // Hibernate 7 gives enum columns a check of their values on PostgreSQL.
            s.append("    CONSTRAINT ck_").append(t).append("_status CHECK (status in ('OPEN','CLOSED','ARCHIVED')),\n");
            if (i % 4 == 3) {
                s.append("    CONSTRAINT ck_").append(t).append("_severity CHECK (severity between 0 and 2),\n");
            }
        }
        s.append("    CONSTRAINT uk_").append(t).append("_code UNIQUE (code)\n);\n");
        s.append("CREATE INDEX ix_").append(t).append("_name ON ").append(t).append(" (name);\n");
        s.append("CREATE INDEX ix_").append(t).append("_created ON ").append(t).append(" (created_at, status);\n");
        if (i > 1) {
            s.append("ALTER TABLE ").append(t).append(" ADD CONSTRAINT fk_").append(t).append("_previous_id FOREIGN KEY (previous_id) REFERENCES ")
                    .append(table(i - 1)).append(" (id);\n");
        }
        if (customerOf(i) > 0) {
            s.append("ALTER TABLE ").append(t).append(" ADD CONSTRAINT fk_").append(t).append("_customer_id FOREIGN KEY (customer_id) REFERENCES ")
                    .append(table(customerOf(i))).append(" (id);\n");
        }
        return s.toString();
    }

    static void write(Path mig, int number, String message, String up, String down) throws IOException {
        String n = String.format("%03d", number);
        String prev = number == 1 ? "none" : String.format("%03d", number - 1);
        String slug = message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("_$", "");
        }
        Files.writeString(mig.resolve(n + "_" + slug + ".sql"), "-- revision: " + n + "\n-- down_revision: " + prev
                + "\n-- message: " + message + "\n\n" + up + "\n/* qalab:downgrade\n" + down + "*/\n");
    }
}
