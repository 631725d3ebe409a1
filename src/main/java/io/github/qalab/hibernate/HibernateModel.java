package io.github.qalab.hibernate;

import io.github.qalab.hibernate.bridge.TargetSettings;
import io.github.qalab.hibernate.bridge.WarningCapture;
import io.github.qalab.schema.CheckConstraint;
import io.github.qalab.schema.Column;
import io.github.qalab.schema.EntitySchemaBuilder;
import io.github.qalab.schema.ForeignKey;
import io.github.qalab.schema.Index;
import io.github.qalab.schema.Names;
import io.github.qalab.schema.PrimaryKey;
import io.github.qalab.schema.Schema;
import io.github.qalab.schema.Sequence;
import io.github.qalab.schema.SqlTypes;
import io.github.qalab.schema.Table;
import io.github.qalab.schema.UniqueConstraint;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.function.Function;
import java.util.jar.JarFile;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

/**
 * The desired schema as the project's own Hibernate maps its entities: boots Hibernate's metamodel (no database, no
 * SessionFactory) in a {@link ProjectClassLoader} of the project's runtime class path and translates every table,
 * sequence and constraint Hibernate's schema export would create into the neutral {@link Schema}. Column types are
 * kept as Hibernate's dialect writes them ({@link Column#sqlType()}), so a generated migration creates exactly the
 * columns Hibernate expects.
 */
public final class HibernateModel {

    /** The oldest Hibernate whose metamodel the bridge reads (the JDBC type codes and check constraints of 6.2). */
    public static final int[] MINIMUM_VERSION = {6, 2};

    /** Keeps Hibernate's JUL configuration alive while a read runs (JUL holds loggers weakly). */
    private static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate");

    /**
     * One read at a time per JVM: a read sets JVM-wide logging state (a system property, a JUL level), which modules
     * built in parallel ({@code mvn -T}) must not restore under each other.
     */
    private static final Object BOOT_LOCK = new Object();

    /** The reads {@link #prestart} began, by request instance, for the {@link #read} of the same request. */
    private static final Map<Request, Prestarted> PRESTARTED = new java.util.IdentityHashMap<>();

    /** A read {@link #prestart} began, and the thread it runs on. */
    private record Prestarted(java.util.concurrent.Future<Answered> task, Thread thread) {
    }

    /**
     * What to read.
     *
     * @param classPath       the project's runtime class path (its output folder first), jars and folders
     * @param entityRoots     the folders and jars searched for {@code @Entity} classes and {@code @Converter}s
     * @param entityPackages  packages whose classes count (sub-packages included); empty for all
     * @param target          which database Hibernate's dialect is set up for
     * @param settings        Hibernate settings ({@code hibernate.*}, {@code jakarta.persistence.*}) from the project
     * @param springNaming    true for Spring Boot's naming (physical: CamelCaseToUnderscores, implicit: Spring's),
     *                        unless {@code settings} name strategies; false for Hibernate's defaults
     * @param forked          true to boot Hibernate in a short-lived worker JVM ({@link HibernateWorker}), false to
     *                        boot it in this JVM (in an isolated class loader)
     * @param cacheDir        where Hibernate's answers are kept by the content of the class path
     *                        ({@link HibernateCache}); null for no cache
     */
    public record Request(List<Path> classPath, List<Path> entityRoots, List<String> entityPackages, Target target,
                          Map<String, String> settings, boolean springNaming, boolean forked, Path cacheDir,
                          KeepAlive keepAlive) {
        public Request {
            classPath = List.copyOf(classPath);
            entityRoots = List.copyOf(entityRoots);
            entityPackages = List.copyOf(entityPackages);
            settings = Map.copyOf(settings);
            keepAlive = keepAlive == null ? KeepAlive.OFF : keepAlive;
        }

        /** A request whose worker ends with its answer. */
        public Request(List<Path> classPath, List<Path> entityRoots, List<String> entityPackages, Target target,
                       Map<String, String> settings, boolean springNaming, boolean forked, Path cacheDir) {
            this(classPath, entityRoots, entityPackages, target, settings, springNaming, forked, cacheDir,
                    KeepAlive.OFF);
        }

        /** A request read in this JVM, without a cache. */
        public Request(List<Path> classPath, List<Path> entityRoots, List<String> entityPackages, Target target,
                       Map<String, String> settings, boolean springNaming) {
            this(classPath, entityRoots, entityPackages, target, settings, springNaming, false, null);
        }

        /** A request without a cache. */
        public Request(List<Path> classPath, List<Path> entityRoots, List<String> entityPackages, Target target,
                       Map<String, String> settings, boolean springNaming, boolean forked) {
            this(classPath, entityRoots, entityPackages, target, settings, springNaming, forked, null);
        }

        /** The key of this request in its cache; empty without a cache. */
        Optional<String> cacheKey() {
            return cacheDir == null ? Optional.empty() : HibernateCache.key(this);
        }
    }

