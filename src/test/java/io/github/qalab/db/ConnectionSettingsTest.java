package io.github.qalab.db;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionSettingsTest {

    private static final Path TARGET = Path.of("project", "target", "qalab");

    @Test
    void masksThePasswordAndEverySecretUrlPart() {
        ConnectionSettings s = new ConnectionSettings(
                "jdbc:postgresql://db:5432/app?user=app&password=urlpw1&ssl=true;PWD=other2", "app", "hunter22", "qalab.url");
        String text = s.mask("failed for jdbc:postgresql://db:5432/app?user=app&password=urlpw1&ssl=true;PWD=other2"
                + " with hunter22, and urlpw1 again");
        assertFalse(text.contains("urlpw1") || text.contains("other2") || text.contains("hunter22"), text);
        assertTrue(text.contains("password=****&ssl=true;PWD=****"), text);
        assertFalse(s.toString().contains("hunter22") || s.toString().contains("urlpw1"), s.toString());
        ConnectionSettings userinfo = new ConnectionSettings("jdbc:mariadb://root:topsecret@db/app", "", "", "qalab.url");
        assertEquals("jdbc:mariadb://root:****@db/app", userinfo.maskedUrl());
        assertEquals("no secret here", userinfo.mask("no secret here"));
    }

    @Test
    void aMalformedOrForeignUrlIsNamedWithoutShowingIt() {
        ConnectionSettings notAUrl = new ConnectionSettings("postgres://u:pw@h/db", "", "", "qalab.url");
        String problem = notAUrl.urlProblem().orElseThrow();
        assertTrue(problem.startsWith("the database URL (from qalab.url) is not a JDBC URL"), problem);
        assertFalse(problem.contains("pw"), problem);
        assertTrue(new ConnectionSettings("jdbc:postgresql://h/db\n", "", "", "QALAB_URL").urlProblem().isEmpty(),
                "a trailing line break is stripped");
        assertTrue(new ConnectionSettings("jdbc:postgresql://h/\tdb", "", "", "QALAB_URL").urlProblem().orElseThrow()
                .contains("control character"));
        assertTrue(new ConnectionSettings("jdbc:postgresql://h/db", "", "", "x").foreignDatabaseHint().isEmpty());
        assertTrue(new ConnectionSettings("jdbc:oracle:thin:@h:1521:xe", "", "", "x").foreignDatabaseHint()
                .orElseThrow().contains("flyway-database-oracle"));
    }

    @Test
    void explicitValuesWinOverServerOverEnvironment() {
        Map<String, String> env = Map.of("QALAB_URL", "jdbc:h2:mem:env", "QALAB_USER", "envuser", "QALAB_PASSWORD", "envpw");
        ConnectionSettings explicit = ConnectionSettings.resolve("jdbc:h2:mem:x", "u", "p", "su", "sp", env, TARGET);
        assertEquals(new ConnectionSettings("jdbc:h2:mem:x", "u", "p", "qalab.url"), explicit);
        ConnectionSettings server = ConnectionSettings.resolve("", null, null, "su", "sp", env, TARGET);
        assertEquals(new ConnectionSettings("jdbc:h2:mem:env", "su", "sp", "QALAB_URL"), server);
        ConnectionSettings environment = ConnectionSettings.resolve(null, null, null, null, null, env, TARGET);
        assertEquals(new ConnectionSettings("jdbc:h2:mem:env", "envuser", "envpw", "QALAB_URL"), environment);
    }

    @Test
    void noUrlAnywhereMeansTheEmbeddedH2Database() {
        ConnectionSettings s = ConnectionSettings.resolve(null, null, null, null, null, Map.of(), TARGET);
        assertTrue(s.isEmbedded());
        assertTrue(s.url().startsWith("jdbc:h2:file:") && s.url().endsWith("project/target/qalab/db"), s.url());
        assertEquals("sa", s.user());
    }

    @Test
    void theEmbeddedDefaultIgnoresTheEnvironmentsCredentialsMeantForQalabUrl() {
        ConnectionSettings s = ConnectionSettings.resolve(null, null, null, null, null,
                Map.of("QALAB_USER", "ci", "QALAB_PASSWORD", "s3cret"), TARGET);
        assertTrue(s.isEmbedded());
        assertEquals("sa", s.user());
        assertEquals("", s.password());
    }
}
