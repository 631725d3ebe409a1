package io.github.qalab.entity;

import java.util.Locale;

/**
 * How logical JPA names become table, column and sequence names: {@code spring} (Spring Boot's defaults) or
 * {@code jpa} (Hibernate's defaults, names as written).
 */
public enum NamingStrategy {

    /**
     * Spring Boot: {@code CamelCaseToUnderscoresNamingStrategy} (dots to underscores, an underscore before an upper
     * case letter that follows a lower case letter or digit and precedes a lower case letter or digit, then lower
     * case) and {@code SpringImplicitNamingStrategy} (join table {@code <owner table>_<attribute>}).
     */
    SPRING,

    /** Hibernate without Spring: {@code PhysicalNamingStrategyStandardImpl}, join table {@code <owner>_<target>}. */
    JPA;

    /** The strategy for a {@code namingStrategy} parameter value ({@code spring} or {@code jpa}). */
    public static NamingStrategy fromName(String name) {
        String value = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "spring", "" -> SPRING;
            case "jpa", "hibernate" -> JPA;
            default -> throw new IllegalArgumentException("Unknown namingStrategy '" + name
                    + "': use 'spring' (snake_case, Spring Boot's default) or 'jpa' (names as written)");
        };
    }

    /** The physical name of a logical (explicit or implicit) identifier. */
    public String physical(String logical) {
        if (this == JPA) {
            return logical;
        }
        StringBuilder builder = new StringBuilder(logical.replace('.', '_'));
        for (int i = 1; i < builder.length() - 1; i++) {
            if (underscoreRequired(builder.charAt(i - 1), builder.charAt(i), builder.charAt(i + 1))) {
                builder.insert(i++, '_');
            }
        }
        return builder.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean underscoreRequired(char before, char current, char after) {
        return (Character.isLowerCase(before) || Character.isDigit(before)) && Character.isUpperCase(current)
                && (Character.isLowerCase(after) || Character.isDigit(after));
    }

    /**
     * The logical name of a {@code @ManyToMany} (or unidirectional {@code @OneToMany}) join table without
     * {@code @JoinTable(name)}.
     *
     * @param ownerPhysicalTable  the owning entity's physical table name
     * @param attribute           the owning attribute's name
     * @param targetPhysicalTable the target entity's physical table name
     */
    public String implicitJoinTableName(String ownerPhysicalTable, String attribute, String targetPhysicalTable) {
        return this == SPRING ? ownerPhysicalTable + "_" + attribute : ownerPhysicalTable + "_" + targetPhysicalTable;
    }

    public String parameterValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
