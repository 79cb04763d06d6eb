package dev.solo.it.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.it.support.RawClient;
import dev.solo.it.support.RawResponse;
import dev.solo.it.support.SiteFiles;
import dev.solo.it.support.TestServer;
import dev.solo.it.support.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Clients that stall, drip or stop reading are cut off by the timeouts, and never keep the server from answering
 * everyone else; resources come back afterwards.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Transport.class)
class HostileClientsTest {

    /** Plain TCP or TLS: every test here runs over both. */
    @Parameter
    Transport transport;

    private static final String CONFIG = """
            server {
                listen 127.0.0.1:0;
                root {root};
                client_header_timeout 2s;
                client_body_timeout 1s;
                send_timeout 1s;
                keepalive_timeout 1s;
                location /up/ { upload on; methods GET PUT POST; client_max_body_size 10m; }
            }
            """;

    @TempDir
    Path site;

    private TestServer start() throws Exception {
        SiteFiles.write(site, "ok.txt", "ok");
        Files.createDirectories(site.resolve("up"));
        Files.write(site.resolve("big.bin"), new byte[32 * 1024 * 1024]);
        return TestServer.start(transport, CONFIG, Map.of("root", site));
    }

    /** Polls a condition until it holds or the deadline passes; the server's timers decide, not the test's clock. */
    private static void await(Duration deadline, BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    private static RawResponse get(TestServer server, String path) throws IOException {
        try (RawClient client = server.connect()) {
            return client.send("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").readResponse();
        }
    }

    @Test
    @DisplayName("1000 slowloris connections (50 over TLS) do not delay a normal client, and all are gone after the "
            + "header timeout")
    void slowlorisConnectionsAreCutAtTheHeaderTimeout() throws Exception {
        try (TestServer server = start()) {
            List<Socket> drips = new ArrayList<>();
            // Over TLS each drip completes its handshake first and then drips request bytes, encrypted: fewer of
            // them, since each handshake costs the loop a signature, and the point (a deadline from the first byte,
            // not reset per byte) is the same.
            int count = transport == Transport.TLS ? 50 : 1000;
            try {
                for (int i = 0; i < count; i++) {
                    Socket socket = server.connect().socket();
                    socket.getOutputStream().write("GET /ok.txt HTTP/1.1\r\nHost: x\r\nX-a: ".getBytes(
                            StandardCharsets.US_ASCII));
                    drips.add(socket);
                }
                long start = System.nanoTime();
                RawResponse normal = get(server, "/ok.txt");
                assertEquals(200, normal.status());
                assertTrue(System.nanoTime() - start < Duration.ofSeconds(1).toNanos(),
                        "a normal request waited behind the slowloris connections");
                // Keep dripping for twice the header timeout: the deadline runs from the first byte, so dripping
                // must not keep a connection alive (a timer reset per byte would let every one of them survive).
                long dripUntil = System.nanoTime() + Duration.ofSeconds(4).toNanos();
                while (System.nanoTime() < dripUntil) {
                    for (Socket socket : drips) {
                        drip(socket);
                    }
                    Thread.sleep(400);
                }
                for (Socket socket : drips) {
                    socket.setSoTimeout(1_000);
                    assertTrue(endsWith408OrClose(socket.getInputStream()), "a slowloris connection survived");
                }
                await(Duration.ofSeconds(5), () -> server.solo().openConnections() == 0, "all connections closed");
            } finally {
                for (Socket socket : drips) {
                    socket.close();
                }
            }
        }
    }

    private static void drip(Socket socket) {
        try {
            socket.getOutputStream().write('b');
        } catch (IOException e) {
            // already closed by the server: that is the point
        }
    }

    private static boolean endsWith408OrClose(InputStream in) throws IOException {
        try {
            byte[] answer = in.readAllBytes();
            String text = new String(answer, StandardCharsets.US_ASCII);
            return answer.length == 0 || text.startsWith("HTTP/1.1 408 ");
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset: closed as well
        }
    }

    @Test
    @DisplayName("a stalled upload is cut with 408 at the body timeout and leaves no file behind")
    void stalledUploadIsCutAndLeavesNothing() throws Exception {
        try (TestServer server = start(); RawClient client = server.connect()) {
            client.send("PUT /up/stalled.bin HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n0123456789");
            RawResponse response = client.readResponse();
            assertEquals(408, response.status());
            assertTrue(client.isClosedByServer());
            await(Duration.ofSeconds(2), () -> listing(site.resolve("up")).isEmpty(), "the upload directory is empty");
        }
    }

    private static List<String> listing(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("a client that stops reading a large response is dropped at the send timeout")
    void clientThatStopsReadingIsDropped() throws Exception {
        try (TestServer server = start()) {
            Socket reader = server.connect().socket();
            reader.setReceiveBufferSize(4096);
            reader.getOutputStream().write("GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(
                    StandardCharsets.US_ASCII));
            await(Duration.ofSeconds(5), () -> server.solo().openConnections() == 0,
                    "the stalled reader's connection is closed");
            reader.close();
            assertEquals(200, get(server, "/ok.txt").status());
        }
    }

    @Test
    @DisplayName("idle keep-alive connections are closed at the keep-alive timeout")
    void idleKeepAliveConnectionsAreClosed() throws Exception {
        try (TestServer server = start(); RawClient client = server.connect()) {
            assertEquals(200, client.send("GET /ok.txt HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().status());
            assertTrue(client.isClosedByServer());
        }
    }

    @Test
    @DisplayName("file descriptors and threads return to their baseline after 20,000 requests (10,300 over TLS)")
    void descriptorsAndThreadsComeBackAfterManyRequests() throws Exception {
        try (TestServer server = start()) {
            get(server, "/ok.txt");
            await(Duration.ofSeconds(5), () -> server.solo().openConnections() == 0, "warm-up connection closed");
            long fdsBefore = openDescriptors();
            int threadsBefore = Thread.activeCount();
            String request = "GET /ok.txt HTTP/1.1\r\nHost: x\r\n\r\n";
            for (int c = 0; c < 20; c++) {
                try (RawClient client = server.connect()) {
                    for (int i = 0; i < 500; i++) {
                        assertEquals(200, client.send(request).readResponse().status());
                    }
                }
            }
            // Over TLS 300 fresh connections, each with its handshake, engine and buffers, are enough to see a leak and
            // take seconds; ten thousand would take a minute and a half on a small CI machine.
            int fresh = transport == Transport.TLS ? 300 : 10_000;
            for (int i = 0; i < fresh; i++) {
                assertEquals(200, get(server, "/ok.txt").status());
            }
            await(Duration.ofSeconds(5), () -> server.solo().openConnections() == 0, "all connections closed");
            await(Duration.ofSeconds(5), () -> openDescriptors() <= fdsBefore + 2, "descriptors back to baseline");
            // At most as many: threads of earlier tests (a dropped HttpClient's selector) may end meanwhile.
            assertTrue(Thread.activeCount() <= threadsBefore, () -> Thread.activeCount() + " threads, " + threadsBefore
                    + " before");
        }
    }

    private static long openDescriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
