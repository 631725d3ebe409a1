package io.github.qalab.judge;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the judge boots Hibernate on: the compiled classes, the naming choice and the project's extra
 * {@code hibernate.*} settings (e.g. {@code hibernate.type.preferred_instant_jdbc_type=TIMESTAMP}).
 *
 * @param entities the compiled classes ({@link EntityCompiler#compile})
 * @param naming   Spring Boot's naming or Hibernate's defaults
 * @param settings extra Hibernate settings, applied last (they win over the judge's own)
 */
public record HibernateMapping(CompiledEntities entities, Naming naming, Map<String, String> settings) {

    /** The naming strategies a project runs with. */
    public enum Naming {
        /**
         * Spring Boot's default: {@code CamelCaseToUnderscoresNamingStrategy} plus Spring's implicit strategy
         * (join tables named {@code <owning table>_<attribute>}).
         */
        SPRING,
        /** Hibernate's defaults: {@code PhysicalNamingStrategyStandardImpl}, JPA-compliant implicit naming. */
        JPA
    }

    public HibernateMapping {
        settings = Map.copyOf(settings);
    }

    /** The classes with Spring Boot's naming and no extra settings. */
    public static HibernateMapping spring(CompiledEntities entities) {
        return new HibernateMapping(entities, Naming.SPRING, Map.of());
    }

    /** The classes with Hibernate's default naming and no extra settings. */
    public static HibernateMapping jpa(CompiledEntities entities) {
        return new HibernateMapping(entities, Naming.JPA, Map.of());
    }

    /** This mapping with one more setting. */
    public HibernateMapping with(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(settings);
        more.put(key, value);
        return new HibernateMapping(entities, naming, more);
    }
}
