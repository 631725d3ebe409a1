package io.github.qalab.guard;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.qalab.convention.Severity;
import io.github.qalab.convention.Violation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes findings as a SARIF 2.1.0 log (one run, the rules in {@code tool.driver.rules}, one result per finding with
 * its file relative to {@code %SRCROOT%} and its line), for GitHub code scanning and other SARIF viewers.
 *
 * <p>Written with Jackson's streaming generator: the object mapper's start-up would cost more than the whole check.
 */
public final class SarifReport {

    /** The schema URI GitHub documents for uploads. */
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private SarifReport() {
    }

    /**
     * Writes the report atomically (a temporary file, then a rename).
     *
     * @param file        where, e.g. {@code target/qalab/verify.sarif}
     * @param toolVersion the plugin version
     * @param rules       every rule that may appear
     * @param violations  the findings, any severity but {@code OFF}
     * @param base        the project directory: result URIs are relative to it ({@code %SRCROOT%})
     */
    public static void write(Path file, String toolVersion, List<RuleInfo> rules, List<Violation> violations,
                             Path base) throws IOException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            // the temp-file-and-rename below would replace it: a folder, a link, or a device such as /dev/stdout
            throw new IOException(file + " exists and is not a regular file: choose another path for the report");
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            write(json, toolVersion, rules, violations, base.toAbsolutePath().normalize());
        }
        io.github.qalab.migration.AtomicFiles.write(file, out.toByteArray(), true);
    }

    private static void write(JsonGenerator json, String toolVersion, List<RuleInfo> rules, List<Violation> violations,
                              Path base) throws IOException {
        Map<String, Integer> index = new HashMap<>();
        json.writeStartObject();
        json.writeStringField("$schema", SCHEMA);
        json.writeStringField("version", "2.1.0");
        json.writeArrayFieldStart("runs");
        json.writeStartObject();

        json.writeObjectFieldStart("tool");
        json.writeObjectFieldStart("driver");
        json.writeStringField("name", "qalab-maven-plugin");
        json.writeStringField("version", toolVersion);
        json.writeStringField("informationUri", "https://github.com/qalab/qalab-maven-plugin");
        json.writeArrayFieldStart("rules");
        for (RuleInfo rule : rules) {
            index.put(rule.id(), index.size());
            json.writeStartObject();
            json.writeStringField("id", rule.id());
            json.writeObjectFieldStart("shortDescription");
            json.writeStringField("text", rule.summary());
            json.writeEndObject();
            json.writeObjectFieldStart("help");
            json.writeStringField("text", rule.help());
            json.writeEndObject();
            json.writeObjectFieldStart("defaultConfiguration");
            json.writeStringField("level", level(rule.defaultSeverity()));
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();

        json.writeObjectFieldStart("originalUriBaseIds");
        json.writeObjectFieldStart("%SRCROOT%");
        String root = base.toUri().toString();
        json.writeStringField("uri", root.endsWith("/") ? root : root + "/");
        json.writeEndObject();
        json.writeEndObject();

        json.writeArrayFieldStart("results");
        for (Violation v : violations) {
            if (v.severity() == Severity.OFF) {
                continue;
            }
            json.writeStartObject();
            json.writeStringField("ruleId", v.ruleId());
            Integer ruleIndex = index.get(v.ruleId());
            if (ruleIndex != null) {
                json.writeNumberField("ruleIndex", ruleIndex);
            }
            json.writeStringField("level", level(v.severity()));
            json.writeObjectFieldStart("message");
            json.writeStringField("text", v.message() + " \u2014 " + v.hint());
            json.writeEndObject();
            json.writeArrayFieldStart("locations");
            json.writeStartObject();
            json.writeObjectFieldStart("physicalLocation");
            json.writeObjectFieldStart("artifactLocation");
            Path file = v.file().toAbsolutePath().normalize();
            if (file.startsWith(base)) {
                json.writeStringField("uri", relativeUri(base.relativize(file)));
                json.writeStringField("uriBaseId", "%SRCROOT%");
            } else {
                json.writeStringField("uri", file.toUri().toString());
            }
            json.writeEndObject();
            json.writeObjectFieldStart("region");
            json.writeNumberField("startLine", Math.max(1, v.line()));
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();

        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
    }

    /** A relative path as a URI reference: segments percent-encoded, separated by {@code /}. */
    private static String relativeUri(Path relative) {
        StringBuilder uri = new StringBuilder();
        for (Path segment : relative) {
            if (uri.length() > 0) {
                uri.append('/');
            }
            String encoded = java.net.URLEncoder.encode(segment.toString(), java.nio.charset.StandardCharsets.UTF_8);
            uri.append(encoded.replace("+", "%20"));
        }
        return uri.toString();
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARN -> "warning";
            case OFF -> "none";
        };
    }
}
