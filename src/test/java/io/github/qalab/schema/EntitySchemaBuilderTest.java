package io.github.qalab.schema;

import io.github.qalab.entity.EntityScanException;
import io.github.qalab.entity.EntityScanner;
import io.github.qalab.entity.EvolutionFixtures;
import io.github.qalab.entity.NamingStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EntitySchemaBuilderTest {

    @TempDir
    Path root;

    private void write(String qualifiedName, String source) throws IOException {
        Path file = root.resolve(qualifiedName.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
    }

    private Schema build(NamingStrategy naming) throws EntityScanException {
        return new EntitySchemaBuilder().build(new EntityScanner().scan(List.of(root), List.of()), naming);
    }

    private static Table table(Schema schema, String name) {
        return schema.table(name).orElseThrow(() -> new AssertionError(name + " not in "
                + schema.tables().stream().map(Table::name).toList()));
    }

    @Test
    void mapsJavaTypesAsAgreedInTypesMd() throws Exception {
        write("t.AllTypes", """
                package t;
                import jakarta.persistence.*;
                import java.math.*;
                import java.time.*;
                import java.util.UUID;
                @Entity
                public class AllTypes {
                    enum Mood { HAPPY, ANGRY }
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) long id;
                    String text; @Column(length = 40) String shortText; @Lob String longText;
                    char c; Character boxedC; boolean flag; Byte b; short s; Integer i; Long l; float f; Double d;
                    BigDecimal money; @Column(precision = 7) BigDecimal sevenZero; BigInteger big;
                    LocalDate date; LocalTime time; LocalDateTime stamp;
                    Instant instant; OffsetDateTime offset; ZonedDateTime zoned;
                    UUID uuid; byte[] bytes; @Column(length = 16) byte[] shortBytes; @Lob byte[] blob;
                    @Enumerated(EnumType.STRING) @Column(length = 10) Mood mood; Mood ordinalMood;
                    @Column(columnDefinition = " jsonb ") String json;
                }
                """);
        Table t = table(build(NamingStrategy.SPRING), "all_types");
        record Expect(String column, ColumnType type, boolean nullable) {
        }
        List<Expect> expected = List.of(
                new Expect("id", ColumnType.of(ColumnType.Kind.BIGINT), false),
                new Expect("text", ColumnType.varchar(255), true),
                new Expect("short_text", ColumnType.varchar(40), true),
                new Expect("long_text", ColumnType.of(ColumnType.Kind.CLOB), true),
                new Expect("c", new ColumnType(ColumnType.Kind.CHAR, 1, 0, 0, List.of(), ""), false),
                new Expect("boxedc", new ColumnType(ColumnType.Kind.CHAR, 1, 0, 0, List.of(), ""), true),
                new Expect("flag", ColumnType.of(ColumnType.Kind.BOOLEAN), false),
                new Expect("b", ColumnType.of(ColumnType.Kind.TINYINT), true),
                new Expect("s", ColumnType.of(ColumnType.Kind.SMALLINT), false),
                new Expect("i", ColumnType.of(ColumnType.Kind.INTEGER), true),
                new Expect("l", ColumnType.of(ColumnType.Kind.BIGINT), true),
                new Expect("f", ColumnType.of(ColumnType.Kind.REAL), false),
                new Expect("d", ColumnType.of(ColumnType.Kind.DOUBLE), true),
                new Expect("money", ColumnType.decimal(38, 2), true),
                new Expect("seven_zero", ColumnType.decimal(7, 0), true),
                new Expect("big", ColumnType.decimal(38, 0), true),
                new Expect("date", ColumnType.of(ColumnType.Kind.DATE), true),
                new Expect("time", ColumnType.of(ColumnType.Kind.TIME), true),
                new Expect("stamp", new ColumnType(ColumnType.Kind.TIMESTAMP, 0, 6, 0, List.of(), ""), true),
                new Expect("instant", new ColumnType(ColumnType.Kind.TIMESTAMP_TZ, 0, 6, 0, List.of(), ""), true),
                new Expect("offset", new ColumnType(ColumnType.Kind.TIMESTAMP_TZ, 0, 6, 0, List.of(), ""), true),
                new Expect("zoned", new ColumnType(ColumnType.Kind.TIMESTAMP_TZ, 0, 6, 0, List.of(), ""), true),
                new Expect("uuid", ColumnType.of(ColumnType.Kind.UUID), true),
                new Expect("bytes", new ColumnType(ColumnType.Kind.VARBINARY, 255, 0, 0, List.of(), ""), true),
                new Expect("short_bytes", new ColumnType(ColumnType.Kind.VARBINARY, 16, 0, 0, List.of(), ""), true),
                new Expect("blob", ColumnType.of(ColumnType.Kind.BLOB), true),
                new Expect("mood", new ColumnType(ColumnType.Kind.ENUM, 10, 0, 0, List.of("ANGRY", "HAPPY"), ""), true),
                new Expect("ordinal_mood", ColumnType.of(ColumnType.Kind.TINYINT), true),
                new Expect("json", ColumnType.custom("jsonb"), true));
        for (Expect e : expected) {
            Column column = t.column(e.column()).orElseThrow(() -> new AssertionError(e.column() + " in " + t));
            assertEquals(e.type(), column.type(), e.column());
            assertEquals(e.nullable(), column.nullable(), e.column());
        }
        assertEquals(expected.size(), t.columns().size());
        assertTrue(t.column("id").orElseThrow().identity());
        // Primary key first, then by name: stable whatever the field order.
        assertEquals("id", t.columns().get(0).name());
        List<String> rest = t.columns().subList(1, t.columns().size()).stream().map(Column::name).toList();
        assertEquals(rest.stream().sorted().toList(), rest);
        assertEquals(new PrimaryKey("pk_all_types", List.of("id")), t.primaryKey());
    }

    @Test
    void namesConstraintsDeterministicallyAndExplicitNamesWin() throws Exception {
        write("n.Owner", """
                package n;
                import jakarta.persistence.*;
                @Entity
                @Table(schema = "crm", indexes = {@Index(columnList = "lastName, firstName"),
                                                  @Index(name = "my_idx", columnList = "first_name", unique = true)},
                       uniqueConstraints = @UniqueConstraint(columnNames = "email"))
                public class Owner {
                    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "owner_gen")
                    @SequenceGenerator(name = "owner_gen", sequenceName = "owner_ids", initialValue = 100,
                                       allocationSize = 1)
                    Long id;
                    String firstName; String lastName; @Column(unique = true) String email;
                }
                """);
        write("n.Pet", """
                package n;
                import jakarta.persistence.*;
                @Entity
                public class Pet {
                    @Id @GeneratedValue Long id;
                    @ManyToOne @JoinColumn(foreignKey = @ForeignKey(name = "fk_custom")) Owner owner;
                    @OneToOne Owner vet;
                }
                """);
        Schema schema = build(NamingStrategy.SPRING);
        Table owner = table(schema, "crm.owner");
        assertEquals("pk_crm_owner", owner.primaryKey().name());
        assertEquals(List.of(new Index("ix_crm_owner_last_name_first_name", List.of("last_name", "first_name"), false),
                new Index("my_idx", List.of("first_name"), true)), owner.indexes());
        assertEquals(List.of(new UniqueConstraint("uk_crm_owner_email", List.of("email"))), owner.uniques());
        Table pet = table(schema, "pet");
        assertEquals(List.of(new ForeignKey("fk_custom", List.of("owner_id"), "crm.owner", List.of("id")),
                new ForeignKey("fk_pet_vet_id", List.of("vet_id"), "crm.owner", List.of("id"))), pet.foreignKeys());
        assertEquals(List.of(new UniqueConstraint("uk_pet_vet_id", List.of("vet_id"))), pet.uniques());
        assertEquals(List.of(new Sequence("owner_ids", 100, 1), new Sequence("pet_seq", 1, 50)), schema.sequences());
        // The same sources build the same schema.
        assertEquals(schema, build(NamingStrategy.SPRING));
    }

    @Test
    void capsLongNamesWithAHash() {
        String raw = "fk_" + "a_very_long_table_name_".repeat(3) + "some_column";
        String capped = EntitySchemaBuilder.constraintName(raw);
        assertEquals(60, capped.length());
        assertTrue(capped.startsWith(raw.substring(0, 53) + "_"), capped);
        assertTrue(capped.substring(54).matches("[0-9a-f]{6}"), capped);
        assertFalse(capped.equals(EntitySchemaBuilder.constraintName(raw + "x")));
        assertEquals("uk_short", EntitySchemaBuilder.constraintName("uk_short"));
    }

    @Test
    void embeddedIdAndUnidirectionalOneToManyJoinTable() throws Exception {
        write("e.Key", """
                package e;
                import jakarta.persistence.*;
                @Embeddable public class Key { String region; int number; }
                """);
        write("e.Shelf", """
                package e;
                import jakarta.persistence.*;
                import java.util.*;
                @Entity public class Shelf {
                    @EmbeddedId Key key;
                    @OneToMany Set<Item> items;
                }
                """);
        write("e.Item", "package e; import jakarta.persistence.*; @Entity public class Item { @Id Long id; }");
        Schema schema = build(NamingStrategy.SPRING);
        Table shelf = table(schema, "shelf");
        assertEquals(List.of("region", "number"), shelf.primaryKey().columns());
        assertFalse(shelf.column("region").orElseThrow().nullable());
        Table items = table(schema, "shelf_items");
        assertEquals(List.of("shelf_region", "shelf_number", "items_id"), items.primaryKey().columns());
        assertEquals(List.of(new UniqueConstraint("uk_shelf_items_items_id", List.of("items_id"))), items.uniques());
        assertEquals(ColumnType.varchar(255), items.column("shelf_region").orElseThrow().type());
    }

    @Test
    void unknownIndexColumnIsAProblemWithFileAndLine() throws Exception {
        write("u.Thing", """
                package u;
                import jakarta.persistence.*;
                @Entity
                @Table(indexes = @Index(columnList = "nmae"))
                public class Thing { @Id Long id; String name; }
                """);
        EntityScanException e = assertThrows(EntityScanException.class, () -> build(NamingStrategy.SPRING));
        assertEquals(List.of("u/Thing.java:4: @Index on u.Thing names column `nmae`, which table thing does not "
                + "have \u2014 use one of id, name"), e.problems().stream().map(p -> p.format(root)).toList());
    }

    @Test
    void evolutionStepsDifferAsTheFixturesSay() throws Exception {
        Schema step2 = schemaOf(2);
        Schema step3 = schemaOf(3);
        Schema step7 = schemaOf(7);
        assertEquals(ColumnType.varchar(100), table(step2, "customer").column("name").orElseThrow().type());
        assertEquals(ColumnType.varchar(200), table(step3, "customer").column("name").orElseThrow().type());
        assertTrue(table(step2, "customer").column("email").orElseThrow().nullable());
        assertFalse(table(step3, "customer").column("email").orElseThrow().nullable());
        assertTrue(table(step2, "product").column("thumbnail").isPresent());
        assertTrue(table(step3, "product").column("thumbnail").isEmpty());
        assertTrue(step7.table("audit_log").isPresent());
        assertTrue(step7.table("audit_entry").isEmpty());
        assertTrue(table(step7, "customer").column("email_address").isPresent());
    }

    private static Schema schemaOf(int step) throws EntityScanException {
        return new EntitySchemaBuilder().build(new EntityScanner().scan(List.of(EvolutionFixtures.sources(step)),
                List.of()), NamingStrategy.SPRING);
    }
}
