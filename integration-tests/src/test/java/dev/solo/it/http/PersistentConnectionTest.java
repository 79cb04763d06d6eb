package dev.solo.it.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.it.support.RawClient;
import dev.solo.it.support.RawResponse;
import dev.solo.it.support.SiteFiles;
import dev.solo.it.support.TestServer;
import dev.solo.it.support.Transport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Connection management (RFC 9112 §9): persistence by version and {@code Connection}, pipelining, requests that
 * arrive in pieces, {@code Expect: 100-continue} (RFC 9110 §10.1.1) and the timeouts that end idle or stalled clients;
 * over plain TCP and over TLS.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Transport.class)
class PersistentConnectionTest {

    @TempDir
    static Path sites;
    private static Path site;
    private static TestServer server;

    @Parameter
    Transport transport;

    @BeforeParameterizedClassInvocation
    static void startServer(Transport transport) throws Exception {
        site = SiteFiles.directory(sites, transport.name());
        SiteFiles.write(site, "one.txt", "first");
        SiteFiles.write(site, "two.txt", "second");
        SiteFiles.write(site, "three.txt", "third");
        SiteFiles.directory(site, "up");
        server = TestServer.start(transport, """
                client_header_timeout 400ms;
                client_body_timeout 400ms;
                keepalive_timeout 400ms;
                server {
                    listen 127.0.0.1:0;
                    root {root};
                    location /up/ { upload on; methods GET PUT; client_max_body_size 1k; }
                }
                """, Map.of("root", site));
    }

    @AfterParameterizedClassInvocation
    static void stopServer() throws Exception {
        server.close();
    }

    private static String get(String path, String version, String... extraHeaders) {
        StringBuilder request = new StringBuilder("GET ").append(path).append(' ').append(version)
                .append("\r\nHost: x\r\n");
        for (String header : extraHeaders) {
            request.append(header).append("\r\n");
        }
        return request.append("\r\n").toString();
    }

    @Test
    @DisplayName("RFC 9112 §9.3: an HTTP/1.1 connection persists by default")
    void keepsHttp11ConnectionsAlive() throws Exception {
        try (RawClient client = server.connect()) {
            RawResponse first = client.send(get("/one.txt", "HTTP/1.1")).readResponse();
            assertEquals("first", first.bodyText());
            assertFalse(first.connectionHas("close"), first::toString);
            RawResponse second = client.send(get("/two.txt", "HTTP/1.1")).readResponse();
            assertEquals(200, second.status(), second::toString);
            assertEquals("second", second.bodyText());
        }
    }

    @Test
    @DisplayName("RFC 9112 §9.6: Connection: close is honoured; the server closes after the response")
    void closesAfterConnectionClose() throws Exception {
        try (RawClient client = server.connect()) {
            RawResponse response = client.send(get("/one.txt", "HTTP/1.1", "Connection: close")).readResponse();
            assertEquals("first", response.bodyText());
            assertTrue(response.connectionHas("close"), response::toString);
            assertTrue(client.isClosedByServer());
        }
    }

    @Test
    @DisplayName("RFC 9112 §9.3: an HTTP/1.0 connection closes after the response by default")
    void closesHttp10ConnectionsByDefault() throws Exception {
        try (RawClient client = server.connect()) {
            RawResponse response = client.send("GET /one.txt HTTP/1.0\r\n\r\n").readResponse();
            assertEquals(200, response.status(), response::toString);
            assertEquals("first", response.bodyText());
            assertTrue(client.isClosedByServer());
        }
    }

    @Test
    @DisplayName("RFC 9112 §C.2.2: an HTTP/1.0 connection with Connection: keep-alive persists")
    void keepsHttp10AliveOnRequest() throws Exception {
        try (RawClient client = server.connect()) {
            RawResponse first = client.send("GET /one.txt HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").readResponse();
            assertEquals("first", first.bodyText());
            assertTrue(first.connectionHas("keep-alive"), first::toString);
            RawResponse second = client.send("GET /two.txt HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                    .readResponse();
            assertEquals("second", second.bodyText());
        }
    }

    @Test
    @DisplayName("RFC 9112 §9.3.2: three pipelined requests in one write are answered in order")
    void answersPipelinedRequestsInOrder() throws Exception {
        try (RawClient client = server.connect()) {
            client.send(get("/one.txt", "HTTP/1.1") + get("/two.txt", "HTTP/1.1") + get("/three.txt", "HTTP/1.1"));
            assertEquals("first", client.readResponse().bodyText());
            assertEquals("second", client.readResponse().bodyText());
            assertEquals("third", client.readResponse().bodyText());
        }
    }

    @Test
    @DisplayName("RFC 9112 §9.3.2: two hundred pipelined requests in one write are all answered, in order")
    void answersALongPipelineInOrder() throws Exception {
        String[] paths = {"/one.txt", "/two.txt", "/three.txt"};
        String[] bodies = {"first", "second", "third"};
        StringBuilder pipeline = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            pipeline.append(get(paths[i % 3], "HTTP/1.1"));
        }
        try (RawClient client = server.connect()) {
            client.send(pipeline.toString());
            for (int i = 0; i < 200; i++) {
                RawResponse response = client.readResponse();
                assertEquals(bodies[i % 3], response.bodyText(), "response " + i);
            }
        }
    }

