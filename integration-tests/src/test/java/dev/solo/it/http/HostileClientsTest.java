package dev.solo.it.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.it.support.RawClient;
import dev.solo.it.support.RawResponse;
import dev.solo.it.support.SiteFiles;
import dev.solo.it.support.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
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

/**
 * Clients that stall, drip or stop reading are cut off by the timeouts, and never keep the server from answering
 * everyone else; resources come back afterwards.
 */
class HostileClientsTest {

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
        return TestServer.start(CONFIG, Map.of("root", site));
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
    @DisplayName("1000 slowloris connections do not delay a normal client, and all are gone after the header timeout")
    void slowlorisConnectionsAreCutAtTheHeaderTimeout() throws Exception {
        try (TestServer server = start()) {
            InetSocketAddress address = server.address(0);
            List<Socket> drips = new ArrayList<>();
            try {
                for (int i = 0; i < 1000; i++) {
                    Socket socket = new Socket(address.getAddress(), address.getPort());
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
            Socket reader = new Socket(server.address(0).getAddress(), server.port());
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
    @DisplayName("file descriptors and threads return to their baseline after 20,000 requests")
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
            for (int i = 0; i < 10_000; i++) {
                assertEquals(200, get(server, "/ok.txt").status());
            }
            await(Duration.ofSeconds(5), () -> server.solo().openConnections() == 0, "all connections closed");
            await(Duration.ofSeconds(5), () -> openDescriptors() <= fdsBefore + 2, "descriptors back to baseline");
            assertEquals(threadsBefore, Thread.activeCount());
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
