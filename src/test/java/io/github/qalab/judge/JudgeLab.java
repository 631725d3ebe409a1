package io.github.qalab.judge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The judge's own small mapping under {@code src/test/resources/judge/catalog}, compiled once per JVM. */
final class JudgeLab {

    private static CompiledEntities compiled;

    private JudgeLab() {
    }

    static Path sources() {
        try {
            return Path.of(JudgeLab.class.getResource("/judge/catalog").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static synchronized CompiledEntities compiled() {
        if (compiled == null) {
            try {
                compiled = EntityCompiler.compile(sources(), io.github.qalab.testing.TempFolders.deletedAtExit("qalab-judge-lab"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return compiled;
    }
}
