package io.github.qalab.sql;

import io.github.qalab.diff.SampleSchemas;
import io.github.qalab.schema.ColumnType;
import io.github.qalab.schema.ColumnType.Kind;
import io.github.qalab.sql.reference.HibernateReferenceDdl;
import io.github.qalab.sql.reference.SeqProbe;
import io.github.qalab.sql.reference.TypeProbe;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hibernate is the judge of the type table: for every field of {@link TypeProbe}, the SQL type a dialect renders
 * for the neutral type the entity side produces must be the type Hibernate 7's own schema export writes for that
 * field, up to the documented synonyms (same type under another name in that database).
 */
class HibernateTypeMappingTest {

    /** The neutral type types.md assigns to each probe field. */
    static Map<String, ColumnType> neutralTypes() {
        Map<String, ColumnType> m = new LinkedHashMap<>();
        m.put("t_varchar", ColumnType.varchar(255));
        m.put("t_varchar40", ColumnType.varchar(40));
        m.put("t_clob", ColumnType.of(Kind.CLOB));
        m.put("t_char", SampleSchemas.sized(Kind.CHAR, 1));
        m.put("t_boolean", ColumnType.of(Kind.BOOLEAN));
        m.put("t_tinyint", ColumnType.of(Kind.TINYINT));
        m.put("t_smallint", ColumnType.of(Kind.SMALLINT));
        m.put("t_integer", ColumnType.of(Kind.INTEGER));
        m.put("t_bigint", ColumnType.of(Kind.BIGINT));
        m.put("t_real", ColumnType.of(Kind.REAL));
        m.put("t_double", ColumnType.of(Kind.DOUBLE));
        m.put("t_decimal", ColumnType.decimal(38, 2));
        m.put("t_decimal10", ColumnType.decimal(10, 3));
        m.put("t_biginteger", ColumnType.decimal(38, 0));
        m.put("t_date", ColumnType.of(Kind.DATE));
        m.put("t_time", ColumnType.of(Kind.TIME));
        m.put("t_timestamp", SampleSchemas.temporal(Kind.TIMESTAMP, 6));
        m.put("t_instant", SampleSchemas.temporal(Kind.TIMESTAMP_TZ, 6));
        m.put("t_offset", SampleSchemas.temporal(Kind.TIMESTAMP_TZ, 6));
        m.put("t_uuid", ColumnType.of(Kind.UUID));
        m.put("t_varbinary", SampleSchemas.sized(Kind.VARBINARY, 255));
        m.put("t_blob", ColumnType.of(Kind.BLOB));
        m.put("t_enum", SampleSchemas.enumOf("RED", "GREEN"));
        m.put("t_ordinal", ColumnType.of(Kind.TINYINT));
        m.put("id", ColumnType.of(Kind.BIGINT));
        return m;
    }

    /** Names one database gives the same type; applied to both sides before comparing. */
    static String synonyms(String dialect, String type) {
        String t = type.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        return switch (dialect) {
            case "postgresql" -> t.replace("float4", "real").replace("float(53)", "double precision");
            case "h2" -> t.replace("float(24)", "real").replace("float(53)", "double precision");
            // MariaDB's FLOAT(p) with p <= 24 is FLOAT, with p > 24 DOUBLE.
            default -> t.replace("float(53)", "double").replace("float(23)", "float");
        };
    }

    /**
     * Where qalab deliberately differs from Hibernate's DDL, with the reason; Hibernate's validate accepts both.
     */
    static final Map<String, String> DEVIATIONS = Map.of(
            // Hibernate writes varchar(1) for char on MySQL/MariaDB; qalab keeps CHAR(1), the type types.md agreed,
            // which Hibernate's validate accepts for a char field as well.
            "mariadb:t_char", "char(1)",
            "mysql:t_char", "char(1)");

    @ParameterizedTest
    @CsvSource({
            "postgresql, org.hibernate.dialect.PostgreSQLDialect, 15",
            "mariadb, org.hibernate.dialect.MariaDBDialect, 10.11",
            "mysql, org.hibernate.dialect.MySQLDialect, 8.0",
            "h2, org.hibernate.dialect.H2Dialect, 2.3.232"})
    void everyTypeRendersAsHibernateExpects(String name, String hibernateDialect, String version) {
        String ddl = HibernateReferenceDdl.create(hibernateDialect, version, List.of(TypeProbe.class, SeqProbe.class));
        Map<String, String> hibernate = columnTypes(ddl, "TypeProbe");
        Dialect dialect = Dialect.named(name);
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, ColumnType> e : neutralTypes().entrySet()) {
            String expected = DEVIATIONS.getOrDefault(name + ":" + e.getKey(), hibernate.get(e.getKey()));
            assertTrue(expected != null, "Hibernate wrote no column " + e.getKey() + " in " + ddl);
            String ours = dialect.typeOf(e.getValue());
            if (!synonyms(name, ours).equals(synonyms(name, expected))) {
                mismatches.add(e.getKey() + ": qalab " + ours + ", Hibernate " + expected);
            }
        }
        assertEquals(List.of(), mismatches, "type table differs from Hibernate's " + hibernateDialect);
        if (!name.equals("mysql")) {
            // Hibernate's sequence for a SEQUENCE id: <entity>_SEQ, start 1, increment 50, as CreateSequence renders.
            assertTrue(ddl.toLowerCase(Locale.ROOT).contains("create sequence seqprobe_seq start with 1 increment by 50"), ddl);
        }
    }

    /**
     * Column name → type from Hibernate's {@code create table}, without constraints: what follows the name up to
     * {@code not null}, {@code check}, {@code generated}, {@code auto_increment} or the end.
     */
    static Map<String, String> columnTypes(String ddl, String table) {
        Matcher m = Pattern.compile("create table " + table + " \\((.*)\\)( engine=\\w+)?;", Pattern.CASE_INSENSITIVE)
                .matcher(ddl);
        assertTrue(m.find(), ddl);
        Map<String, String> types = new LinkedHashMap<>();
        for (String part : splitTopLevel(m.group(1))) {
            String p = part.strip();
            if (p.startsWith("primary key")) {
                continue;
            }
            int space = p.indexOf(' ');
            String type = p.substring(space + 1)
                    .replaceAll("(?i) (not null|check|generated|auto_increment).*$", "")
                    .replaceAll("(?i) (not null|auto_increment).*$", "");
            types.put(p.substring(0, space), type.strip());
        }
        return types;
    }

    private static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }
}
