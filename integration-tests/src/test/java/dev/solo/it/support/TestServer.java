package dev.solo.it.support;

import dev.solo.app.Solo;
import dev.solo.config.ConfigException;
import dev.solo.core.BindFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The real server on loopback for one test: a config text written to a temp file, {@link Solo#configure},
 * {@link Solo#start()}, and {@link Solo#run()} on a thread of its own.
 *
 * <p>Use {@code listen 127.0.0.1:0;} so the system picks a free port, then {@link #port()} or {@link #uri(String)}.
 * Distinct loopback addresses ({@code 127.0.0.2:0}) give distinct bindings when a test needs several.
 *
 * <pre>{@code
 * try (TestServer server = TestServer.start("""
 *         server { listen 127.0.0.1:0; root {root}; }
 *         """, Map.of("root", site))) {
 *     assertEquals(200, Http.get(server.uri("/")).statusCode());
 * }
 * }</pre>
 *
 * <p>A config the server rejects throws the {@link ConfigException} itself, whose message lists every error as
 * {@code file:line:col: message}; an address in use throws {@link BindFailure}. Either way no thread is left behind.
 * {@link #close()} stops the server, waits (bounded) for its loop to end and fails if it did not, or if it died of
 * an exception.
 */
public final class TestServer implements AutoCloseable {

    /** Longer than the server's shutdown grace, so a slow but correct stop never fails the test. */
    private static final Duration STOP_TIMEOUT = Solo.SHUTDOWN_GRACE.plusSeconds(5);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Solo solo;
    private final Transport transport;
    private final Path configFile;
    private final Path ownedDirectory;
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private boolean closed;

    private TestServer(Solo solo, Transport transport, Path configFile, Path ownedDirectory) {
        this.solo = solo;
        this.transport = transport;
        this.configFile = configFile;
        this.ownedDirectory = ownedDirectory;
        this.thread = new Thread(this::runLoop, "solo-it-server-" + THREADS.incrementAndGet());
        this.thread.setDaemon(true); // a test that forgets close() must not keep the JVM alive
    }

    /**
     * Writes the config (placeholders replaced, see {@link ConfigText}) into a fresh temp directory, which is deleted
     * again on {@link #close()}, and starts the server.
     *
     * @param config config text
     * @param values placeholder values, e.g. {@code Map.of("root", site)}
     * @return the running server
     * @throws ConfigException when the server rejects the config
     * @throws BindFailure when an address cannot be bound
     * @throws IOException when the config file cannot be written
     */
    public static TestServer start(String config, Map<String, ?> values) throws ConfigException, IOException {
        return start(Transport.PLAIN, config, values);
    }

    /**
     * @param transport plain or TLS
     * @param config config text without placeholders
     * @return the running server
     * @throws ConfigException when the server rejects the config
     * @throws IOException when the config cannot be written or an address cannot be bound
     */
    public static TestServer start(Transport transport, String config) throws ConfigException, IOException {
        return start(transport, config, Map.of());
    }

    /**
     * Like {@link #start(String, Map)}, over a transport: for {@link Transport#TLS} every listen gets {@code ssl}
     * and the test certificate, and {@link #connect()}, {@link #uri(String)} speak TLS.
     *
     * @param transport plain or TLS
     * @param config config text
     * @param values placeholder values, e.g. {@code Map.of("root", site)}
     * @return the running server
     * @throws ConfigException when the server rejects the config
     * @throws BindFailure when an address cannot be bound
     * @throws IOException when the config file cannot be written
     */
    public static TestServer start(Transport transport, String config, Map<String, ?> values)
            throws ConfigException, IOException {
        Path directory = Files.createTempDirectory("solo-it-");
        try {
            String text = transport.config(ConfigText.render(config, values));
            return start(transport, ConfigText.write(directory, text, Map.of()), directory);
        } catch (ConfigException | IOException | RuntimeException e) {
            deleteTree(directory);
            throw e;
        }
    }

    /**
     * @param config config text without placeholders
     * @return the running server
     * @throws ConfigException when the server rejects the config
     * @throws IOException when the config cannot be written or an address cannot be bound
     */
    public static TestServer start(String config) throws ConfigException, IOException {
        return start(config, Map.of());
    }

    /**
     * Starts the server from an existing config file, which stays where it is.
     *
     * @param configFile the file
     * @return the running server
     * @throws ConfigException when the server rejects the config
     * @throws BindFailure when an address cannot be bound
     */
    public static TestServer startFile(Path configFile) throws ConfigException, BindFailure {
        return start(Transport.PLAIN, configFile, null);
    }

    private static TestServer start(Transport transport, Path configFile, Path ownedDirectory)
            throws ConfigException, BindFailure {
        Solo solo = Solo.configure(configFile);
        solo.start();
        TestServer server = new TestServer(solo, transport, configFile, ownedDirectory);
        server.thread.start();
        return server;
    }

    private void runLoop() {
        try {
            solo.run();
        } catch (Throwable t) {
            failure.set(t);
        }
    }

    /** @return the configured server, e.g. for {@link Solo#openConnections()} */
    public Solo solo() {
        return solo;
    }

    /** @return how clients reach this server */
    public Transport transport() {
        return transport;
    }

    /** @return the config file the server read */
    public Path configFile() {
        return configFile;
    }

    /** @return the thread that runs the loop */
    public Thread thread() {
        return thread;
    }

    /** @return the bound addresses, in config order */
    public List<InetSocketAddress> addresses() {
        return solo.addresses();
    }

    /**
     * @param index which binding, in config order
     * @return its address, with the port the system picked
     */
    public InetSocketAddress address(int index) {
        return solo.addresses().get(index);
    }

    /** @return the port of the first binding */
    public int port() {
        return port(0);
    }

    /**
     * @param index which binding, in config order
     * @return its port
     */
    public int port(int index) {
        return address(index).getPort();
    }

    /**
     * @param path an origin-form target, e.g. {@code /a.txt?x=1}
     * @return {@code http://ADDRESS:PORT/path} on the first binding ({@code https} over TLS)
     */
    public URI uri(String path) {
        return uri(0, path);
    }

    /**
     * @param index which binding
     * @param path an origin-form target
     * @return the URI on that binding
     */
    public URI uri(int index, String path) {
        InetSocketAddress address = address(index);
        return URI.create(transport.scheme() + "://" + address.getAddress().getHostAddress() + ":" + address.getPort()
                + path);
    }

    /**
     * @return a raw client connected to the first binding
     * @throws IOException when the connection fails
     */
    public RawClient connect() throws IOException {
        return connect(0);
    }

    /**
     * @param index which binding
     * @return a raw client connected to it
     * @throws IOException when the connection fails
     */
    public RawClient connect(int index) throws IOException {
        return connect(index, null);
    }

    /**
     * @param index which binding
     * @param serverName over TLS, the SNI name to send (null for none); ignored over plain TCP
     * @return a raw client connected to it
     * @throws IOException when the connection or the handshake fails
     */
    public RawClient connect(int index, String serverName) throws IOException {
        return transport == Transport.TLS ? RawClient.connectTls(address(index), serverName)
                : RawClient.connect(address(index));
    }

    /**
     * @param path an origin-form target
     * @return the response to a GET through the JDK client, body as text
     * @throws IOException when the exchange fails
     * @throws InterruptedException when interrupted
     */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return Http.get(uri(path));
    }

    /**
     * Stops the server, waits for its loop to end, and fails if it did not end in time or ended with an exception.
     * (No checked exception: an {@code AutoCloseable} whose close throws {@code InterruptedException} is a lint
     * warning in every try-with-resources.)
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            solo.stop();
            try {
                thread.join(STOP_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the server to stop", e);
            }
            if (thread.isAlive()) {
                throw new AssertionError("the server loop did not end within " + STOP_TIMEOUT + " of stop()");
            }
            Throwable died = failure.get();
            if (died != null) {
                throw new AssertionError("the server loop ended with an exception", died);
            }
        } finally {
            if (ownedDirectory != null) {
                deleteTree(ownedDirectory);
            }
        }
    }

    private static void deleteTree(Path directory) {
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }
}
