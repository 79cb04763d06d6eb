package dev.solo.it.features.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.solo.it.support.RawClient;
import dev.solo.it.support.RawResponse;
import dev.solo.it.support.SiteFiles;
import dev.solo.it.support.TestServer;
import dev.solo.it.support.Transport;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code gzip_static} and {@code brotli_static}: the compressed copy next to a file, sent as it is. */
@ParameterizedClass(name = "{0}")
@EnumSource(Transport.class)
class PrecompressedFilesTest {

    /** Plain TCP or TLS: every test here runs over both. */
    @Parameter
    Transport transport;

    @TempDir
    Path site;

    private byte[] css;
    private byte[] gz;
    private final byte[] br = "pretend this is brotli".getBytes(StandardCharsets.US_ASCII);

    private TestServer start() throws Exception {
        css = CompressionTest.html(8000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(css);
        }
        gz = out.toByteArray();
        for (String dir : new String[] {"css", "stale"}) {
            SiteFiles.write(site, dir + "/site.css", css);
            SiteFiles.write(site, dir + "/site.css.gz", gz);
            SiteFiles.write(site, dir + "/site.css.br", br);
        }
        Instant now = Instant.now();
        Files.setLastModifiedTime(site.resolve("stale/site.css.gz"), FileTime.from(now.minusSeconds(3600)));
        Files.setLastModifiedTime(site.resolve("stale/site.css.br"), FileTime.from(now.minusSeconds(3600)));
        return TestServer.start(transport, """
                server {
                    listen 127.0.0.1:0;
                    root {root};
                    gzip_static on;
                    brotli_static on;
                }
                """, Map.of("root", site));
    }

    private static RawResponse get(TestServer server, String target, String... headers) throws Exception {
        StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: x\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        try (RawClient client = server.connect()) {
            return client.send(request.append("\r\n").toString()).readResponse();
        }
    }

    @Test
    void sendsTheGzipCopyAsItIsWithTheOriginalsType() throws Exception {
        try (TestServer server = start()) {
            RawResponse response = get(server, "/css/site.css", "Accept-Encoding: gzip");
            assertEquals(200, response.status());
            assertEquals("gzip", response.header("Content-Encoding"));
            assertEquals("text/css", response.header("Content-Type").split(";")[0]);
            assertEquals("Accept-Encoding", response.header("Vary"));
            assertArrayEquals(gz, response.body());
            assertArrayEquals(css, CompressionTest.gunzip(response.body()));
        }
    }

    @Test
    void prefersBrotliWhenTheClientTakesItAndFollowsTheQValues() throws Exception {
        try (TestServer server = start()) {
            RawResponse brotli = get(server, "/css/site.css", "Accept-Encoding: gzip, deflate, br");
            assertEquals("br", brotli.header("Content-Encoding"));
            assertArrayEquals(br, brotli.body());
            RawResponse gzipPreferred = get(server, "/css/site.css", "Accept-Encoding: br;q=0.5, gzip");
            assertEquals("gzip", gzipPreferred.header("Content-Encoding"));
            RawResponse identity = get(server, "/css/site.css");
            assertNull(identity.header("Content-Encoding"));
            assertEquals("Accept-Encoding", identity.header("Vary"));
            assertArrayEquals(css, identity.body());
        }
    }

    @Test
    void aCopyOlderThanTheOriginalIsNotUsed() throws Exception {
        try (TestServer server = start()) {
            RawResponse response = get(server, "/stale/site.css", "Accept-Encoding: gzip, br");
            assertNull(response.header("Content-Encoding"));
            assertArrayEquals(css, response.body());
        }
    }

    @Test
    void theCopyItselfIsServedAsAFileOfItsOwn() throws Exception {
        try (TestServer server = start()) {
            RawResponse response = get(server, "/css/site.css.gz", "Accept-Encoding: gzip");
            assertNull(response.header("Content-Encoding"));
            assertArrayEquals(gz, response.body());
        }
    }

    @Test
    void aRangeAndARevalidationWorkOnTheCopy() throws Exception {
        try (TestServer server = start()) {
            RawResponse full = get(server, "/css/site.css", "Accept-Encoding: gzip");
            RawResponse range = get(server, "/css/site.css", "Accept-Encoding: gzip", "Range: bytes=0-9");
            assertEquals(206, range.status());
            assertEquals("gzip", range.header("Content-Encoding"));
            byte[] first = new byte[10];
            System.arraycopy(gz, 0, first, 0, 10);
            assertArrayEquals(first, range.body());
            RawResponse notModified = get(server, "/css/site.css", "Accept-Encoding: gzip",
                    "If-None-Match: " + full.header("ETag"));
            assertEquals(304, notModified.status());
            assertEquals(full.header("ETag"), notModified.header("ETag"));
            assertEquals("Accept-Encoding", notModified.header("Vary"));
        }
    }
}
