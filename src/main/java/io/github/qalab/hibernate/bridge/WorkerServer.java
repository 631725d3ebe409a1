package io.github.qalab.hibernate.bridge;

import io.github.qalab.migration.AtomicFiles;
import io.github.qalab.schema.PlainValues;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
     */
    static void serve(ServerSocketChannel server, Path socket, int idleSeconds, Path folder, Mapper mapper) {
        long idleNanos = idleSeconds * 1_000_000_000L;
        long[] lastActivity = {System.nanoTime()};
        boolean[] busy = {false};
        Object lock = new Object();
        Thread watchdog = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(Math.min(1000L, Math.max(50L, idleSeconds * 250L)));
                } catch (InterruptedException e) {
                    return;
                }
                synchronized (lock) {
                    if (!busy[0] && System.nanoTime() - lastActivity[0] > idleNanos) {
                        end(server, socket, folder);
                    }
                }
            }
        }, "qalab-worker-keep-alive");
        watchdog.setDaemon(true);
        watchdog.start();
        for (int served = 0; served < MAX_REQUESTS; ) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (IOException e) {
                break;
            }
            synchronized (lock) {
                busy[0] = true;
            }
            try (client) {
                String line = new BufferedReader(new InputStreamReader(Channels.newInputStream(client),
                        StandardCharsets.UTF_8)).readLine();
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
                Map<String, Object> answer = mapper.map(PlainValues.read(Path.of(files[0])));
                AtomicFiles.write(Path.of(files[1]), PlainValues.bytes(answer), true);
                client.write(ByteBuffer.wrap("ok\n".getBytes(StandardCharsets.UTF_8)));
            } catch (IOException | RuntimeException e) {
                // The build sees no "ok" and maps in a fresh worker, which reports what went wrong.
            } finally {
                synchronized (lock) {
                    busy[0] = false;
                    lastActivity[0] = System.nanoTime();
                }
                // The request's class loader and Hibernate's metamodel are garbage now: give the memory back.
                System.gc();
            }
        }
        end(server, socket, folder);
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
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            // A socket file left behind is found dead and replaced by the next worker.
        }
        AtomicFiles.deleteQuietly(folder);
        System.exit(0);
    }
}
