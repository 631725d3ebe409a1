package io.github.qalab.hibernate.bridge;

import io.github.qalab.migration.AtomicFiles;
import io.github.qalab.schema.PlainValues;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The entry point of the forked Hibernate worker: a short-lived JVM whose class path is the project's runtime jars
 * and the plugin's jar, started by {@code io.github.qalab.hibernate.HibernateModel} so that a cold Hibernate boot
 * runs with start-up friendly JVM options and never shares the build's JVM.
 *
 * <p>Arguments: the answer file, then optionally a warm-up target (dialect class, product name and version, as
 * {@link TargetSettings} takes them), then optionally the socket and the idle seconds of a kept worker
 * ({@link WorkerServer}). The worker first boots Hibernate on no entity for that target, which loads and initialises
 * most of the classes a real boot needs (measured a little faster than the real boot alone); then it reads one line
 * from its standard input: the path of the request file (no line, or none within {@value #IDLE_SECONDS} s: it exits
 * without an answer). A kept worker then listens on its socket, writes the answer, and serves later builds.
 * Request and answer are each one {@link PlainValues} map of JDK values. The request is {@link MetadataBridge}'s, plus
 * {@code classFolders} (List of the project's class folders as strings,
 * loaded by a child class loader, as in the plugin's own JVM). The answer is {@link MetadataBridge}'s, plus
 * {@code logged} (Hibernate's WARNING lines), or {@code missingHibernate} when the class path has no
 * {@code hibernate-core}. Exit code 0 whenever an answer was written.
 */
public final class BridgeWorker {

    /** How long a started worker waits for its request before it exits, in seconds. */
    static final int IDLE_SECONDS = 60;

    /** Set once the worker is kept for later builds: the end of the build that started it no longer ends it. */
    private static volatile boolean detached;

    private BridgeWorker() {
    }

    public static void main(String[] args) throws IOException {
        Logger hibernateLog = Logger.getLogger("org.hibernate");
        hibernateLog.setLevel(Level.WARNING);
        hibernateLog.setUseParentHandlers(false);
        Path folder = Path.of(args[0]).getParent();
        watchBuild(folder);
        if (args.length >= 4) {
            warmUp(TargetSettings.of(args[1], args[2], args[3]));
        }
        Thread idle = new Thread(() -> {
            try {
                Thread.sleep(IDLE_SECONDS * 1000L);
                System.exit(0);
            } catch (InterruptedException e) {
                // The request came.
            }
        }, "qalab-worker-idle");
        idle.setDaemon(true);
        idle.start();
        String requestPath = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                StandardCharsets.UTF_8)).readLine();
        idle.interrupt();
        if (requestPath == null || requestPath.isBlank()) {
            // The build went away before it sent a request (it failed early): nothing of this worker stays.
            AtomicFiles.deleteQuietly(folder);
            return;
        }
        Map<String, Object> answer = answer(PlainValues.read(Path.of(requestPath.strip())), hibernateLog);
        // Kept for later builds: it listens before it answers, so that the next build finds it.
        // A failed mapping is not kept: a class whose static initializer failed stays failed in this JVM.
        boolean failed = WorkerServer.failed(answer);
        java.util.Optional<java.nio.channels.ServerSocketChannel> server = args.length >= 6 && !failed
                ? WorkerServer.listen(Path.of(args[4])) : java.util.Optional.empty();
        // From now on the build that started it may end without ending it.
        detached = server.isPresent();
        AtomicFiles.write(Path.of(args[0]), PlainValues.bytes(answer), true);
        if (server.isPresent()) {
            WorkerServer.serve(server.get(), Path.of(args[4]), Integer.parseInt(args[5]), folder,
                    request -> answer(request, hibernateLog));
        }
        // Not kept: end now, even if the project's code left a thread running (the build does not wait for it).
        System.exit(0);
    }

    /**
     * Maps one request: the project's class folders in a new child class loader (so a request sees the classes as
     * they are now, also in a worker that served an earlier build), Hibernate's warnings captured for the answer.
     */
    static Map<String, Object> answer(Map<String, Object> request, Logger hibernateLog) throws IOException {
        Map<String, Object> answer = new LinkedHashMap<>();
        WarningCapture logged = new WarningCapture();
        hibernateLog.addHandler(logged);
        try {
            @SuppressWarnings("unchecked")
            List<String> folders = (List<String>) request.getOrDefault("classFolders", List.of());
            URL[] urls = new URL[folders.size()];
            for (int i = 0; i < urls.length; i++) {
                urls[i] = Path.of(folders.get(i)).toUri().toURL();
            }
            try (URLClassLoader loader = new URLClassLoader("qalab-project-classes", urls,
                    BridgeWorker.class.getClassLoader())) {
                try {
                    loader.loadClass("org.hibernate.boot.MetadataSources");
                } catch (ClassNotFoundException | LinkageError e) {
                    answer.put("missingHibernate", e.toString());
                }
                if (!answer.containsKey("missingHibernate")) {
                    Map<String, Object> bridgeRequest = new LinkedHashMap<>(request);
                    bridgeRequest.remove("classFolders");
                    bridgeRequest.put("classLoader", loader);
                    answer.putAll(new MetadataBridge().apply(bridgeRequest));
                }
            } catch (LinkageError e) {
                answer.put("bridgeError", e.toString());
            }
        } finally {
            hibernateLog.removeHandler(logged);
        }
        answer.put("logged", new ArrayList<>(logged.messages()));
        return answer;
    }

    /**
     * Ends this worker when the build's JVM that started it is gone (killed, or stopped with Ctrl-C), removing the
     * worker's temporary folder, which the build can no longer remove.
     */
    private static void watchBuild(Path folder) {
        java.util.Optional<ProcessHandle> build = ProcessHandle.current().parent();
        if (build.isEmpty()) {
            return;
        }
        Thread watch = new Thread(() -> {
            try {
                while (build.get().isAlive()) {
                    Thread.sleep(500);
                }
            } catch (InterruptedException e) {
                return;
            }
            if (detached) {
                return;
            }
            AtomicFiles.deleteQuietly(folder);
            Runtime.getRuntime().halt(3);
        }, "qalab-worker-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /**
     * Boots Hibernate on no entity for the target database (its dialect, type system and services), so that the real
     * boot finds those classes loaded and initialised. Nothing of it is kept; a failure here is left to the real boot
     * to report.
     */
    private static void warmUp(Map<String, Object> settings) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("classes", List.of());
        request.put("settings", settings);
        request.put("classLoader", BridgeWorker.class.getClassLoader());
        try {
            new MetadataBridge().apply(request);
        } catch (RuntimeException | LinkageError e) {
            // The real boot reports it.
        }
    }
}
