package io.github.qalab.generate;

import io.github.qalab.schema.Names;
import io.github.qalab.schema.Schema;

import java.util.List;
import java.util.Map;

/**
 * The schema the entities need, and where it came from.
 *
 * @param schema        every table, sequence and constraint the entities need
 * @param positions     where each table and column is mapped in the sources
 * @param summary       one line for the log, e.g. {@code Hibernate 7.4.13.Final (PostgreSQLDialect 15.0), 42 entities}
 * @param entities      how many entity classes were read
 * @param warnings      what the model warned about
 * @param enumConstants {@code table.column} ({@link Names#key}) to the constants, in ordinal order, of the Java enum
 *                      that column stores (by name or by ordinal); empty where the model does not know
 */
public record DesiredSchema(Schema schema, SourcePositions positions, String summary, int entities,
                           List<String> warnings, Map<String, List<String>> enumConstants) {
    public DesiredSchema {
        warnings = List.copyOf(warnings);
        enumConstants = Map.copyOf(enumConstants);
    }

    /** A desired schema that knows no enum constants. */
    public DesiredSchema(Schema schema, SourcePositions positions, String summary, int entities,
                         List<String> warnings) {
        this(schema, positions, summary, entities, warnings, Map.of());
    }

    /** The constants of the enum that {@code table.column} stores, in ordinal order; empty when unknown. */
    public List<String> enumConstants(String table, String column) {
        return enumConstants.getOrDefault(Names.key(table) + "." + Names.key(column), List.of());
    }
}