    /**
     * Whether a forked worker stays after its answer to serve later builds of the same project warm
     * ({@code bridge.WorkerServer}).
     *
     * @param registry the folder of the warm workers' sockets ({@code ~/.cache/qalab/workers}), private to the user;
     *                 null: every worker ends with its answer
     * @param idle     how long a warm worker waits for the next request before it ends; zero: it does not stay
     */
    public record KeepAlive(Path registry, java.time.Duration idle) {
        /** Every worker ends with its answer. */
        public static final KeepAlive OFF = new KeepAlive(null, java.time.Duration.ZERO);

        public KeepAlive {
            idle = idle == null || idle.isNegative() ? java.time.Duration.ZERO : idle;
        }

        /** Whether workers stay. */
        public boolean on() {
            return registry != null && !idle.isZero();
        }
    }

    /**
     * The database Hibernate's dialect is configured for, without connecting to it.
     *
     * @param name    {@code postgresql}, {@code mariadb}, {@code mysql} or {@code h2}
     * @param version the database version, e.g. {@code 15} or {@code 10.11}
     */
    public record Target(String name, String version) {

        /** The version assumed when none is configured, per database. */
        public static String defaultVersion(String name) {
            return switch (name) {
                case "postgresql" -> "15";
                case "mariadb" -> "10.11";
                case "mysql" -> "8.0";
                default -> "2.3.232";
            };
        }

        String dialectClass() {
            return switch (name) {
                case "postgresql" -> "org.hibernate.dialect.PostgreSQLDialect";
                case "mariadb" -> "org.hibernate.dialect.MariaDBDialect";
                case "mysql" -> "org.hibernate.dialect.MySQLDialect";
                default -> "org.hibernate.dialect.H2Dialect";
            };
        }

        String productName() {
            return switch (name) {
                case "postgresql" -> "PostgreSQL";
                case "mariadb" -> "MariaDB";
                case "mysql" -> "MySQL";
                default -> "H2";
            };
        }

        /** The name of the default schema, whose tables the model writes unqualified; "" where there is none. */
        String defaultSchema() {
            return switch (name) {
                case "postgresql", "h2" -> "public";
                default -> "";
            };
        }
    }

