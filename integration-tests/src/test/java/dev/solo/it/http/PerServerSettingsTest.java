package dev.solo.it.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.it.support.RawClient;
import dev.solo.it.support.RawResponse;
import dev.solo.it.support.SiteFiles;
import dev.solo.it.support.TestServer;
import dev.solo.it.support.Transport;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two server blocks on one address with opposite settings: every per-server directive follows the server the request
 * was routed to by its {@code Host}, not the address's default server (issue 15, item 19). The default server is
 * generous everywhere, {@code other.test} is strict, so a setting taken from the wrong block shows as a wait of a
 * minute or a missing close.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Transport.class)
class PerServerSettingsTest {

    /** Plain TCP or TLS: every test here runs over both. */
    @Parameter
    Transport transport;

    private static final String CONFIG = """
            server {
                listen 127.0.0.1:0;
                server_name main.test;
                root {root};
                client_header_timeout 2s;
                keepalive_timeout 60s;
                send_timeout 60s;
                keepalive_requests 1000;
                client_body_timeout 60s;
                client_body_total_timeout 60s;
                request_timeout 60s;
                client_max_body_size 1m;
                location /up/ { upload on; methods GET PUT; }
                location /cgi/ { cgi .sh bash; }
            }
            server {
                listen 127.0.0.1:0;
                server_name other.test;
                root {root};
                client_header_timeout 60s;
                keepalive_timeout 1s;
                send_timeout 1s;
                keepalive_requests 2;
                client_body_timeout 1s;
                client_body_total_timeout 60s;
                request_timeout 1s;
                client_max_body_size 10;
                error_page 404 /missing.html;
                location /up/ { upload on; methods GET PUT; }
                location /cgi/ { cgi .sh bash; }
            }
            server {
                listen 127.0.0.1:0;
                server_name third.test;
                root {root};
                client_body_timeout 60s;
                client_body_total_timeout 1s;
                location /up/ { upload on; methods GET PUT; }
            }
            """;

    @TempDir
    Path site;

    private TestServer start() throws Exception {
        SiteFiles.write(site, "ok.txt", "ok");
        SiteFiles.write(site, "missing.html", "other's own 404 page");
        Files.write(site.resolve("3k.bin"), new byte[3 * 1024]);
        Files.createDirectories(site.resolve("up"));
        // Answers long after any request timeout of this config but main.test's; killed when the exchange times out.
        SiteFiles.write(site, "cgi/slow.sh", "sleep 30\necho 'Content-Type: text/plain'\necho\necho late\n");
        return TestServer.start(transport, CONFIG, Map.of("root", site));
    }

    private static String get(String host, String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n";
    }

    /** Polls until the condition holds; the server's timers decide when, the deadline only bounds a failure. */
    private static void await(Duration deadline, BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    @DisplayName("keepalive_requests of the routed server closes its connection after its N-th response")
    void keepaliveRequestsFollowsTheRoutedServer() throws Exception {
        try (TestServer server = start(); RawClient client = server.connect()) {
            RawResponse first = client.send(get("other.test", "/ok.txt")).readResponse();
            assertFalse(first.connectionHas("close"), first::toString);
            RawResponse second = client.send(get("other.test", "/ok.txt")).readResponse();
            assertTrue(second.connectionHas("close"), "the second request is other.test's last: " + second);
            assertTrue(client.isClosedByServer());
        }
        try (TestServer server = start(); RawClient client = server.connect()) {
            for (int i = 0; i < 3; i++) {
                RawResponse response = client.send(get("main.test", "/ok.txt")).readResponse();
                assertFalse(response.connectionHas("close"), "main.test allows 1000: " + response);
            }
        }
    }

    @Test
    @DisplayName("keepalive_timeout of the routed server ends the idle connection after its response")
    void keepaliveTimeoutFollowsTheRoutedServer() throws Exception {
        try (TestServer server = start(); RawClient client = server.connect()) {
            client.timeout(Duration.ofSeconds(10));
            assertEquals(200, client.send(get("other.test", "/ok.txt")).readResponse().status());
            long start = System.nanoTime();
            assertTrue(client.isClosedByServer(), "other.test's 1 s keep-alive, not main.test's 60 s");
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(8).toNanos());
        }
    }

