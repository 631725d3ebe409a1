package io.github.qalab.hibernate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The Hibernate settings a project's application runs with, read from its resources the way the application reads
 * them: {@code META-INF/persistence.xml} properties, then {@code hibernate.properties}, then Spring Boot's
 * {@code application.properties} / {@code application.yml} (default profile: {@code spring.jpa.properties.*} and
 * {@code spring.jpa.hibernate.naming.*}; at the resource root, then in {@code config/}, as Spring Boot reads them),
 * then the plugin's {@code <hibernateProperties>}, each later source winning.
 * Settings that would reach a database or change the schema ({@code hibernate.hbm2ddl.auto}, connection settings,
 * the dialect, which {@code qalab.dialect} decides) are left out.
 */
public final class ProjectSettings {

    private static final String SPRING_PROPERTIES = "spring.jpa.properties.";
    private static final Map<String, String> SPRING_NAMING = Map.of(
            "spring.jpa.hibernate.naming.physical-strategy", "hibernate.physical_naming_strategy",
            "spring.jpa.hibernate.naming.implicit-strategy", "hibernate.implicit_naming_strategy");

    /**
     * The settings and where they came from.
     *
     * @param settings the Hibernate settings to boot with
     * @param sources  the files (and the plugin parameter) that contributed, for the log
     * @param ignored  settings left out, with why (e.g. {@code hibernate.dialect: qalab.dialect decides})
     */
    public record Read(Map<String, String> settings, List<String> sources, List<String> ignored) {
    }

    private ProjectSettings() {
    }

    /**
     * Reads the settings.
     *
     * @param resourceRoots the project's resource folders (e.g. {@code src/main/resources})
     * @param overrides     the plugin's {@code <hibernateProperties>}, which win over the files
     * @throws IllegalArgumentException naming the file that cannot be read and why
     */
    public static Read read(List<Path> resourceRoots, Map<String, String> overrides) {
        Map<String, String> settings = new LinkedHashMap<>();
        List<String> sources = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (Path root : resourceRoots) {
            Path persistence = root.resolve("META-INF/persistence.xml");
            if (Files.isRegularFile(persistence)) {
                put(settings, persistenceXml(persistence), ignored, persistence);
                sources.add(persistence.toString());
            }
        }
        for (Path root : resourceRoots) {
            Path hibernate = root.resolve("hibernate.properties");
            if (Files.isRegularFile(hibernate)) {
                put(settings, properties(hibernate), ignored, hibernate);
                sources.add(hibernate.toString());
            }
        }
        // Spring Boot's classpath locations, in its order: classpath:/ then classpath:/config/ (the later wins)
        for (String folder : List.of("", "config/")) {
            for (Path root : resourceRoots) {
                for (String name : List.of("application.properties", "application.yml", "application.yaml")) {
                    Path file = root.resolve(folder + name);
                    if (Files.isRegularFile(file)) {
                        Map<String, String> spring = name.endsWith(".properties") ? properties(file) : yaml(file);
                        put(settings, fromSpring(spring), ignored, file);
                        sources.add(file.toString());
                    }
                }
            }
        }
        if (overrides != null && !overrides.isEmpty()) {
            put(settings, overrides, ignored, null);
            sources.add("<hibernateProperties>");
        }
        return new Read(settings, sources, ignored);
    }

    /** The Hibernate settings a Spring Boot application derives from its {@code spring.jpa.*} properties. */
    static Map<String, String> fromSpring(Map<String, String> spring) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : spring.entrySet()) {
            String key = e.getKey();
            if (key.startsWith(SPRING_PROPERTIES)) {
                String hibernateKey = key.substring(SPRING_PROPERTIES.length());
                // Spring's bracket notation keeps dots in a map key: spring.jpa.properties[hibernate.x]
                out.put(hibernateKey, e.getValue());
            } else if (key.startsWith("spring.jpa.properties[") && key.endsWith("]")) {
                out.put(key.substring("spring.jpa.properties[".length(), key.length() - 1), e.getValue());
            } else if (SPRING_NAMING.containsKey(key)) {
                out.put(SPRING_NAMING.get(key), e.getValue());
            } else if (key.equals("spring.jpa.database-platform")) {
                out.put("hibernate.dialect", e.getValue());
            }
        }
        return out;
    }

    private static void put(Map<String, String> settings, Map<String, String> found, List<String> ignored, Path from) {
        for (Map.Entry<String, String> e : found.entrySet()) {
            String key = e.getKey().strip();
            String value = e.getValue() == null ? "" : e.getValue().strip();
            String why = excluded(key);
            if (why != null) {
                ignored.add(key + (from == null ? "" : " (" + from.getFileName() + ")") + ": " + why);
                continue;
            }
            if (value.contains("${")) {
                ignored.add(key + (from == null ? "" : " (" + from.getFileName() + ")") + ": its value holds a"
                        + " placeholder that only the running application resolves");
                continue;
            }
            settings.put(key, value);
        }
    }

    /** Why a setting is left out, or null when it is used. */
    static String excluded(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        if (k.equals("hibernate.dialect")) {
            return "qalab.dialect decides the database";
        }
        if (k.startsWith("hibernate.hbm2ddl") || k.startsWith("jakarta.persistence.schema-generation")
                || k.startsWith("javax.persistence.schema-generation")) {
            return "qalab never lets Hibernate change a schema";
        }
        if (k.startsWith("hibernate.connection") || k.startsWith("jakarta.persistence.jdbc")
                || k.startsWith("javax.persistence.jdbc") || k.startsWith("hibernate.hikari")
                || k.startsWith("hibernate.c3p0") || k.contains("datasource")) {
            return "qalab reads the mapping without a database connection";
        }
        if (!k.startsWith("hibernate.") && !k.startsWith("jakarta.persistence.") && !k.startsWith("javax.persistence.")) {
            return "not a Hibernate setting";
        }
        return null;
    }

    private static Map<String, String> properties(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : p.stringPropertyNames()) {
            out.put(name, p.getProperty(name));
        }
        return out;
    }

    /** The properties of an application.yml's documents that apply without a profile, flattened with dots. */
    private static Map<String, String> yaml(Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        try (MappingIterator<JsonNode> documents = mapper.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (documents.hasNext()) {
                JsonNode doc = documents.next();
                if (doc == null || !doc.isObject()) {
                    continue;
                }
                Map<String, String> flat = new LinkedHashMap<>();
                flatten("", doc, flat);
                boolean profiled = flat.containsKey("spring.config.activate.on-profile")
                        || flat.containsKey("spring.profiles");
                if (!profiled) {
                    out.putAll(flat);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + firstLine(e.getMessage()));
        }
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = field.getKey();
                // Spring Boot's "[a.b]" map keys keep their dots.
                if (key.startsWith("[") && key.endsWith("]")) {
                    key = key.substring(1, key.length() - 1);
                }
                flatten(prefix.isEmpty() ? key : prefix + "." + key, field.getValue(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), out);
            }
        } else if (!node.isNull()) {
            out.put(prefix, node.asText());
        }
    }

    /** The {@code <property>} elements of every persistence unit. */
    private static Map<String, String> persistenceXml(Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            Document doc = builder.parse(file.toFile());
            NodeList properties = doc.getElementsByTagNameNS("*", "property");
            for (int i = 0; i < properties.getLength(); i++) {
                Element property = (Element) properties.item(i);
                out.put(property.getAttribute("name"), property.getAttribute("value"));
            }
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + firstLine(e.getMessage()));
        }
        return out;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int eol = message.indexOf('\n');
        return eol < 0 ? message : message.substring(0, eol);
    }
}