    /**
     * What Hibernate maps.
     *
     * @param schema          every table, sequence and constraint of Hibernate's schema export
     * @param hibernateVersion the Hibernate that mapped it, e.g. {@code 7.4.13.Final}
     * @param dialect         Hibernate's dialect and the version it was set up for
     * @param beanValidation  whether Bean Validation constraints reached the DDL, and why
     * @param entities        how many entity classes were given to Hibernate
     * @param tableOwners     table (qualified name, {@link Names#key}) to the entity that maps it
     *                        ({@code pkg.Entity} or {@code pkg.Entity#collection})
     * @param columnOwners    {@code table.column} ({@link Names#key}) to {@code pkg.Entity#attribute.path}
     * @param warnings        what Hibernate warned about while mapping
     * @param enumConstants   {@code table.column} ({@link Names#key}) to the constants, in ordinal order, of the Java
     *                        enum the column stores by name or by ordinal (no converter)
     * @param cached          whether the mapping came from the cache ({@link HibernateCache}) instead of a boot
     * @param warmWorker      whether a warm worker that an earlier build left mapped it ({@link KeepAlive})
     */
    public record Result(Schema schema, String hibernateVersion, String dialect, String beanValidation, int entities,
                         Map<String, String> tableOwners, Map<String, String> columnOwners, List<String> warnings,
                         Map<String, List<String>> enumConstants, boolean cached, boolean warmWorker) {


        /** A result Hibernate mapped in this run. */
        public Result(Schema schema, String hibernateVersion, String dialect, String beanValidation, int entities,
                      Map<String, String> tableOwners, Map<String, String> columnOwners, List<String> warnings,
                      Map<String, List<String>> enumConstants) {
            this(schema, hibernateVersion, dialect, beanValidation, entities, tableOwners, columnOwners, warnings,
                    enumConstants, false, false);
        }

        /** A result without enum constants. */
        public Result(Schema schema, String hibernateVersion, String dialect, String beanValidation, int entities,
                      Map<String, String> tableOwners, Map<String, String> columnOwners, List<String> warnings) {
            this(schema, hibernateVersion, dialect, beanValidation, entities, tableOwners, columnOwners, warnings,
                    Map.of(), false, false);
        }
    }

    private HibernateModel() {
    }

    /**
     * The Hibernate version on a class path (from {@code org/hibernate/Version.class}'s jar manifest), if any.
     */
    public static Optional<String> hibernateVersion(List<Path> classPath) {
        for (Path entry : classPath) {
            if (!Files.isRegularFile(entry) || !entry.getFileName().toString().endsWith(".jar")) {
                continue;
            }
            try (JarFile jar = new JarFile(entry.toFile())) {
                ZipEntry version = jar.getEntry("org/hibernate/Version.class");
                if (version == null) {
                    continue;
                }
                String implementation = jar.getManifest() == null ? null
                        : jar.getManifest().getMainAttributes().getValue("Implementation-Version");
                if (implementation != null) {
                    return Optional.of(implementation);
                }
                String file = entry.getFileName().toString();
                return Optional.of(file.startsWith("hibernate-core-") ? file.substring(15, file.length() - 4) : "");
            } catch (IOException e) {
                // An unreadable jar holds no Hibernate we could use.
            }
        }
        return Optional.empty();
    }

