package io.github.qalab.maven;

import io.github.qalab.testing.MigrationFolder;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MojoTest
class VerifyMojoTest {

    private static final String POM = "src/test/resources/unit/verify/pom.xml";

    @TempDir
    Path tmp;

    /** Points the Mojo at a project folder under {@code tmp} and records its log. */
    private RecordingLog prepare(VerifyMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "basedir", tmp.toFile());
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);
        return log;
    }

    private MigrationFolder migrations() {
        return new MigrationFolder(tmp.resolve("src/main/resources/db/migration"));
    }

    @Test
    @InjectMojo(goal = "verify", pom = POM)
    void defaultsAndPomConfigurationAreWired(VerifyMojo mojo) {
        assertEquals("src/main/resources/db/migration", mojo.locations);
        assertFalse(mojo.skip);
        assertEquals(Map.of("QL007", "warn", "QL009", "off", "QL013", "off"), mojo.rules);
        assertFalse(mojo.checkDrift);
        assertEquals("postgresql", mojo.dialect);
        assertEquals("spring", mojo.namingStrategy);
    }

    @Test
    @InjectMojo(goal = "verify", pom = POM)
    @MojoParameter(name = "checkDrift", value = "true")
    void driftIsSkippedWithANoteForAProjectWithoutEntities(VerifyMojo mojo) throws Exception {
        RecordingLog log = prepare(mojo);
        setVariableValueToObject(mojo, "compileSourceRoots", List.of(tmp.resolve("src/main/java").toString()));
        migrations().chain(2);
        mojo.execute();
        assertEquals(List.of("Drift not checked: no @Entity class in the entity source roots",
                "2 migrations, 001 \u2192 002, chain OK"), log.at("info"));
    }

    @Test
    @InjectMojo(goal = "verify", pom = POM)
    @MojoParameter(name = "locations", value = "db/a, db/b")
    @MojoParameter(name = "skip", value = "true")
    void locationsAndSkipParametersAreWired(VerifyMojo mojo) throws Exception {
        assertEquals("db/a, db/b", mojo.locations);
        assertTrue(mojo.skip);
        RecordingLog log = prepare(mojo);
        assertEquals(List.of(tmp.resolve("db/a"), tmp.resolve("db/b")), mojo.locationPaths());
        mojo.execute(); // both folders are missing: only skip lets this pass
        assertEquals(List.of("qalab: skipped (qalab.skip=true)"), log.at("info"));
    }

    @Test
    @InjectMojo(goal = "verify", pom = POM)
    void passingChainPrintsOneLine(VerifyMojo mojo) throws Exception {
        RecordingLog log = prepare(mojo);
        migrations().chain(12);
        mojo.execute();
        assertEquals(List.of("12 migrations, 001 \u2192 012, chain OK"), log.at("info"));
        assertEquals(List.of(), log.at("warn"));
        assertTrue(log.at("debug").get(0).startsWith("qalab:verify: read 12 files in "), log.lines.toString());
    }

    @Test
    @InjectMojo(goal = "verify", pom = POM)
    void warnSeverityFromThePomReportsButPasses(VerifyMojo mojo) throws Exception {
        RecordingLog log = prepare(mojo);
        MigrationFolder folder = migrations().chain(1);
        folder.write("002_x.sql", "-- revision: 002\n-- down_revision: 001\nSELECT 1;\n");
        mojo.execute();
        assertEquals(List.of("src/main/resources/db/migration/002_x.sql:3: QL007 warning: no downgrade block \u2014 "
                + "end the file with /* qalab:downgrade <SQL that undoes the upgrade> */, or with "
                + "/* qalab:downgrade irreversible */ when it cannot be undone"), log.at("warn"));
        assertEquals(List.of("2 migrations, 001 \u2192 002, chain OK, 1 warning"), log.at("info"));
    }

    @Test
    @InjectMojo(goal = "verify", pom = POM)
    void errorsAreLoggedAndFailTheBuildWithTheSummary(VerifyMojo mojo) throws Exception {
        RecordingLog log = prepare(mojo);
        mojo.rules = Map.of("QL013", "off");
        MigrationFolder folder = migrations().chain(2);
        folder.write("002_add_invoice.sql", MigrationFolder.valid(2));
        folder.write("V4__x.sql", "SELECT 1;");
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("2 violations in 2 files", e.getMessage());
        List<String> errors = log.at("error");
        assertEquals(3, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("src/main/resources/db/migration/002_create_t002.sql:1: QL005 "
                + "002_add_invoice.sql and 002_create_t002.sql share number 002"), errors.get(0));
        assertTrue(errors.get(1).startsWith("src/main/resources/db/migration/V4__x.sql:1: QL001 "), errors.get(1));
        assertEquals("2 violations in 2 files", errors.get(2));
    }

    @Test
    @InjectMojo(goal = "verify", pom = POM)
    void emptyFolderPassesAndSaysWhereItLooked(VerifyMojo mojo) throws Exception {
        RecordingLog log = prepare(mojo);
        migrations();
        mojo.execute();
        assertEquals(List.of("0 migrations in src/main/resources/db/migration, chain OK"), log.at("info"));
    }

    @Test
    @InjectMojo(goal = "verify", pom = POM)
    void unknownRuleIdIsAConfigurationError(VerifyMojo mojo) throws Exception {
        prepare(mojo);
        migrations().chain(1);
        mojo.rules = Map.of("QL042", "warn");
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("Invalid <rules> configuration: unknown rule id 'QL042'"), e.getMessage());
        assertTrue(e.getMessage().contains("QL001, QL002"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "verify", pom = POM)
    void badSeverityIsAConfigurationError(VerifyMojo mojo) throws Exception {
        prepare(mojo);
        mojo.rules = Map.of("QL007", "warning-ish");
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("Invalid <rules> configuration: <QL007>: unknown severity 'warning-ish': use error, warn or off",
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "verify", pom = POM)
    void missingFolderFailsUnlessSwitchedOff(VerifyMojo mojo) throws Exception {
        RecordingLog log = prepare(mojo);
        mojo.execute(); // the test pom switches QL009 off
        assertEquals(List.of("0 migrations in src/main/resources/db/migration, chain OK"), log.at("info"));
        mojo.rules = null;
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("1 violation in 1 file", e.getMessage());
        assertTrue(log.at("error").get(0).startsWith(
                "src/main/resources/db/migration:1: QL009 the migration folder does not exist"), log.lines.toString());
    }
}
