package io.github.qalab.judge;

import io.github.qalab.judge.FieldCases.FieldCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link FieldCases}: finds the cases, their version folders, notes, naming and settings. */
class FieldCasesTest {

    @Test
    void listsVersionsInNumericOrderAndSingleTrees(@TempDir Path root) throws Exception {
        write(root.resolve("evolving/v10/a/A.java"));
        write(root.resolve("evolving/v2/a/A.java"));
        write(root.resolve("evolving/v1/a/A.java"));
        Files.writeString(root.resolve("evolving/expected.txt"), "EXPECTED: something");
        write(root.resolve("maven-tree/src/main/java/a/B.java"));
        Files.writeString(root.resolve("maven-tree/README.md"), "command: mvn qalab:generate -Dqalab.namingStrategy=jpa"
                + "\nspring.jpa.properties.hibernate.type.preferred_instant_jdbc_type: TIMESTAMP");
        write(root.resolve("flat/C.java"));
        Files.createDirectories(root.resolve("no-sources/v1"));

        List<FieldCase> cases = FieldCases.list(root);

        assertEquals(List.of("evolving", "flat", "maven-tree"), cases.stream().map(FieldCase::name).toList());
        FieldCase evolving = cases.get(0);
        assertEquals(List.of("v1", "v2", "v10"), evolving.versions().stream().map(p -> p.getFileName().toString())
                .toList());
        assertTrue(evolving.versioned());
        assertTrue(evolving.notes().contains("EXPECTED: something"));
        assertEquals(HibernateMapping.Naming.SPRING, evolving.naming());
        assertEquals(Map.of(), evolving.settings());
        assertEquals(List.of(root.resolve("flat")), cases.get(1).versions());
        FieldCase tree = cases.get(2);
        assertEquals(List.of(root.resolve("maven-tree/src/main/java")), tree.versions());
        assertFalse(tree.versioned());
        assertEquals(HibernateMapping.Naming.JPA, tree.naming());
        assertEquals(Map.of("hibernate.type.preferred_instant_jdbc_type", "TIMESTAMP"), tree.settings());
    }

    @Test
    void readsTheSharedFieldCases() {
        List<FieldCase> cases = FieldCases.all();
        assertTrue(cases.size() >= 20, cases.toString());
        FieldCase columnDefault = FieldCases.named("column-default");
        assertEquals(3, columnDefault.versions().size());
        assertEquals(HibernateMapping.Naming.JPA, FieldCases.named("idclass-refused").naming());
        assertEquals(HibernateMapping.Naming.SPRING, FieldCases.named("embeddable-manytoone").naming());
        assertEquals(Map.of("hibernate.type.preferred_instant_jdbc_type", "TIMESTAMP"),
                FieldCases.named("instant-preferred-jdbc-type").settings());
    }

    @Test
    void aMissingFolderIsReportedAbsent() {
        String before = System.getProperty(FieldCases.PROPERTY);
        System.setProperty(FieldCases.PROPERTY, "/nonexistent/qalab/field-cases");
        try {
            assertTrue(FieldCases.folder().isEmpty());
        } finally {
            if (before == null) {
                System.clearProperty(FieldCases.PROPERTY);
            } else {
                System.setProperty(FieldCases.PROPERTY, before);
            }
        }
    }

    private static void write(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "class X {}");
    }
}