    /** True when {@code version} (e.g. {@code 6.6.13.Final}) is at least {@link #MINIMUM_VERSION}. */
    public static boolean supported(String version) {
        String[] parts = version.split("[.-]");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major > MINIMUM_VERSION[0] || (major == MINIMUM_VERSION[0] && minor >= MINIMUM_VERSION[1]);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Boots the project's Hibernate on its entities and translates the mapping.
     *
     * @throws HibernateModelException when no entity is found, the class path has no usable Hibernate, or Hibernate
     *                                 rejects the mapping (its message, as the application would fail at start)
     */
    public static Result read(Request request) throws HibernateModelException {
        Prestarted started;
        synchronized (PRESTARTED) {
            started = PRESTARTED.remove(request);
        }
        Answered answered = started == null ? answer(request) : await(started.task());
        EntityClassFinder.Found found = answered.found();
        if (found.entities().isEmpty()) {
            return new Result(Schema.EMPTY, hibernateVersion(request.classPath()).orElse(""), "", "", 0, Map.of(),
                    Map.of(), found.legacyEntities().isEmpty() ? List.of()
                    : List.of(found.legacyEntities().size() + " javax.persistence entities ignored: Hibernate 6.2+ maps"
                    + " jakarta.persistence only"));
        }
        Map<String, Object> answer = answered.answer();
        if (answer.get("bridgeError") != null) {
            throw new HibernateModelException("qalab cannot read the mapping of Hibernate "
                    + answer.getOrDefault("hibernateVersion", "") + ": " + answer.get("bridgeError"),
                    "use -Dqalab.model=source for now, and report the Hibernate version at"
                    + " https://github.com/qalab/qalab-maven-plugin/issues");
        }
        if (answer.get("error") != null) {
            String error = String.valueOf(answer.get("error"));
            throw new HibernateModelException("Hibernate " + answer.getOrDefault("hibernateVersion", "")
                    + " cannot map the entities: " + error, error.startsWith("NoClassDefFoundError")
                    ? "a class the entities use is missing from the compiled classes: compile them again (mvn clean"
                    + " compile) or add the dependency that holds it; the application would fail the same way"
                    : "fix the mapping: the application would fail the same way at start");
        }
        return translate(answer, request.target(), answered.classes(), answered.cached(), answered.warmWorker());
    }

    /** What Hibernate answered for a request (or the cache kept), before it is translated. */
    private record Answered(EntityClassFinder.Found found, int classes, Map<String, Object> answer, boolean cached,
                            boolean warmWorker) {
    }

    /** Finds the entities and has Hibernate map them (or takes its answer from the cache). */
    private static Answered answer(Request request) throws HibernateModelException {
        EntityClassFinder.Found found;
        try {
            found = EntityClassFinder.find(request.entityRoots(), request.entityPackages());
        } catch (RuntimeException e) {
            throw new HibernateModelException(e.getMessage(), "check that the classes are readable");
        }
        if (found.entities().isEmpty()) {
            return new Answered(found, 0, Map.of(), false, false);
        }
        List<String> classes = new ArrayList<>(found.entities());
        classes.addAll(found.converters());

        Map<String, Object> settings = new LinkedHashMap<>(request.settings());
        Target target = request.target();
        settings.putAll(TargetSettings.of(target.dialectClass(), target.productName(), target.version()));
        if (request.springNaming()) {
            settings.putIfAbsent("hibernate.physical_naming_strategy",
                    "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy");
        }
        Map<String, Object> bridgeRequest = new LinkedHashMap<>();
        bridgeRequest.put("classes", classes);
        bridgeRequest.put("settings", settings);
        bridgeRequest.put("springImplicitNaming", request.springNaming());

        Optional<String> key = request.cacheKey();
        HibernateCache cache = key.isPresent() ? new HibernateCache(request.cacheDir()) : null;
        Map<String, Object> answer = cache == null ? null : cache.load(key.get()).orElse(null);
        boolean cached = answer != null;
        boolean warm = false;
        if (answer == null) {
            if (request.forked()) {
                HibernateWorker.Answer booted = HibernateWorker.boot(request.classPath(), target, bridgeRequest,
                        request.keepAlive());
                answer = booted.values();
                warm = booted.warm();
            } else {
                answer = boot(request.classPath(), bridgeRequest);
            }
            if (cache != null) {
                cache.store(key.get(), answer);
            }
        }
        return new Answered(found, classes.size(), answer, cached, warm);
    }

    private static Answered await(java.util.concurrent.Future<Answered> started) throws HibernateModelException {
        try {
            return started.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HibernateModelException("interrupted while Hibernate mapped the entities", "");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof HibernateModelException problem) {
                throw problem;
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (java.util.concurrent.CancellationException e) {
            throw new HibernateModelException("the mapping begun ahead was stopped", "run the goal again");
        }
    }

    private static Map<String, Object> boot(List<Path> classPath, Map<String, Object> bridgeRequest)
            throws HibernateModelException {
        synchronized (BOOT_LOCK) {
            return bootAlone(classPath, bridgeRequest);
        }
    }

    private static Map<String, Object> bootAlone(List<Path> classPath, Map<String, Object> bridgeRequest)
            throws HibernateModelException {
        ClassLoader plugin = HibernateModel.class.getClassLoader();
        String previousProvider = System.getProperty("org.jboss.logging.provider");
        Level previousLevel = HIBERNATE_LOG.getLevel();
        boolean previousParents = HIBERNATE_LOG.getUseParentHandlers();
        WarningCapture capture = new WarningCapture();
        // Hibernate and Hibernate Validator log through JBoss Logging; sent to JUL, their INFO lines stay out of the
        // build log and their warnings are kept for the caller.
        System.setProperty("org.jboss.logging.provider", "jdk");
        HIBERNATE_LOG.setLevel(Level.WARNING);
        HIBERNATE_LOG.setUseParentHandlers(false);
        HIBERNATE_LOG.addHandler(capture);
        ClassLoader libraries = ProjectClassLoader.libraries(classPath, plugin);
        try (URLClassLoader loader = ProjectClassLoader.classes(classPath, libraries)) {
            Class<?> bridge;
            try {
                loader.loadClass("org.hibernate.boot.MetadataSources");
                bridge = libraries.loadClass(ProjectClassLoader.BRIDGE_PACKAGE + "MetadataBridge");
            } catch (ClassNotFoundException | LinkageError e) {
                throw missingHibernate(e.toString());
            }
            @SuppressWarnings("unchecked")
            Function<Map<String, Object>, Map<String, Object>> function =
                    (Function<Map<String, Object>, Map<String, Object>>) bridge.getConstructor().newInstance();
            Map<String, Object> request = new LinkedHashMap<>(bridgeRequest);
            request.put("classLoader", loader);
            Map<String, Object> answer = new LinkedHashMap<>(function.apply(request));
            answer.put("logged", capture.messages());
            return answer;
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new HibernateModelException("cannot start the Hibernate bridge on the project's class path: " + e,
                    "check that hibernate-core 6.2 or later is a dependency of the project");
        } catch (IOException e) {
            throw new HibernateModelException("cannot close the project class loader: " + e.getMessage(), "");
        } finally {
            HIBERNATE_LOG.removeHandler(capture);
            HIBERNATE_LOG.setLevel(previousLevel);
            HIBERNATE_LOG.setUseParentHandlers(previousParents);
            if (previousProvider == null) {
                System.clearProperty("org.jboss.logging.provider");
            } else {
                System.setProperty("org.jboss.logging.provider", previousProvider);
            }
        }
    }

    /**
     * Begins {@link #read} of {@code request} on a thread of its own now, so that finding the entities, the cache and
     * Hibernate's boot (in its worker JVM, which gets the request as soon as it starts) overlap the caller's other
     * preparation; {@link #read} of the same request instance then takes the result.
     */
    public static void prestart(Request request) {
        synchronized (PRESTARTED) {
            if (PRESTARTED.containsKey(request)) {
                return;
            }
            java.util.concurrent.FutureTask<Answered> task = new java.util.concurrent.FutureTask<>(() -> answer(request));
            Thread thread = new Thread(task, "qalab-hibernate-read");
            thread.setDaemon(true);
            thread.start();
            PRESTARTED.put(request, new Prestarted(task, thread));
        }
    }

    /**
     * Stops every read {@link #prestart} began that no {@link #read} took (its worker JVM ends with it), and waits up
     * to {@value #DISCARD_WAIT_MILLIS} ms for each to clean up: the build may end right after, and a read cut off by
     * the end of the JVM would leave its worker's folder, or a worker started too late to see its build go.
     */
    public static void discardPrestarted() {
        List<Thread> stopped = new ArrayList<>();
        synchronized (PRESTARTED) {
            for (Prestarted started : PRESTARTED.values()) {
                // a warm worker finishes the mapping and stays; then the wait is stopped
                HibernateWorker.abandon(started.thread());
                started.task().cancel(true);
                stopped.add(started.thread());
            }
            PRESTARTED.clear();
        }
        long deadline = System.nanoTime() + DISCARD_WAIT_MILLIS * 1_000_000L;
        for (Thread thread : stopped) {
            try {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** How long {@link #discardPrestarted} waits for the stopped reads to clean up. */
    static final long DISCARD_WAIT_MILLIS = 3000;

    static HibernateModelException missingHibernate(String cause) {
        return new HibernateModelException("hibernate-core is not on the project's runtime class path (" + cause + ")",
                "add org.hibernate.orm:hibernate-core (6.2 or later) to the project, or use -Dqalab.model=source");
    }

    // ---- translation ---------------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private static Result translate(Map<String, Object> answer, Target target, int entities, boolean cached,
                                    boolean warmWorker) throws HibernateModelException {
        List<Table> tables = new ArrayList<>();
        List<Sequence> sequences = new ArrayList<>();
        Map<String, String> tableOwners = new LinkedHashMap<>();
        Map<String, String> columnOwners = new LinkedHashMap<>();
        Map<String, List<String>> enumConstants = new LinkedHashMap<>();
        List<String> unsupported = new ArrayList<>((List<String>) answer.getOrDefault("unsupported", List.of()));
        // a model has a few dozen distinct SQL types for thousands of columns: each is parsed once (ColumnType is a value)
        Map<String, io.github.qalab.schema.ColumnType> types = new java.util.HashMap<>();
        Set<String> usedNames = new java.util.HashSet<>();
        for (Map<String, Object> t : (List<Map<String, Object>>) answer.get("tables")) {
            String name = Names.qualify(schema(t.get("schema"), target), (String) t.get("name"));
            List<Column> columns = new ArrayList<>();
            for (Map<String, Object> c : (List<Map<String, Object>>) t.get("columns")) {
                String sqlType = (String) c.get("sqlType");
                if (c.get("generatedAs") != null) {
                    unsupported.add("generated column " + name + "." + c.get("name") + " (@GeneratedColumn)");
                }
                columns.add(new Column((String) c.get("name"), types.computeIfAbsent(sqlType, SqlTypes::parse),
                        (Boolean) c.get("nullable"),
                        (String) c.get("default"), (Boolean) c.get("identity"), sqlType));
                if (c.get("owner") != null) {
                    columnOwners.put(Names.key(name) + "." + Names.key((String) c.get("name")), (String) c.get("owner"));
                }
                if (c.get("enumConstants") instanceof List<?> constants && !constants.isEmpty()) {
                    enumConstants.put(Names.key(name) + "." + Names.key((String) c.get("name")),
                            constants.stream().map(String::valueOf).toList());
                }
            }
            if (t.get("owner") != null) {
                tableOwners.put(Names.key(name), (String) t.get("owner"));
            }
            String simple = Names.unquoted((String) t.get("name")).toLowerCase(Locale.ROOT);
            PrimaryKey pk = null;
            Map<String, Object> p = (Map<String, Object>) t.get("primaryKey");
            if (p != null) {
                pk = new PrimaryKey(readable((String) p.get("name"), "pk", simple, List.of(), usedNames),
                        (List<String>) p.get("columns"));
            }
            List<UniqueConstraint> uniques = new ArrayList<>();
            for (Map<String, Object> u : (List<Map<String, Object>>) t.get("uniques")) {
                List<String> cols = (List<String>) u.get("columns");
                uniques.add(new UniqueConstraint(readable((String) u.get("name"), "uk", simple, cols, usedNames), cols));
            }
            List<Index> indexes = new ArrayList<>();
            for (Map<String, Object> i : (List<Map<String, Object>>) t.get("indexes")) {
                if (Boolean.TRUE.equals(i.get("expression"))) {
                    unsupported.add("index " + i.get("name") + " on " + name + " uses an expression");
                    continue;
                }
                List<String> cols = (List<String>) i.get("columns");
                indexes.add(new Index(readable((String) i.get("name"), "ix", simple, cols, usedNames), cols,
                        Boolean.TRUE.equals(i.get("unique"))));
            }
            List<ForeignKey> fks = new ArrayList<>();
            for (Map<String, Object> f : (List<Map<String, Object>>) t.get("foreignKeys")) {
                List<String> cols = (List<String>) f.get("columns");
                String referenced = Names.qualify(schema(f.get("referencedSchema"), target),
                        (String) f.get("referencedTable"));
                fks.add(new ForeignKey(readable((String) f.get("name"), "fk", simple, cols, usedNames), cols, referenced,
                        (List<String>) f.get("referencedColumns"), (String) f.get("onDelete")));
            }
            List<CheckConstraint> checks = new ArrayList<>();
            java.util.Set<String> checkNames = new java.util.HashSet<>();
            for (Map<String, Object> k : (List<Map<String, Object>>) t.get("checks")) {
                String expression = (String) k.get("expression");
                String checkName = (String) k.get("name");
                if (checkName == null || checkName.isBlank()) {
                    // Unnamed, the database would choose the name (alarm_level_check, CONSTRAINT_1, ...), and a later
                    // migration could not drop the check on every database: it gets a name of its own.
                    Matcher first = Pattern.compile("^\\W*([A-Za-z_][A-Za-z0-9_$]*)").matcher(expression);
                    String base = EntitySchemaBuilder.constraintName("ck_" + simple
                            + (first.find() ? "_" + first.group(1).toLowerCase(Locale.ROOT) : ""));
                    checkName = base;
                    for (int n = 2; !checkNames.add(checkName); n++) {
                        checkName = EntitySchemaBuilder.constraintName(base + "_" + n);
                    }
                } else {
                    checkNames.add(checkName);
                }
                checks.add(new CheckConstraint(checkName, expression));
            }
            tables.add(new Table(name, columns, pk, uniques, indexes, fks, checks,
                    (List<String>) t.getOrDefault("initCommands", List.of())));
        }
        for (Map<String, Object> s : (List<Map<String, Object>>) answer.get("sequences")) {
            sequences.add(new Sequence(Names.qualify(schema(s.get("schema"), target), (String) s.get("name")),
                    ((Number) s.get("start")).longValue(), ((Number) s.get("increment")).intValue()));
        }
        if (!unsupported.isEmpty()) {
            throw new HibernateModelException("the mapping needs database objects qalab cannot write yet: "
                    + String.join("; ", unsupported), "write that part of the migration by hand with"
                    + " mvn qalab:generate -Dqalab.empty=true, or tell us about it");
        }
        List<String> warnings = new ArrayList<>((List<String>) answer.getOrDefault("warnings", List.of()));
        warnings.addAll((List<String>) answer.getOrDefault("logged", List.of()));
        return new Result(new Schema(tables, sequences), (String) answer.get("hibernateVersion"),
                (String) answer.get("dialect"), (String) answer.get("beanValidation"), entities, tableOwners,
                columnOwners, warnings, enumConstants, cached, warmWorker);
    }

    private static String schema(Object schema, Target target) {
        if (schema == null) {
            return "";
        }
        String s = schema.toString();
        return Names.same(s, target.defaultSchema()) ? "" : s;
    }

    /** Hibernate's generated constraint names: {@code FK}, {@code UK} or {@code IDX} and a hash, or {@code <table>PK}. */
    private static final java.util.regex.Pattern GENERATED = java.util.regex.Pattern.compile(
            "(?i)(FK|UK|IDX)[0-9a-z]{16,32}|\\w+PK");

    /**
     * A name the mapping gave explicitly ({@code @ForeignKey(name)}, {@code @Index(name)}, ...) as it is; a name
     * Hibernate generated (a hash) as {@code <prefix>_<table>_<columns>}, shortened with a hash where the database
     * would cut it, so that migrations stay readable.
     */
    private static String readable(String name, String prefix, String table, List<String> columns, Set<String> used) {
        if (name != null && name.length() > 2 && (name.startsWith("\"") && name.endsWith("\"")
                || name.startsWith("`") && name.endsWith("`"))) {
            name = name.substring(1, name.length() - 1); // quoted by hibernate.globally_quoted_identifiers
        }
        if (name != null && !name.isBlank() && !GENERATED.matcher(name).matches()) {
            used.add(Names.key(name));
            return name;
        }
        StringBuilder sb = new StringBuilder(prefix).append('_').append(table);
        for (String c : columns) {
            sb.append('_').append(Names.unquoted(c).toLowerCase(Locale.ROOT));
        }
        // Two of them can spell the same (table x, column y_z and table x_y, column z: uk_x_y_z), and PostgreSQL
        // keeps index and key names once per schema: the later one gets a number.
        String readable = EntitySchemaBuilder.constraintName(sb.toString());
        for (int n = 2; !used.add(Names.key(readable)); n++) {
            readable = EntitySchemaBuilder.constraintName(sb + "_" + n);
        }
        return readable;
    }

    /** Reads a resource of the plugin (for tests that check the bridge is packaged). */
    static boolean bridgePackaged() {
        try (InputStream in = HibernateModel.class.getClassLoader().getResourceAsStream(
                ProjectClassLoader.BRIDGE_PACKAGE.replace('.', '/') + "MetadataBridge.class")) {
            return in != null;
        } catch (IOException e) {
            return false;
        }
    }
}
