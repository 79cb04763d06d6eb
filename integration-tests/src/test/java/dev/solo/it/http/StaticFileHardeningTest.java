package dev.solo.it.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * Issue 15's static-file items: redirects that only name this server, preconditions (412), Range on GET only,
 * file-system errors that are the client's doing, and listings with symbolic links that lead nowhere or outside.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Transport.class)
class StaticFileHardeningTest {

    /** Plain TCP or TLS: every test here runs over both. */
    @Parameter
    Transport transport;

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz"; // 26 bytes
    /** The alphabet's modification time: 2020-06-01T12:00:00Z. */
    private static final Instant MODIFIED = Instant.parse("2020-06-01T12:00:00Z");

    @TempDir
    static Path temporary;
    private static Path base;
    private static TestServer server;

    @BeforeParameterizedClassInvocation
    static void startServer(Transport transport) throws Exception {
        base = Files.createDirectories(temporary.resolve(transport.name()));
        Path site = SiteFiles.directory(base, "site");
        Path alphabet = SiteFiles.write(site, "alphabet.txt", ALPHABET);
        Files.setLastModifiedTime(alphabet, FileTime.from(MODIFIED));
        SiteFiles.write(site, "files/inside.txt", "inside");
        SiteFiles.write(site, "a b?/inside.txt", "inside");
        SiteFiles.write(site, "listed/ok.txt", "ok");
        Path secret = SiteFiles.write(base, "secret.bin", "s".repeat(12_345));
        Files.createSymbolicLink(site.resolve("listed/dangling.txt"), site.resolve("listed/missing.txt"));
        Files.createSymbolicLink(site.resolve("listed/outside.bin"), secret);
        Files.createSymbolicLink(site.resolve("listed/inside-link.txt"), site.resolve("alphabet.txt"));
        Files.createSymbolicLink(site.resolve("listed/loop"), site.resolve("listed/loop"));
        server = TestServer.start(transport, """
                server {
                    listen 127.0.0.1:0;
                    root {site};
                    location /listed/ { autoindex on; }
                }
                """, Map.of("site", site));
    }

    @AfterParameterizedClassInvocation
    static void stopServer() throws Exception {
        server.close();
    }

    private static RawResponse request(String method, String target, String... headers) throws Exception {
        StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: x\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        try (RawClient client = server.connect()) {
            client.send(request.append("\r\n").toString());
            return method.equals("HEAD") ? client.readHeadResponse() : client.readResponse();
        }
    }

    private static String etag() throws Exception {
        return request("HEAD", "/alphabet.txt").header("ETag");
    }

