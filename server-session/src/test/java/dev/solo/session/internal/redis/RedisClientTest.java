package dev.solo.session.internal.redis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.core.EventLoop;
import dev.solo.core.Server;
import dev.solo.core.spi.ConnectionHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client on a real loop: against a real {@code redis-server} started by the test (Debian's package; missing, the
 * test fails with the install command), and against a server that accepts and never answers.
 */
class RedisClientTest {

    private static final RedisClient.Settings FAST = new RedisClient.Settings(500, 300, 1000, 1 << 20);

    private final List<AutoCloseable> cleanup = new ArrayList<>();
    private Server server;
    private Thread loopThread;

    @AfterEach
    void stop() throws Exception {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).close();
        }
        if (server != null) {
            server.shutdown(Duration.ofMillis(100));
            loopThread.join(5_000);
        }
    }

    private EventLoop loop() throws Exception {
        // A loop needs a listener; this one closes whatever connects.
        server = Server.create(b -> b.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                transport -> new ConnectionHandler() {
                    @Override
                    public void onReadable() {
                    }

                    @Override
                    public void onWritable() {
                    }

                    @Override
                    public void onClosed() {
                    }

                    @Override
                    public void onShutdown() {
                    }
                }));
        server.start();
        loopThread = new Thread(server::run, "redis-client-test-loop");
        loopThread.start();
        return server.loop();
    }

    /** Runs on the loop and hands back what it returns. */
    private <T> T onLoop(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        server.loop().execute(() -> result.complete(work.get()));
        return result.get(5, TimeUnit.SECONDS);
    }

    private RedisClient client(String url, int port, RedisClient.Settings settings) throws Exception {
        RedisClient client = new RedisClient(RedisAddress.parse(url),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port), settings);
        EventLoop loop = server == null ? loop() : server.loop();
        onLoop(() -> {
            client.start(loop);
            return null;
        });
        cleanup.add(() -> onLoop(() -> {
            client.stop();
            return null;
        }));
        return client;
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    private int startRedis(String password) throws Exception {
        RedisServerProcess redis = RedisServerProcess.start("--requirepass", password);
        cleanup.add(redis);
        return redis.port();
    }

    /** Accepts connections and never answers; hands each one over as it comes. */
    private BlockingQueue<Socket> silentServer(ServerSocket listener) {
        BlockingQueue<Socket> accepted = new LinkedBlockingQueue<>();
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    accepted.add(listener.accept());
                }
            } catch (IOException e) {
                // closed at the end of the test
            }
        }, "silent-redis");
        acceptor.setDaemon(true);
        acceptor.start();
        cleanup.add(listener);
        return accepted;
    }

    @Test
    void pipelinesCommandsAndAnswersEachInOrderAfterLoggingIn() throws Exception {
        int port = startRedis("pw");
        RedisClient client = client("redis://:pw@127.0.0.1:" + port + "/1", port, FAST);

        List<CompletableFuture<Object>> replies = onLoop(() -> {
            List<CompletableFuture<Object>> sent = new ArrayList<>();
            // All written before the first answer can arrive: the loop does not turn while this runs.
            for (int i = 0; i < 200; i++) {
                sent.add(client.send("SET", "k" + i, "value " + i));
                sent.add(client.send("GET", "k" + i));
            }
            sent.add(client.send("DBSIZE"));
            return sent;
        });

        for (int i = 0; i < 200; i++) {
            assertEquals("OK", replies.get(2 * i).get(5, TimeUnit.SECONDS));
            assertArrayEquals(("value " + i).getBytes(StandardCharsets.UTF_8),
                    (byte[]) replies.get(2 * i + 1).get(5, TimeUnit.SECONDS));
        }
        assertEquals(200L, replies.get(400).get(5, TimeUnit.SECONDS));
        assertTrue(onLoop(client::isAvailable));
    }

    @Test
    void aWrongPasswordFailsTheCommandsAndMakesTheServerUnavailable() throws Exception {
        int port = startRedis("right");
        RedisClient client = client("redis://:wrong@127.0.0.1:" + port, port, FAST);

        CompletableFuture<Object> reply = onLoop(() -> client.send("PING"));

        ExecutionException failure = assertThrows(ExecutionException.class, () -> reply.get(5, TimeUnit.SECONDS));
        assertTrue(failure.getCause() instanceof RedisException, failure.toString());
    }

    @Test
    void aCommandWithoutAnAnswerFailsAtItsTimeoutAndTheClientConnectsAgain() throws Exception {
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        BlockingQueue<Socket> accepted = silentServer(listener);
        int port = listener.getLocalPort();
        RedisClient client = client("redis://127.0.0.1:" + port, port, FAST);

        CompletableFuture<Object> reply = onLoop(() -> client.send("PING"));

        ExecutionException failure = assertThrows(ExecutionException.class, () -> reply.get(5, TimeUnit.SECONDS));
        assertTrue(failure.getCause().getMessage().contains("no answer within 300 ms"), failure.toString());
        assertFalse(onLoop(client::isAvailable), "a stuck server counts as down");
        assertTrue(accepted.poll(5, TimeUnit.SECONDS) != null, "the first connection");
        assertTrue(accepted.poll(5, TimeUnit.SECONDS) != null, "a second connection after the back-off");
    }

    @Test
    void theQueueOfPendingCommandsIsBounded() throws Exception {
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        silentServer(listener);
        int port = listener.getLocalPort();
        RedisClient client = client("redis://127.0.0.1:" + port, port, new RedisClient.Settings(500, 5000, 3, 1024));

        List<CompletableFuture<Object>> replies = onLoop(() -> List.of(client.send("PING"), client.send("PING"),
                client.send("PING"), client.send("PING")));

        assertFalse(replies.get(2).isDone(), "three may wait");
        assertTrue(replies.get(3).isCompletedExceptionally(), "the fourth fails at once");
        ExecutionException failure = assertThrows(ExecutionException.class, () -> replies.get(3).get());
        assertTrue(failure.getCause().getMessage().contains("more than 3 commands pending"), failure.toString());
    }

    @Test
    void whileTheServerIsDownCommandsFailAtOnce() throws Exception {
        int port = freePort();
        RedisClient client = client("redis://127.0.0.1:" + port, port, FAST);
        CompletableFuture<Object> first = onLoop(() -> client.send("PING"));
        assertThrows(ExecutionException.class, () -> first.get(5, TimeUnit.SECONDS));

        CompletableFuture<Object> later = onLoop(() -> client.send("PING"));

        assertTrue(later.isCompletedExceptionally(), "refused without waiting for a timeout");
        assertFalse(onLoop(client::isAvailable));
    }
}