    @Test
    @DisplayName("RFC 9112 §9.3.2: a pipelined HEAD does not shift the framing of the responses after it")
    void keepsFramingAfterPipelinedHead() throws Exception {
        try (RawClient client = server.connect()) {
            client.send("HEAD /one.txt HTTP/1.1\r\nHost: x\r\n\r\n" + get("/two.txt", "HTTP/1.1"));
            RawResponse head = client.readHeadResponse();
            assertEquals(200, head.status(), head::toString);
            assertEquals("5", head.header("Content-Length"));
            RawResponse get = client.readResponse();
            assertEquals(200, get.status(), get::toString);
            assertEquals("second", get.bodyText());
        }
    }

    @Test
    @DisplayName("RFC 9112 §9.3.2: pipelined requests ending in Connection: close get every answer, then the close")
    void answersPipelineThenCloses() throws Exception {
        try (RawClient client = server.connect()) {
            client.send(get("/one.txt", "HTTP/1.1") + get("/two.txt", "HTTP/1.1", "Connection: close")
                    + get("/three.txt", "HTTP/1.1"));
            assertEquals("first", client.readResponse().bodyText());
            assertEquals("second", client.readResponse().bodyText());
            assertTrue(client.isClosedByServer(), "nothing is answered after the request that asked to close");
        }
    }

    @Test
    @DisplayName("RFC 9112 §6.3, RFC 9110 §15: a body that arrives after an early response is read and dropped, "
            + "and the connection goes on")
    void dropsABodyThatArrivesAfterTheResponse() throws Exception {
        // Default timeouts here: the connection must stay open long after the body for the check to mean anything.
        try (TestServer patient = TestServer.start(server.transport(), "server { listen 127.0.0.1:0; root {root}; }",
                Map.of("root", site));
             RawClient client = patient.connect()) {
            // The 405 is answered from the head alone; the client sends the body only after reading it, as a client
            // that writes head and body separately may well do. Without "Connection: close" the connection must stay.
            RawResponse early = client.send("POST /one.txt HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n")
                    .readResponse();
            assertEquals(405, early.status(), early::toString);
            assertFalse(early.connectionHas("close"), early::toString);
            client.send("hello").timeout(Duration.ofMillis(500));
            assertFalse(client.isClosedByServer(), "the connection closed when the late body arrived");
            RawResponse next = client.timeout(RawClient.DEFAULT_TIMEOUT).send(get("/two.txt", "HTTP/1.1"))
                    .readResponse();
            assertEquals(200, next.status(), next::toString);
            assertEquals("second", next.bodyText());
        }
    }

    @Test
    @DisplayName("RFC 9112 §2: a request sent one byte at a time is parsed like one sent at once")
    void parsesARequestSentByteByByte() throws Exception {
        try (RawClient client = server.connect()) {
            client.sendByteByByte(get("/one.txt", "HTTP/1.1", "X-Padding: some value", "Accept: */*"));
            RawResponse response = client.readResponse();
            assertEquals(200, response.status(), response::toString);
            assertEquals("first", response.bodyText());
        }
    }

