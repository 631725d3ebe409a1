package io.github.qalab.hibernate.bridge;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Hibernate settings that set up the dialect for a database without connecting to it: the dialect class, the
 * product name and version (Hibernate's {@code DialectFactoryImpl} reads them instead of JDBC metadata) and no JDBC
 * metadata access. JDK only, so the plugin's JVM (the real read) and the worker JVM (its warm-up) build the same.
 */
public final class TargetSettings {

    private TargetSettings() {
    }

    /**
     * @param dialectClass e.g. {@code org.hibernate.dialect.PostgreSQLDialect}
     * @param productName  e.g. {@code PostgreSQL}
     * @param version      e.g. {@code 15} or {@code 10.11}
     */
    public static Map<String, Object> of(String dialectClass, String productName, String version) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("hibernate.dialect", dialectClass);
        settings.put("jakarta.persistence.database-product-name", productName);
        settings.put("jakarta.persistence.database-product-version", version);
        String[] parts = version.split("\\.");
        settings.put("jakarta.persistence.database-major-version", parts[0]);
        settings.put("jakarta.persistence.database-minor-version", parts.length > 1 ? parts[1] : "0");
        settings.put("hibernate.boot.allow_jdbc_metadata_access", "false");
        settings.put("hibernate.temp.use_jdbc_metadata_defaults", "false");
        return settings;
    }
}
