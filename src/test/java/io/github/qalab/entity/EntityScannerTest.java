package io.github.qalab.entity;

import io.github.qalab.entity.EntityModel.Attribute;
import io.github.qalab.entity.EntityModel.Basic;
import io.github.qalab.entity.EntityModel.BasicKind;
import io.github.qalab.entity.EntityModel.EmbeddableRef;
import io.github.qalab.entity.EntityModel.EnumMode;
import io.github.qalab.entity.EntityModel.EnumRef;
import io.github.qalab.entity.EntityModel.GenerationStrategy;
import io.github.qalab.entity.EntityModel.InheritanceStrategy;
import io.github.qalab.entity.EntityModel.Kind;
import io.github.qalab.entity.EntityModel.ManagedType;
import io.github.qalab.entity.EntityModel.Plural;
import io.github.qalab.entity.EntityModel.RelationKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EntityScannerTest {

    @TempDir
    Path root;

    private ManagedType type(EntityModel model, String name) {
        return model.type(name).orElseThrow(() -> new AssertionError(name + " not in " + model.types()));
    }

    private static Attribute attribute(ManagedType type, String name) {
        return type.attributes().stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + type.attributes()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jakarta", "javax"})
    void readsBothPersistencePackages(String api) throws Exception {
        ScannerFixture f = new ScannerFixture(root).file("shop.Order", """
                package shop;

                import %1$s.persistence.*;
                import java.math.BigDecimal;

                @Entity(name = "Purchase")
                @Table(name = "orders", schema = "sales",
                       indexes = @Index(name = "ix_orders_total", columnList = "total DESC, code", unique = true),
                       uniqueConstraints = @UniqueConstraint(columnNames = {"code"}))
                public class Order {
                    static final int CODE_LENGTH = 2 * 16;

                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
                    @Column(name = "order_code", length = CODE_LENGTH, nullable = false, unique = true) String code;
                    @Column(precision = 10, scale = 3) BigDecimal total;
                    @Transient String ignored;
                    static String alsoIgnored;
                    transient String ignoredToo;
                    @Version int version;
                    @Lob byte[] blob;
                }
                """.formatted(api));
        ManagedType order = type(f.scan(), "shop.Order");
        assertEquals(Kind.ENTITY, order.kind());
        assertEquals("Purchase", order.entityName());
        assertEquals("orders", order.table().name());
        assertEquals("sales", order.table().schema());
        assertEquals(List.of("total", "code"), order.table().indexes().get(0).columns());
        assertTrue(order.table().indexes().get(0).unique());
        assertEquals(List.of("code"), order.table().uniques().get(0).columns());
        assertEquals(List.of("id", "code", "total", "version", "blob"),
                order.attributes().stream().map(Attribute::name).toList());
        Attribute code = attribute(order, "code");
        assertEquals("order_code", code.column().name());
        assertEquals(32, code.column().length());
        assertFalse(code.column().nullable());
        assertTrue(code.column().unique());
        assertEquals(GenerationStrategy.IDENTITY, attribute(order, "id").generation().strategy());
        assertEquals(10, attribute(order, "total").column().precision());
        assertEquals(3, attribute(order, "total").column().scale());
        assertTrue(attribute(order, "version").version());
        assertEquals(new Basic(BasicKind.INTEGER, true), attribute(order, "version").type());
        assertTrue(attribute(order, "blob").lob());
        assertEquals(new Basic(BasicKind.BYTE_ARRAY, false), attribute(order, "blob").type());
    }

    @Test
    void resolvesEnumsEmbeddablesAndSuperclassesThroughImportsPackagesAndNesting() throws Exception {
        ScannerFixture f = new ScannerFixture(root)
                .file("app.model.Base", """
                        package app.model;
                        import jakarta.persistence.*;
                        @MappedSuperclass
                        public abstract class Base {
                            @Id @GeneratedValue @SequenceGenerator(name = "g", sequenceName = "ids", allocationSize = 5)
                            private Long id;
                        }
                        """)
                .file("app.types.Color", "package app.types; public enum Color { RED, GREEN }")
                .file("app.model.Address", """
                        package app.model;
                        import jakarta.persistence.Embeddable;
                        @Embeddable
                        public record Address(String street, String city) {}
                        """)
                .file("app.model.Car", """
                        package app.model;
                        import jakarta.persistence.*;
                        import app.types.*;
                        import static jakarta.persistence.EnumType.STRING;
                        @Entity
                        public class Car extends Base {
                            public enum Fuel { PETROL, DIESEL, ELECTRIC }
                            @Enumerated(STRING) Color color;
                            Fuel fuel;
                            @Embedded
                            @AttributeOverrides({@AttributeOverride(name = "city", column = @Column(name = "town"))})
                            Address address;
                            java.util.UUID serial;
                            @ElementCollection java.util.Set<Fuel> fuels;
                        }
                        """);
        EntityModel model = f.scan();
        ManagedType car = type(model, "app.model.Car");
        assertEquals("app.model.Base", car.superclass());
        assertEquals(Kind.MAPPED_SUPERCLASS, type(model, "app.model.Base").kind());
        assertEquals("ids", type(model, "app.model.Base").attributes().get(0).sequenceGenerators().get(0)
                .sequenceName());
        assertEquals(new EnumRef("app.types.Color", List.of("RED", "GREEN")), attribute(car, "color").type());
        assertEquals(EnumMode.STRING, attribute(car, "color").enumMode());
        assertEquals(new EnumRef("app.model.Car.Fuel", List.of("PETROL", "DIESEL", "ELECTRIC")),
                attribute(car, "fuel").type());
        assertEquals(EnumMode.ORDINAL, attribute(car, "fuel").enumMode());
        assertEquals(new EmbeddableRef("app.model.Address"), attribute(car, "address").type());
        assertEquals("town", attribute(car, "address").attributeOverrides().get(0).column().name());
        assertEquals(Kind.EMBEDDABLE, type(model, "app.model.Address").kind());
        assertEquals(List.of("street", "city"), type(model, "app.model.Address").attributes().stream()
                .map(Attribute::name).toList());
        assertEquals(new Basic(BasicKind.UUID, false), attribute(car, "serial").type());
        assertTrue(attribute(car, "fuels").type() instanceof Plural p && p.element() instanceof EnumRef);
        assertTrue(attribute(car, "fuels").elementCollectionIfAny().isPresent());
    }

    @Test
    void readsRelationsAndInheritance() throws Exception {
        ScannerFixture f = new ScannerFixture(root)
                .file("lib.Author", """
                        package lib;
                        import javax.persistence.*;
                        import java.util.*;
                        @Entity
                        @Inheritance(strategy = InheritanceType.JOINED)
                        @DiscriminatorColumn(name = "type", discriminatorType = DiscriminatorType.INTEGER)
                        public class Author {
                            @Id Long id;
                            @ManyToMany(mappedBy = "authors") Set<Book> books;
                        }
                        """)
                .file("lib.Book", """
                        package lib;
                        import javax.persistence.*;
                        import java.util.*;
                        @Entity
                        public class Book {
                            @Id Long id;
                            @ManyToOne(optional = false)
                            @JoinColumn(name = "publisher_ref", foreignKey = @ForeignKey(name = "fk_pub"))
                            Publisher publisher;
                            @ManyToMany
                            @JoinTable(name = "book_author", joinColumns = @JoinColumn(name = "book"),
                                       inverseJoinColumns = @JoinColumn(name = "author"))
                            List<Author> authors;
                            @OneToMany(targetEntity = Author.class) @JoinColumn(name = "fan_of") Set fans;
                        }
                        """)
                .file("lib.Publisher", """
                        package lib;
                        import javax.persistence.Entity;
                        import javax.persistence.Id;
                        @Entity class Publisher { @Id String code; }
                        """);
        EntityModel model = f.scan();
        ManagedType book = type(model, "lib.Book");
        var publisher = attribute(book, "publisher").relation();
        assertEquals(RelationKind.MANY_TO_ONE, publisher.kind());
        assertEquals("lib.Publisher", publisher.target());
        assertFalse(publisher.optional());
        assertEquals("publisher_ref", publisher.joinColumns().get(0).name());
        assertEquals("fk_pub", publisher.joinColumns().get(0).foreignKeyName());
        var authors = attribute(book, "authors").relation();
        assertEquals("book_author", authors.joinTable().name());
        assertEquals("author", authors.joinTable().inverseJoinColumns().get(0).name());
        assertEquals("lib.Author", attribute(book, "fans").relation().target());
        ManagedType author = type(model, "lib.Author");
        assertEquals(InheritanceStrategy.JOINED, author.inheritance());
        assertEquals(EntityModel.DiscriminatorKind.INTEGER, author.discriminator().kind());
        assertEquals("authors", attribute(author, "books").relation().mappedBy());
    }

    @Test
    void entityPackagesNarrowTheEntitiesButFollowReferences() throws Exception {
        ScannerFixture f = new ScannerFixture(root)
                .file("a.One", "package a; import jakarta.persistence.*; @Entity public class One { @Id Long id;"
                        + " @ManyToOne b.Two two; }")
                .file("b.Two", "package b; import jakarta.persistence.*; @Entity public class Two { @Id Long id; }")
                .file("c.Three", "package c; import jakarta.persistence.*; @Entity public class Three { @Id Long id; }");
        assertEquals(List.of("a.One", "b.Two", "c.Three"),
                f.scan().entities().stream().map(ManagedType::className).toList());
        assertEquals(List.of("a.One", "b.Two"), f.scan("a").entities().stream().map(ManagedType::className).toList());
        assertEquals(List.of("c.Three"), f.scan("c").entities().stream().map(ManagedType::className).toList());
    }

    @Test
    void ignoresAnnotationsFromOtherPackages() throws Exception {
        ScannerFixture f = new ScannerFixture(root)
                .file("x.Entity", "package x; public @interface Entity {}")
                .file("x.NotJpa", "package x; @Entity public class NotJpa { java.util.Map<String, String> m; }")
                .file("x.Real", "package x; @jakarta.persistence.Entity public class Real {"
                        + " @jakarta.persistence.Id long id; }");
        assertEquals(List.of("x.Real"), f.scan().entities().stream().map(ManagedType::className).toList());
    }

    // ------------------------------------------------------------------ errors: file:line, message, hint

    @Test
    void reportsEveryProblemWithFileLineAndHint() {
        ScannerFixture f;
        try {
            f = new ScannerFixture(root)
                    .file("p.Broken", """
                            package p;
                            import jakarta.persistence.*;
                            import java.util.*;
                            @Entity
                            public class Broken {
                                @Id Long id;
                                Money price;
                                @ManyToOne Ghost ghost;
                                List<String> tags;
                                java.util.Date legacy;
                                @Column(columnDefinition = "money") Money fine;
                                Other other;
                            }
                            """)
                    .file("p.Other", "package p; import jakarta.persistence.*; @Entity public class Other {"
                            + " String name; }")
                    .file("p.Money", "package p; public class Money { long cents; }");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        List<String> problems = f.problems();
        assertEquals(List.of(
                "p/Broken.java:7: cannot map field `price` of p.Broken: type `Money` is not a supported basic type"
                        + " \u2014 add @Column(columnDefinition = \"...\") with the SQL type, add the type's source"
                        + " (enum or @Embeddable) to the entity source roots, or mark the field @Transient if it is"
                        + " not persistent",
                "p/Broken.java:8: cannot resolve the target entity of @ManyToOne field `ghost` of p.Broken (type"
                        + " `Ghost`) \u2014 make the target an @Entity class in the scanned source roots, import it,"
                        + " or name it with targetEntity = X.class",
                "p/Broken.java:9: field `tags` of p.Broken is a collection without @OneToMany, @ManyToMany or"
                        + " @ElementCollection \u2014 add the association annotation, or mark the field @Transient"
                        + " if it is not persistent",
                "p/Broken.java:10: cannot map field `legacy` of p.Broken: type `java.util.Date` is not a supported"
                        + " basic type \u2014 add @Column(columnDefinition = \"...\") with the SQL type, add the"
                        + " type's source (enum or @Embeddable) to the entity source roots, or mark the field"
                        + " @Transient if it is not persistent",
                "p/Broken.java:12: field `other` of p.Broken refers to an entity without @ManyToOne or @OneToOne"
                        + " \u2014 add @ManyToOne or @OneToOne, or mark the field @Transient if it is not persistent",
                "p/Other.java:1: entity p.Other has no @Id \u2014 add an @Id field to it, to an @Entity superclass"
                        + " or to a @MappedSuperclass it extends"), problems);
    }

    @Test
    void reportsPropertyAccessSyntaxErrorsAndUnsupportedMappings() throws Exception {
        ScannerFixture f = new ScannerFixture(root)
                .file("q.Getter", """
                        package q;
                        import jakarta.persistence.*;
                        @Entity
                        public class Getter {
                            private Long id;
                            @Id
                            public Long getId() { return id; }
                        }
                        """)
                .file("q.Broken", """
                        package q;
                        import jakarta.persistence.*;
                        @Entity
                        public class Broken {
                            @Id Long id
                        }
                        """)
                .file("q.Keyed", """
                        package q;
                        import jakarta.persistence.*;
                        @Entity @IdClass(Object.class)
                        public class Keyed {
                            @Id @GeneratedValue(strategy = GenerationType.TABLE) Long id;
                            @Column(length = someMethod()) String name;
                            static int someMethod() { return 1; }
                        }
                        """);
        List<String> problems = f.problems();
        assertEquals(5, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).startsWith("q/Broken.java:5: Java source does not parse"), problems.get(0));
        assertTrue(problems.get(1).startsWith("q/Getter.java:6: @Id on method getId() of q.Getter: property access"),
                problems.get(1));
        assertTrue(problems.get(2).startsWith("q/Keyed.java:3: @IdClass on q.Keyed is not supported"),
                problems.get(2));
        assertTrue(problems.get(3).startsWith("q/Keyed.java:5: @GeneratedValue(strategy = TABLE)"),
                problems.get(3));
        assertTrue(problems.get(4).startsWith("q/Keyed.java:6: cannot evaluate annotation value `someMethod()`"),
                problems.get(4));
    }

    @Test
    void missingIdIsFoundThroughTheHierarchy() throws Exception {
        ScannerFixture f = new ScannerFixture(root)
                .file("r.Base", "package r; import jakarta.persistence.*; @MappedSuperclass public class Base {"
                        + " @Id Long id; }")
                .file("r.Child", "package r; import jakarta.persistence.*; @Entity public class Child extends Base {"
                        + " String name; }")
                .file("r.Leaf", "package r; import jakarta.persistence.*; @Entity public class Leaf extends Child {"
                        + " String more; }");
        EntityModel model = f.scan();
        assertEquals("r.Child", type(model, "r.Leaf").superclass());
        assertEquals(3, model.types().size());
    }
}
