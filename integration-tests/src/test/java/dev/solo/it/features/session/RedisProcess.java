package dev.solo.it.features.session;

import dev.solo.it.features.support.Poll;
import dev.solo.it.features.support.Programs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} started by the test on a port of its own, without persistence, with a password (so that it
 * accepts clients from other network namespaces, and so that the client's {@code AUTH} is exercised), and stopped by
 * it: nothing is assumed to run on the machine. Debian's {@code redis-server} package provides it (CI installs it in
 * {@code .ci/run}); a missing one fails the test with the install command.
 */
final class RedisProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    /** The password the test's Redis asks for. */
    static final String PASSWORD = "solo-test-secret";

    private final List<String> prefix;
    private final String host;
    private final int port;
    private final Path logFile;
    private Process process;

    private RedisProcess(List<String> prefix, String host, int port, Path logFile) {
        this.prefix = prefix;
        this.host = host;
        this.port = port;
        this.logFile = logFile;
    }

    /** @return a port free on this host now */
    static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    /**
     * Starts Redis with a command prefix (such as {@code ip netns exec NS}) on a given address.
     *
     * @param prefix the command prefix, or empty
     * @param host the address to bind
     * @param port the port
     * @param logFile where Redis writes its log
     * @return the running server
     * @throws Exception when it does not start
     */
    static RedisProcess startAt(List<String> prefix, String host, int port, Path logFile) throws Exception {
        RedisProcess redis = new RedisProcess(prefix, host, port, logFile);
        redis.restart();
        return redis;
    }

    /** @return e.g. {@code redis://:PASSWORD@127.0.0.1:6379} */
    String url() {
        return "redis://:" + PASSWORD + "@" + host + ":" + port;
    }

    /**
     * Starts the server again on the same port, empty (it keeps nothing on disk).
     *
     * @throws Exception when it does not start
     */
    void restart() throws Exception {
        Path program = Programs.require("redis-server", "redis-server");
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(program.toString(), "--port", Integer.toString(port), "--bind", host,
                "--save", "", "--appendonly", "no", "--requirepass", PASSWORD, "--logfile", logFile.toString()));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Poll.until(START_TIMEOUT, this::answersPing, () -> "redis-server answering PING on " + host + ":" + port);
        } catch (Exception | AssertionError e) {
            stop();
            throw e;
        }
    }

    /**
     * Stops the server (SIGTERM) and waits until it is gone.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Logs in and sends one inline command, and reads the first line of its reply; a plain-socket probe.
     *
     * @param command e.g. {@code DBSIZE}
     * @return the first line of the reply
     * @throws IOException when Redis does not answer
     */
    String command(String command) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write(("AUTH " + PASSWORD + "\r\n" + command + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String auth = line(in);
            if (!auth.equals("+OK")) {
                throw new IOException("AUTH: " + auth);
            }
            return line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private boolean answersPing() {
        try {
            return command("PING").equals("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            // The test is being interrupted: keep the flag for the caller, the process is destroyed anyway.
            Thread.currentThread().interrupt();
        }
    }
}
