package io.github.qalab.judge;

import io.github.qalab.testing.TestDatabases.TestDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Hibernate's own schema export: the JPA {@code jakarta.persistence.schema-generation.database.action=create} for
 * a mapping into a fresh database, with the same DDL written to a script file for failure messages. Schemas named
 * by the mapping ({@code @Table(schema = ...)}) are created too ({@code jakarta.persistence.create-database-schemas}),
 * and any failing statement stops the export ({@code hibernate.hbm2ddl.halt_on_error}).
 */
public final class HibernateExport {

    private HibernateExport() {
    }

    /**
     * What Hibernate created.
     *
     * @param script     the DDL script file
     * @param statements the statements of the script, in order, without the trailing {@code ;}
     * @param dialect    the dialect Hibernate chose for the database, e.g. {@code PostgreSQLDialect}
     * @param namespaces the explicit schemas or catalogs the mapping names (e.g. {@code billing}), sorted; on
     *                   MariaDB these are databases of their own on the server, which {@link CatalogSnapshot} must
     *                   be told about and which the caller drops ({@link JudgeDatabases#dropSchemas})
     */
    public record Result(Path script, List<String> statements, String dialect, List<String> namespaces) {
        public Result {
            statements = List.copyOf(statements);
            namespaces = List.copyOf(namespaces);
        }
    }

    /** Thrown when Hibernate cannot export the mapping into the database; the message says why, with the script. */
    public static final class ExportFailure extends IllegalStateException {
        ExportFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Runs Hibernate's export of {@code mapping} into {@code database} (expected empty) and writes its DDL to
     * {@code script} (replaced when present).
     *
     * @throws ExportFailure when Hibernate fails to boot or a statement fails
     */
    public static Result create(HibernateMapping mapping, TestDatabase database, Path script) {
        try {
            Files.createDirectories(script.toAbsolutePath().getParent());
            Files.deleteIfExists(script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> settings = Map.of(
                "jakarta.persistence.schema-generation.database.action", "create",
                "jakarta.persistence.schema-generation.scripts.action", "create",
                "jakarta.persistence.schema-generation.scripts.create-target", script.toString(),
                "jakarta.persistence.create-database-schemas", "true",
                "hibernate.hbm2ddl.halt_on_error", "true",
                "hibernate.hbm2ddl.delimiter", ";");
        HibernateBoot.Booted booted;
        try {
            booted = HibernateBoot.run(mapping, database, settings);
        } catch (RuntimeException e) {
            throw new ExportFailure("Hibernate's export of " + mapping.entities().sources() + " into " + database.kind()
                    + " failed:\n" + HibernateBoot.describe(e) + "\nscript so far (" + script + "):\n"
                    + readQuietly(script), e);
        }
        return new Result(script, statements(readQuietly(script)), booted.dialect(), booted.namespaces());
    }

    private static List<String> statements(String script) {
        return Arrays.stream(script.split(";\\s*(\\R|$)")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String readQuietly(Path script) {
        try {
            return Files.exists(script) ? Files.readString(script, StandardCharsets.UTF_8) : "(no script written)";
        } catch (IOException e) {
            return "(script unreadable: " + e.getMessage() + ")";
        }
    }
}
