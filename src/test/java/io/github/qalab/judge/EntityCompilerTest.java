package io.github.qalab.judge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link EntityCompiler}: compiles entity sources and sorts the classes by JPA role, or lists javac's errors. */
class EntityCompilerTest {

    @Test
    void compilesAndClassifies(@TempDir Path sources, @TempDir Path out) throws Exception {
        Path pkg = Files.createDirectories(sources.resolve("shop"));
        Files.writeString(pkg.resolve("Base.java"), """
                package shop;
                @jakarta.persistence.MappedSuperclass
                public abstract class Base { @jakarta.persistence.Id Long id; }
                """);
        Files.writeString(pkg.resolve("Money.java"), """
                package shop;
                @jakarta.persistence.Embeddable
                public class Money { long cents; }
                """);
        Files.writeString(pkg.resolve("Order.java"), """
                package shop;
                @jakarta.persistence.Entity
                public class Order extends Base {
                    @jakarta.validation.constraints.NotBlank String name;
                    Money total;
                    public enum State { NEW, DONE }
                    State state;
                }
                """);
        Files.writeString(pkg.resolve("NameConverter.java"), """
                package shop;
                @jakarta.persistence.Converter
                public class NameConverter implements jakarta.persistence.AttributeConverter<String, String> {
                    public String convertToDatabaseColumn(String s) { return s; }
                    public String convertToEntityAttribute(String s) { return s; }
                }
                """);

        CompiledEntities compiled = EntityCompiler.compile(sources, out);

        assertEquals(List.of("shop.Order"), compiled.entities());
        assertEquals(List.of("shop.Money"), compiled.embeddables());
        assertEquals(List.of("shop.Base"), compiled.mappedSuperclasses());
        assertEquals(List.of("shop.NameConverter"), compiled.converters());
        assertEquals(List.of("shop.Base", "shop.Money", "shop.NameConverter", "shop.Order"), compiled.mappedClasses());
        assertTrue(compiled.allClasses().contains("shop.Order$State"), compiled.allClasses().toString());
        assertTrue(Files.exists(out.resolve("shop/Order.class")));
        assertEquals(out, compiled.classes());
    }

    @Test
    void javacErrorsNameFileAndLine(@TempDir Path sources, @TempDir Path out) throws Exception {
        Files.writeString(sources.resolve("Broken.java"), """
                @jakarta.persistence.Entity
                public class Broken {
                    NoSuchType field;
                }
                """);
        EntityCompiler.CompilationFailure failure = assertThrows(EntityCompiler.CompilationFailure.class,
                () -> EntityCompiler.compile(sources, out));
        assertEquals(1, failure.errors().size(), failure.errors().toString());
        assertTrue(failure.errors().get(0).matches("(?s).*Broken\\.java:3: cannot find symbol.*"), failure.errors().get(0));
        assertTrue(failure.getMessage().contains(sources.toString()), failure.getMessage());
    }

    @Test
    void folderWithoutSourcesIsRefused(@TempDir Path sources, @TempDir Path out) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EntityCompiler.compile(sources, out));
        assertTrue(e.getMessage().contains("no .java file"), e.getMessage());
    }

    @Test
    void compilesTheJudgeLab() {
        CompiledEntities lab = JudgeLab.compiled();
        assertEquals(List.of("lab.Book", "lab.Shelf"), lab.entities());
        assertTrue(lab.allClasses().contains("lab.Kind"));
    }
}
