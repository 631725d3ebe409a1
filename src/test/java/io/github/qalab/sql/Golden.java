package io.github.qalab.sql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden files for rendered SQL under {@code src/test/resources/golden/<dialect>/<case>.sql}. To regenerate them
 * after an intended change, run {@code mvn test -Dtest=DialectGoldenTest -Dgolden.update=true} and review the
 * diff with git before committing.
 */
public final class Golden {

    private static final Path ROOT = Path.of("src", "test", "resources", "golden");

    private Golden() {
    }

    public static void check(String dialect, String name, String actual) throws IOException {
        Path file = ROOT.resolve(dialect).resolve(name + ".sql");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.exists(file), "missing golden file " + file + "; create it with -Dgolden.update=true");
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "golden file " + file);
    }
}
