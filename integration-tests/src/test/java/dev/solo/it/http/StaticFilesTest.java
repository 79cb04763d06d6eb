package dev.solo.it.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.it.support.Http;
import dev.solo.it.support.RawClient;
import dev.solo.it.support.RawResponse;
import dev.solo.it.support.SiteFiles;
import dev.solo.it.support.TestServer;
import dev.solo.it.support.Transport;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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

/**
 * Static files: media types, validators and conditional requests (RFC 9110 §8.8, §13), byte ranges (RFC 9110 §14),
 * and bodies that arrive byte for byte.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Transport.class)
class StaticFilesTest {

    /** Plain TCP or TLS: every test here runs over both. */
    @Parameter
    Transport transport;

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz"; // 26 bytes

    @TempDir
    static Path temporary;
    private static Path site;
    private static TestServer server;
    private static byte[] big;

    @BeforeParameterizedClassInvocation
    static void startServer(Transport transport) throws Exception {
        site = Files.createDirectories(temporary.resolve(transport.name()));
        SiteFiles.write(site, "alphabet.txt", ALPHABET);
        SiteFiles.write(site, "page.html", "<p>page</p>");
        SiteFiles.write(site, "style.css", "p{}");
        SiteFiles.write(site, "data.json", "{}");
        SiteFiles.write(site, "image.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        SiteFiles.write(site, "blob.unknownext", "?");
        SiteFiles.write(site, "noextension", "?");
        SiteFiles.write(site, "caf\u00e9 menu.txt", "coffee");
        big = SiteFiles.everyByte(3 * 1024 * 1024 + 7);
        SiteFiles.write(site, "big.bin", big);
        server = TestServer.start(transport, "server { listen 127.0.0.1:0; root {root}; }", Map.of("root", site));
    }

    @AfterParameterizedClassInvocation
    static void stopServer() throws Exception {
        server.close();
    }

    private static RawResponse get(String path, String... headers) throws Exception {
        StringBuilder request = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\nHost: x\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        try (RawClient client = server.connect()) {
            return client.send(request.append("\r\n").toString()).readResponse();
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "/page.html|text/html", "/alphabet.txt|text/plain", "/style.css|text/css", "/data.json|application/json",
        "/image.png|image/png", "/blob.unknownext|application/octet-stream", "/noextension|application/octet-stream"})
    @DisplayName("RFC 9110 §8.3: Content-Type follows the file extension")
    void setsContentTypeFromTheExtension(String path, String type) throws Exception {
        RawResponse response = get(path);
        assertEquals(200, response.status(), response::toString);
        String contentType = response.header("Content-Type");
        assertNotNull(contentType, response::toString);
        assertEquals(type, contentType.split(";")[0].strip());
    }

    @Test
    @DisplayName("RFC 9110 §8.8: a file carries a strong ETag and Last-Modified")
    void sendsValidators() throws Exception {
        RawResponse response = get("/alphabet.txt");
        assertEquals(ALPHABET, response.bodyText());
        assertEquals("26", response.header("Content-Length"));
        assertTrue(response.header("ETag").matches("\"[^\"]+\""), response::toString);
        assertTrue(response.header("Last-Modified").endsWith(" GMT"), response::toString);
        assertEquals("bytes", response.header("Accept-Ranges"));
    }

    @Test
    @DisplayName("RFC 9110 §13.1.2: If-None-Match with the current ETag gets 304 without a body")
    void answersMatchingIfNoneMatchWith304() throws Exception {
        String etag = get("/alphabet.txt").header("ETag");
        RawResponse response = get("/alphabet.txt", "If-None-Match: \"other\", " + etag);
        assertEquals(304, response.status(), response::toString);
        assertEquals(etag, response.header("ETag"));
        assertEquals(0, response.body().length);
        assertEquals(304, get("/alphabet.txt", "If-None-Match: *").status());
        assertEquals(304, get("/alphabet.txt", "If-None-Match: W/" + etag).status(), "weak comparison");
    }

    @Test
    @DisplayName("RFC 9110 §13.1.2: If-None-Match with another ETag gets the file")
    void servesTheFileWhenIfNoneMatchDiffers() throws Exception {
        RawResponse response = get("/alphabet.txt", "If-None-Match: \"something-else\"");
        assertEquals(200, response.status(), response::toString);
        assertEquals(ALPHABET, response.bodyText());
    }

    @Test
    @DisplayName("RFC 9110 §13.1.3: If-Modified-Since at or after Last-Modified gets 304")
    void answersIfModifiedSinceWith304() throws Exception {
        String lastModified = get("/alphabet.txt").header("Last-Modified");
        RawResponse response = get("/alphabet.txt", "If-Modified-Since: " + lastModified);
        assertEquals(304, response.status(), response::toString);
        assertEquals(0, response.body().length);
    }

    @Test
    @DisplayName("RFC 9110 §13.1.3: If-Modified-Since before the change, or unparseable, gets the file")
    void servesTheFileWhenModifiedSince() throws Exception {
        assertEquals(200, get("/alphabet.txt", "If-Modified-Since: Sat, 01 Jan 2000 00:00:00 GMT").status());
        assertEquals(200, get("/alphabet.txt", "If-Modified-Since: yesterday").status());
    }

    @Test
    @DisplayName("RFC 9110 §13.2.2: If-None-Match takes precedence over If-Modified-Since")
    void prefersIfNoneMatchOverIfModifiedSince() throws Exception {
        String lastModified = get("/alphabet.txt").header("Last-Modified");
        RawResponse response = get("/alphabet.txt", "If-None-Match: \"other\"", "If-Modified-Since: " + lastModified);
        assertEquals(200, response.status(), response::toString);
    }

    @Test
    @DisplayName("RFC 9110 §14.2, §15.3.7: Range bytes=0-9 gets 206 with Content-Range and exactly those bytes")
    void servesAByteRange() throws Exception {
        RawResponse response = get("/alphabet.txt", "Range: bytes=0-9");
        assertEquals(206, response.status(), response::toString);
        assertEquals("bytes 0-9/26", response.header("Content-Range"));
        assertEquals("10", response.header("Content-Length"));
        assertEquals("abcdefghij", response.bodyText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bytes=-5|bytes 21-25/26|vwxyz", "bytes=20-|bytes 20-25/26|uvwxyz", "bytes=24-100|bytes 24-25/26|yz",
        "bytes=-100|bytes 0-25/26|abcdefghijklmnopqrstuvwxyz", "bytes=25-25|bytes 25-25/26|z"})
    @DisplayName("RFC 9110 §14.1.2: suffix and open ranges, and last positions past the end, are clipped to the file")
    void servesSuffixAndOpenRanges(String range, String contentRange, String body) throws Exception {
        RawResponse response = get("/alphabet.txt", "Range: " + range);
        assertEquals(206, response.status(), response::toString);
        assertEquals(contentRange, response.header("Content-Range"));
        assertEquals(body, response.bodyText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"bytes=26-30", "bytes=100-", "bytes=-0"})
    @DisplayName("RFC 9110 §15.5.17: a range that starts past the end gets 416 with Content-Range: bytes */size")
    void answersUnsatisfiableRangeWith416(String range) throws Exception {
        RawResponse response = get("/alphabet.txt", "Range: " + range);
        assertEquals(416, response.status(), response::toString);
        assertEquals("bytes */26", response.header("Content-Range"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"bytes=0-1,5-6", "bytes=5-2", "items=0-1", "bytes=a-b"})
    @DisplayName("RFC 9110 §14.2: several ranges, or a range the server ignores, get the whole file with 200")
    void answersIgnoredRangesWithTheWholeFile(String range) throws Exception {
        RawResponse response = get("/alphabet.txt", "Range: " + range);
        assertEquals(200, response.status(), response::toString);
        assertEquals(ALPHABET, response.bodyText());
    }

    @Test
    @DisplayName("RFC 9110 §13.1.5: If-Range with a stale validator gets the whole file, with the current one the range")
    void honoursIfRange() throws Exception {
        String etag = get("/alphabet.txt").header("ETag");
        RawResponse stale = get("/alphabet.txt", "Range: bytes=0-1", "If-Range: \"stale\"");
        assertEquals(200, stale.status(), stale::toString);
        assertEquals(ALPHABET, stale.bodyText());
        RawResponse current = get("/alphabet.txt", "Range: bytes=0-1", "If-Range: " + etag);
        assertEquals(206, current.status(), current::toString);
        assertEquals("ab", current.bodyText());
    }

    @Test
    @DisplayName("RFC 9110 §9.3.1: a large binary file arrives byte for byte")
    void servesALargeBinaryFileExactly() throws Exception {
        HttpResponse<byte[]> response = Http.getBytes(server.uri("/big.bin"));
        assertEquals(200, response.statusCode());
        assertEquals(String.valueOf(big.length), response.headers().firstValue("Content-Length").orElseThrow());
        assertArrayEquals(big, response.body());
    }

    @Test
    @DisplayName("RFC 9110 §14.2: a range deep inside a large file is exact")
    void servesARangeOfALargeFile() throws Exception {
        int first = 2 * 1024 * 1024 + 3;
        RawResponse response = get("/big.bin", "Range: bytes=" + first + "-" + (first + 99_999));
        assertEquals(206, response.status());
        assertArrayEquals(Arrays.copyOfRange(big, first, first + 100_000), response.body());
    }

    @Test
    @DisplayName("RFC 9112 §9.3: a large file on a kept-alive connection leaves it usable for the next request")
    void keepsTheConnectionAfterALargeFile() throws Exception {
        try (RawClient client = server.connect()) {
            client.send("GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\nGET /alphabet.txt HTTP/1.1\r\nHost: x\r\n\r\n");
            assertArrayEquals(big, client.readResponse().body());
            assertEquals(ALPHABET, client.readResponse().bodyText());
        }
    }

    @Test
    @DisplayName("RFC 3986 §2.1: a percent-encoded UTF-8 name maps to the file of that name; the query is not part of it")
    void decodesTheTargetBeforeMapping() throws Exception {
        assertEquals("coffee", get("/caf%C3%A9%20menu.txt").bodyText());
        assertEquals("coffee", get("/caf%c3%a9%20menu.txt?size=large&x=%20").bodyText());
        assertEquals(ALPHABET, get("/alphabet.txt?").bodyText());
    }

    @Test
    @DisplayName("RFC 9110 §6.6.1: every response, errors included, carries a Date")
    void datesEveryResponse() throws Exception {
        for (String path : new String[] {"/alphabet.txt", "/missing", "/"}) {
            RawResponse response = get(path);
            assertTrue(response.header("Date") != null && response.header("Date").endsWith(" GMT"),
                    response::toString);
        }
    }

    @Test
    @DisplayName("RFC 9110 §15.5.5: a missing file gets 404")
    void answersMissingFileWith404() throws Exception {
        assertEquals(404, get("/nothing-here.txt").status());
        assertEquals(404, get("/no-such-dir/file.txt").status());
    }

    @Test
    @DisplayName("RFC 9110 §15.5.5: a path that continues below a regular file names nothing: 404, not a server error")
    void answersPathBelowAFileWith404() throws Exception {
        RawResponse response = get("/alphabet.txt/child");
        assertEquals(404, response.status(), response::toString);
    }
}
