package io.github.qalab.hibernate;

import io.github.qalab.migration.AtomicFiles;
import io.github.qalab.schema.PlainValues;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Boots the project's Hibernate in a short-lived worker JVM ({@code io.github.qalab.hibernate.bridge.BridgeWorker})
 * instead of the build's JVM.
 *
 * <p>Why: a cold Hibernate boot is mostly class loading, the bytecode interpreter and the JIT compiler. In the build's
 * JVM it competes for the cores with the shadow replay and with the optimising (C2) compiler, which a run this short
 * never profits from; in a worker started with {@code -XX:TieredStopAtLevel=1} (quick C1 compilation only) and the
 * serial collector it took 1.9 s instead of 3.6-4.6 s for 500 entities on 2 cores (docs/performance.md). It also keeps
 * the project's Hibernate, its logging set-up and its static state out of the build's JVM.
 *
 * <p>The worker's class path is the project's runtime jars and the plugin's own jar; the project's class folders are
 * loaded by a child class loader, as in the build's JVM. Request and answer travel as files
 * ({@link PlainValues}); the worker's output goes to a log file that is shown only when the worker fails. The
 * command line holds paths only: no setting or secret of the project.
 */
final class HibernateWorker {

    /** The JVM options of the worker: a short run that loads many classes once. */
    static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss4m",
            "-XX:-UsePerfData", "-Djava.awt.headless=true", "-Dorg.jboss.logging.provider=jdk");

    /** How long one mapping may take before the worker is stopped, in minutes. */
    static final long TIMEOUT_MINUTES = 10;

    private static final String MAIN = "io.github.qalab.hibernate.bridge.BridgeWorker";

    /** Workers started ahead of their request, by class path and target. */
    private static final Map<List<Object>, Started> STARTED = new HashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(HibernateWorker::discardAll, "qalab-worker-cleanup"));
    }

    /** How many started workers wait for their request (for tests). */
    static int started() {
        synchronized (STARTED) {
            return STARTED.size();
        }
    }

    /** Stops every started worker that no {@link #boot} took. */
    static void discardAll() {
        synchronized (STARTED) {
            STARTED.values().forEach(Started::discard);
            STARTED.clear();
        }
    }

    /** A running worker JVM waiting for its request, with its temporary folder. */
    private record Started(Process process, Path dir) {
        static Path answer(Path dir) {
            return dir.resolve("answer.bin");
        }

        static Path log(Path dir) {
            return dir.resolve("worker.log");
        }

        Path answer() {
            return answer(dir);
        }

        Path log() {
            return log(dir);
        }

        void discard() {
            process.destroyForcibly();
            AtomicFiles.deleteQuietly(dir);
        }
    }

    private HibernateWorker() {
    }

    /**
     * Starts the worker for {@code classPath} and {@code target} now, so that its JVM start and Hibernate's class
     * loading overlap the plugin's own preparation; {@link #boot} then takes it. A worker that gets no request exits
     * on its own (when this JVM ends, or after {@code BridgeWorker.IDLE_SECONDS}). Starting can fail silently: then
     * {@link #boot} starts a worker itself and reports the failure.
     */
    static void prestart(List<Path> classPath, HibernateModel.Target target) {
        List<Object> key = List.of(classPath, target);
        synchronized (STARTED) {
            if (STARTED.containsKey(key)) {
                return;
            }
            try {
                STARTED.put(key, start(classPath, target));
            } catch (HibernateModelException e) {
                // boot() tries again and says why.
            }
        }
    }

    /**
     * Runs {@code io.github.qalab.hibernate.bridge.MetadataBridge} on {@code bridgeRequest} in a worker JVM (the one
     * {@link #prestart} started for the same class path and target, else a new one).
     *
     * @param classPath the project's runtime class path: jars go on the worker's class path, folders to its child
     *                  class loader
     * @return the bridge's answer, plus {@code logged} (Hibernate's warnings)
     * @throws HibernateModelException when the worker cannot start, fails, times out, or finds no Hibernate
     */
    static Map<String, Object> boot(List<Path> classPath, HibernateModel.Target target,
                                    Map<String, Object> bridgeRequest) throws HibernateModelException {
        Started worker;
        synchronized (STARTED) {
            worker = STARTED.remove(List.of(classPath, target));
        }
        if (worker == null) {
            worker = start(classPath, target);
        }
        try {
            return run(worker, classPath, bridgeRequest);
        } finally {
            worker.discard();
        }
    }

    private static Started start(List<Path> classPath, HibernateModel.Target target) throws HibernateModelException {
        Path dir;
        try {
            dir = Files.createTempDirectory("qalab-hibernate-");
        } catch (IOException e) {
            throw new HibernateModelException("cannot create a temporary folder for the Hibernate worker: "
                    + e.getMessage(), "check that java.io.tmpdir is writable");
        }
        List<String> jars = new ArrayList<>();
        for (Path entry : classPath) {
            if (Files.isRegularFile(entry)) {
                jars.add(entry.toAbsolutePath().toString());
            }
        }
        jars.add(pluginLocation().toString());
        // The class path goes in an argument file (it can be longer than a command line may be); the main class and
        // its arguments stay on the command line, so that `ps` shows what the process is.
        List<String> options = new ArrayList<>(JVM_OPTIONS);
        options.add("-cp");
        options.add(String.join(java.io.File.pathSeparator, jars));
        Path argFile = dir.resolve("worker.args");
        List<String> command = List.of(javaExecutable(), "@" + argFile, MAIN, Started.answer(dir).toString(),
                target.dialectClass(), target.productName(), target.version());
        try {
            Files.writeString(argFile, argumentFile(options), StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(Started.log(dir).toFile())
                    .start();
            return new Started(process, dir);
        } catch (IOException e) {
            AtomicFiles.deleteQuietly(dir);
            throw new HibernateModelException("cannot start the Hibernate worker JVM (" + javaExecutable() + "): "
                    + e.getMessage(), "check the JDK that runs Maven, or use -Dqalab.hibernateFork=false");
        }
    }

    private static Map<String, Object> run(Started worker, List<Path> classPath, Map<String, Object> bridgeRequest)
            throws HibernateModelException {
        List<String> folders = new ArrayList<>();
        for (Path entry : classPath) {
            if (Files.isDirectory(entry)) {
                folders.add(entry.toAbsolutePath().toString());
            }
        }
        Path requestFile = worker.dir().resolve("request.bin");
        Map<String, Object> request = new LinkedHashMap<>(bridgeRequest);
        request.put("classFolders", folders);
        Process process = worker.process();
        try {
            PlainValues.write(requestFile, request);
            try (java.io.OutputStream in = process.getOutputStream()) {
                in.write((requestFile + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // A worker that already ended has no stdin: its exit code and log say why, below.
            if (process.isAlive()) {
                throw new HibernateModelException("cannot send the request to the Hibernate worker: "
                        + e.getMessage(), "use -Dqalab.hibernateFork=false");
            }
        }
        try {
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                throw new HibernateModelException("Hibernate did not finish mapping the entities within "
                        + TIMEOUT_MINUTES + " minutes" + logTail(worker.log()), "check the mapping for a loop, or use"
                        + " -Dqalab.model=source");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HibernateModelException("interrupted while Hibernate mapped the entities", "");
        }
        int exit = process.exitValue();
        Path answerFile = worker.answer();
        if (exit != 0 || !Files.isRegularFile(answerFile)) {
            String log = logTail(worker.log());
            if (!log.contains("Exception") && !log.contains("Error")) {
                // No Java failure was printed: the JVM was ended from inside (System.exit, Runtime.halt) or outside.
                throw new HibernateModelException("the Hibernate worker JVM ended before it answered (exit " + exit
                        + "), without an error" + log, "look for System.exit or Runtime.halt in the static"
                        + " code of the entities, converters and the classes they use: Hibernate loads them, and"
                        + " the application would stop the same way at start");
            }
            throw new HibernateModelException("the Hibernate worker JVM failed (exit " + exit + ")" + log,
                    log.contains("OutOfMemoryError") ? "give the worker more memory with"
                            + " -Dqalab.hibernateFork=false and MAVEN_OPTS=-Xmx..., or map fewer entities"
                            : "use -Dqalab.hibernateFork=false to map in the build's JVM, and report this at"
                            + " https://github.com/qalab/qalab-maven-plugin/issues");
        }
        Map<String, Object> answer;
        try {
            answer = PlainValues.read(answerFile);
        } catch (IOException | RuntimeException e) {
            throw new HibernateModelException("cannot read the Hibernate worker's answer: " + e.getMessage(),
                    "use -Dqalab.hibernateFork=false, and report this at"
                    + " https://github.com/qalab/qalab-maven-plugin/issues");
        }
        if (answer.get("missingHibernate") != null) {
            throw HibernateModel.missingHibernate(String.valueOf(answer.get("missingHibernate")));
        }
        return answer;
    }

    /** The JVM running this build's Maven: the worker runs on the same Java. */
    private static String javaExecutable() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java").toString();
    }

    /** The plugin's jar (or class folder, in the plugin's own tests), which holds the worker's classes. */
    private static Path pluginLocation() throws HibernateModelException {
        try {
            return Path.of(HibernateWorker.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new HibernateModelException("cannot locate the plugin's own classes for the Hibernate worker: " + e,
                    "use -Dqalab.hibernateFork=false");
        }
    }

    /**
     * The java launcher's {@code @argfile} format: each argument quoted, with backslashes and quotes escaped, so a
     * long class path or a path with spaces passes on every platform.
     */
    static String argumentFile(List<String> args) {
        StringBuilder sb = new StringBuilder();
        for (String arg : args) {
            sb.append('"').append(arg.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n");
        }
        return sb.toString();
    }

    /** The last lines of the worker's output, for a failure message; "" when it wrote nothing. */
    private static String logTail(Path logFile) {
        try {
            List<String> lines = new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8).lines().toList();
            if (lines.isEmpty()) {
                return "";
            }
            return ":\n  " + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }
}
