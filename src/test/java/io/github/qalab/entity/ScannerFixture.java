package io.github.qalab.entity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes Java sources into a temporary source root for scanner tests. */
final class ScannerFixture {

    private final Path root;

    ScannerFixture(Path root) {
        this.root = root;
    }

    /** Writes {@code source} as the file of the type {@code qualifiedName}. */
    ScannerFixture file(String qualifiedName, String source) throws IOException {
        Path file = root.resolve(qualifiedName.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        return this;
    }

    Path path(String qualifiedName) {
        return root.resolve(qualifiedName.replace('.', '/') + ".java");
    }

    EntityModel scan(String... packages) throws EntityScanException {
        return new EntityScanner().scan(List.of(root), List.of(packages));
    }

    List<String> problems(String... packages) {
        try {
            scan(packages);
            throw new AssertionError("expected entity problems");
        } catch (EntityScanException e) {
            return e.problems().stream().map(p -> p.format(root)).toList();
        }
    }
}