    @Test
    @DisplayName("send_timeout of the routed server drops a client that stops reading its queued responses")
    void sendTimeoutOfQueuedResponsesFollowsTheRoutedServer() throws Exception {
        try (TestServer server = start(); Socket socket = slowReader(server)) {
            // A small cached file is answered from memory through the connection's output queue (16 of them fit in
            // it); 4000 of them are far more than the socket buffers hold, so the queue stalls and only the send
            // timeout can end the connection. The requests go on a thread of their own: once the server stops
            // reading, the writes block until it closes.
            Thread pipeline = new Thread(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    byte[] request = get("other.test", "/3k.bin").getBytes(StandardCharsets.US_ASCII);
                    for (int i = 0; i < 4000; i++) {
                        out.write(request);
                    }
                    out.flush();
                } catch (IOException e) {
                    // the server closed the connection: the pipeline is over
                }
            }, "pipeline");
            pipeline.setDaemon(true);
            pipeline.start();
            await(Duration.ofSeconds(10), () -> server.solo().openConnections() == 0,
                    "other.test's 1 s send timeout closed the stalled connection (main.test's is 60 s)");
        }
    }

    /** A connected socket with a small receive buffer; over TLS the buffer is set after the handshake. */
    private Socket slowReader(TestServer server) throws IOException {
        if (transport == Transport.TLS) {
            Socket socket = server.connect().socket();
            socket.setReceiveBufferSize(4096);
            return socket;
        }
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(server.address(0));
        return socket;
    }

    @Test
    @DisplayName("client_body_timeout of the routed server answers a stalled body 408")
    void bodyTimeoutFollowsTheRoutedServer() throws Exception {
        try (TestServer server = start(); RawClient client = server.connect()) {
            client.timeout(Duration.ofSeconds(10));
            RawResponse response = client.send("PUT /up/a.txt HTTP/1.1\r\nHost: other.test\r\nContent-Length: 5\r\n"
                    + "\r\nab").readResponse();
            assertEquals(408, response.status(), response::toString);
            assertTrue(client.isClosedByServer());
        }
    }

    @Test
    @DisplayName("client_body_total_timeout of the routed server cuts a body that keeps dripping")
    void totalBodyTimeoutFollowsTheRoutedServer() throws Exception {
        try (TestServer server = start(); RawClient client = server.connect()) {
            client.timeout(Duration.ofSeconds(10));
            client.send("PUT /up/c.txt HTTP/1.1\r\nHost: third.test\r\nContent-Length: 100\r\n\r\n");
            long start = System.nanoTime();
            Thread dripper = new Thread(() -> {
                try {
                    for (int i = 0; i < 100; i++) {
                        client.send("x");
                        Thread.sleep(200); // the pace of a slow client, not a synchronisation
                    }
                } catch (IOException | InterruptedException e) {
                    // the server closed: the drip is over
                }
            }, "dripper");
            dripper.setDaemon(true);
            dripper.start();
            RawResponse response = client.readResponse();
            assertEquals(408, response.status(), response::toString);
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(8).toNanos(), "third.test's 1 s total");
            dripper.interrupt();
        }
    }

    @Test
    @DisplayName("request_timeout of the routed server answers 504 when its handler is too slow")
    void requestTimeoutFollowsTheRoutedServer() throws Exception {
        try (TestServer server = start(); RawClient client = server.connect()) {
            client.timeout(Duration.ofSeconds(10));
            long start = System.nanoTime();
            RawResponse response = client.send(get("other.test", "/cgi/slow.sh")).readResponse();
            assertEquals(504, response.status(), response::toString);
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(8).toNanos(), "other.test's 1 s");
        }
    }

    @Test
    @DisplayName("client_max_body_size of the routed server: 413 on other.test, stored on main.test")
    void maxBodySizeFollowsTheRoutedServer() throws Exception {
        String body = "x".repeat(100);
        try (TestServer server = start()) {
            try (RawClient client = server.connect()) {
                RawResponse response = client.send("PUT /up/b.txt HTTP/1.1\r\nHost: other.test\r\nContent-Length: 100"
                        + "\r\n\r\n" + body).readResponse();
                assertEquals(413, response.status(), response::toString);
            }
            try (RawClient client = server.connect()) {
                RawResponse response = client.send("PUT /up/b.txt HTTP/1.1\r\nHost: main.test\r\nContent-Length: 100"
                        + "\r\n\r\n" + body).readResponse();
                assertEquals(201, response.status(), response::toString);
            }
        }
    }

    @Test
    @DisplayName("error_page of the routed server: other.test's own 404 page, the built-in one on main.test")
    void errorPagesFollowTheRoutedServer() throws Exception {
        try (TestServer server = start(); RawClient client = server.connect()) {
            RawResponse other = client.send(get("other.test", "/nothing")).readResponse();
            assertEquals(404, other.status());
            assertEquals("other's own 404 page", other.bodyText());
            RawResponse main = client.send(get("main.test", "/nothing")).readResponse();
            assertEquals(404, main.status());
            assertFalse(main.bodyText().contains("other's own"), main::toString);
        }
    }

    @Test
    @DisplayName("client_header_timeout runs before the Host is known, so the address's default server sets it")
    void headerTimeoutComesFromTheDefaultServer() throws Exception {
        try (TestServer server = start(); RawClient client = server.connect()) {
            client.timeout(Duration.ofSeconds(10));
            long start = System.nanoTime();
            RawResponse response = client.send("GET /ok.txt HTTP/1.1\r\nHost: other.test\r\n").readResponse();
            assertEquals(408, response.status(), response::toString);
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(8).toNanos(), "main.test's 2 s applied");
        }
    }
}
