package dev.solo.it.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.solo.it.support.RawClient;
import dev.solo.it.support.RawResponse;
import dev.solo.it.support.SiteFiles;
import dev.solo.it.support.TestServer;
import dev.solo.it.support.Transport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * Issue 15's protocol items: a header line split across reads is counted once against the limit, HTTP/1.x minor
 * versions above 1 are answered as HTTP/1.1, and the access log cannot be forged through the fields a client chooses.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Transport.class)
class ProtocolHardeningTest {

    /** Plain TCP or TLS: every test here runs over both. */
    @Parameter
    Transport transport;

    @TempDir
    static Path temporary;
    private static Path site;
    private static TestServer server;
    private static ListAppender<ILoggingEvent> accessLog;
    private static Logger accessLogger;

    @BeforeParameterizedClassInvocation
    static void startServer(Transport transport) throws Exception {
        site = Files.createDirectories(temporary.resolve(transport.name()));
        SiteFiles.write(site, "page.txt", "page");
        accessLogger = (Logger) LoggerFactory.getLogger("dev.solo.access");
        accessLog = new ListAppender<>();
        accessLog.start();
        accessLogger.addAppender(accessLog);
        accessLogger.setLevel(Level.INFO);
        server = TestServer.start(transport, """
                access_log on;
                server { listen 127.0.0.1:0; root {root}; }
                """, Map.of("root", site));
    }

    @AfterParameterizedClassInvocation
    static void stopServer() throws Exception {
        server.close();
        accessLogger.detachAppender(accessLog);
        accessLogger.setLevel(null);
    }

    @Test
    @DisplayName("issue 15: a 12 KB Cookie (limit 16 KiB) is accepted when its line arrives in many reads, not 431")
    void acceptsALargeHeaderLineSplitAcrossReads() throws Exception {
        String request = "GET /page.txt HTTP/1.1\r\nHost: x\r\nCookie: c=" + "v".repeat(12 * 1024) + "\r\n\r\n";
        try (RawClient client = server.connect()) {
            // One write per byte: the server reads the line in many pieces, as a slow network delivers it.
            RawResponse response = client.sendByteByByte(request).readResponse();
            assertEquals(200, response.status(), response::toString);
            assertEquals("page", response.bodyText());
        }
    }

    @Test
    @DisplayName("the header limit still holds when the section arrives in pieces: 17 KiB of Cookie gets 431")
    void refusesAnOverlongHeaderSectionSplitAcrossReads() throws Exception {
        String request = "GET /page.txt HTTP/1.1\r\nHost: x\r\nCookie: c=" + "v".repeat(17 * 1024) + "\r\n\r\n";
        try (RawClient client = server.connect()) {
            RawResponse response = client.sendInPieces(request, 1024).readResponse();
            assertEquals(431, response.status(), response::toString);
        }
    }

    @Test
    @DisplayName("RFC 9110 §2.5: HTTP/1.2 is answered as HTTP/1.1, not 505, and the connection persists as in 1.1")
    void answersAHigherMinorVersionAsHttp11() throws Exception {
        try (RawClient client = server.connect()) {
            RawResponse first = client.send("GET /page.txt HTTP/1.2\r\nHost: x\r\n\r\n").readResponse();
            assertEquals(200, first.status(), first::toString);
            assertEquals("HTTP/1.1", first.version());
            assertEquals("page", first.bodyText());
            RawResponse second = client.send("GET /page.txt HTTP/1.9\r\nHost: x\r\n\r\n").readResponse();
            assertEquals(200, second.status(), second::toString);
        }
    }

    @Test
    @DisplayName("RFC 9112 §3.2: HTTP/1.2 without Host is refused as an HTTP/1.1 request would be")
    void requiresHostFromAHigherMinorVersion() throws Exception {
        try (RawClient client = server.connect()) {
            RawResponse response = client.send("GET /page.txt HTTP/1.2\r\n\r\n").readResponse();
            assertEquals(400, response.status(), response::toString);
        }
    }

    @Test
    @DisplayName("issue 15: a quote, backslash or non-ASCII byte in Referer or User-Agent is logged as \\x22 and so on")
    void escapesClientTextInTheAccessLog() throws Exception {
        String forgedAgent = "curl\" 200 1 \"-\" \"x\\y\u00e9";
        try (RawClient client = server.connect()) {
            client.send("GET /page.txt?marker=escape HTTP/1.1\r\nHost: x\r\nReferer: http://a/\"b\r\nUser-Agent: "
                    + forgedAgent + "\r\n\r\n").readResponse();
            // The first line is written when its response has gone out, before the next request is read.
            client.send("GET /page.txt HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
        }
        String logged = accessLines().stream().filter(l -> l.contains("marker=escape")).findFirst().orElseThrow(
                () -> new AssertionError("no access log line in " + accessLines()));
        // Over TLS the line ends with the protocol and the cipher, which no client text can reach.
        String line = transport == Transport.TLS ? logged.replaceFirst(" TLSv1\\.[23] TLS_[A-Z0-9_]+$", "") : logged;
        assertTrue(transport == Transport.PLAIN || !line.equals(logged), logged);
        assertTrue(line.endsWith(" \"http://a/\\x22b\" \"curl\\x22 200 1 \\x22-\\x22 \\x22x\\x5Cy\\xE9\""), line);
        assertEquals(6, line.chars().filter(c -> c == '"').count(), "only the log's own quotes: " + line);
        assertFalse(line.contains("\u00e9"), line);
    }

    private static List<String> accessLines() {
        synchronized (accessLog) {
            return accessLog.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
        }
    }
}