    @Test
    @DisplayName("RFC 9112 §6: a body sent in small pieces, split across chunk boundaries, is reassembled")
    void reassemblesABodySentInPieces() throws Exception {
        try (RawClient client = server.connect()) {
            client.sendInPieces("PUT /up/pieces.txt HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "4\r\nabcd\r\n3;e=1\r\nefg\r\n0\r\n\r\n", 3);
            RawResponse response = client.readResponse();
            assertEquals(201, response.status(), response::toString);
            assertEquals("abcdefg", Files.readString(site.resolve("up/pieces.txt")));
        }
    }

    @Test
    @DisplayName("RFC 9110 §10.1.1: Expect: 100-continue on an accepted body gets 100 Continue, then the final answer")
    void sends100ContinueBeforeReadingAnAcceptedBody() throws Exception {
        try (RawClient client = server.connect()) {
            client.send("PUT /up/continued.txt HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
            RawResponse interim = client.readResponse();
            assertEquals(100, interim.status(), interim::toString);
            client.send("hello");
            RawResponse response = client.readResponse();
            assertEquals(201, response.status(), response::toString);
            assertEquals("hello", Files.readString(site.resolve("up/continued.txt")));
        }
    }

    @Test
    @DisplayName("RFC 9110 §10.1.1: Expect: 100-continue with an oversized body gets 413 and never 100")
    void answers413Without100ForAnOversizedBody() throws Exception {
        try (RawClient client = server.connect()) {
            client.send("PUT /up/huge.txt HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\nExpect: 100-continue\r\n\r\n");
            RawResponse response = client.readResponse();
            assertEquals(413, response.status(), response::toString);
            assertTrue(client.isClosedByServer());
        }
        assertFalse(Files.exists(site.resolve("up/huge.txt")));
    }

    @Test
    @DisplayName("RFC 9110 §10.1.1: an expectation the server does not know gets 417")
    void answersUnknownExpectationWith417() throws Exception {
        try (RawClient client = server.connect()) {
            client.send("PUT /up/x.txt HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: teapot\r\n\r\n");
            RawResponse response = client.readResponse();
            assertEquals(417, response.status(), response::toString);
        }
    }

    @Test
    @DisplayName("RFC 9110 §10.1.1: a 100-continue from an HTTP/1.0 client is ignored (no interim response)")
    void ignores100ContinueFromHttp10() throws Exception {
        try (RawClient client = server.connect()) {
            client.send("PUT /up/old.txt HTTP/1.0\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\nabc");
            RawResponse response = client.readResponse();
            assertEquals(201, response.status(), response::toString);
        }
    }

    @Test
    @DisplayName("RFC 9112 §9.5: a request head that stalls past client_header_timeout gets 408 and a close")
    void answersStalledHeadWith408() throws Exception {
        try (RawClient client = server.connect()) {
            client.send("GET /one.txt HTTP/1.1\r\nHost: x\r\n");
            RawResponse response = client.readResponse();
            assertEquals(408, response.status(), response::toString);
            assertTrue(client.isClosedByServer());
        }
    }

    @Test
    @DisplayName("RFC 9112 §9.5: a request body that stalls past client_body_timeout gets 408 and a close")
    void answersStalledBodyWith408() throws Exception {
        try (RawClient client = server.connect()) {
            client.send("PUT /up/stalled.txt HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc");
            RawResponse response = client.readResponse();
            assertEquals(408, response.status(), response::toString);
            assertTrue(client.isClosedByServer());
        }
        assertFalse(Files.exists(site.resolve("up/stalled.txt")), "a truncated upload is not stored");
    }

    @Test
    @DisplayName("RFC 9112 §9.6: after keepalive_requests the last response says Connection: close, then the close")
    void closesAfterKeepaliveRequests() throws Exception {
        try (TestServer limited = TestServer.start(server.transport(), """
                keepalive_requests 2;
                server { listen 127.0.0.1:0; root {root}; }
                """, Map.of("root", site));
             RawClient client = limited.connect()) {
            RawResponse first = client.send(get("/one.txt", "HTTP/1.1")).readResponse();
            assertFalse(first.connectionHas("close"), first::toString);
            RawResponse last = client.send(get("/two.txt", "HTTP/1.1")).readResponse();
            assertEquals("second", last.bodyText());
            assertTrue(client.isClosedByServer(), "closed after the second request");
            assertTrue(last.connectionHas("close"), "the last response announces the close: " + last);
        }
    }

    @Test
    @DisplayName("RFC 9112 §9.5: an idle persistent connection is closed after keepalive_timeout, silently")
    void closesIdleConnectionsSilently() throws Exception {
        try (RawClient client = server.connect()) {
            assertEquals("first", client.send(get("/one.txt", "HTTP/1.1")).readResponse().bodyText());
            assertTrue(client.isClosedByServer(), "closed with no bytes after the keep-alive timeout");
        }
    }

    @Test
    @DisplayName("RFC 9112 §9.6: a client that half-closes after its request still gets the whole response")
    void answersAClientThatHalfClosed() throws Exception {
        try (RawClient client = server.connect()) {
            client.send(get("/one.txt", "HTTP/1.1")).shutdownOutput();
            RawResponse response = client.readResponse();
            assertEquals(200, response.status(), response::toString);
            assertEquals("first", response.bodyText());
            assertTrue(client.isClosedByServer());
        }
    }
}
