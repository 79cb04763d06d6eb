package dev.solo.it.features.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.it.features.support.Programs;
import dev.solo.it.support.Http;
import dev.solo.it.support.RawClient;
import dev.solo.it.support.RawResponse;
import dev.solo.it.support.SiteFiles;
import dev.solo.it.support.TestServer;
import dev.solo.it.support.TestTls;
import dev.solo.it.support.Transport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code gzip on;} with real clients: what they decode is the file, byte for byte, and every rule has its case. */
@ParameterizedClass(name = "{0}")
@EnumSource(Transport.class)
class CompressionTest {

    /** Plain TCP or TLS: every test here runs over both. */
    @Parameter
    Transport transport;

    private static final String CONFIG = """
            server {
                listen 127.0.0.1:0;
                root {root};
                gzip on;
                error_page 404 /errors/404.html;
                location /cgi-bin/ { cgi .py python3; }
                location /level9/ { gzip_comp_level 9; }
                location /plain/ { gzip off; }
            }
            """;

    @TempDir
    Path site;

    /** Text that compresses as HTML does (about 4:1), every run the same. */
    static byte[] html(int size) {
        StringBuilder out = new StringBuilder("<!doctype html>\n<title>page</title>\n");
        int line = 0;
        while (out.length() < size) {
            out.append("<p class=\"row-").append(line % 17).append("\">Solo serves line ").append(line)
                    .append(" of this page, compressed on the fly.</p>\n");
            line++;
        }
        return out.substring(0, size).getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] gunzip(byte[] gzip) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }

    private TestServer start() throws Exception {
        SiteFiles.write(site, "page.html", html(20 * 1024));
        SiteFiles.write(site, "big.html", html(300 * 1024));
        SiteFiles.write(site, "level9/big.html", html(300 * 1024));
        SiteFiles.write(site, "plain/page.html", html(20 * 1024));
        SiteFiles.write(site, "small.html", "<p>small</p>");
        SiteFiles.write(site, "photo.png", html(5000));
        SiteFiles.write(site, "errors/404.html", html(3000));
        return TestServer.start(transport, CONFIG, Map.of("root", site));
    }

    private static RawResponse get(TestServer server, String target, String... headers) throws Exception {
        return send(server, "GET", target, headers);
    }

    private static RawResponse send(TestServer server, String method, String target, String... headers)
            throws Exception {
        StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: x\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        try (RawClient client = server.connect()) {
            client.send(request.append("\r\n").toString());
            return method.equals("HEAD") ? client.readHeadResponse() : client.readResponse();
        }
    }

    @Test
    void theJdkClientDecodesExactlyTheFileSmallAndLarge() throws Exception {
        try (TestServer server = start()) {
            for (String name : new String[] {"page.html", "big.html"}) {
                HttpResponse<byte[]> response = Http.client().send(Http.request(server.uri("/" + name))
                        .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, response.statusCode());
                assertEquals("gzip", response.headers().firstValue("Content-Encoding").orElse(null), name);
                assertEquals("Accept-Encoding", response.headers().firstValue("Vary").orElse(null), name);
                byte[] file = Files.readAllBytes(site.resolve(name));
                assertTrue(response.body().length < file.length / 3, name + ": " + response.body().length);
                assertArrayEquals(file, gunzip(response.body()), name);
            }
        }
    }

    @Test
    void curlCompressedDownloadsTheSameBytesAsTheFile() throws Exception {
        Path curl = Programs.require("curl", "curl");
        try (TestServer server = start()) {
            for (String name : new String[] {"page.html", "big.html", "level9/big.html"}) {
                Path out = site.resolve("curl.out");
                Process process = new ProcessBuilder(curl.toString(), "-s", "--compressed", "--cacert",
                        TestTls.get().ca().toString(), "-o", out.toString(), "-w", "%{size_download}",
                        server.uri("/" + name).toString()).redirectErrorStream(true).start();
                String downloaded = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                assertTrue(process.waitFor(30, TimeUnit.SECONDS));
                assertEquals(0, process.exitValue(), downloaded);
                byte[] file = Files.readAllBytes(site.resolve(name.replace("level9/", "")));
                assertArrayEquals(file, Files.readAllBytes(out), name);
                assertTrue(Long.parseLong(downloaded.strip()) < file.length / 3, name + ": " + downloaded);
            }
        }
    }

    @Test
    void qValuesDecide() throws Exception {
        try (TestServer server = start()) {
            assertNull(get(server, "/page.html").header("Content-Encoding"), "no Accept-Encoding, no gzip");
            assertNull(get(server, "/page.html", "Accept-Encoding: gzip;q=0").header("Content-Encoding"));
            assertNull(get(server, "/page.html", "Accept-Encoding: *, gzip;q=0").header("Content-Encoding"));
            assertNull(get(server, "/page.html", "Accept-Encoding: br, deflate").header("Content-Encoding"));
            assertEquals("gzip", get(server, "/page.html", "Accept-Encoding: br;q=1, gzip;q=0.5")
                    .header("Content-Encoding"));
            assertEquals("gzip", get(server, "/page.html", "Accept-Encoding: *").header("Content-Encoding"));
            RawResponse refused = get(server, "/page.html", "Accept-Encoding: deflate");
            assertEquals("Accept-Encoding", refused.header("Vary"), "Vary on the identity variant too");
            assertArrayEquals(Files.readAllBytes(site.resolve("page.html")), refused.body());
            assertNull(get(server, "/small.html", "Accept-Encoding: gzip").header("Content-Encoding"),
                    "below gzip_min_length");
            RawResponse smallForced = get(server, "/small.html", "Accept-Encoding: gzip, identity;q=0");
            assertEquals("gzip", smallForced.header("Content-Encoding"), "identity refused: even a small body");
            assertEquals("<p>small</p>", new String(gunzip(smallForced.body()), StandardCharsets.US_ASCII));
            assertNull(get(server, "/photo.png", "Accept-Encoding: gzip").header("Content-Encoding"), "not a text");
            assertNull(get(server, "/plain/page.html", "Accept-Encoding: gzip").header("Content-Encoding"),
                    "gzip off in the location");
        }
    }

    @Test
    void rangeHeadAndNotModifiedFollowTheirRules() throws Exception {
        try (TestServer server = start()) {
            RawResponse range = get(server, "/page.html", "Accept-Encoding: gzip", "Range: bytes=0-99");
            assertEquals(206, range.status());
            assertNull(range.header("Content-Encoding"), "a range is of the identity body");
            assertEquals(100, range.body().length);

            RawResponse identity = get(server, "/page.html");
            RawResponse gzip = get(server, "/page.html", "Accept-Encoding: gzip");
            String strong = identity.header("ETag");
            assertTrue(strong.startsWith("\""), strong);
            assertEquals("W/" + strong, gzip.header("ETag"), "the compressed variant has its own (weak) tag");
            assertNull(gzip.header("Accept-Ranges"));

            RawResponse head = send(server, "HEAD", "/page.html", "Accept-Encoding: gzip");
            assertEquals(200, head.status());
            assertEquals("gzip", head.header("Content-Encoding"));
            assertEquals(0, head.body().length);

            RawResponse notModified = get(server, "/page.html", "Accept-Encoding: gzip",
                    "If-None-Match: " + gzip.header("ETag"));
            assertEquals(304, notModified.status());
            assertEquals(gzip.header("ETag"), notModified.header("ETag"));
            assertEquals("Accept-Encoding", notModified.header("Vary"));
            assertNull(notModified.header("Content-Type"));
            assertNull(notModified.header("Content-Encoding"));
        }
    }

    @Test
    void errorPagesAndHandlerResponsesAreCompressedWithTheirStatus() throws Exception {
        try (TestServer server = start()) {
            RawResponse missing = get(server, "/nothing-here", "Accept-Encoding: gzip");
            assertEquals(404, missing.status());
            assertEquals("gzip", missing.header("Content-Encoding"));
            assertArrayEquals(Files.readAllBytes(site.resolve("errors/404.html")), gunzip(missing.body()));
        }
    }

    @Test
    void aResponseThatIsAlreadyEncodedIsLeftAlone() throws Exception {
        Programs.require("python3", "python3");
        byte[] payload = html(5000);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(payload);
        }
        SiteFiles.write(site, "payload.gz", gz.toByteArray());
        SiteFiles.write(site, "cgi-bin/encoded.py", """
                import sys
                data = open(sys.argv[0].replace('cgi-bin/encoded.py', 'payload.gz'), 'rb').read()
                sys.stdout.write('Content-Type: text/html\\r\\nContent-Encoding: gzip\\r\\n\\r\\n')
                sys.stdout.flush()
                sys.stdout.buffer.write(data)
                """);
        try (TestServer server = start()) {
            RawResponse response = get(server, "/cgi-bin/encoded.py", "Accept-Encoding: gzip");
            assertEquals(200, response.status(), response::toString);
            assertEquals("gzip", response.header("Content-Encoding"));
            assertArrayEquals(payload, gunzip(response.body()), "compressed once, not twice");
            assertFalse(response.headers("Vary").contains("Accept-Encoding"));
        }
    }
}
