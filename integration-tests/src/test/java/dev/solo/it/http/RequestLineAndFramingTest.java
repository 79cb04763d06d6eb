package dev.solo.it.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.solo.it.support.RawClient;
import dev.solo.it.support.RawResponse;
import dev.solo.it.support.SiteFiles;
import dev.solo.it.support.TestServer;
import dev.solo.it.support.Transport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The request line, header section and body framing as the server sees them on the wire (RFC 9112 §2-3, §5-7): what
 * it accepts, what it refuses with which status, and that a refusal of an unparseable message closes the connection.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Transport.class)
class RequestLineAndFramingTest {

    /** Plain TCP or TLS: every test here runs over both. */
    @Parameter
    Transport transport;

    @TempDir
    static Path temporary;
    private static Path sites;
    private static TestServer server;

    @BeforeParameterizedClassInvocation
    static void startServer(Transport transport) throws Exception {
        sites = Files.createDirectories(temporary.resolve(transport.name()));
        Path a = SiteFiles.directory(sites, "a");
        Path b = SiteFiles.directory(sites, "b");
        SiteFiles.write(a, "a.txt", "0123456789");
        SiteFiles.write(a, "index.html", "<p>site a</p>");
        SiteFiles.directory(a, "up");
        SiteFiles.write(b, "index.html", "<p>site b</p>");
        server = TestServer.start(transport, """
                server {
                    listen 127.0.0.1:0;
                    server_name a.test;
                    root {a};
                    location /ok { return 200 ok; }
                    location /small/ { return 200 small; client_max_body_size 1k; }
                    location /up/ { upload on; methods GET PUT POST; client_max_body_size 1k; }
                }
                server {
                    listen 127.0.0.1:0;
                    server_name b.test;
                    root {b};
                }
                """, Map.of("a", a, "b", b));
    }

    @AfterParameterizedClassInvocation
    static void stopServer() throws Exception {
        server.close();
    }

    private static RawResponse exchange(String request) throws Exception {
        try (RawClient client = server.connect()) {
            return client.send(request).readResponse();
        }
    }

    /** Sends a request that must be refused, and checks the status and that the server closed the connection. */
    private static RawResponse refusedAndClosed(String request, int status) throws Exception {
        try (RawClient client = server.connect()) {
            RawResponse response = client.send(request).readResponse();
            assertEquals(status, response.status(), response::toString);
            assertTrue(response.connectionHas("close"), "the refusal announces the close: " + response);
            assertTrue(client.isClosedByServer(), "the server closes after a malformed message");
            return response;
        }
    }

    // ---- request line (RFC 9112 §3) ----

    @Test
    @DisplayName("RFC 9112 §3: a line that is not method SP target SP version gets 400 and the connection closes")
    void answersGarbageWith400AndCloses() throws Exception {
        refusedAndClosed("GARBAGE\r\n\r\n", 400);
    }

    @Test
    @DisplayName("a TLS handshake on the plain port is closed at once, without an HTTP answer a TLS client could not read")
    void closesATlsHandshakeOnThePlainPort() throws Exception {
        // Only a plain port can receive a ClientHello as HTTP bytes; the converse, plain HTTP on a TLS port, is
        // HttpsTest's plainHttpOnTheTlsPortGetsAReadable400.
        assumeTrue(transport == Transport.PLAIN, "a plain-port case");
        try (RawClient client = server.connect()) {
            client.send("\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u00fc\u0003\u0003");
            assertEquals(0, client.readAll().length, "no bytes, just the close");
        }
    }

