package io.github.qalab.judge;

import io.github.qalab.testing.TestDatabases;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The field cases in {@code ../shared/field-cases} (relative to the project root, or the folder named by the system
 * property {@code qalab.fieldCases}): small entity trees cut from real projects, each with a README or
 * {@code expected.txt}. Without the folder the tests that need it are skipped with a {@code [qalab-test] SKIPPED}
 * line, or fail when {@code QALAB_REQUIRE_DATABASES=true} (CI, where {@code shared/} lies beside the clone).
 */
public final class FieldCases {

    /** The system property naming the field-cases folder. */
    public static final String PROPERTY = "qalab.fieldCases";

    private static final Pattern VERSION = Pattern.compile("v([0-9]+)");
    private static final Pattern NAMING_JPA = Pattern.compile("namingStrategy=jpa\\b");

    private FieldCases() {
    }

    /**
     * One field case.
     *
     * @param name     the folder name, e.g. {@code embeddable-manytoone}
     * @param folder   the case folder
     * @param versions the source roots to compile, oldest first: {@code v1/}, {@code v2/} ... or the one tree
     *                 ({@code src/main/java} when present, else the case folder)
     * @param notes    the text of {@code README.md} and {@code expected.txt} (what was seen, what Hibernate expects)
     */
    public record FieldCase(String name, Path folder, List<Path> versions, String notes) {

        /** True when the case has {@code v1/}, {@code v2/} ... folders: a change between versions. */
        public boolean versioned() {
            return versions.size() > 1 || versions.get(0).getFileName().toString().matches("v[0-9]+");
        }

        /**
         * The naming the case was tried with: {@link HibernateMapping.Naming#JPA} when its notes name
         * {@code -Dqalab.namingStrategy=jpa}, else Spring Boot's (the README of the field cases says so).
         */
        public HibernateMapping.Naming naming() {
            return NAMING_JPA.matcher(notes).find() ? HibernateMapping.Naming.JPA : HibernateMapping.Naming.SPRING;
        }

        /**
         * The extra {@code hibernate.*} settings the case's project sets (today only
         * {@code hibernate.type.preferred_instant_jdbc_type}, named in the notes as a JHipster setting).
         */
        public Map<String, String> settings() {
            Matcher m = Pattern.compile("(hibernate\\.type\\.preferred_instant_jdbc_type)\\s*[:=]\\s*([A-Z_]+)")
                    .matcher(notes);
            return m.find() ? Map.of(m.group(1), m.group(2)) : Map.of();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * The field-cases folder if it exists: the system property, else {@code ../shared/field-cases} beside the project
     * root, else {@code shared/field-cases} inside it (a checkout with the shared folder copied in).
     */
    public static Optional<Path> folder() {
        String configured = System.getProperty(PROPERTY);
        List<Path> candidates = configured != null && !configured.isBlank() ? List.of(Path.of(configured))
                : List.of(projectRoot().resolveSibling("shared").resolve("field-cases"),
                        projectRoot().resolve("shared").resolve("field-cases"));
        return candidates.stream().filter(Files::isDirectory).findFirst().map(Path::normalize);
    }

    /** The project root: Surefire's {@code basedir}, else the working directory. */
    private static Path projectRoot() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    }

    /**
     * Every field case, sorted by name; skips the calling test (visibly) when the folder is absent, or fails it
     * when databases are mandatory.
     */
    public static List<FieldCase> all() {
        return list(requiredFolder());
    }

    /**
     * The field-cases folder; skips the calling test (visibly) when it is absent, or fails it when databases are
     * mandatory.
     */
    public static Path requiredFolder() {
        Optional<Path> folder = folder();
        if (folder.isEmpty()) {
            String message = "field cases not found (system property " + PROPERTY + " or ../shared/field-cases"
                    + " beside the project root " + projectRoot() + ")";
            if (TestDatabases.required()) {
                Assertions.fail(message + "; they are mandatory here (QALAB_REQUIRE_DATABASES=true)");
            }
            System.err.println("[qalab-test] SKIPPED: " + message);
            Assumptions.abort(message);
        }
        return folder.get();
    }

    /** The cases in {@code folder}: every sub-folder holding at least one {@code .java} file. */
    public static List<FieldCase> list(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            List<FieldCase> cases = new ArrayList<>();
            for (Path child : children.filter(Files::isDirectory).sorted().toList()) {
                List<Path> versions = versions(child);
                if (!versions.isEmpty()) {
                    cases.add(new FieldCase(child.getFileName().toString(), child, versions, notes(child)));
                }
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The case named {@code name}, or a failure listing the names there are. */
    public static FieldCase named(String name) {
        List<FieldCase> all = all();
        return all.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no field case " + name + "; there are " + all));
    }

    private static List<Path> versions(Path caseFolder) throws IOException {
        List<Path> versions;
        try (Stream<Path> children = Files.list(caseFolder)) {
            versions = children.filter(Files::isDirectory)
                    .filter(p -> VERSION.matcher(p.getFileName().toString()).matches() && hasSources(p))
                    .sorted(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().substring(1))))
                    .toList();
        }
        if (!versions.isEmpty()) {
            return versions;
        }
        Path main = caseFolder.resolve("src/main/java");
        Path root = Files.isDirectory(main) ? main : caseFolder;
        return EntityCompiler.javaFiles(root).isEmpty() ? List.of() : List.of(root);
    }

    private static boolean hasSources(Path folder) {
        try {
            return !EntityCompiler.javaFiles(folder).isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String notes(Path caseFolder) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String file : List.of("README.md", "expected.txt", "README.txt")) {
            Path path = caseFolder.resolve(file);
            if (Files.isRegularFile(path)) {
                text.append(Files.readString(path, StandardCharsets.UTF_8)).append('\n');
            }
        }
        return text.toString();
    }
}