    // ---- item 6: open redirect ----

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "//evil.example/%2e%2e/files|/files/", "//files|/files/", "///files|/files/", "/files/../files|/files/",
        "/files?a=1|/files/?a=1", "/a%20b%3F|/a%20b%3F/"})
    @DisplayName("issue 15: the directory redirect is built from the normalised path and never names another host")
    void redirectsDirectoriesOnlyToThisServer(String target, String location) throws Exception {
        RawResponse response = request("GET", target);
        assertEquals(301, response.status(), response::toString);
        assertEquals(location, response.header("Location"));
        assertFalse(response.bodyText().contains("evil"), response::toString);
    }

    // ---- item 11: preconditions ----

    @ParameterizedTest(name = "{0} If-Match: {1}")
    @CsvSource(delimiter = '|', value = {"GET|\"other\"", "HEAD|\"other\"", "GET|\"a\", \"b\"", "GET|W/{etag}"})
    @DisplayName("RFC 9110 §13.1.1: If-Match without the current tag (strong comparison) gets 412 on GET and HEAD")
    void failsIfMatchWithoutTheCurrentTag(String method, String ifMatch) throws Exception {
        RawResponse response = request(method, "/alphabet.txt", "If-Match: " + ifMatch.replace("{etag}", etag()));
        assertEquals(412, response.status(), response::toString);
    }

    @ParameterizedTest(name = "If-Match: {0}")
    @ValueSource(strings = {"*", "{etag}", "\"other\", {etag}"})
    @DisplayName("RFC 9110 §13.1.1: If-Match with * or the current tag gets the file")
    void servesIfMatchWithTheCurrentTag(String ifMatch) throws Exception {
        RawResponse response = request("GET", "/alphabet.txt", "If-Match: " + ifMatch.replace("{etag}", etag()));
        assertEquals(200, response.status(), response::toString);
        assertEquals(ALPHABET, response.bodyText());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET", "HEAD"})
    @DisplayName("RFC 9110 §13.1.4: If-Unmodified-Since before the file's last change gets 412")
    void failsIfUnmodifiedSinceBeforeTheChange(String method) throws Exception {
        RawResponse response = request(method, "/alphabet.txt", "If-Unmodified-Since: Sat, 01 Jun 2019 12:00:00 GMT");
        assertEquals(412, response.status(), response::toString);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Mon, 01 Jun 2020 12:00:00 GMT", "Tue, 01 Jun 2021 12:00:00 GMT", "not a date",
        "Sat, 01 Jun 2019 12:00:00 GMT, Sat, 01 Jun 2019 12:00:00 GMT"})
    @DisplayName("RFC 9110 §13.1.4: If-Unmodified-Since at or after the change, or not one valid date, gets the file")
    void servesIfUnmodifiedSinceAtOrAfterTheChange(String date) throws Exception {
        RawResponse response = request("GET", "/alphabet.txt", "If-Unmodified-Since: " + date);
        assertEquals(200, response.status(), response::toString);
    }

    @Test
    @DisplayName("RFC 9110 §13.2.2: If-Match first, then If-None-Match; If-Unmodified-Since is ignored with If-Match")
    void evaluatesPreconditionsInOrder() throws Exception {
        String etag = etag();
        RawResponse ignored = request("GET", "/alphabet.txt", "If-Match: " + etag,
                "If-Unmodified-Since: Sat, 01 Jun 2019 12:00:00 GMT");
        assertEquals(200, ignored.status(), ignored::toString);
        RawResponse failed = request("GET", "/alphabet.txt", "If-Match: \"other\"", "If-None-Match: " + etag);
        assertEquals(412, failed.status(), "412 before 304: " + failed);
        RawResponse notModified = request("GET", "/alphabet.txt", "If-Match: " + etag, "If-None-Match: " + etag);
        assertEquals(304, notModified.status(), notModified::toString);
    }

    @Test
    @DisplayName("RFC 9110 §13.1.1: a directory listing has no entity tag, so only If-Match: * lets it through")
    void failsIfMatchOnAListing() throws Exception {
        assertEquals(412, request("GET", "/listed/", "If-Match: \"x\"").status());
        assertEquals(200, request("GET", "/listed/", "If-Match: *").status());
    }

    // ---- item 12: Range applies to GET only ----

    @ParameterizedTest(name = "Range: {0}")
    @ValueSource(strings = {"bytes=0-9", "bytes=-5", "bytes=100-"})
    @DisplayName("RFC 9110 §14.2: HEAD with Range gets 200 with the full length, no Content-Range")
    void ignoresRangeOnHead(String range) throws Exception {
        RawResponse response = request("HEAD", "/alphabet.txt", "Range: " + range);
        assertEquals(200, response.status(), response::toString);
        assertEquals("26", response.header("Content-Length"));
        assertNull(response.header("Content-Range"), response::toString);
        assertEquals("bytes", response.header("Accept-Ranges"));
    }

    @Test
    @DisplayName("RFC 9110 §14.2: GET with the same Range still gets 206")
    void stillHonoursRangeOnGet() throws Exception {
        RawResponse response = request("GET", "/alphabet.txt", "Range: bytes=0-9");
        assertEquals(206, response.status(), response::toString);
        assertEquals("abcdefghij", response.bodyText());
    }

    // ---- item 15: file-system errors that are the client's doing ----

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/{long}", "/{long}/x", "/files/{long}.txt", "/alphabet.txt/x", "/alphabet.txt/{long}"})
    @DisplayName("issue 15: a segment over the file system's name limit, or below a file, is 404, not 503, and no WARN")
    void answersNamesNoFileCanHaveWith404(String path) throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger("dev.solo.http.internal.files.FileErrors");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            RawResponse response = request("GET", path.replace("{long}", "n".repeat(300)));
            assertEquals(404, response.status(), response::toString);
            assertNull(response.header("Retry-After"), response::toString);
        } finally {
            logger.detachAppender(log);
        }
        // The status is decided on the loop thread before the response leaves, so any warning is already there.
        synchronized (log) {
            assertTrue(log.list.stream().noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN)),
                    () -> "the client's mistake is not the server's trouble: " + log.list);
        }
    }

    @Test
    @DisplayName("issue 15: a name over the limit in bytes, not in characters (128 'é' and an 'x'), is 404 too")
    void answersLongNonAsciiNamesWith404() throws Exception {
        RawResponse response = request("GET", "/" + "%C3%A9".repeat(128) + "x");
        assertEquals(404, response.status(), response::toString);
    }

    @Test
    @DisplayName("issue 15: a symbolic link that loops is 403, and the server answers the next request")
    void answersALinkLoopWith403() throws Exception {
        assertEquals(403, request("GET", "/listed/loop").status());
        assertEquals(403, request("GET", "/listed/loop/x").status());
        assertEquals(200, request("GET", "/alphabet.txt").status());
    }

    // ---- item 16: listings with symbolic links ----

    @Test
    @DisplayName("issue 15: a listing with a dangling link is 200; links that lead nowhere or outside are left out")
    void listsADirectoryWithDanglingAndOutsideLinks() throws Exception {
        RawResponse response = request("GET", "/listed/");
        assertEquals(200, response.status(), response::toString);
        String html = response.bodyText();
        assertTrue(html.contains("ok.txt"), html);
        assertTrue(html.contains("inside-link.txt"), html);
        assertTrue(html.contains(">26<"), "an inside link shows its target's size: " + html);
        assertFalse(html.contains("dangling.txt"), html);
        assertFalse(html.contains("outside.bin"), html);
        assertFalse(html.contains("12345"), "nothing of the outside file: " + html);
        assertFalse(html.contains("loop"), html);
    }
}
