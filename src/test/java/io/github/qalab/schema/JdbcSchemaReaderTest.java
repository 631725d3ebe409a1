package io.github.qalab.schema;

import io.github.qalab.schema.ColumnType.Kind;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JdbcSchemaReaderTest {

    @Test
    void mariaDbColumnTypesMapToNeutralTypes() {
        assertEquals(ColumnType.of(Kind.BOOLEAN), JdbcSchemaReader.mariaDbType("bit(1)"));
        assertEquals(ColumnType.of(Kind.INTEGER), JdbcSchemaReader.mariaDbType("int(11)"));
        assertEquals(ColumnType.of(Kind.REAL), JdbcSchemaReader.mariaDbType("float"));
        assertEquals(ColumnType.decimal(10, 3), JdbcSchemaReader.mariaDbType("decimal(10,3)"));
        assertEquals(ColumnType.varchar(40), JdbcSchemaReader.mariaDbType("varchar(40)"));
        assertEquals(new ColumnType(Kind.TIMESTAMP, 0, 6, 0, List.of(), ""), JdbcSchemaReader.mariaDbType("datetime(6)"));
        assertEquals(new ColumnType(Kind.TIME, 0, 0, 0, List.of(), ""), JdbcSchemaReader.mariaDbType("time"));
        assertEquals(List.of("A", "it's"), JdbcSchemaReader.mariaDbType("enum('A','it''s')").values());
        assertEquals(ColumnType.custom("int(10) unsigned"), JdbcSchemaReader.mariaDbType("int(10) unsigned"));
        assertEquals(ColumnType.custom("mediumtext"), JdbcSchemaReader.mariaDbType("mediumtext"));
    }

    @Test
    void postgresDefaultsLoseTheirCasts() {
        assertEquals("'x'", JdbcSchemaReader.postgresDefault("'x'::character varying"));
        assertEquals("'2020-01-01'", JdbcSchemaReader.postgresDefault("'2020-01-01'::date"));
        assertEquals("0", JdbcSchemaReader.postgresDefault("0"));
        assertEquals("now()", JdbcSchemaReader.postgresDefault("now()"));
    }

    @Test
    void h2IndexesBehindConstraintsAreNotIndexesAndFlywayHistoryIsIgnored() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:reader;DB_CLOSE_DELAY=0", "sa", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE parent (id BIGINT NOT NULL, code VARCHAR(5), CONSTRAINT pk_parent PRIMARY KEY (id),"
                    + " CONSTRAINT uk_parent_code UNIQUE (code))");
            s.execute("CREATE TABLE child (id BIGINT NOT NULL, parent_id BIGINT, CONSTRAINT pk_child PRIMARY KEY (id))");
            s.execute("ALTER TABLE child ADD CONSTRAINT fk_child_parent_id FOREIGN KEY (parent_id) REFERENCES parent (id)");
            s.execute("CREATE INDEX ix_child_parent_id_id ON child (parent_id, id)");
            s.execute("CREATE TABLE flyway_schema_history (x INTEGER)");
            s.execute("CREATE SEQUENCE child_seq START WITH 1 INCREMENT BY 50");
            Schema schema = new JdbcSchemaReader().read(c);
            assertEquals(List.of("child", "parent"), schema.tables().stream().map(Table::name).toList());
            Table child = schema.table("child").orElseThrow();
            assertEquals(List.of(new Index("ix_child_parent_id_id", List.of("parent_id", "id"), false)), child.indexes());
            assertEquals(List.of(new ForeignKey("fk_child_parent_id", List.of("parent_id"), "parent", List.of("id"))),
                    child.foreignKeys());
            assertEquals(new PrimaryKey("pk_child", List.of("id")), child.primaryKey());
            Table parent = schema.table("parent").orElseThrow();
            assertEquals(List.of(new UniqueConstraint("uk_parent_code", List.of("code"))), parent.uniques());
            assertTrue(parent.indexes().isEmpty(), parent.indexes().toString());
            assertEquals(List.of(new Sequence("child_seq", 1, 50)), schema.sequences());
        }
    }

    @Test
    void h2IndexNamedLikeAForeignKeyStaysAnIndex() throws Exception {
        // HAPI FHIR's entities name an index and a foreign key alike (@Index(name = "FK_EMPI_LINK_TARGET") next to
        // @ForeignKey(name = "FK_EMPI_LINK_TARGET")); H2 keeps both, and dropping the index from the read schema made
        // every generate write CREATE INDEX FK_EMPI_LINK_TARGET again.
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:samename;DB_CLOSE_DELAY=0", "sa", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE parent (id BIGINT NOT NULL, p INTEGER NOT NULL, CONSTRAINT pk_parent PRIMARY KEY (id, p))");
            s.execute("CREATE TABLE child (id BIGINT NOT NULL, parent_id BIGINT, parent_p INTEGER, CONSTRAINT pk_child PRIMARY KEY (id))");
            s.execute("CREATE INDEX FK_CHILD_PARENT ON child (parent_id)");
            s.execute("ALTER TABLE child ADD CONSTRAINT FK_CHILD_PARENT FOREIGN KEY (parent_id, parent_p) REFERENCES parent (id, p)");
            Table child = new JdbcSchemaReader().read(c).table("child").orElseThrow();
            assertEquals(List.of(new Index("fk_child_parent", List.of("parent_id"), false)), child.indexes());
            assertEquals(1, child.foreignKeys().size(), child.foreignKeys().toString());
        }
    }
}
