package dev.solo.it.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Which location answers a path (longest prefix, exact match, decoded and normalised paths) and {@code return}. */
@ParameterizedClass(name = "{0}")
@EnumSource(Transport.class)
class RoutingTest {

    /** Plain TCP or TLS: every test here runs over both. */
    @Parameter
    Transport transport;

    @TempDir
    static Path temporary;
    private static Path site;
    private static TestServer server;

    @BeforeParameterizedClassInvocation
    static void startServer(Transport transport) throws Exception {
        site = Files.createDirectories(temporary.resolve(transport.name()));
        SiteFiles.write(site, "file.txt", "from the root");
        server = TestServer.start(transport, """
                server {
                    listen 127.0.0.1:0;
                    root {root};
                    location /a/ { return 200 a; }
                    location /a/b/ { return 200 ab; }
                    location /a/b/c/ { return 200 abc; }
                    location = /x { return 200 exact; }
                    location /x { return 200 prefix; }
                    location /admin/ { return 403; }
                    location = /moved { return 301 http://example.test/new?q=1; }
                    location = /found { return 302 /file.txt; }
                    location = /see-other { return 303 /file.txt; }
                    location = /temporary { return 307 /file.txt; }
                    location = /gone { return 410; }
                    location = /empty { return 204; }
                    location /nested/ {
                        return 200 outer;
                        location /nested/inner/ { return 200 inner; }
                    }
                }
                """, Map.of("root", site));
    }

    @AfterParameterizedClassInvocation
    static void stopServer() throws Exception {
        server.close();
    }

    private static RawResponse get(String path) throws Exception {
        try (RawClient client = server.connect()) {
            return client.send("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"/a/, a", "/a/x, a", "/a/bx, a", "/a/b/, ab", "/a/b/y, ab", "/a/b/c/, abc", "/a/b/c/d/e, abc",
        "/a/b/?q=/a/b/c/, ab", "/nested/, outer", "/nested/inner/x, inner"})
    @DisplayName("the longest matching prefix wins, nested locations included; the query plays no part")
    void choosesTheLongestPrefix(String path, String body) throws Exception {
        RawResponse response = get(path);
        assertEquals(200, response.status(), response::toString);
        assertEquals(body, response.bodyText());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"/x, exact", "/x?y=1, exact", "/x/, prefix", "/xy, prefix", "/x/y, prefix"})
    @DisplayName("location = /x matches only /x itself, before any prefix")
    void prefersTheExactMatch(String path, String body) throws Exception {
        assertEquals(body, get(path).bodyText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"//a//b/", "/a/./b/", "/%61/%62/", "/a/c/../b/"})
    @DisplayName("RFC 3986 §6.2.2: routing sees the decoded, normalised path, so a prefix cannot be dodged")
    void routesTheNormalisedPath(String path) throws Exception {
        assertEquals("ab", get(path).bodyText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/admin/", "//admin/", "/%61dmin/", "/x/../admin/", "/ADMIN/../admin/"})
    @DisplayName("RFC 3986 §6.2.2: a protected prefix cannot be reached another way")
    void protectsPrefixesFromEquivalentSpellings(String path) throws Exception {
        assertEquals(403, get(path).status());
    }

    @Test
    @DisplayName("RFC 9110 §15.4.2: return 301 URL redirects with Location")
    void returns301WithLocation() throws Exception {
        RawResponse response = get("/moved");
        assertEquals(301, response.status(), response::toString);
        assertEquals("http://example.test/new?q=1", response.header("Location"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"/found, 302", "/see-other, 303", "/temporary, 307"})
    @DisplayName("RFC 9110 §15.4: return 302/303/307 redirects with Location")
    void returnsOtherRedirects(String path, int status) throws Exception {
        RawResponse response = get(path);
        assertEquals(status, response.status(), response::toString);
        assertEquals("/file.txt", response.header("Location"));
    }

    @Test
    @DisplayName("return 200 TEXT answers with the text as text/plain")
    void returnsText() throws Exception {
        RawResponse response = get("/a/");
        assertEquals("a", response.bodyText());
        assertTrue(response.header("Content-Type").startsWith("text/plain"), response::toString);
        assertEquals("1", response.header("Content-Length"));
    }

    @Test
    @DisplayName("return 4xx answers with that error status and the error page")
    void returnsErrorStatuses() throws Exception {
        RawResponse response = get("/gone");
        assertEquals(410, response.status(), response::toString);
        assertTrue(response.bodyText().contains("410"), response::toString);
    }

    @Test
    @DisplayName("RFC 9110 §15.3.5: return 204 sends no body, and the connection stays in step")
    void returns204WithoutBody() throws Exception {
        try (RawClient client = server.connect()) {
            client.send("GET /empty HTTP/1.1\r\nHost: x\r\n\r\nGET /a/ HTTP/1.1\r\nHost: x\r\n\r\n");
            RawResponse empty = client.readResponse();
            assertEquals(204, empty.status(), empty::toString);
            assertEquals(null, empty.header("Content-Length"), "RFC 9110 §8.6: no Content-Length in a 204");
            assertEquals("a", client.readResponse().bodyText());
        }
    }

    @Test
    @DisplayName("a path no location claims falls to location / and its root")
    void fallsBackToTheRootLocation() throws Exception {
        assertEquals("from the root", get("/file.txt").bodyText());
    }
}