    @Test
    @DisplayName("RFC 9110 §9.1: binary garbage is refused at once, without waiting for a line end")
    void refusesBinaryGarbageBeforeAnyLineEnd() throws Exception {
        refusedAndClosed("\u0001\u0003\u0001\u0002\u0000\u0001\u0000\u00fc\u0003\u0003", 400);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"HTTP/2.0", "HTTP/3.0", "HTTP/0.9"})
    @DisplayName("RFC 9112 §2.3, RFC 9110 §15.6.6: a well-formed but unsupported version gets 505")
    void answersUnsupportedVersionsWith505(String version) throws Exception {
        refusedAndClosed("GET / " + version + "\r\nHost: a.test\r\n\r\n", 505);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET /\r\n\r\n", "GET / http/1.1\r\nHost: a.test\r\n\r\n",
        "GET / HTTP/1.10\r\nHost: a.test\r\n\r\n", "GET  / HTTP/1.1\r\nHost: a.test\r\n\r\n",
        "GET / HTTP/1.1 \r\nHost: a.test\r\n\r\n", "GET /a b HTTP/1.1\r\nHost: a.test\r\n\r\n",
        "GET /a#frag HTTP/1.1\r\nHost: a.test\r\n\r\n", "GET /a%zz HTTP/1.1\r\nHost: a.test\r\n\r\n",
        "GET * HTTP/1.1\r\nHost: a.test\r\n\r\n", "GET ftp://a.test/ HTTP/1.1\r\nHost: a.test\r\n\r\n"})
    @DisplayName("RFC 9112 §3, §3.2: malformed request lines and targets get 400")
    void answersMalformedRequestLinesWith400(String request) throws Exception {
        refusedAndClosed(request, 400);
    }

    @Test
    @DisplayName("RFC 9112 §2.2: empty lines before the request line are ignored")
    void ignoresLeadingEmptyLines() throws Exception {
        RawResponse response = exchange("\r\n\r\nGET /a.txt HTTP/1.1\r\nHost: a.test\r\n\r\n");
        assertEquals(200, response.status(), response::toString);
        assertEquals("0123456789", response.bodyText());
    }

    @Test
    @DisplayName("RFC 9112 §2.2: a bare LF is accepted as a line terminator")
    void acceptsBareLineFeeds() throws Exception {
        RawResponse response = exchange("GET /a.txt HTTP/1.1\nHost: a.test\n\n");
        assertEquals(200, response.status(), response::toString);
        assertEquals("0123456789", response.bodyText());
    }

    @Test
    @DisplayName("RFC 9112 §2.2: whitespace between the start-line and the first field is refused with 400")
    void refusesWhitespaceAfterTheStartLine() throws Exception {
        refusedAndClosed("GET / HTTP/1.1\r\n Host: a.test\r\n\r\n", 400);
    }

    @Test
    @DisplayName("RFC 9112 §3.2.2: an absolute-form target names the host, whatever the Host field says")
    void usesTheAuthorityOfAnAbsoluteTargetAsHost() throws Exception {
        RawResponse response = exchange("GET http://b.test/ HTTP/1.1\r\nHost: a.test\r\n\r\n");
        assertEquals(200, response.status(), response::toString);
        assertEquals("<p>site b</p>", response.bodyText());
    }

    @Test
    @DisplayName("RFC 9112 §3.2.4, RFC 9110 §9.3.7: OPTIONS * asks about the server and gets 200 with Allow")
    void answersOptionsAsteriskWithAllow() throws Exception {
        RawResponse response = exchange("OPTIONS * HTTP/1.1\r\nHost: a.test\r\n\r\n");
        assertEquals(200, response.status(), response::toString);
        assertTrue(response.header("Allow").contains("GET"), response::toString);
    }

    @Test
    @DisplayName("RFC 9112 §3: a request line longer than the server accepts gets 414")
    void answersLongTargetsWith414() throws Exception {
        refusedAndClosed("GET /" + "a".repeat(9000) + " HTTP/1.1\r\nHost: a.test\r\n\r\n", 414);
    }

    // ---- Host (RFC 9112 §3.2) ----

    @Test
    @DisplayName("RFC 9112 §3.2: an HTTP/1.1 request without Host gets 400")
    void refusesHttp11RequestWithoutHost() throws Exception {
        refusedAndClosed("GET / HTTP/1.1\r\n\r\n", 400);
    }

    @Test
    @DisplayName("RFC 9112 §3.2: an HTTP/1.0 request without Host goes to the default server")
    void servesHttp10RequestWithoutHost() throws Exception {
        RawResponse response = exchange("GET /a.txt HTTP/1.0\r\n\r\n");
        assertEquals(200, response.status(), response::toString);
        assertEquals("0123456789", response.bodyText());
    }

    @Test
    @DisplayName("RFC 9112 §3.2: a request with two Host fields gets 400")
    void refusesTwoHostFields() throws Exception {
        refusedAndClosed("GET / HTTP/1.1\r\nHost: a.test\r\nHost: b.test\r\n\r\n", 400);
    }

    @ParameterizedTest(name = "Host: {0}")
    @ValueSource(strings = {"a b", "user@a.test", "a.test:port", "[::1"})
    @DisplayName("RFC 9112 §3.2: an invalid Host value gets 400")
    void refusesInvalidHostValues(String host) throws Exception {
        refusedAndClosed("GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n", 400);
    }

    // ---- header fields (RFC 9112 §5) ----

    @Test
    @DisplayName("RFC 9112 §5.1: whitespace between a field name and its colon gets 400")
    void refusesWhitespaceBeforeColon() throws Exception {
        refusedAndClosed("GET / HTTP/1.1\r\nHost: a.test\r\nX-Test : 1\r\n\r\n", 400);
    }

    @Test
    @DisplayName("RFC 9112 §5.2: an obs-fold continuation line gets 400")
    void refusesObsoleteLineFolding() throws Exception {
        refusedAndClosed("GET / HTTP/1.1\r\nHost: a.test\r\nX-Test: a\r\n  b\r\n\r\n", 400);
    }

    @ParameterizedTest(name = "{index}")
    @ValueSource(strings = {"X-Test: a\rb", "X-Test: a\u0000b", "X-Te\u0001st: a", ": empty name", "no colon here"})
    @DisplayName("RFC 9110 §5.5, RFC 9112 §2.2: bare CR, NUL and other bad bytes in a field line get 400")
    void refusesInvalidFieldLines(String line) throws Exception {
        refusedAndClosed("GET / HTTP/1.1\r\nHost: a.test\r\n" + line + "\r\n\r\n", 400);
    }

    @Test
    @DisplayName("RFC 6585 §5: a header section larger than the server accepts gets 431")
    void answersLargeHeaderSectionWith431() throws Exception {
        refusedAndClosed("GET / HTTP/1.1\r\nHost: a.test\r\nX-Big: " + "b".repeat(17_000) + "\r\n\r\n", 431);
    }

    @Test
    @DisplayName("RFC 6585 §5: more header fields than the server accepts gets 431")
    void answersTooManyFieldsWith431() throws Exception {
        StringBuilder request = new StringBuilder("GET / HTTP/1.1\r\nHost: a.test\r\n");
        for (int i = 0; i < 150; i++) {
            request.append("X-F").append(i).append(": ").append(i).append("\r\n");
        }
        refusedAndClosed(request.append("\r\n").toString(), 431);
    }

    // ---- body framing (RFC 9112 §6-7) ----

    @Test
    @DisplayName("RFC 9112 §6.1, §6.3: Transfer-Encoding with Content-Length gets 400 and the connection closes")
    void refusesTransferEncodingWithContentLength() throws Exception {
        refusedAndClosed("POST /ok HTTP/1.1\r\nHost: a.test\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n"
                + "\r\n0\r\n\r\n", 400);
    }

    @Test
    @DisplayName("RFC 9112 §6.1: Transfer-Encoding in an HTTP/1.0 request is faulty framing: 400 and close")
    void refusesTransferEncodingInHttp10() throws Exception {
        refusedAndClosed("POST /ok HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400);
    }

    @ParameterizedTest(name = "Content-Length: {0}")
    @ValueSource(strings = {"abc", "-1", "+5", "1 2", "5, 6", "0x10", "", "99999999999999999999"})
    @DisplayName("RFC 9112 §6.3 item 5: an invalid Content-Length gets 400 and the connection closes")
    void refusesInvalidContentLength(String value) throws Exception {
        refusedAndClosed("POST /ok HTTP/1.1\r\nHost: a.test\r\nContent-Length: " + value + "\r\n\r\nhello", 400);
    }

    @Test
    @DisplayName("RFC 9110 §8.6: two Content-Length lines with different values get 400")
    void refusesConflictingContentLengthLines() throws Exception {
        refusedAndClosed("POST /ok HTTP/1.1\r\nHost: a.test\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello",
                400);
    }

    @Test
    @DisplayName("RFC 9110 §8.6: a list of identical Content-Length values is taken as that value")
    void acceptsIdenticalContentLengthList() throws Exception {
        try (RawClient client = server.connect()) {
            client.send("POST /ok HTTP/1.1\r\nHost: a.test\r\nContent-Length: 5, 5\r\n\r\nhello");
            assertEquals(200, client.readResponse().status());
            client.send("GET /a.txt HTTP/1.1\r\nHost: a.test\r\n\r\n");
            assertEquals("0123456789", client.readResponse().bodyText(), "the body was framed as 5 bytes");
        }
    }

    @Test
    @DisplayName("RFC 9112 §6.1: an unknown transfer coding before chunked gets 501 and the connection closes")
    void answersUnknownTransferCodingWith501() throws Exception {
        refusedAndClosed("POST /ok HTTP/1.1\r\nHost: a.test\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", 501);
    }

    @ParameterizedTest(name = "Transfer-Encoding: {0}")
    @ValueSource(strings = {"gzip", "chunked, gzip", "chunked, chunked", "chunked;q=1", ","})
    @DisplayName("RFC 9112 §6.3 item 4, §7.1: a coding list that does not end in one plain chunked gets 400")
    void refusesTransferEncodingNotEndingInChunked(String value) throws Exception {
        refusedAndClosed("POST /ok HTTP/1.1\r\nHost: a.test\r\nTransfer-Encoding: " + value + "\r\n\r\n0\r\n\r\n", 400);
    }

    @Test
    @DisplayName("RFC 9112 §7.1: a chunked body with extensions and trailers is decoded, and the connection stays usable")
    void decodesChunkedBodyWithExtensionsAndTrailers() throws Exception {
        try (RawClient client = server.connect()) {
            client.send("PUT /up/chunked.txt HTTP/1.1\r\nHost: a.test\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5;name=value\r\nhello\r\n6;a=b;c=\"d e\"\r\n world\r\n0;last\r\nX-Checksum: abc\r\n\r\n");
            RawResponse stored = client.readResponse();
            assertEquals(201, stored.status(), stored::toString);
            assertEquals("hello world", Files.readString(sites.resolve("a/up/chunked.txt")));

            client.send("GET /a.txt HTTP/1.1\r\nHost: a.test\r\n\r\n");
            RawResponse next = client.readResponse();
            assertEquals(200, next.status(), next::toString);
            assertEquals("0123456789", next.bodyText());
        }
    }

    @Test
    @DisplayName("RFC 9112 §7.1: a chunked body the handler ignores is read and dropped, so the next request follows")
    void discardsAnIgnoredChunkedBody() throws Exception {
        try (RawClient client = server.connect()) {
            client.send("POST /ok HTTP/1.1\r\nHost: a.test\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "3;x=y\r\nabc\r\n0\r\nTrailer-Field: 1\r\n\r\n"
                    + "GET /a.txt HTTP/1.1\r\nHost: a.test\r\n\r\n");
            RawResponse first = client.readResponse();
            assertEquals(200, first.status(), first::toString);
            assertEquals("ok", first.bodyText());
            RawResponse second = client.readResponse();
            assertEquals(200, second.status(), second::toString);
            assertEquals("0123456789", second.bodyText());
        }
    }

    @ParameterizedTest(name = "{index}")
    @ValueSource(strings = {"zz\r\nabc\r\n0\r\n\r\n", "3\r\nabcd\r\n0\r\n\r\n", "3 \r\nabc\r\n0\r\n\r\n",
        "-3\r\nabc\r\n0\r\n\r\n"})
    @DisplayName("RFC 9112 §7.1: malformed chunk framing closes the connection")
    void closesOnMalformedChunks(String body) throws Exception {
        try (RawClient client = server.connect()) {
            client.send("PUT /up/bad.txt HTTP/1.1\r\nHost: a.test\r\nTransfer-Encoding: chunked\r\n\r\n" + body);
            RawResponse response = client.readResponse();
            assertEquals(400, response.status(), response::toString);
            assertTrue(client.isClosedByServer());
        }
        assertFalse(Files.exists(sites.resolve("a/up/bad.txt")), "a broken upload is not stored");
    }

    @Test
    @DisplayName("RFC 9110 §15.5.14: a Content-Length over client_max_body_size gets 413 before the body is sent, "
            + "then the connection closes")
    void answers413BeforeReadingAnOversizedBody() throws Exception {
        try (RawClient client = server.connect()) {
            RawResponse response = client.send("POST /small/ HTTP/1.1\r\nHost: a.test\r\nContent-Length: 2000\r\n\r\n")
                    .readResponse();
            assertEquals(413, response.status(), response::toString);
            assertTrue(response.connectionHas("close"), response::toString);
            assertTrue(client.isClosedByServer());
        }
    }

    @Test
    @DisplayName("RFC 9110 §15.5.14: a chunked body that grows past client_max_body_size gets 413 and a close")
    void answers413WhenAChunkedBodyGrowsTooLarge() throws Exception {
        StringBuilder request = new StringBuilder("PUT /up/big.txt HTTP/1.1\r\nHost: a.test\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n");
        for (int i = 0; i < 4; i++) {
            request.append("200\r\n").append("x".repeat(512)).append("\r\n");
        }
        try (RawClient client = server.connect()) {
            RawResponse response = client.send(request.append("0\r\n\r\n").toString()).readResponse();
            assertEquals(413, response.status(), response::toString);
            assertTrue(client.isClosedByServer());
        }
        assertFalse(Files.exists(sites.resolve("a/up/big.txt")), "the oversized upload is not stored");
    }
}
