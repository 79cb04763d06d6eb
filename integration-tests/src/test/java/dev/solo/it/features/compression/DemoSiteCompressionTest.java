package dev.solo.it.features.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.it.features.support.DemoSite;
import dev.solo.it.support.RawClient;
import dev.solo.it.support.RawResponse;
import dev.solo.it.support.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo compresses its pages, sends its stylesheet's precompressed copy and lets browsers cache its assets. */
class DemoSiteCompressionTest {

    @TempDir
    Path demo;

    private static RawResponse get(TestServer server, String target, String acceptEncoding) throws Exception {
        try (RawClient client = server.connect()) {
            return client.send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept-Encoding: " + acceptEncoding
                    + "\r\n\r\n").readResponse();
        }
    }

    @Test
    void theHomePageIsCompressedTheStylesheetPrecompressedAndCachedAndThePageSaysSo() throws Exception {
        try (TestServer server = TestServer.startFile(DemoSite.copyTo(demo))) {
            RawResponse home = get(server, "/", "gzip, deflate, br");
            assertEquals(200, home.status());
            assertEquals("gzip", home.header("Content-Encoding"));
            byte[] page = CompressionTest.gunzip(home.body());
            assertArrayEquals(Files.readAllBytes(demo.resolve("site/index.html")), page);
            assertTrue(home.body().length * 2 < page.length, home.body().length + " of " + page.length);
            assertTrue(new String(page, java.nio.charset.StandardCharsets.UTF_8).contains("gzip_static on"));

            RawResponse css = get(server, "/css/site.css", "gzip, deflate, br");
            assertEquals("gzip", css.header("Content-Encoding"));
            assertArrayEquals(Files.readAllBytes(demo.resolve("site/css/site.css.gz")), css.body(),
                    "the copy made at build time, as it is");
            assertEquals("max-age=604800", css.header("Cache-Control"));
            assertTrue(css.hasHeader("Expires"));

            RawResponse identity = get(server, "/css/site.css", "identity");
            assertArrayEquals(Files.readAllBytes(demo.resolve("site/css/site.css")), identity.body());
            assertEquals("Accept-Encoding", identity.header("Vary"));
        }
    }
}
