package dev.solo.session.internal.redis;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} of a test's own, on a free loopback port, without persistence, stopped by {@link #close()}:
 * nothing is assumed to run on the machine. Debian's {@code redis-server} package provides the program (CI installs
 * it in {@code .ci/run}); without it the test fails with the install command.
 *
 * <p>Public because the store's tests, in the sibling package, start one too.
 */
public final class RedisServerProcess implements AutoCloseable {

    private static final Path PROGRAM = Path.of("/usr/bin/redis-server");
    private static final long START_TIMEOUT_SECONDS = 10;

    private final Process process;
    private final int port;

    private RedisServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts a server and returns once it accepts connections.
     *
     * @param options more {@code redis-server} options, e.g. {@code "--requirepass", "secret"}
     * @return the running server
     * @throws IOException when the program cannot be started
     * @throws InterruptedException if interrupted while waiting for it
     * @throws AssertionError when the program is missing or does not listen within 10 seconds
     */
    public static RedisServerProcess start(String... options) throws IOException, InterruptedException {
        if (!Files.isExecutable(PROGRAM)) {
            throw new AssertionError("redis-server is missing, and this test needs it: apt-get install redis-server");
        }
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(PROGRAM.toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        RedisServerProcess redis = new RedisServerProcess(process, port);
        try {
            redis.awaitListening();
        } catch (InterruptedException | AssertionError e) {
            redis.close();
            throw e;
        }
        return redis;
    }

    /** @return the port it listens on, on 127.0.0.1 */
    public int port() {
        return port;
    }

    /** @return {@code redis://127.0.0.1:PORT}, for a server started without a password */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** @return its address, for {@link RedisClient}'s constructor */
    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    private void awaitListening() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        while (true) {
            try (Socket probe = new Socket()) {
                probe.connect(address());
                return;
            } catch (IOException e) {
                if (!process.isAlive()) {
                    throw new AssertionError("redis-server exited with status " + process.exitValue(), e);
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("redis-server did not start on port " + port, e);
                }
                // Waiting for another process to listen: a bounded wait between attempts, which ends early if it
                // exits.
                process.waitFor(20, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Stops the server (SIGTERM, then SIGKILL if it lingers) and waits until it is gone. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            // The test is being interrupted: keep the flag for the caller; the process is signalled anyway.
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
