package io.github.qalab.hibernate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProjectSettingsTest {

    @TempDir
    Path resources;

    @Test
    void springBootYamlOfTheDefaultProfileBecomesHibernateSettings() throws Exception {
        Files.writeString(resources.resolve("application.yml"), """
                spring:
                  datasource:
                    password: secret
                  jpa:
                    hibernate:
                      ddl-auto: update
                      naming:
                        physical-strategy: com.example.Physical
                    properties:
                      hibernate:
                        type:
                          preferred_instant_jdbc_type: TIMESTAMP
                        hbm2ddl.auto: create
                      "[hibernate.default_schema]": app
                ---
                spring:
                  config.activate.on-profile: test
                  jpa.properties.hibernate.type.preferred_instant_jdbc_type: TIMESTAMP_UTC
                """);
        ProjectSettings.Read read = ProjectSettings.read(List.of(resources), Map.of());
        assertEquals("TIMESTAMP", read.settings().get("hibernate.type.preferred_instant_jdbc_type"));
        assertEquals("com.example.Physical", read.settings().get("hibernate.physical_naming_strategy"));
        assertEquals("app", read.settings().get("hibernate.default_schema"));
        assertFalse(read.settings().containsKey("hibernate.hbm2ddl.auto"));
        assertFalse(read.settings().values().contains("secret"));
        assertTrue(read.ignored().stream().anyMatch(i -> i.startsWith("hibernate.hbm2ddl.auto")), read.ignored().toString());
    }

    @Test
    void springBootConfigFolderIsReadAndWinsOverTheRoot() throws Exception {
        // Spring Boot reads classpath:/config/application.* after classpath:/application.* (JHipster keeps its
        // settings only there): missing it boots Hibernate without the application's type settings.
        Files.createDirectories(resources.resolve("config"));
        Files.writeString(resources.resolve("application.properties"),
                "spring.jpa.properties.hibernate.type.preferred_uuid_jdbc_type=BINARY\n");
        Files.writeString(resources.resolve("config/application.yml"), """
                spring:
                  jpa:
                    properties:
                      hibernate.type.preferred_instant_jdbc_type: TIMESTAMP
                      hibernate.type.preferred_uuid_jdbc_type: CHAR
                """);
        ProjectSettings.Read read = ProjectSettings.read(List.of(resources), Map.of());
        assertEquals("TIMESTAMP", read.settings().get("hibernate.type.preferred_instant_jdbc_type"));
        assertEquals("CHAR", read.settings().get("hibernate.type.preferred_uuid_jdbc_type"));
        assertEquals(2, read.sources().size(), read.sources().toString());
    }

    @Test
    void laterSourcesWinAndThePluginParameterWinsOverAll() throws Exception {
        Files.createDirectories(resources.resolve("META-INF"));
        Files.writeString(resources.resolve("META-INF/persistence.xml"), """
                <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.0">
                  <persistence-unit name="app">
                    <properties>
                      <property name="hibernate.id.db_structure_naming_strategy" value="legacy"/>
                      <property name="hibernate.type.preferred_uuid_jdbc_type" value="CHAR"/>
                      <property name="jakarta.persistence.jdbc.url" value="jdbc:h2:mem:x"/>
                    </properties>
                  </persistence-unit>
                </persistence>
                """);
        Files.writeString(resources.resolve("hibernate.properties"), "hibernate.type.preferred_uuid_jdbc_type=BINARY\n");
        Files.writeString(resources.resolve("application.properties"),
                "spring.jpa.properties.hibernate.type.preferred_uuid_jdbc_type=VARCHAR\n"
                + "spring.jpa.database-platform=org.hibernate.dialect.H2Dialect\n");
        ProjectSettings.Read read = ProjectSettings.read(List.of(resources),
                Map.of("hibernate.id.db_structure_naming_strategy", "standard"));
        assertEquals("VARCHAR", read.settings().get("hibernate.type.preferred_uuid_jdbc_type"));
        assertEquals("standard", read.settings().get("hibernate.id.db_structure_naming_strategy"));
        assertFalse(read.settings().containsKey("jakarta.persistence.jdbc.url"));
        assertFalse(read.settings().containsKey("hibernate.dialect"), "qalab.dialect decides");
        assertEquals(4, read.sources().size(), read.sources().toString());
    }

    @Test
    void aBrokenFileIsNamed() throws Exception {
        Files.writeString(resources.resolve("application.yml"), "spring:\n  jpa: [unclosed\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProjectSettings.read(List.of(resources), Map.of()));
        assertTrue(e.getMessage().contains("application.yml"), e.getMessage());
    }

    @Test
    void placeholdersAreLeftToTheApplication() throws Exception {
        Files.writeString(resources.resolve("application.properties"),
                "spring.jpa.properties.hibernate.default_schema=${SCHEMA:app}\n");
        ProjectSettings.Read read = ProjectSettings.read(List.of(resources), Map.of());
        assertFalse(read.settings().containsKey("hibernate.default_schema"));
        assertTrue(read.ignored().get(0).contains("placeholder"), read.ignored().toString());
    }
}
