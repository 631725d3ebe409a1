package io.github.qalab.sql.reference;

import org.hibernate.jpa.HibernatePersistenceConfiguration;

import java.io.StringWriter;
import java.util.List;

/** Hibernate's own DDL for the probe entities on one dialect, produced without a database connection. */
public final class HibernateReferenceDdl {

    private HibernateReferenceDdl() {
    }

    /** The create script Hibernate writes for the classes with the given Hibernate dialect class and version. */
    public static String create(String dialectClass, String version, List<Class<?>> classes) {
        StringWriter out = new StringWriter();
        HibernatePersistenceConfiguration cfg = new HibernatePersistenceConfiguration("probe");
        classes.forEach(cfg::managedClass);
        cfg.property("hibernate.dialect", dialectClass)
                .property("jakarta.persistence.database-product-version", version)
                .property("hibernate.boot.allow_jdbc_metadata_access", "false")
                .property("jakarta.persistence.schema-generation.scripts.action", "create")
                .property("jakarta.persistence.schema-generation.scripts.create-target", out)
                .property("hibernate.format_sql", "false")
                .property("hibernate.show_sql", "false");
        try (var emf = cfg.createEntityManagerFactory()) {
            return out.toString();
        }
    }
}
