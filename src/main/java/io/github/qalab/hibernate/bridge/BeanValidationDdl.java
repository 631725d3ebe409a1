package io.github.qalab.hibernate.bridge;

import org.hibernate.Version;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.ClassLoaderAccess;
import org.hibernate.dialect.Dialect;

import java.lang.reflect.Method;
import java.net.URL;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies Bean Validation constraints to the mapping exactly when Hibernate would at run time: Hibernate's
 * {@code BeanValidationIntegrator} calls {@code TypeSafeActivator.applyRelationalConstraints} while it builds the
 * SessionFactory, when {@code jakarta.persistence.validation.mode} is {@code auto} (the default) or {@code ddl},
 * {@code hibernate.validator.apply_to_ddl} is true (the default) and a Bean Validation provider is on the class path.
 * The same rule, run on the metamodel alone: {@code @NotNull}/{@code @NotBlank}/{@code @NotEmpty} make columns NOT
 * NULL, {@code @Size(max)} and {@code @Length(max)} set lengths, {@code @Digits} precision and scale, {@code @Min} and
 * {@code @Max} add checks.
 */
final class BeanValidationDdl {

    private static final String MODE = "jakarta.persistence.validation.mode";
    private static final String LEGACY_MODE = "javax.persistence.validation.mode";
    private static final String APPLY = "hibernate.validator.apply_to_ddl";

    private BeanValidationDdl() {
    }

    /**
     * @return a one-line description of what was decided, e.g. {@code applied (Hibernate Validator 9.1.0.Final)} or
     *         {@code not applied: no Bean Validation provider on the class path}
     */
    static String apply(Metadata metadata, Map<String, Object> settings, Dialect dialect, ClassLoader loader,
                        List<String> warnings) throws ReflectiveOperationException {
        Set<String> modes = modes(settings);
        if (modes.contains("none")) {
            return "not applied: " + MODE + "=none";
        }
        boolean ddl = modes.contains("ddl");
        if (!ddl && !modes.contains("auto")) {
            return "not applied: " + MODE + "=" + String.join(",", modes);
        }
        Object apply = settings.get(APPLY);
        if (apply != null && !Boolean.parseBoolean(apply.toString().strip())) {
            return "not applied: " + APPLY + "=false";
        }
        Class<?> validation;
        try {
            validation = Class.forName("jakarta.validation.Validation", true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            if (ddl) {
                throw new IllegalStateException(MODE + "=ddl, but jakarta.validation is not on the project's class path");
            }
            return "not applied: no jakarta.validation on the class path";
        }
        Object factory;
        try {
            factory = validation.getMethod("buildDefaultValidatorFactory").invoke(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException target
                    && target.getCause() != null ? target.getCause() : e;
            if (ddl) {
                throw new IllegalStateException(MODE + "=ddl, but no Bean Validation provider could be started: "
                        + MetadataBridge.describe(cause));
            }
            if (isNoProvider(cause)) {
                return "not applied: no Bean Validation provider on the class path";
            }
            // A provider is there but cannot start (Hibernate Validator without an Expression Language
            // implementation: HV000183). Hibernate 7's TypeSafeActivator.activate rethrows that in AUTO mode, so the
            // application fails at start; Hibernate 6 skipped Bean Validation then, without a word.
            String why = "the Bean Validation provider on the class path cannot start (" + MetadataBridge.describe(cause)
                    + ")";
            String fix = " \u2014 add the missing dependency (for Hibernate Validator an Expression Language"
                    + " implementation, e.g. org.glassfish.expressly:expressly), or set " + MODE + "=none";
            if (hibernateMajor() >= 7) {
                throw new IllegalStateException(why + ": Hibernate " + Version.getVersionString()
                        + " fails at start the same way" + fix);
            }
            warnings.add("Bean Validation not applied: " + why + "; Hibernate " + Version.getVersionString()
                    + " skips it at run time too, so no constraint reaches the DDL" + fix);
            return "not applied: " + why;
        }
        try {
            Class<?> activator = Class.forName("org.hibernate.boot.beanvalidation.TypeSafeActivator", true,
                    MetadataBridge.class.getClassLoader());
            Method applyConstraints = Arrays.stream(activator.getDeclaredMethods())
                    .filter(m -> m.getName().equals("applyRelationalConstraints") && m.getParameterCount() == 5)
                    .findFirst().orElseThrow(() -> new NoSuchMethodException(
                            "TypeSafeActivator.applyRelationalConstraints(factory, classes, settings, dialect, access)"));
            applyConstraints.setAccessible(true);
            ClassLoaderAccess access = new ClassLoaderAccess() {
                @Override
                @SuppressWarnings("unchecked")
                public <T> Class<T> classForName(String name) {
                    try {
                        return (Class<T>) Class.forName(name, false, loader);
                    } catch (ClassNotFoundException e) {
                        throw new IllegalArgumentException("class not found: " + name, e);
                    }
                }

                @Override
                public URL locateResource(String resourceName) {
                    return loader.getResource(resourceName);
                }
            };
            applyConstraints.invoke(null, factory, metadata.getEntityBindings(), settings, dialect, access);
        } finally {
            try {
                factory.getClass().getMethod("close").invoke(factory);
            } catch (ReflectiveOperationException | RuntimeException e) {
                warnings.add("could not close the Bean Validation factory: " + e);
            }
        }
        Package provider = factory.getClass().getPackage();
        String version = provider == null ? null : provider.getImplementationVersion();
        return "applied (" + factory.getClass().getName() + (version == null ? "" : " " + version) + ")";
    }

    /** Whether the failure is Bean Validation's "no provider found" (the only one Hibernate 7 skips in AUTO mode). */
    private static boolean isNoProvider(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getName().equals("jakarta.validation.NoProviderFoundException")) {
                return true;
            }
        }
        return false;
    }

    /** The major version of the project's Hibernate, e.g. 7; 0 when it cannot be read. */
    private static int hibernateMajor() {
        String version = Version.getVersionString();
        try {
            return Integer.parseInt(version.substring(0, version.indexOf('.')));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static Set<String> modes(Map<String, Object> settings) {
        Object value = settings.getOrDefault(MODE, settings.get(LEGACY_MODE));
        if (value == null || value.toString().isBlank()) {
            return Set.of("auto");
        }
        return Arrays.stream(value.toString().split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }
}
