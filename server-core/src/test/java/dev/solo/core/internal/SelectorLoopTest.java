package dev.solo.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.core.BindFailure;
import dev.solo.core.Server;
import dev.solo.core.Transport;
import dev.solo.core.spi.ConnectionHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SelectorLoopTest {

    private Server server;
    private Thread loopThread;

    /** Echoes every byte back, upper-cased; closes when the peer does. */
    private static final class Echo implements ConnectionHandler {
        private final Transport transport;
        private final ByteBuffer buffer = ByteBuffer.allocate(256);

        Echo(Transport transport) {
            this.transport = transport;
            transport.interest(true, false);
        }

        @Override
        public void onReadable() {
            try {
                int n = transport.read(buffer);
                if (n < 0) {
                    transport.close();
                    return;
                }
                buffer.flip();
                for (int i = buffer.position(); i < buffer.limit(); i++) {
                    buffer.put(i, (byte) Character.toUpperCase(buffer.get(i)));
                }
                transport.interest(false, true);
            } catch (IOException e) {
                transport.close();
            }
        }

        @Override
        public void onWritable() {
            try {
                transport.write(new ByteBuffer[] {buffer}, 0, 1);
                if (!buffer.hasRemaining()) {
                    buffer.clear();
                    transport.interest(true, false);
                }
            } catch (IOException e) {
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

    private void startEcho(int maxConnections) throws BindFailure {
        server = Server.create(b -> b.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Echo::new)
                .maxConnections(maxConnections));
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

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.boundAddresses().get(0).getPort());
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static String roundTrip(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        byte[] reply = in.readNBytes(text.length());
        return new String(reply, StandardCharsets.US_ASCII);
    }

    /** End of stream, or a reset when the server closed with our bytes unread: either way, closed. */
    private static void assertClosed(Socket socket) throws IOException {
        try {
            assertEquals(-1, socket.getInputStream().read(), "the connection that met the error is closed");
        } catch (java.net.SocketException e) {
            assertTrue(e.getMessage().contains("reset"), e.toString());
        }
    }

    @Test
    void servesSeveralClientsOnOneThread() throws Exception {
        startEcho(100);
        try (Socket a = connect(); Socket b = connect()) {
            assertEquals("HELLO", roundTrip(a, "hello"));
            assertEquals("WORLD", roundTrip(b, "world"));
            assertEquals("AGAIN", roundTrip(a, "again"));
        }
    }

    @Test
    void runsTasksSubmittedFromOtherThreadsOnTheLoop() throws Exception {
        startEcho(10);
        CompletableFuture<Boolean> onLoop = new CompletableFuture<>();
        server.loop().execute(() -> onLoop.complete(server.loop().inEventLoop()));
        assertTrue(onLoop.get(5, TimeUnit.SECONDS));
        assertFalse(server.loop().inEventLoop());
    }

    @Test
    void firesTimersFromTheLoop() throws Exception {
        startEcho(10);
        CompletableFuture<Long> fired = new CompletableFuture<>();
        server.loop().execute(() -> {
            long start = server.loop().now();
            server.loop().schedule(30, () -> fired.complete(server.loop().now() - start));
        });
        assertTrue(fired.get(5, TimeUnit.SECONDS) >= 30);
    }

    @Test
    void holdsNewConnectionsBackAtTheLimitAndServesThemWhenASlotFrees() throws Exception {
        startEcho(1);
        Socket first = connect();
        assertEquals("ONE", roundTrip(first, "one"));
        try (Socket second = connect()) {
            second.getOutputStream().write("two".getBytes(StandardCharsets.US_ASCII));
            first.close();
            assertEquals("TWO", new String(second.getInputStream().readNBytes(3), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void reportsAnAddressInUseWithTheListenerOrigin() throws Exception {
        startEcho(10);
        InetSocketAddress taken = server.boundAddresses().get(0);
        Server second = Server.create(b -> b.listen(new dev.solo.core.Listener(taken, Echo::new, "test.conf:3:5")));
        BindFailure failure = assertThrows(BindFailure.class, second::start);
        assertTrue(failure.getMessage().startsWith("test.conf:3:5: cannot listen on 127.0.0.1:" + taken.getPort()),
                failure.getMessage());
    }

    @Test
    void aConnectionThatRunsOutOfMemoryWhileOpeningIsClosedAndTheLoopGoesOn() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        server = Server.create(b -> b.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), transport -> {
            if (opened.incrementAndGet() == 1) {
                throw new OutOfMemoryError("test: no heap for this connection");
            }
            return new Echo(transport);
        }));
        server.start();
        loopThread = new Thread(server::run, "test-loop");
        loopThread.start();
        try (Socket refused = connect()) {
            assertClosed(refused);
        }
        try (Socket next = connect()) {
            assertEquals("STILL HERE", roundTrip(next, "still here"));
        }
        assertTrue(loopThread.isAlive());
    }

    @Test
    void aHandlerThatRunsOutOfMemoryLosesItsConnectionOnly() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        server = Server.create(b -> b.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), transport -> {
            if (opened.incrementAndGet() > 1) {
                return new Echo(transport);
            }
            transport.interest(true, false);
            return new ConnectionHandler() {
                @Override
                public void onReadable() {
                    throw new OutOfMemoryError("test: no heap for this request");
                }

                @Override
                public void onWritable() {
                }

                @Override
                public void onClosed() {
                }

                @Override
                public void onShutdown() {
                    transport.close();
                }
            };
        }));
        server.start();
        loopThread = new Thread(server::run, "test-loop");
        loopThread.start();
        try (Socket victim = connect(); Socket other = connect()) {
            victim.getOutputStream().write('x');
            assertClosed(victim);
            assertEquals("OTHER", roundTrip(other, "other"));
        }
        assertTrue(loopThread.isAlive());
    }

    @Test
    void shutdownClosesConnectionsAndEndsRun() throws Exception {
        startEcho(10);
        try (Socket client = connect()) {
            assertEquals("X", roundTrip(client, "x"));
            server.shutdown(Duration.ofMillis(100));
            loopThread.join(5_000);
            assertFalse(loopThread.isAlive());
            assertEquals(-1, client.getInputStream().read());
        }
        server = null;
    }

    /** An outgoing connection that sends one text when connected and completes with what comes back. */
    private static final class Caller implements ConnectionHandler {
        private final Transport transport;
        private final ByteBuffer out;
        private final ByteBuffer in = ByteBuffer.allocate(64);
        private final CompletableFuture<String> reply;

        Caller(Transport transport, String text, CompletableFuture<String> reply) {
            this.transport = transport;
            this.out = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
            this.reply = reply;
        }

        @Override
        public void onConnected() {
            transport.interest(true, true);
        }

        @Override
        public void onReadable() {
            try {
                if (transport.read(in) < 0 || in.position() >= out.capacity()) {
                    reply.complete(new String(in.array(), 0, in.position(), StandardCharsets.US_ASCII));
                    transport.close();
                }
            } catch (IOException e) {
                reply.completeExceptionally(e);
                transport.close();
            }
        }

        @Override
        public void onWritable() {
            try {
                transport.write(new ByteBuffer[] {out}, 0, 1);
                transport.interest(true, out.hasRemaining());
            } catch (IOException e) {
                transport.close();
            }
        }

        @Override
        public void onClosed() {
            reply.completeExceptionally(new IOException("closed"));
        }

        @Override
        public void onShutdown() {
            transport.close();
        }
    }

    @Test
    void opensAnOutgoingConnectionOnTheLoopWithoutBlocking() throws Exception {
        startEcho(10);
        CompletableFuture<String> reply = new CompletableFuture<>();
        server.loop().execute(() -> {
            try {
                server.loop().connect(server.boundAddresses().get(0), t -> new Caller(t, "ping", reply));
            } catch (IOException e) {
                reply.completeExceptionally(e);
            }
        });
        assertEquals("PING", reply.get(5, TimeUnit.SECONDS));
    }

    @Test
    void anOutgoingConnectionThatIsRefusedClosesItsHandler() throws Exception {
        int closedPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        startEcho(10);
        CompletableFuture<String> reply = new CompletableFuture<>();
        InetSocketAddress nobody = new InetSocketAddress(InetAddress.getLoopbackAddress(), closedPort);
        server.loop().execute(() -> {
            try {
                server.loop().connect(nobody, t -> new Caller(t, "ping", reply));
            } catch (IOException e) {
                reply.completeExceptionally(e);
            }
        });
        java.util.concurrent.ExecutionException failure = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> reply.get(5, TimeUnit.SECONDS));
        assertTrue(failure.getCause() instanceof IOException, failure.toString());
    }
}
