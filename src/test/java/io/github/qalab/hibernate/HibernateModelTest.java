package io.github.qalab.hibernate;

import io.github.qalab.schema.CheckConstraint;
import io.github.qalab.schema.Column;
import io.github.qalab.schema.ForeignKey;
import io.github.qalab.schema.Schema;
import io.github.qalab.schema.Table;
import io.github.qalab.testing.TestClassPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Hibernate model: the bridge boots the test class path's Hibernate 7 on compiled entities, in a class loader of
 * that class path only, and translates its mapping.
 */
class HibernateModelTest {

    /** The shared field cases; a test that needs them is skipped (visibly) without them, as every such test is. */
    private static Path fieldCases() {
        return io.github.qalab.judge.FieldCases.requiredFolder();
    }

    @TempDir
    Path classes;

    /** Compiles Java sources (given as file name to text) against the test class path into {@link #classes}. */
    private List<Path> compile(Map<String, String> sources) throws Exception {
        Path src = Files.createTempDirectory(classes.getParent(), "src");
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-proc:none", "-nowarn", "-cp",
                String.join(File.pathSeparator, TestClassPath.jars().stream().map(Path::toString).toList())));
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            args.add(file.toString());
        }
        return compileArgs(args);
    }

    private List<Path> compileTree(Path tree) throws Exception {
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-proc:none", "-nowarn", "-cp",
                String.join(File.pathSeparator, TestClassPath.jars().stream().map(Path::toString).toList())));
        try (Stream<Path> files = Files.walk(tree)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
        }
        return compileArgs(args);
    }

    private List<Path> compileArgs(List<String> args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, err, args.toArray(String[]::new));
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
        List<Path> cp = new ArrayList<>();
        cp.add(classes);
        cp.addAll(TestClassPath.jars());
        return cp;
    }

    private HibernateModel.Result read(List<Path> classPath, String dialect, Map<String, String> settings,
                                       boolean spring) throws HibernateModelException {
        return HibernateModel.read(new HibernateModel.Request(classPath, List.of(classes), List.of(),
                new HibernateModel.Target(dialect, HibernateModel.Target.defaultVersion(dialect)), settings, spring));
    }

    private static Table table(Schema schema, String name) {
        return schema.table(name).orElseThrow(() -> new AssertionError("no table " + name + " in " + schema.tables()));
    }

    private static Column column(Table table, String name) {
        return table.column(name).orElseThrow(() -> new AssertionError("no column " + name + " in " + table));
    }

    @Test
    void anAssociationInsideAnEmbeddableBecomesAColumnAndAForeignKey() throws Exception {
        List<Path> cp = compileTree(fieldCases().resolve("embeddable-manytoone/src/main/java"));
        HibernateModel.Result result = read(cp, "postgresql", Map.of(), true);
        Table shipment = table(result.schema(), "shipment");
        assertTrue(column(shipment, "start_depot_id").nullable());
        assertEquals("bigint", column(shipment, "start_depot_id").sqlType());
        ForeignKey fk = shipment.foreignKeys().get(0);
        assertEquals(List.of("start_depot_id"), fk.columns());
        assertEquals("depot", fk.referencedTable());
        assertEquals("fk_shipment_start_depot_id", fk.name(), "Hibernate's hashed name becomes a readable one");
        assertEquals("rw.Shipment#route.start", result.columnOwners().get("shipment.start_depot_id"));
        assertEquals(2, result.entities());
        assertTrue(result.hibernateVersion().startsWith("7."), result.hibernateVersion());
    }

    @Test
    void beanValidationReachesTheDdlAsAtRunTime() throws Exception {
        List<Path> cp = compileTree(fieldCases().resolve("bean-validation-not-null/src/main/java"));
        Table member = table(read(cp, "mariadb", Map.of(), true).schema(), "member");
        for (String notNull : List.of("alias", "title", "code")) {
            assertFalse(column(member, notNull).nullable(), notNull);
        }
        assertTrue(column(member, "note").nullable());
        assertEquals("varchar(40)", column(member, "note").sqlType());
        // Hibernate's own switch turns it off
        Table off = table(read(cp, "mariadb", Map.of("hibernate.validator.apply_to_ddl", "false"), true).schema(),
                "member");
        assertTrue(column(off, "alias").nullable());
        assertEquals("varchar(255)", column(off, "note").sqlType());
        // no provider at all (the API alone): Hibernate skips Bean Validation, and so does the DDL
        List<Path> noProvider = cp.stream().filter(p -> !p.getFileName().toString().startsWith("hibernate-validator"))
                .toList();
        assertTrue(noProvider.size() < cp.size(), cp.toString());
        HibernateModel.Result skipped = read(noProvider, "mariadb", Map.of(), true);
        assertTrue(column(table(skipped.schema(), "member"), "alias").nullable());
        assertTrue(skipped.beanValidation().contains("no Bean Validation provider"), skipped.beanValidation());
        // a provider that cannot start (Hibernate Validator without Expression Language): Hibernate 7 fails at start
        List<Path> noEl = cp.stream().filter(p -> !p.getFileName().toString().startsWith("expressly")).toList();
        assertTrue(noEl.size() < cp.size(), cp.toString());
        HibernateModelException failed = assertThrows(HibernateModelException.class,
                () -> read(noEl, "mariadb", Map.of(), true));
        assertTrue(failed.getMessage().contains("cannot start") && failed.getMessage().contains("expressly")
                && failed.getMessage().contains("fails at start"), failed.getMessage());
    }

    /**
     * Readable constraint names that spell the same (table x, column y_z and table x_y, column z: uk_x_y_z) get a
     * number, since PostgreSQL keeps index and key names once per schema (found by the break-it run: the migration
     * failed with "relation uk_x_y_z already exists").
     */
    @Test
    void readableConstraintNamesThatSpellTheSameAreNumbered() throws Exception {
        List<Path> cp = compile(Map.of("u/X.java", """
                package u;
                import jakarta.persistence.*;
                @Entity @Table(name = "x") public class X {
                    @Id Long id;
                    @Column(name = "y_z", unique = true) String yz;
                }
                """, "u/XY.java", """
                package u;
                import jakarta.persistence.*;
                @Entity @Table(name = "x_y") public class XY {
                    @Id Long id;
                    @Column(name = "z", unique = true) String z;
                }
                """));
        Schema schema = read(cp, "postgresql", Map.of(), true).schema();
        String first = table(schema, "x").uniques().get(0).name();
        String second = table(schema, "x_y").uniques().get(0).name();
        assertTrue(Set.of(first, second).equals(Set.of("uk_x_y_z", "uk_x_y_z_2")), first + " " + second);
    }

    @Test
    void theProjectsTypeSettingsApply() throws Exception {
        List<Path> cp = compileTree(fieldCases().resolve("instant-preferred-jdbc-type/src/main/java"));
        Table defaults = read(cp, "h2", Map.of(), true).schema().tables().get(0);
        Table timestamp = read(cp, "h2", Map.of("hibernate.type.preferred_instant_jdbc_type", "TIMESTAMP"), true)
                .schema().tables().get(0);
        assertEquals("timestamp(6) with time zone", column(defaults, "occurred_at").sqlType());
        assertEquals("timestamp(6)", column(timestamp, "occurred_at").sqlType());
    }

    @Test
    void namingFollowsSpringOrHibernateDefaults() throws Exception {
        List<Path> cp = compile(Map.of("n/OrderLine.java", """
                package n;
                import jakarta.persistence.*;
                @Entity public class OrderLine {
                    @Id Long id;
                    String unitPrice;
                    @ManyToMany java.util.Set<OrderLine> relatedLines;
                }
                """));
        Schema spring = read(cp, "postgresql", Map.of(), true).schema();
        assertTrue(column(table(spring, "order_line"), "unit_price").nullable());
        assertTrue(spring.table("order_line_related_lines").isPresent(), spring.tables().toString());
        Schema jpa = read(cp, "postgresql", Map.of(), false).schema();
        assertTrue(column(table(jpa, "OrderLine"), "unitPrice").nullable());
        assertTrue(jpa.table("OrderLine_OrderLine").isPresent(), jpa.tables().toString());
    }

    @Test
    void quotedNamesKeepTheirCaseAndUnnamedChecksGetAName() throws Exception {
        List<Path> cp = compile(Map.of("q/Item.java", """
                package q;
                import jakarta.persistence.*;
                @Entity @Table(name = "\\"OrderItem\\"", schema = "sales")
                public class Item {
                    @Id Long id;
                    @Column(name = "`Value`") Integer value;
                    @Enumerated(EnumType.STRING) Level level;
                    public enum Level { LOW, HIGH }
                }
                """));
        Schema schema = read(cp, "postgresql", Map.of(), true).schema();
        Table item = table(schema, "sales.`OrderItem`");
        assertEquals("sales.`OrderItem`", item.name());
        assertEquals(List.of("sales"), schema.namespaces());
        assertEquals("`Value`", column(item, "`Value`").name());
        CheckConstraint check = item.checks().get(0);
        assertEquals("ck_orderitem_level", check.name());
        assertTrue(check.expression().contains("'LOW'"), check.expression());
    }

    @Test
    void aMappingHibernateRejectsIsReportedWithHibernatesMessage() throws Exception {
        List<Path> cp = compile(Map.of("bad/Thing.java", """
                package bad;
                import jakarta.persistence.*;
                @Entity public class Thing {
                    @Id Long id;
                    @ManyToOne Object owner;
                }
                """));
        HibernateModelException e = assertThrows(HibernateModelException.class,
                () -> read(cp, "postgresql", Map.of(), true));
        assertTrue(e.getMessage().contains("cannot map the entities") && e.getMessage().contains("bad.Thing"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\tat "), e.getMessage());
    }

    @Test
    void withoutHibernateOnTheProjectsClassPathTheReadFailsClearly() throws Exception {
        List<Path> cp = compileTree(fieldCases().resolve("embeddable-manytoone/src/main/java"));
        List<Path> withoutHibernate = cp.stream()
                .filter(p -> !p.getFileName().toString().startsWith("hibernate-core")).toList();
        assertTrue(HibernateModel.hibernateVersion(withoutHibernate).isEmpty());
        HibernateModelException e = assertThrows(HibernateModelException.class,
                () -> read(withoutHibernate, "postgresql", Map.of(), true));
        assertTrue(e.getMessage().contains("hibernate-core is not on the project's runtime class path"),
                e.getMessage());
        assertTrue(e.hint().contains("-Dqalab.model=source"), e.hint());
    }

    @Test
    void theVersionDecidesWhetherTheBridgeCanRead() {
        assertTrue(HibernateModel.supported("6.2.0.Final"));
        assertTrue(HibernateModel.supported("7.4.13.Final"));
        assertFalse(HibernateModel.supported("6.1.7.Final"));
        assertFalse(HibernateModel.supported("5.6.15.Final"));
        assertTrue(HibernateModel.hibernateVersion(TestClassPath.jars()).orElseThrow().startsWith("7."));
    }

    // ---- the forked worker -----------------------------------------------------------------------------------------

    private HibernateModel.Result read(List<Path> classPath, String dialect, boolean forked)
            throws HibernateModelException {
        return HibernateModel.read(new HibernateModel.Request(classPath, List.of(classes), List.of(),
                new HibernateModel.Target(dialect, HibernateModel.Target.defaultVersion(dialect)), Map.of(), true,
                forked));
    }

    @Test
    void theForkedWorkerMapsExactlyAsThisJvmDoes() throws Exception {
        // Every field case with entities at once: converters, embeddables, enums, JSON, schemas, generators, checks.
        List<Path> trees = new ArrayList<>();
        try (Stream<Path> cases = Files.list(fieldCases())) {
            cases.map(c -> c.resolve("src/main/java")).filter(Files::isDirectory).sorted().forEach(trees::add);
        }
        assertTrue(trees.size() >= 10, "field cases with entities: " + trees);
        for (String dialect : List.of("postgresql", "mariadb")) {
            for (Path tree : List.of(trees.get(0), trees.get(trees.size() / 2), trees.get(trees.size() - 1))) {
                Files.walk(classes).sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(classes))
                        .forEach(p -> p.toFile().delete());
                List<Path> cp = compileTree(tree);
                HibernateModel.Result inProcess = read(cp, dialect, false);
                HibernateModel.Result forked = read(cp, dialect, true);
                assertFalse(inProcess.schema().tables().isEmpty(), tree.toString());
                assertEquals(inProcess, forked, tree + " on " + dialect);
            }
        }
    }

    @Test
    void theForkedWorkerSaysWhenTheMappingIsWrong() throws Exception {
        List<Path> cp = compile(Map.of("bad/Orphan.java", """
                package bad;
                import jakarta.persistence.*;
                @Entity
                public class Orphan {
                    @Id Long id;
                    @ManyToOne Missing parent;
                }
                """, "bad/Missing.java", """
                package bad;
                public class Missing { }
                """));
        HibernateModelException forked = assertThrows(HibernateModelException.class, () -> read(cp, "postgresql", true));
        HibernateModelException inProcess = assertThrows(HibernateModelException.class,
                () -> read(cp, "postgresql", false));
        assertEquals(inProcess.getMessage(), forked.getMessage());
        assertTrue(forked.getMessage().contains("bad.Orphan"), forked.getMessage());
    }

    @Test
    void theForkedWorkerSaysWhenHibernateIsMissing() throws Exception {
        List<Path> cp = compile(Map.of("plain/Thing.java", """
                package plain;
                import jakarta.persistence.*;
                @Entity
                public class Thing { @Id Long id; }
                """));
        List<Path> withoutHibernate = cp.stream()
                .filter(p -> !p.getFileName().toString().startsWith("hibernate-core")).toList();
        HibernateModelException e = assertThrows(HibernateModelException.class,
                () -> read(withoutHibernate, "postgresql", true));
        assertTrue(e.getMessage().startsWith("hibernate-core is not on the project's runtime class path"),
                e.getMessage());
    }

    @Test
    void aPrestartedWorkerIsTakenByTheRead() throws Exception {
        List<Path> cp = compile(Map.of("shop/Item.java", """
                package shop;
                import jakarta.persistence.*;
                @Entity
                public class Item { @Id Long id; String label; }
                """));
        HibernateModel.Request request = new HibernateModel.Request(cp, List.of(classes), List.of(),
                new HibernateModel.Target("h2", HibernateModel.Target.defaultVersion("h2")), Map.of(), true, true);
        int starts = HibernateWorker.STARTS.get();
        HibernateModel.prestart(request);
        HibernateModel.prestart(request);
        HibernateModel.Result result = HibernateModel.read(request);
        assertEquals(starts + 1, HibernateWorker.STARTS.get(), "one worker, begun ahead, answered the read");
        assertTrue(result.schema().table("item").isPresent(), result.schema().tables().toString());

        HibernateModel.prestart(request);
        HibernateModel.discardPrestarted();
        // the stopped read may still be on its way to starting a worker: wait until its thread has ended
        long deadline = System.nanoTime() + 10_000_000_000L;
        while ((readThreads() > 0 || workerProcesses() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, readThreads(), "the stopped read ended");
        assertEquals(0, workerProcesses(), "a worker no read took is stopped");
        // the read of a request whose prestart was stopped maps it itself
        assertTrue(HibernateModel.read(request).schema().table("item").isPresent());
    }

    @Test
    void aWarmWorkerServesTheNextBuildAndSeesTheClassesAsTheyAreNow(@TempDir Path registry) throws Exception {
        List<Path> cp = compile(Map.of("shop/Item.java", ITEM));
        HibernateModel.KeepAlive keepAlive = new HibernateModel.KeepAlive(registry, java.time.Duration.ofSeconds(30));
        HibernateModel.Target target = new HibernateModel.Target("postgresql", "15");
        java.util.function.Supplier<HibernateModel.Request> request = () -> new HibernateModel.Request(cp,
                List.of(classes), List.of(), target, Map.of(), true, true, null, keepAlive);
        int starts = HibernateWorker.STARTS.get();
        int served = HibernateWorker.SERVED.get();
        try {
            HibernateModel.Result first = HibernateModel.read(request.get());
            assertEquals(starts + 1, HibernateWorker.STARTS.get(), "the first build starts a worker");
            assertTrue(HibernateWorker.warmSocket(cp, keepAlive).map(Files::exists).orElse(false),
                    "the worker listens for the next build");

            // the next build: an entity changed and a new one was added, as a developer does between two generates
            compile(Map.of("shop/Item.java", ITEM.replace("String label;", "String label; Integer stock;"),
                    "shop/Shelf.java", """
                            package shop;
                            import jakarta.persistence.*;
                            @Entity
                            public class Shelf { @Id Long id; @ManyToOne Item item; }
                            """));
            HibernateModel.Request next = request.get();
            HibernateModel.prestart(next);
            HibernateModel.Result second = HibernateModel.read(next);
            assertEquals(starts + 1, HibernateWorker.STARTS.get(), "no new JVM: the warm worker mapped it");
            assertEquals(served + 1, HibernateWorker.SERVED.get());
            assertTrue(second.warmWorker(), "the result says the warm worker mapped it");
            assertFalse(first.warmWorker());
            assertTrue(table(second.schema(), "item").column("stock").isPresent(), second.schema().toString());
            assertTrue(second.schema().table("shelf").isPresent(), second.schema().toString());
            assertFalse(table(first.schema(), "item").column("stock").isPresent());
            // and exactly what a fresh JVM maps
            HibernateModel.Result fresh = HibernateModel.read(new HibernateModel.Request(cp, List.of(classes),
                    List.of(), target, Map.of(), true, true));
            assertEquals(fresh.schema(), second.schema());
            assertEquals(fresh.columnOwners(), second.columnOwners());

            // a mapping Hibernate rejects is reported as from a fresh worker
            compile(Map.of("shop/Shelf.java", """
                    package shop;
                    import jakarta.persistence.*;
                    @Entity
                    public class Shelf { @Id Long id; @ManyToOne Object item; }
                    """));
            HibernateModelException rejected = assertThrows(HibernateModelException.class,
                    () -> HibernateModel.read(request.get()));
            assertTrue(rejected.getMessage().contains("cannot map the entities"), rejected.getMessage());
            assertEquals(served + 2, HibernateWorker.SERVED.get());
            // ... and the worker that gave it ends (a failed static initializer would stay failed in it)
            awaitGone(HibernateWorker.warmSocket(cp, keepAlive).orElseThrow());
        } finally {
            HibernateWorker.warmSocket(cp, keepAlive).ifPresent(io.github.qalab.hibernate.bridge.WorkerServer::stop);
        }
        // stopped: the socket goes, and the next build starts a worker again
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (HibernateWorker.warmSocket(cp, keepAlive).map(Files::exists).orElse(false)
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(HibernateWorker.warmSocket(cp, keepAlive).map(Files::exists).orElse(false));
    }

    /** Waits until a read is connected to a warm worker and has sent its request (the Slow class then maps). */
    private static void awaitAsking() throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (HibernateWorker.ASKING.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertFalse(HibernateWorker.ASKING.isEmpty(), "a read reached the warm worker");
        Thread.sleep(500);
    }

    /** Waits until the warm worker on {@code socket} no longer answers {@code busy} (it finished its mapping). */
    private static void awaitIdle(Path socket) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (java.nio.channels.SocketChannel probe = java.nio.channels.SocketChannel.open(
                    java.net.UnixDomainSocketAddress.of(socket))) {
                probe.shutdownOutput();
                // a free worker reads the empty request and closes; a busy one says so first
                String reply = new String(java.nio.channels.Channels.newInputStream(probe).readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
                if (!reply.startsWith("busy")) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the warm worker stayed busy");
    }

    private static void awaitGone(Path socket) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (Files.exists(socket) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(Files.exists(socket), "the warm worker ended and removed its socket");
    }

    private static final String SLOW = """
            package shop;
            import jakarta.persistence.*;
            @Entity
            public class Slow {
                static { try { Thread.sleep(2500); } catch (InterruptedException e) { } }
                @Id Long id;
            }
            """;

    @Test
    void aBusyWarmWorkerSendsTheNextBuildToAFreshOneAnAbandonedRequestKeepsItAndAGoneBuildEndsIt(@TempDir Path registry) throws Exception {
        List<Path> cp = compile(Map.of("shop/Item.java", ITEM, "shop/Slow.java", SLOW));
        HibernateModel.KeepAlive keepAlive = new HibernateModel.KeepAlive(registry, java.time.Duration.ofSeconds(30));
        java.util.function.Supplier<HibernateModel.Request> request = () -> new HibernateModel.Request(cp,
                List.of(classes), List.of(), new HibernateModel.Target("h2", "2.3"), Map.of(), true, true, null,
                keepAlive);
        Path socket = HibernateWorker.warmSocket(cp, keepAlive).orElseThrow();
        try {
            HibernateModel.read(request.get());
            assertTrue(Files.exists(socket));
            int starts = HibernateWorker.STARTS.get();
            // two builds at once: the warm worker maps one (its Slow class takes 2.5 s), the other is told it is busy
            java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var a = two.submit(() -> HibernateModel.read(request.get()));
                var b = two.submit(() -> HibernateModel.read(request.get()));
                assertTrue(a.get().schema().table("slow").isPresent());
                assertTrue(b.get().schema().table("slow").isPresent());
                assertTrue(a.get().warmWorker() != b.get().warmWorker(), "one warm, one fresh");
            } finally {
                two.shutdownNow();
            }
            assertEquals(starts + 1, HibernateWorker.STARTS.get(), "the busy worker's build started a fresh one");
            assertTrue(Files.exists(socket), "the warm worker stays");

            // a build that failed early while the warm worker maps its request abandons it: the worker finishes
            // the mapping and stays warm for the next build
            HibernateModel.prestart(request.get());
            awaitAsking();
            HibernateModel.discardPrestarted();
            awaitIdle(socket);
            assertTrue(Files.exists(socket), "an abandoned request keeps the worker");
            int startsBefore = HibernateWorker.STARTS.get();
            assertTrue(HibernateModel.read(request.get()).warmWorker());
            assertEquals(startsBefore, HibernateWorker.STARTS.get());

            // a build that goes away while the warm worker maps its request (Ctrl-C, killed): the worker ends with
            // it, as the request may be stuck in the project's code
            java.util.concurrent.ExecutorService one = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                var gone = one.submit(() -> HibernateModel.read(request.get()));
                awaitAsking();
                gone.cancel(true);
                awaitGone(socket);
            } finally {
                one.shutdownNow();
            }
        } finally {
            io.github.qalab.hibernate.bridge.WorkerServer.stop(socket);
        }
    }

    @Test
    void aJarRewrittenWithItsSizeAndTimeKeptHasAnotherStamp(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("base-1.jar");
        Files.writeString(jar, "createdBy");
        java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(jar);
        String before = HibernateCache.stamp(jar);
        Thread.sleep(20);
        Path rewritten = dir.resolve("base-1.jar.new");
        Files.writeString(rewritten, "updatedBy");
        Files.move(rewritten, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(jar, time);
        assertEquals(Files.size(jar), 9);
        org.junit.jupiter.api.Assumptions.assumeTrue(jar.getFileSystem().supportedFileAttributeViews()
                .contains("unix"), "size and time only on this file system");
        assertNotEquals(before, HibernateCache.stamp(jar), "the same size and time, another file");
    }

    @Test
    void atMostThreeWarmWorkersStay(@TempDir Path registry) throws Exception {
        for (int i = 0; i < 5; i++) {
            Path dead = registry.resolve("worker" + i + ".sock");
            Files.writeString(dead, "nobody listens");
            Files.setLastModifiedTime(dead, java.nio.file.attribute.FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        io.github.qalab.hibernate.bridge.WorkerServer.makeRoom(registry, registry.resolve("worker4.sock"));
        try (Stream<Path> left = Files.list(registry)) {
            assertEquals(List.of("worker2.sock", "worker3.sock", "worker4.sock"),
                    left.map(f -> f.getFileName().toString()).sorted().toList(), "the least recently used go");
        }
    }

    @Test
    void aWarmWorkerEndsWhenIdleAndADeadOnesSocketIsReplaced(@TempDir Path registry) throws Exception {
        List<Path> cp = compile(Map.of("shop/Item.java", ITEM));
        HibernateModel.KeepAlive keepAlive = new HibernateModel.KeepAlive(registry, java.time.Duration.ofSeconds(1));
        Path socket = HibernateWorker.warmSocket(cp, keepAlive).orElseThrow();
        Files.writeString(socket, "a socket file nobody listens on");
        HibernateModel.Request request = new HibernateModel.Request(cp, List.of(classes), List.of(),
                new HibernateModel.Target("h2", "2.3"), Map.of(), true, true, null, keepAlive);
        assertTrue(HibernateModel.read(request).schema().table("item").isPresent());
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (Files.exists(socket) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertFalse(Files.exists(socket), "an idle worker ends and removes its socket");
    }

    /** Worker JVMs that this JVM started and that still run. */
    /** Threads of reads that {@link HibernateModel#prestart} began and that still run. */
    private static long readThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals("qalab-hibernate-read")).count();
    }

    private static long workerProcesses() {
        return ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().orElse("").contains("BridgeWorker")).count();
    }

    @Test
    void theWorkerArgumentFileQuotesEveryArgument() {
        assertEquals("\"-cp\"\n\"C:\\\\m2\\\\a b.jar\"\n\"say \\\"hi\\\"\"\n",
                HibernateWorker.argumentFile(List.of("-cp", "C:\\m2\\a b.jar", "say \"hi\"")));
    }

    // ---- the mapping cache -----------------------------------------------------------------------------------------

    private HibernateModel.Request cachedRequest(List<Path> classPath, Path cacheDir, boolean forked) {
        return new HibernateModel.Request(classPath, List.of(classes), List.of(),
                new HibernateModel.Target("postgresql", "15"), Map.of(), true, forked, cacheDir);
    }

    private static final String ITEM = """
            package shop;
            import jakarta.persistence.*;
            @Entity
            public class Item { @Id Long id; String label; }
            """;

    @Test
    void theMappingOfUnchangedClassesComesFromTheCacheAndAnyChangeMapsAgain(@TempDir Path cacheDir) throws Exception {
        List<Path> cp = compile(Map.of("shop/Item.java", ITEM));
        HibernateModel.Result first = HibernateModel.read(cachedRequest(cp, cacheDir, false));
        assertFalse(first.cached());
        // generate just wrote a migration, which the build copies into the class folder: not mapping input
        Files.createDirectories(classes.resolve("db/migration"));
        Files.writeString(classes.resolve("db/migration/001_create_item.sql"), "CREATE TABLE item (id BIGINT);");
        HibernateModel.Result second = HibernateModel.read(cachedRequest(cp, cacheDir, false));
        assertTrue(second.cached(), "nothing Hibernate reads changed");
        assertEquals(first.schema(), second.schema());
        assertEquals(first.columnOwners(), second.columnOwners());

        compile(Map.of("shop/Item.java", ITEM.replace("String label;", "String label; Integer stock;")));
        HibernateModel.Result recompiled = HibernateModel.read(cachedRequest(cp, cacheDir, false));
        assertFalse(recompiled.cached(), "a recompiled class maps again");
        assertTrue(table(recompiled.schema(), "item").column("stock").isPresent());

        // a resource Hibernate reads by itself (hibernate.properties at the class path root) is part of the key
        Files.writeString(classes.resolve("hibernate.properties"), "hibernate.globally_quoted_identifiers=true\n");
        HibernateModel.Result quoted = HibernateModel.read(cachedRequest(cp, cacheDir, false));
        assertFalse(quoted.cached(), "a changed resource maps again");

        HibernateModel.Request otherDialect = new HibernateModel.Request(cp, List.of(classes), List.of(),
                new HibernateModel.Target("mariadb", "10.11"), Map.of(), true, false, cacheDir);
        assertFalse(HibernateModel.read(otherDialect).cached(), "another dialect is another key");
        assertTrue(HibernateModel.read(otherDialect).cached());
    }

    /**
     * hibernate.globally_quoted_identifiers quotes sequence and constraint names too: they come back quoted as tables
     * are (backticks) or readable, never with the dialect's quote characters inside the name (found by the break-it
     * run: every @GeneratedValue entity was refused, "name contains '\"'").
     */
    @Test
    void globallyQuotedSequencesAndConstraintsAreNamesTheMigrationCanWrite() throws Exception {
        List<Path> cp = compile(Map.of("gq/Invoice.java", """
                package gq;
                import jakarta.persistence.*;
                @Entity public class Invoice {
                    @Id @GeneratedValue Long id;
                    @ManyToOne Customer customer;
                }
                """, "gq/Customer.java", """
                package gq;
                import jakarta.persistence.*;
                @Entity public class Customer { @Id @GeneratedValue Long id; @Column(unique = true) String email; }
                """));
        Schema schema = read(cp, "postgresql", Map.of("hibernate.globally_quoted_identifiers", "true"), true).schema();
        io.github.qalab.sql.Dialect postgres = io.github.qalab.sql.Dialect.named("postgresql");
        List<String> names = new ArrayList<>();
        schema.sequences().forEach(q -> names.add(q.name()));
        for (Table t : schema.tables()) {
            names.add(t.name());
            t.foreignKeys().forEach(f -> names.add(f.name()));
            t.uniques().forEach(u -> names.add(u.name()));
            names.add(t.primaryKey().name());
        }
        for (String name : names) {
            assertEquals(java.util.Optional.empty(), postgres.identifierProblem(name), name);
        }
        assertTrue(schema.sequences().stream().allMatch(q -> q.name().startsWith("`")), schema.sequences().toString());
        assertTrue(table(schema, "`Invoice`").foreignKeys().get(0).name().startsWith("fk_"), names.toString());
    }

    @Test
    void aFailedMappingIsNeverKept(@TempDir Path cacheDir) throws Exception {
        List<Path> cp = compile(Map.of("bad/Orphan.java", """
                package bad;
                import jakarta.persistence.*;
                @Entity
                public class Orphan { @Id Long id; @ManyToOne Missing parent; }
                """, "bad/Missing.java", "package bad; public class Missing { }"));
        assertThrows(HibernateModelException.class, () -> HibernateModel.read(cachedRequest(cp, cacheDir, false)));
        assertThrows(HibernateModelException.class, () -> HibernateModel.read(cachedRequest(cp, cacheDir, false)));
        try (Stream<Path> entries = Files.list(cacheDir)) {
            assertEquals(0, entries.count());
        }
    }

    @Test
    void noWorkerIsStartedForAMappingTheCacheHolds(@TempDir Path cacheDir) throws Exception {
        List<Path> cp = compile(Map.of("shop/Item.java", ITEM));
        HibernateModel.read(cachedRequest(cp, cacheDir, true));
        HibernateModel.Request again = cachedRequest(cp, cacheDir, true);
        int starts = HibernateWorker.STARTS.get();
        HibernateModel.prestart(again);
        assertTrue(HibernateModel.read(again).cached());
        assertEquals(starts, HibernateWorker.STARTS.get(), "the answer is cached: no JVM started");
    }

    @Test
    void aProjectClassMissingFromTheCompiledClassesIsTheProjectsProblemNotTheBridges() throws Exception {
        List<Path> cp = compile(Map.of("gone/Order.java", """
                package gone;
                import jakarta.persistence.*;
                @Entity
                public class Order { @Id Long id; @ManyToOne Customer customer; }
                """, "gone/Customer.java", """
                package gone;
                import jakarta.persistence.*;
                @Entity
                public class Customer { @Id Long id; }
                """));
        Files.delete(classes.resolve("gone/Customer.class")); // a source deleted, its class cleaned, Order not rebuilt
        for (boolean forked : List.of(false, true)) {
            HibernateModelException e = assertThrows(HibernateModelException.class,
                    () -> read(cp, "postgresql", forked));
            assertTrue(e.getMessage().contains("gone/Customer") || e.getMessage().contains("gone.Customer"),
                    e.getMessage());
            assertTrue(e.hint().contains("mvn clean compile"), e.hint());
            assertFalse(e.hint().contains("report"), e.hint());
        }
    }

    @Test
    void hibernatesDefaultSchemaQualifiesEveryTableAndSequenceWithoutOneOfTheirOwn() throws Exception {
        List<Path> cp = compile(Map.of("shop/Ticket.java", """
                package shop;
                import jakarta.persistence.*;
                @Entity
                public class Ticket {
                    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id;
                    @ManyToOne Desk desk;
                }
                """, "shop/Desk.java", """
                package shop;
                import jakarta.persistence.*;
                @Entity @Table(schema = "office")
                public class Desk { @Id Long id; }
                """));
        Schema pg = read(cp, "postgresql", Map.of("hibernate.default_schema", "sales"), true).schema();
        assertTrue(pg.table("sales.ticket").isPresent(), pg.tables().toString());
        assertTrue(pg.table("office.desk").isPresent(), "a schema of its own wins: " + pg.tables());
        assertTrue(pg.sequences().stream().anyMatch(q -> q.name().startsWith("sales.")), pg.sequences().toString());
        assertEquals("office.desk", table(pg, "sales.ticket").foreignKeys().get(0).referencedTable());
        assertTrue(pg.namespaces().stream().anyMatch("sales"::equalsIgnoreCase), pg.namespaces().toString());
        Schema maria = read(cp, "mariadb", Map.of("hibernate.default_schema", "sales"), true).schema();
        assertTrue(maria.table("ticket").isPresent(), "MariaDB has catalogs, not schemas: " + maria.tables());
    }

    @Test
    void anEntityThatEndsTheJvmWhileLoadingIsNamedAsSuchNotAsAWorkerBug() throws Exception {
        List<Path> cp = compile(Map.of("evil/Quits.java", """
                package evil;
                import jakarta.persistence.*;
                @Entity
                public class Quits {
                    static { System.exit(0); }
                    @Id Long id;
                }
                """));
        HibernateModelException e = assertThrows(HibernateModelException.class, () -> read(cp, "postgresql", true));
        assertTrue(e.getMessage().contains("ended before it answered (exit 0)"), e.getMessage());
        assertTrue(e.hint().contains("System.exit"), e.hint());
    }
}
