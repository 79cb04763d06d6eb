package dev.solo.it.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.it.support.RawClient;
import dev.solo.it.support.RawResponse;
import dev.solo.it.support.SiteFiles;
import dev.solo.it.support.TestServer;
import dev.solo.it.support.Transport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * How a request body ends when the client does not play along: a body that drips for ever is cut at
 * {@code client_body_total_timeout} however often a byte arrives (issue 15, item 9), and a body that turns out
 * malformed after the server has answered ends the connection right after that answer (item 18).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Transport.class)
class BodyEndingsTest {

    /** Plain TCP or TLS: every test here runs over both. */
    @Parameter
    Transport transport;

    private static final String CONFIG = """
            server {
                listen 127.0.0.1:0;
                root {root};
                client_body_timeout 5s;
                client_body_total_timeout 2s;
                location /up/ { upload on; methods GET PUT; client_max_body_size 10m; }
                location /ro/ { methods GET; }
            }
            """;

    /** Default body timeouts (60 s per read, 10 min in all): only the server's own decision can close early. */
    private static final String DEFAULT_TIMEOUTS = """
            server {
                listen 127.0.0.1:0;
                root {root};
                location /ro/ { methods GET; }
            }
            """;

    @TempDir
    Path site;

    private TestServer start() throws Exception {
        return start(CONFIG);
    }

    private TestServer start(String config) throws Exception {
        SiteFiles.write(site, "ro/index.html", "read only");
        Files.createDirectories(site.resolve("up"));
        return TestServer.start(transport, config, Map.of("root", site));
    }

    /** Sends one byte every 200 ms on its own thread, well inside the 5 s per-read timeout, until the socket fails. */
    private static Thread drip(RawClient client, int bytes) {
        Thread dripper = new Thread(() -> {
            try {
                OutputStream out = client.socket().getOutputStream();
                for (int i = 0; i < bytes; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(200); // the pace of a slow client, not a synchronisation
                }
            } catch (IOException | InterruptedException e) {
                // the server closed: the drip is over
            }
        }, "dripper");
        dripper.setDaemon(true);
        dripper.start();
        return dripper;
    }

    @Test
    @DisplayName("a body that drips a byte every 200 ms gets 408 at the 2 s total body timeout, then the close")
    void aDrippedBodyEndsAtTheTotalBodyTimeout() throws Exception {
        try (TestServer server = start(); RawClient client = server.connect()) {
            client.timeout(Duration.ofSeconds(15));
            long start = System.nanoTime();
            client.send("PUT /up/slow.txt HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n");
            Thread dripper = drip(client, 1000);
            RawResponse response = client.readResponse();
            long elapsed = System.nanoTime() - start;
            assertEquals(408, response.status(), response::toString);
            assertTrue(response.connectionHas("close"), response::toString);
            assertTrue(elapsed >= Duration.ofMillis(1500).toNanos() && elapsed < Duration.ofSeconds(5).toNanos(),
                    "cut at the total timeout, not the per-read one: " + elapsed / 1_000_000 + " ms");
            assertTrue(client.isClosedByServer());
            dripper.interrupt();
            assertTrue(Files.list(site.resolve("up")).findAny().isEmpty(), "nothing stored of the cut upload");
        }
    }

    @Test
    @DisplayName("a body dropped after an early answer (405) may not drip for longer than the total body timeout")
    void aDroppedBodyEndsAtTheTotalBodyTimeoutToo() throws Exception {
        try (TestServer server = start(); RawClient client = server.connect()) {
            client.timeout(Duration.ofSeconds(15));
            long start = System.nanoTime();
            client.send("POST /ro/ HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n");
            Thread dripper = drip(client, 1000);
            assertEquals(405, client.readResponse().status());
            assertTrue(client.isClosedByServer());
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "closed at the 2 s total");
            dripper.interrupt();
        }
    }

    @Test
    @DisplayName("a 405 answered before a malformed chunked body: the connection closes right after the response")
    void aMalformedBodyAfterAnEarlyAnswerClosesAtOnce() throws Exception {
        try (TestServer server = start(DEFAULT_TIMEOUTS); RawClient client = server.connect()) {
            // Only closing when the body turns out malformed ends the connection within the 1.5 s read timeout.
            client.timeout(Duration.ofMillis(1500));
            client.send("POST /ro/ HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nnot a chunk\r\n");
            RawResponse response = client.readResponse();
            assertEquals(405, response.status(), response::toString);
            assertTrue(client.isClosedByServer(), "the server cannot find the next request: it must close");
        }
    }

    @Test
    @DisplayName("the same for a malformed chunked body after a 404")
    void aMalformedBodyAfterA404ClosesAtOnce() throws Exception {
        try (TestServer server = start(DEFAULT_TIMEOUTS); RawClient client = server.connect()) {
            client.timeout(Duration.ofMillis(1500));
            byte[] request = ("GET /nowhere HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\nabcdeXX").getBytes(StandardCharsets.US_ASCII);
            client.send(request);
            assertEquals(404, client.readResponse().status());
            assertTrue(client.isClosedByServer());
        }
    }
}
