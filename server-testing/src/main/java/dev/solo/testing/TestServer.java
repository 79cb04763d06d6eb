package dev.solo.testing;

import dev.solo.app.ServerSpec;
import dev.solo.app.Solo;
import dev.solo.app.SoloBuilder;
import dev.solo.config.ConfigException;
import dev.solo.core.BindFailure;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A server built in code and serving on a thread of its own, for a test: start it, talk to it, close it (which stops
 * it and waits for its loop to end, failing if the loop failed).
 */
public final class TestServer implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Solo.SHUTDOWN_GRACE.plusSeconds(5);

    private final Solo solo;
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private TestServer(Solo solo) {
        this.solo = solo;
        // The test's own thread drives the client, so the server's one loop thread runs beside it, as in production.
        this.thread = new Thread(this::serve, "solo-test-server");
        this.thread.setDaemon(true); // a test that forgets close() must not keep the JVM alive
    }

    /**
     * One server on {@code 127.0.0.1}, on a free port.
     *
     * @param server the server's settings and locations
     * @return the running server
     * @throws ConfigException when the settings are wrong, naming each builder call
     * @throws BindFailure when no port could be bound
     */
    public static TestServer start(Consumer<ServerSpec> server) throws ConfigException, BindFailure {
        return start(Solo.builder().listen("127.0.0.1", 0).server(server));
    }

    /**
     * Any built server: let it listen on port 0 so that tests never collide.
     *
     * @param builder the server
     * @return the running server
     * @throws ConfigException when the settings are wrong
     * @throws BindFailure when an address could not be bound
     */
    public static TestServer start(SoloBuilder builder) throws ConfigException, BindFailure {
        Solo solo = builder.build();
        solo.start();
        TestServer server = new TestServer(solo);
        server.thread.start();
        return server;
    }

    private void serve() {
        try {
            solo.run();
        } catch (Throwable t) {
            failure.set(t);
        }
    }

    /** @return the server itself */
    public Solo solo() {
        return solo;
    }

    /** @return the first bound address */
    public InetSocketAddress address() {
        return solo.addresses().get(0);
    }

    /**
     * @param path an absolute path, with its query if any
     * @return {@code http://127.0.0.1:PORT/path}, for {@code java.net.http} or {@code URL} clients
     */
    public URI uri(String path) {
        InetSocketAddress address = address();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + path);
    }

    /**
     * @return a new connection to the first address
     * @throws IOException when it cannot connect
     */
    public RawClient connect() throws IOException {
        return RawClient.connect(address());
    }

    /**
     * Sends one request on a new connection and reads one response.
     *
     * @param request the bytes of the request, as ISO-8859-1 text ({@code \r\n} line ends)
     * @return the response
     * @throws IOException when the connection fails or the response is cut
     */
    public RawResponse request(String request) throws IOException {
        try (RawClient client = connect()) {
            client.send(request);
            return client.read();
        }
    }

    /**
     * Stops the server and waits for its loop to end.
     *
     * @throws AssertionError when the loop failed or did not end in time
     */
    @Override
    public void close() {
        solo.stop();
        try {
            thread.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            throw new AssertionError("the server did not stop within " + STOP_TIMEOUT);
        }
        if (failure.get() != null) {
            throw new AssertionError("the server's loop failed", failure.get());
        }
    }
}
