package io.github.qalab.entity;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every evolution step is a valid Java application: javac compiles it against jakarta.persistence-api. */
class EvolutionFixturesCompileTest {

    @ParameterizedTest(name = "step{0} compiles")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
    void stepCompiles(int step, @TempDir Path out) throws Exception {
        List<String> errors = EvolutionFixtures.compile(step, out);
        assertEquals(List.of(), errors, "javac errors in evolution/step" + step);
        List<String> classes = EvolutionFixtures.classNames(out);
        assertTrue(classes.contains("com.example.lab.Customer"), classes.toString());
        assertFalse(EvolutionFixtures.javaFiles(step).isEmpty());
    }

    @org.junit.jupiter.api.Test
    void renameStepDeclaresItsRenames() throws Exception {
        assertEquals("customer.email:email_address,audit_entry:audit_log",
                EvolutionFixtures.renames(7).orElseThrow());
        assertTrue(EvolutionFixtures.renames(2).isEmpty());
    }
}
