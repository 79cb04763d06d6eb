package dev.solo.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.core.BindFailure;
import dev.solo.core.Listener;
import dev.solo.core.ListenerChanges;
import dev.solo.core.Server;
import dev.solo.core.Transport;
import dev.solo.core.spi.ConnectionFactory;
import dev.solo.core.spi.ConnectionHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reload's listener swap, and SO_REUSEPORT, seen from clients that connect and read a greeting. */
class RebindingTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private Server server;
    private Thread loopThread;

    /** Writes its word and closes: which protocol served a connection shows in what the client reads. */
    private static ConnectionFactory greeting(String word) {
        return transport -> new Greeter(transport, word);
    }

    private static final class Greeter implements ConnectionHandler {
        private final Transport transport;
        private final ByteBuffer word;

        Greeter(Transport transport, String word) {
            this.transport = transport;
            this.word = ByteBuffer.wrap(word.getBytes(StandardCharsets.US_ASCII));
            transport.interest(false, true);
        }

        @Override
        public void onReadable() {
        }

        @Override
        public void onWritable() {
            try {
                transport.write(new ByteBuffer[] {word}, 0, 1);
            } catch (IOException e) {
                transport.close();
                return;
            }
            if (!word.hasRemaining()) {
                transport.close();
            }
        }

        @Override
        public void onClosed() {
        }

        @Override
        public void onShutdown() {
            transport.close();
        }
    }

    private static Listener listener(int port, String word, boolean reusePort) {
        return new Listener(new InetSocketAddress(LOOPBACK, port), greeting(word), "test:" + port, reusePort);
    }

    private void start(List<Listener> listeners) throws BindFailure {
        server = Server.create(b -> listeners.forEach(b::listen));
        server.start();
        loopThread = new Thread(server::run, "test-loop");
        loopThread.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.shutdown(Duration.ofMillis(200));
            loopThread.join(5_000);
            assertFalse(loopThread.isAlive(), "the loop did not stop");
        }
    }

    private static String greetingAt(int port) throws IOException {
        try (Socket socket = new Socket(LOOPBACK, port)) {
            socket.setSoTimeout(5_000);
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private ListenerChanges rebind(List<Listener> next) throws Exception {
        CompletableFuture<ListenerChanges> result = new CompletableFuture<>();
        server.loop().execute(() -> {
            try {
                result.complete(server.rebind(next, 100));
            } catch (BindFailure | RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(5, TimeUnit.SECONDS);
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, LOOPBACK)) {
            return probe.getLocalPort();
        }
    }

    @Test
    void keepsTheSocketOfAStayingAddressAndServesNewConnectionsWithTheNewProtocol() throws Exception {
        start(List.of(listener(0, "old", false)));
        int port = server.boundAddresses().get(0).getPort();
        assertEquals("old", greetingAt(port));
        // A client that connected before the swap and is not yet accepted waits in the same kernel queue.
        ListenerChanges changes = rebind(List.of(listener(0, "new", false)));
        assertEquals(List.of(new InetSocketAddress(LOOPBACK, port)), changes.kept());
        assertTrue(changes.added().isEmpty() && changes.removed().isEmpty(), changes.toString());
        assertEquals("new", greetingAt(port));
        assertEquals(List.of(new InetSocketAddress(LOOPBACK, port)), server.boundAddresses());
    }

    @Test
    void bindsNewAddressesAndClosesRemovedOnes() throws Exception {
        int gone = freePort();
        start(List.of(listener(0, "kept", false), listener(gone, "gone", false)));
        int kept = server.boundAddresses().get(0).getPort();
        int added = freePort();
        ListenerChanges changes = rebind(List.of(listener(added, "added", false), listener(0, "kept2", false)));
        assertEquals(List.of(new InetSocketAddress(LOOPBACK, added)), changes.added());
        assertEquals(List.of(new InetSocketAddress(LOOPBACK, gone)), changes.removed());
        assertEquals("added", greetingAt(added));
        assertEquals("kept2", greetingAt(kept));
        // Refused, or reset if the connection reached the socket in the moment before the loop's next select closed it.
        assertThrows(IOException.class, () -> greetingAt(gone));
        assertEquals(List.of(new InetSocketAddress(LOOPBACK, added), new InetSocketAddress(LOOPBACK, kept)),
                server.boundAddresses());
    }

    @Test
    void changesNothingWhenANewAddressCannotBeBound() throws Exception {
        start(List.of(listener(0, "old", false)));
        int port = server.boundAddresses().get(0).getPort();
        int free = freePort();
        try (ServerSocket taken = new ServerSocket(0, 1, LOOPBACK)) {
            Exception failure = assertThrows(Exception.class, () -> rebind(List.of(listener(0, "new", false),
                    listener(free, "free", false), listener(taken.getLocalPort(), "taken", false))));
            assertTrue(failure.getCause() instanceof BindFailure, failure.toString());
        }
        assertEquals("old", greetingAt(port));
        assertThrows(IOException.class, () -> greetingAt(free));
    }

    @Test
    void letsTwoServersShareAnAddressOnlyWithReusePort() throws Exception {
        start(List.of(listener(0, "first", true)));
        int port = server.boundAddresses().get(0).getPort();
        Server plain = Server.create(b -> b.listen(listener(port, "plain", false)));
        assertThrows(BindFailure.class, plain::start);
        Server second = Server.create(b -> b.listen(listener(port, "second", true)));
        second.start();
        Thread secondLoop = new Thread(second::run, "test-loop-2");
        secondLoop.start();
        try {
            // The kernel spreads connections by a hash of the client's port: enough of them reach both servers.
            boolean sawFirst = false;
            boolean sawSecond = false;
            for (int i = 0; i < 200 && !(sawFirst && sawSecond); i++) {
                String word = greetingAt(port);
                sawFirst |= word.equals("first");
                sawSecond |= word.equals("second");
            }
            assertTrue(sawFirst && sawSecond, "first " + sawFirst + ", second " + sawSecond);
        } finally {
            second.shutdown(Duration.ofMillis(100));
            secondLoop.join(5_000);
        }
    }
}
