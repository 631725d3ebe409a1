package io.github.qalab.generate;

import io.github.qalab.schema.Names;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Where in the sources a table or column is mapped ({@code File.java:line} of the attribute, or of the entity class),
 * so that every diagnostic about the entities points at the code to change.
 */
public interface SourcePositions {

    /** A place in a source file. */
    record Position(Path file, int line) {
    }

    /** Knows no positions. */
    SourcePositions NONE = (table, column) -> Optional.empty();

    /**
     * The position of {@code column} of {@code table} (qualified name), or of the table when {@code column} is null
     * or unknown.
     */
    Optional<Position> of(String table, String column);

    /**
     * Positions from owner names such as {@code pkg.Entity#address.street} (Hibernate's mapping): the entity's
     * source file below one of {@code sourceRoots}, at the line declaring the attribute's first segment when it is
     * declared there (else at the class declaration).
     *
     * @param tableOwners  table key ({@link Names#key}) to owner
     * @param columnOwners {@code table.column} keys to owner
     */
    static SourcePositions ofOwners(List<Path> sourceRoots, Map<String, String> tableOwners,
                                    Map<String, String> columnOwners) {
        Map<String, Optional<Position>> cache = new ConcurrentHashMap<>();
        return (table, column) -> {
            String owner = column == null ? null : columnOwners.get(Names.key(table) + "." + Names.key(column));
            if (owner == null) {
                owner = tableOwners.get(Names.key(table));
            }
            if (owner == null) {
                return Optional.empty();
            }
            return cache.computeIfAbsent(owner, o -> locate(sourceRoots, o));
        };
    }

    private static Optional<Position> locate(List<Path> sourceRoots, String owner) {
        int hash = owner.indexOf('#');
        String className = hash < 0 ? owner : owner.substring(0, hash);
        String attribute = hash < 0 ? "" : owner.substring(hash + 1).split("\\.")[0];
        String topLevel = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
        String simple = className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
        for (Path root : sourceRoots) {
            Path file = root.resolve(topLevel.replace('.', '/') + ".java");
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                Pattern field = attribute.isEmpty() ? null
                        : Pattern.compile("[\\w>\\]]\\s+" + Pattern.quote(attribute) + "\\s*(;|=|,)");
                Pattern type = Pattern.compile("\\b(class|record|interface|enum)\\s+" + Pattern.quote(simple) + "\\b");
                int classLine = 0;
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (field != null && field.matcher(line).find() && !line.strip().startsWith("//")) {
                        return Optional.of(new Position(file, i + 1));
                    }
                    if (classLine == 0 && type.matcher(line).find()) {
                        classLine = i + 1;
                    }
                }
                return Optional.of(new Position(file, Math.max(classLine, 1)));
            } catch (IOException | RuntimeException e) {
                return Optional.of(new Position(file, 1));
            }
        }
        return Optional.empty();
    }
}
