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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

    /**
     * A worker's answer.
     *
     * @param values the bridge's answer, plus {@code logged} (Hibernate's warnings)
     * @param warm   whether a warm worker that an earlier build left gave it
     */
    record Answer(Map<String, Object> values, boolean warm) {
    }

    /** Worker JVMs this JVM started, and requests a warm worker served (for tests). */
    static final java.util.concurrent.atomic.AtomicInteger STARTS = new java.util.concurrent.atomic.AtomicInteger();
    static final java.util.concurrent.atomic.AtomicInteger SERVED = new java.util.concurrent.atomic.AtomicInteger();

    /** The connection to a warm worker that each reading thread waits on. */
    static final Map<Thread, java.nio.channels.SocketChannel> ASKING =
            new java.util.concurrent.ConcurrentHashMap<>();

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
     * Runs {@code io.github.qalab.hibernate.bridge.MetadataBridge} on {@code bridgeRequest} in a worker JVM: the warm
     * worker that an earlier build of the same project left ({@code keepAlive}), else a new one, which then stays for
     * the next build when {@code keepAlive} is on.
     *
     * @param classPath the project's runtime class path: jars go on the worker's class path, folders to its child
     *                  class loader
     * @throws HibernateModelException when the worker cannot start, fails, times out, or finds no Hibernate
     */
    static Answer boot(List<Path> classPath, HibernateModel.Target target, Map<String, Object> bridgeRequest,
                       HibernateModel.KeepAlive keepAlive) throws HibernateModelException {
        Optional<Path> socket = keepAlive.on() ? warmSocket(classPath, keepAlive) : Optional.empty();
        if (socket.isPresent()) {
            Optional<Map<String, Object>> served = ask(socket.get(), request(classPath, bridgeRequest));
            if (served.isPresent()) {
                SERVED.incrementAndGet();
                return checked(new Answer(served.get(), true));
            }
        }
        if (Thread.currentThread().isInterrupted()) {
            // The read was stopped (a build that failed early discards its prestarted read): no fresh worker for it.
            throw new HibernateModelException("interrupted while Hibernate mapped the entities", "");
        }
        Started worker = start(classPath, target, socket, keepAlive);
        boolean kept = false;
        try {
            Map<String, Object> answer = run(worker, classPath, bridgeRequest);
            kept = socket.isPresent() && worker.process().isAlive();
            return checked(new Answer(answer, false));
        } finally {
            if (kept) {
                // It serves later builds now, and removes what is left of its folder when it ends.
                AtomicFiles.deleteQuietly(worker.dir());
            } else {
                worker.discard();
            }
        }
    }

    /** {@code answer}, unless it says the class path has no Hibernate. */
    private static Answer checked(Answer answer) throws HibernateModelException {
        Object missing = answer.values().get("missingHibernate");
        if (missing != null) {
            throw HibernateModel.missingHibernate(String.valueOf(missing));
        }
        return answer;
    }

    /**
     * Where the warm worker for {@code classPath} listens: a name derived from everything the worker's own class path
     * and JVM are made of (Java, options, each jar's path, size and time, the plugin), so a build never reaches a
     * worker whose jars differ from its own; the class folders are not part of it (each request loads them anew).
     * Empty when the registry folder cannot be made private to the user, or the path is too long for a socket.
     */
    static Optional<Path> warmSocket(List<Path> classPath, HibernateModel.KeepAlive keepAlive) {
        try {
            Path registry = keepAlive.registry();
            privateFolder(registry);
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            List<String> parts = new ArrayList<>(List.of(System.getProperty("java.home"),
                    System.getProperty("java.version"), String.join(" ", JVM_OPTIONS)));
            List<Path> jars = new ArrayList<>();
            for (Path entry : classPath) {
                if (Files.isRegularFile(entry)) {
                    jars.add(entry);
                }
            }
            jars.add(pluginLocation());
            for (Path jar : jars) {
                parts.add(jar.toAbsolutePath() + "|" + HibernateCache.stamp(jar));
            }
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            String name = java.util.HexFormat.of().formatHex(digest.digest()).substring(0, 24) + ".sock";
            Path socket = registry.resolve(name).toAbsolutePath();
            // sun_path holds 108 bytes on Linux, 104 on macOS.
            return socket.toString().getBytes(StandardCharsets.UTF_8).length < 100 ? Optional.of(socket)
                    : Optional.empty();
        } catch (IOException | java.security.GeneralSecurityException | HibernateModelException
                 | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** Creates {@code folder} readable by the user only; refuses (IOException) one that others may enter. */
    private static void privateFolder(Path folder) throws IOException {
        boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder.getParent());
            try {
                if (posix) {
                    Files.createDirectory(folder, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectory(folder);
                }
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // Made at the same time by another build.
            }
        }
        if (posix) {
            var permissions = Files.getPosixFilePermissions(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            var owner = Files.getOwner(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            boolean others = permissions.stream().anyMatch(p -> p.name().startsWith("GROUP")
                    || p.name().startsWith("OTHERS"));
            if (others || !owner.getName().equals(System.getProperty("user.name"))) {
                throw new IOException(folder + " is not private to the user");
            }
        }
    }

    /**
     * Asks the warm worker on {@code socket} to map {@code request}; empty when no worker listens there or it did not
     * answer (then the caller starts a fresh worker, which reports any failure). A socket nobody listens on is removed.
     */
    private static Optional<Map<String, Object>> ask(Path socket, Map<String, Object> request) {
        if (!Files.exists(socket)) {
            return Optional.empty();
        }
        Path dir = null;
        try (java.nio.channels.SocketChannel channel = java.nio.channels.SocketChannel.open(
                java.net.UnixDomainSocketAddress.of(socket))) {
            ASKING.put(Thread.currentThread(), channel);
            dir = Files.createTempDirectory("qalab-hibernate-");
            Path requestFile = dir.resolve("request.bin");
            Path answerFile = dir.resolve("answer.bin");
            PlainValues.write(requestFile, request);
            channel.write(java.nio.ByteBuffer.wrap((requestFile + "\t" + answerFile + "\n")
                    .getBytes(StandardCharsets.UTF_8)));
            // A worker that hangs is given the same time as a fresh one; then the channel is closed under it.
            Thread timeout = new Thread(() -> {
                try {
                    Thread.sleep(TimeUnit.MINUTES.toMillis(TIMEOUT_MINUTES));
                    channel.close();
                } catch (InterruptedException | IOException e) {
                    // answered
                }
            }, "qalab-worker-timeout");
            timeout.setDaemon(true);
            timeout.start();
            String reply;
            try {
                reply = new java.io.BufferedReader(new java.io.InputStreamReader(
                        java.nio.channels.Channels.newInputStream(channel), StandardCharsets.UTF_8)).readLine();
            } finally {
                timeout.interrupt();
            }
            if (!"ok".equals(reply)) {
                return Optional.empty();
            }
            return Optional.of(PlainValues.read(answerFile));
        } catch (java.net.ConnectException | java.nio.file.NoSuchFileException e) {
            io.github.qalab.hibernate.bridge.WorkerServer.forget(socket);
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } finally {
            ASKING.remove(Thread.currentThread());
            AtomicFiles.deleteQuietly(dir);
        }
    }

    /**
     * Tells the warm worker that {@code thread} is waiting for that its answer is no longer needed (the build failed
     * early), so that it finishes the mapping and stays warm instead of ending as it does when a build goes away
     * mid-request; then closes the connection, which ends the wait.
     */
    static void abandon(Thread thread) {
        java.nio.channels.SocketChannel channel = ASKING.remove(thread);
        if (channel == null) {
            return;
        }
        try (channel) {
            channel.write(java.nio.ByteBuffer.wrap("abandon\n".getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            // The worker ends as for a build that went away.
        }
    }

    /**
     * Waits until the worker wrote its answer (a kept worker goes on running) or ended; false after
     * {@link #TIMEOUT_MINUTES}.
     */
    private static boolean awaitAnswer(Process process, Path answer) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(TIMEOUT_MINUTES);
        while (System.nanoTime() < deadline) {
            if (Files.isRegularFile(answer) || process.waitFor(10, TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
        return false;
    }

    /** Starts a worker; with a {@code socket} it stays there for later builds. */
    private static Started start(List<Path> classPath, HibernateModel.Target target, Optional<Path> socket,
                                 HibernateModel.KeepAlive keepAlive) throws HibernateModelException {
        socket.ifPresent(s -> io.github.qalab.hibernate.bridge.WorkerServer.makeRoom(s.getParent(), null));
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
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "@" + argFile, MAIN,
                Started.answer(dir).toString(), target.dialectClass(), target.productName(), target.version()));
        if (socket.isPresent()) {
            command.add(socket.get().toString());
            command.add(String.valueOf(keepAlive.idle().toSeconds()));
        }
        try {
            Files.writeString(argFile, argumentFile(options), StandardCharsets.UTF_8);
            STARTS.incrementAndGet();
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

    /** The worker's request: the bridge's, plus the project's class folders for the child class loader. */
    private static Map<String, Object> request(List<Path> classPath, Map<String, Object> bridgeRequest) {
        List<String> folders = new ArrayList<>();
        for (Path entry : classPath) {
            if (Files.isDirectory(entry)) {
                folders.add(entry.toAbsolutePath().toString());
            }
        }
        Map<String, Object> request = new LinkedHashMap<>(bridgeRequest);
        request.put("classFolders", folders);
        return request;
    }

    private static Map<String, Object> run(Started worker, List<Path> classPath, Map<String, Object> bridgeRequest)
            throws HibernateModelException {
        Path requestFile = worker.dir().resolve("request.bin");
        Map<String, Object> request = request(classPath, bridgeRequest);
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
        Path answerFile = worker.answer();
        try {
            if (!awaitAnswer(process, answerFile)) {
                throw new HibernateModelException("Hibernate did not finish mapping the entities within "
                        + TIMEOUT_MINUTES + " minutes" + logTail(worker.log()), "check the mapping for a loop, or use"
                        + " -Dqalab.model=source");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HibernateModelException("interrupted while Hibernate mapped the entities", "");
        }
        boolean answered = Files.isRegularFile(answerFile);
        int exit = answered ? 0 : process.exitValue();
        if (!answered) {
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
