package io.github.qalab.entity;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Java sources below the source roots, parsed lazily: files are found by path, parsed when a type in them is
 * needed, and every type declared in a parsed file (nested ones too) becomes resolvable by qualified name.
 */
final class SourceIndex {

    /** A type declared in the sources. */
    record SourceType(String qualifiedName, TypeDeclaration<?> declaration, CompilationUnit unit, Path file,
                      SourceType enclosing) {
        String packageName() {
            return unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        }
    }

    private final JavaParser parser;
    private final Map<String, Path> filesByTopLevelName = new LinkedHashMap<>();
    private final Map<Path, Boolean> parsed = new HashMap<>();
    private final Map<String, SourceType> types = new LinkedHashMap<>();
    private final List<EntityProblem> problems;

    SourceIndex(List<Path> roots, List<EntityProblem> problems) throws IOException {
        this.problems = problems;
        // RAW is the full Java 21 grammar without JavaParser's semantic validators, which javac runs on these
        // sources anyway; they cost a sixth of the parsing time and never change what an entity maps to.
        this.parser = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.RAW)
                .setCharacterEncoding(StandardCharsets.UTF_8));
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f))
                        .sorted().toList()) {
                    String relative = root.relativize(file).toString().replace('\\', '/');
                    String name = relative.substring(0, relative.length() - ".java".length()).replace('/', '.');
                    filesByTopLevelName.putIfAbsent(name, file);
                }
            }
        }
    }

    /** Every source file with its top-level type name derived from its path. */
    Map<String, Path> files() {
        return filesByTopLevelName;
    }

    /** Parses a file (once) and registers its types; a file that does not parse is a problem. */
    void parse(Path file) {
        if (parsed.putIfAbsent(file, Boolean.TRUE) != null) {
            return;
        }
        ParseResult<CompilationUnit> result;
        try {
            result = parser.parse(file);
        } catch (IOException e) {
            problems.add(new EntityProblem(file, 1, "cannot read source file: " + e.getMessage(),
                    "check the file permissions and encoding (UTF-8)"));
            return;
        }
        if (!result.isSuccessful() || result.getResult().isEmpty()) {
            var first = result.getProblems().isEmpty() ? null : result.getProblems().get(0);
            int line = first == null ? 1 : first.getLocation().flatMap(l -> l.getBegin().getRange())
                    .map(r -> r.begin.line).orElse(1);
            problems.add(new EntityProblem(file, line, "Java source does not parse: "
                    + (first == null ? "unknown error" : first.getMessage().lines().findFirst().orElse("")),
                    "fix the syntax error (qalab parses entity sources with JavaParser at Java 21 level)"));
            return;
        }
        CompilationUnit unit = result.getResult().get();
        String pkg = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        for (TypeDeclaration<?> type : unit.getTypes()) {
            register(type, pkg.isEmpty() ? type.getNameAsString() : pkg + "." + type.getNameAsString(), unit, file,
                    null);
        }
    }

    private void register(TypeDeclaration<?> type, String name, CompilationUnit unit, Path file,
                          SourceType enclosing) {
        SourceType sourceType = new SourceType(name, type, unit, file, enclosing);
        types.putIfAbsent(name, sourceType);
        for (Node member : type.getMembers()) {
            if (member instanceof TypeDeclaration<?> nested) {
                register(nested, name + "." + nested.getNameAsString(), unit, file, sourceType);
            }
        }
    }

    /** Every type registered so far (of the files parsed so far). */
    List<SourceType> parsedTypes() {
        return new ArrayList<>(types.values());
    }

    /** The type with that qualified name, parsing the file that should declare it if needed. */
    Optional<SourceType> type(String qualifiedName) {
        SourceType known = types.get(qualifiedName);
        if (known != null) {
            return Optional.of(known);
        }
        // The file of a nested type is the file of its outermost type: try each prefix.
        String candidate = qualifiedName;
        while (true) {
            Path file = filesByTopLevelName.get(candidate);
            if (file != null && !parsed.containsKey(file)) {
                parse(file);
                return Optional.ofNullable(types.get(qualifiedName));
            }
            int dot = candidate.lastIndexOf('.');
            if (dot < 0) {
                return Optional.empty();
            }
            candidate = candidate.substring(0, dot);
        }
    }

    /**
     * Resolves a type name as written inside {@code context} to a qualified name: nested types of the context and
     * its enclosing types, single-type imports, the same package, on-demand imports, {@code java.lang}, in Java's
     * order. Names of types outside the sources resolve through imports or to {@code java.lang.X}.
     */
    Optional<String> resolve(String written, SourceType context) {
        int dot = written.indexOf('.');
        String first = dot < 0 ? written : written.substring(0, dot);
        String rest = dot < 0 ? "" : written.substring(dot);
        Optional<String> head = resolveSimple(first, context);
        if (head.isPresent()) {
            return Optional.of(head.get() + rest);
        }
        // Not a known simple name: a qualified name like java.util.UUID or com.example.Outer.Inner.
        return dot > 0 ? Optional.of(written) : Optional.empty();
    }

    private Optional<String> resolveSimple(String name, SourceType context) {
        for (SourceType scope = context; scope != null; scope = scope.enclosing()) {
            if (scope.declaration().getNameAsString().equals(name)) {
                return Optional.of(scope.qualifiedName());
            }
            String nested = scope.qualifiedName() + "." + name;
            if (type(nested).isPresent()) {
                return Optional.of(nested);
            }
        }
        CompilationUnit unit = context.unit();
        for (ImportDeclaration imp : unit.getImports()) {
            if (!imp.isStatic() && !imp.isAsterisk()) {
                String imported = imp.getNameAsString();
                if (imported.endsWith("." + name)) {
                    return Optional.of(imported);
                }
            }
        }
        String pkg = context.packageName();
        String samePackage = pkg.isEmpty() ? name : pkg + "." + name;
        if (type(samePackage).isPresent()) {
            return Optional.of(samePackage);
        }
        for (ImportDeclaration imp : unit.getImports()) {
            if (!imp.isStatic() && imp.isAsterisk()) {
                String candidate = imp.getNameAsString() + "." + name;
                if (type(candidate).isPresent() || TypeCatalog.isKnown(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        if (TypeCatalog.isKnown("java.lang." + name)) {
            return Optional.of("java.lang." + name);
        }
        return Optional.empty();
    }
}
