package io.github.qalab.hibernate.bridge;

import io.github.qalab.migration.AtomicFiles;
import io.github.qalab.schema.PlainValues;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Keeps a worker JVM warm for later builds of the same project: after its first answer the worker listens on a
 * Unix-domain socket (in the user's own {@code ~/.cache/qalab/workers}, which only the user can enter) and maps each
 * request that comes, until it has been idle for the keep-alive time, was asked to stop, or served
 * {@value #MAX_REQUESTS} requests. A warm JVM maps 500 entities in about 0.7 s instead of 2-3 s cold
 * (docs/generate-speed.md); as with the Gradle daemon, the price is a process that stays for a few minutes.
 *
 * <p>Protocol, one request per connection, lines in UTF-8: the build sends {@code <request file>\t<answer file>}; the
 * worker maps the request ({@link PlainValues}, as for the first request), writes the answer file whole, and replies
 * {@code ok}. A connection that sends {@code stop} ends the worker; one that sends nothing (a liveness probe) is
 * ignored. A request that kills the JVM (an entity's static code calling {@code System.exit}) closes the connection
 * without a reply: the build then maps in a fresh worker, which reports it.
 */
public final class WorkerServer {

    /** Warm workers kept at most at once; the least recently used ones are asked to stop. */
    public static final int MAX_WARM = 3;

    /** How long one request may map before the worker ends, as a fresh worker's build waits for it (10 minutes). */
    static final long MAX_REQUEST_NANOS = 10L * 60 * 1_000_000_000L;

    /** Requests one worker serves before it ends, so that what each request's class loader leaves behind is bounded. */
    static final int MAX_REQUESTS = 50;

    private WorkerServer() {
    }

    /** Maps one request into its answer. */
    interface Mapper {
        Map<String, Object> map(Map<String, Object> request) throws IOException;
    }

    /**
     * Listens on {@code socket}, taking the place of a worker that died there; empty when another live worker
     * already listens there (or the socket cannot be made): then this worker is not kept.
     */
    static java.util.Optional<ServerSocketChannel> listen(Path socket) {
        try {
            return java.util.Optional.of(bind(socket));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Serves requests on {@code server} (listening on {@code socket}) until idle for {@code idleSeconds}, then exits
     * the JVM and removes the socket and the worker's {@code folder}.
     *
     * <p>One request maps at a time; a build that comes meanwhile is told {@code busy} at once and maps in a fresh
     * worker of its own. When the build that asked goes away before the answer (Ctrl-C, killed), the worker exits:
     * the request may be stuck in the project's own code, which only the end of the JVM stops. A request whose
     * mapping failed ends the worker after its answer, so that a class whose static initializer failed (which the
     * JVM never initialises again) cannot fail the next build; the next build starts a fresh worker.
     */
    static void serve(ServerSocketChannel server, Path socket, int idleSeconds, Path folder, Mapper mapper) {
        // Ended from outside (kill, a shutdown): the socket goes with it, so no build tries it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> forget(socket), "qalab-worker-socket-cleanup"));
        makeRoom(socket.getParent(), socket);
        long idleNanos = idleSeconds * 1_000_000_000L;
        // Busy (serving) from the hand-off of a connection until the serving thread has answered it, not while it
        // collects garbage after; lastActivity is when the serving thread last took or finished one.
        java.util.concurrent.atomic.AtomicBoolean serving = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicLong lastActivity = new java.util.concurrent.atomic.AtomicLong(
                System.nanoTime());
        Thread watchdog = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(Math.min(1000L, Math.max(50L, idleSeconds * 250L)));
                } catch (InterruptedException e) {
                    return;
                }
                long quiet = System.nanoTime() - lastActivity.get();
                // busy this long: stuck in the project's code, with nobody waiting (an abandoned request)
                if (serving.get() ? quiet > MAX_REQUEST_NANOS : quiet > idleNanos) {
                    end(server, socket, folder);
                }
            }
        }, "qalab-worker-keep-alive");
        watchdog.setDaemon(true);
        watchdog.start();
        java.util.concurrent.SynchronousQueue<SocketChannel> handOff = new java.util.concurrent.SynchronousQueue<>();
        Thread acceptor = new Thread(() -> {
            while (true) {
                SocketChannel client;
                try {
                    client = server.accept();
                } catch (IOException e) {
                    return;
                }
                if (!serving.compareAndSet(false, true)) {
                    try (client) {
                        client.write(ByteBuffer.wrap("busy\n".getBytes(StandardCharsets.UTF_8)));
                    } catch (IOException e) {
                        // The build reads no reply and maps in a fresh worker all the same.
                    }
                    continue;
                }
                try {
                    handOff.put(client);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "qalab-worker-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        for (int served = 0; served < MAX_REQUESTS; ) {
            SocketChannel client;
            try {
                client = handOff.take();
            } catch (InterruptedException e) {
                break;
            }
            lastActivity.set(System.nanoTime());
            boolean failed = false;
            try (client) {
                java.io.InputStream in = Channels.newInputStream(client);
                String line = readLine(in);
                if (line == null || line.isBlank()) {
                    continue;
                }
                if (line.strip().equals("stop")) {
                    break;
                }
                String[] files = line.split("\t", 2);
                if (files.length != 2) {
                    continue;
                }
                served++;
                touch(socket);
                java.util.concurrent.atomic.AtomicBoolean answered = new java.util.concurrent.atomic.AtomicBoolean();
                java.util.concurrent.atomic.AtomicBoolean abandoned = new java.util.concurrent.atomic.AtomicBoolean();
                Path requestFile = Path.of(files[0]);
                watchBuildGone(in, answered, abandoned, requestFile.getParent(), server, socket, folder);
                Map<String, Object> request;
                try {
                    request = PlainValues.read(requestFile);
                } catch (java.nio.file.NoSuchFileException gone) {
                    // The build abandoned the request (and removed its folder) before it was read: no failure,
                    // and a build that went away ends this worker through watchBuildGone.
                    continue;
                }
                Files.deleteIfExists(requestFile);
                Map<String, Object> answer = mapper.map(request);
                failed = failed(answer);
                if (!abandoned.get()) {
                    AtomicFiles.write(Path.of(files[1]), PlainValues.bytes(answer), true);
                    answered.set(true);
                    client.write(ByteBuffer.wrap("ok\n".getBytes(StandardCharsets.UTF_8)));
                }
            } catch (IOException | RuntimeException e) {
                // The build sees no "ok" and maps in a fresh worker, which reports what went wrong.
                failed = true;
            } finally {
                lastActivity.set(System.nanoTime());
                serving.set(false);
                // The request's class loader and Hibernate's metamodel are garbage now: give the memory back.
                System.gc();
            }
            if (failed) {
                break;
            }
        }
        end(server, socket, folder);
    }

    /** Whether an answer reports a failed mapping (then the worker that gave it is not kept). */
    static boolean failed(Map<String, Object> answer) {
        return answer.get("error") != null || answer.get("bridgeError") != null
                || answer.get("missingHibernate") != null;
    }

    /** One line of UTF-8 read byte by byte, so that nothing after it is consumed; null at the end of the stream. */
    private static String readLine(java.io.InputStream in) throws IOException {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            if (line.size() > 64 * 1024) {
                throw new IOException("request line too long");
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    /**
     * While a request maps: ends the worker when the build that sent it closes the connection before the answer
     * (it sends nothing more, so a read returns only at the connection's end), removing the build's request folder.
     * A build that no longer needs the answer but is not stuck (it failed early, e.g. on a lint error) sends
     * {@code abandon} first: the worker then finishes the mapping without answering and stays warm.
     */
    private static void watchBuildGone(java.io.InputStream in, java.util.concurrent.atomic.AtomicBoolean answered,
                                       java.util.concurrent.atomic.AtomicBoolean abandoned, Path requestFolder,
                                       ServerSocketChannel server, Path socket, Path folder) {
        Thread watch = new Thread(() -> {
            try {
                if (in.read() == 'a') {
                    abandoned.set(true);
                    return;
                }
            } catch (IOException e) {
                // closed: by this worker after the answer, or by the build
            }
            if (!answered.get()) {
                // the build's own folder for this request, which a killed build cannot remove
                AtomicFiles.deleteQuietly(requestFolder);
                end(server, socket, folder);
            }
        }, "qalab-worker-build-gone");
        watch.setDaemon(true);
        watch.start();
    }

    private static ServerSocketChannel bind(Path socket) throws IOException {
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(address);
            return server;
        } catch (IOException e) {
            if (alive(socket)) {
                server.close();
                throw e;
            }
            // The socket of a worker that died: take its place.
            Files.deleteIfExists(socket);
            try {
                server.bind(address);
                return server;
            } catch (IOException again) {
                server.close();
                throw again;
            }
        }
    }

    /** Whether a worker listens on {@code socket} (a connection that sends nothing, which the worker ignores). */
    public static boolean alive(Path socket) {
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return probe.isConnected();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Asks the least recently used warm workers in {@code registry} other than {@code keep} to stop, so that at most
     * {@value #MAX_WARM} stay (each holds a JVM's memory), and removes sockets nobody listens on. Run by a build
     * before it starts a worker, and by each worker once it listens (builds that start workers at the same time do
     * not see each other's).
     */
    public static void makeRoom(Path registry, Path keep) {
        List<Path> sockets;
        try (java.util.stream.Stream<Path> files = Files.list(registry)) {
            sockets = new ArrayList<>(files.filter(f -> f.getFileName().toString().endsWith(".sock"))
                    .filter(f -> !f.equals(keep)).toList());
        } catch (IOException e) {
            return;
        }
        sockets.sort(Comparator.comparingLong(WorkerServer::modified));
        // the worker about to start, or the one that keeps, is the last of MAX_WARM
        for (int i = 0; i < sockets.size() - (MAX_WARM - 1); i++) {
            stop(sockets.get(i));
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Asks the warm worker on {@code socket} to end (it removes its socket); removes a socket nobody listens on. */
    public static void stop(Path socket) {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            channel.write(ByteBuffer.wrap("stop\n".getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            forget(socket);
        }
    }

    /** Removes a worker's socket file, as far as it can: one left behind is found dead and replaced later. */
    public static void forget(Path socket) {
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            // The next build or worker finds it dead and removes it.
        }
    }

    /** The socket's time is when the worker last served: the build stops the least recently used worker first. */
    private static void touch(Path socket) {
        try {
            Files.setLastModifiedTime(socket, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // Only the order of eviction depends on it.
        }
    }

    private static void end(ServerSocketChannel server, Path socket, Path folder) {
        try {
            server.close();
        } catch (IOException e) {
            // ending anyway
        }
        forget(socket);
        AtomicFiles.deleteQuietly(folder);
        System.exit(0);
    }
}
