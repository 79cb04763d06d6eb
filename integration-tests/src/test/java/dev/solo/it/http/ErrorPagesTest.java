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
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Error responses: {@code error_page} files served with the original status, and the built-in pages. */
@ParameterizedClass(name = "{0}")
@EnumSource(Transport.class)
class ErrorPagesTest {

    /** Plain TCP or TLS: every test here runs over both. */
    @Parameter
    Transport transport;

    private static final String CUSTOM_404 = "<h1>custom not found</h1>";
    private static final String CUSTOM_405 = "<h1>custom method</h1>";

    @TempDir
    Path site;

    private TestServer start() throws Exception {
        SiteFiles.write(site, "errors/404.html", CUSTOM_404);
        SiteFiles.write(site, "errors/405.html", CUSTOM_405);
        SiteFiles.write(site, "page.txt", "page");
        SiteFiles.write(site, "plain/page.txt", "plain page");
        return TestServer.start(transport, """
                server {
                    listen 127.0.0.1:0;
                    root {root};
                    error_page 404 /errors/404.html;
                    location /readonly/ { methods GET; error_page 405 /errors/405.html; }
                    location /plain/ { autoindex off; }
                    location /small/ { return 200 small; client_max_body_size 10; }
                }
                server {
                    listen 127.0.0.2:0;
                    root {root};
                    location /readonly/ { methods GET; }
                    location /small/ { return 200 small; client_max_body_size 10; }
                }
                """, Map.of("root", site));
    }

    private static RawResponse exchange(TestServer server, int binding, String request) throws Exception {
        try (RawClient client = server.connect(binding)) {
            return client.send(request).readResponse();
        }
    }

    private static RawResponse get(TestServer server, int binding, String path) throws Exception {
        return exchange(server, binding, "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n");
    }

    private static void assertBuiltIn(RawResponse response, int status, String reason) {
        assertEquals(status, response.status(), response::toString);
        assertTrue(response.header("Content-Type").startsWith("text/html"), response::toString);
        String html = response.bodyText();
        assertTrue(html.contains(status + " " + reason), html);
        assertEquals(String.valueOf(response.body().length), response.header("Content-Length"));
    }

    @Test
    @DisplayName("error_page 404 serves the custom file with status 404, not 200")
    void servesTheCustomPageWithTheOriginalStatus() throws Exception {
        try (TestServer server = start()) {
            RawResponse response = get(server, 0, "/missing.html");
            assertEquals(404, response.status(), response::toString);
            assertEquals(CUSTOM_404, response.bodyText());
            assertTrue(response.header("Content-Type").startsWith("text/html"), response::toString);
        }
    }

    @Test
    @DisplayName("error_page set on the server applies in a location that sets none")
    void inheritsErrorPagesIntoLocations() throws Exception {
        try (TestServer server = start()) {
            RawResponse response = get(server, 0, "/plain/missing");
            assertEquals(404, response.status(), response::toString);
            assertEquals(CUSTOM_404, response.bodyText());
        }
    }

    @Test
    @DisplayName("error_page in a location applies there, keeping the Allow field of a 405")
    void servesALocationsOwnErrorPage() throws Exception {
        try (TestServer server = start()) {
            RawResponse response = exchange(server, 0,
                    "POST /readonly/x HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
            assertEquals(405, response.status(), response::toString);
            assertEquals(CUSTOM_405, response.bodyText());
            assertTrue(response.hasHeader("Allow"), "the custom page keeps the Allow field: " + response);
        }
    }

    @Test
    @DisplayName("as in nginx, a location's own error_page list replaces the inherited one")
    void replacesInheritedErrorPagesWithTheLocationsOwn() throws Exception {
        try (TestServer server = start()) {
            assertBuiltIn(get(server, 0, "/readonly/missing"), 404, "Not Found");
        }
    }

    @Test
    @DisplayName("a custom page deleted after start falls back to the built-in page, still 404")
    void fallsBackWhenTheCustomPageDisappears() throws Exception {
        try (TestServer server = start()) {
            Files.delete(site.resolve("errors/404.html"));
            RawResponse response = get(server, 0, "/missing.html");
            assertBuiltIn(response, 404, "Not Found");
            assertFalse(response.bodyText().contains("custom"), response::toString);
        }
    }

    @Test
    @DisplayName("RFC 9110 §15.5.5: the built-in 404 page")
    void servesTheBuiltIn404() throws Exception {
        try (TestServer server = start()) {
            assertBuiltIn(get(server, 1, "/missing.html"), 404, "Not Found");
        }
    }

    @Test
    @DisplayName("RFC 9110 §15.5.6: the built-in 405 page, with Allow")
    void servesTheBuiltIn405() throws Exception {
        try (TestServer server = start()) {
            RawResponse response = exchange(server, 1,
                    "DELETE /readonly/x HTTP/1.1\r\nHost: x\r\n\r\n");
            assertBuiltIn(response, 405, "Method Not Allowed");
            assertTrue(response.hasHeader("Allow"), response::toString);
        }
    }

    @Test
    @DisplayName("RFC 9110 §15.5.14: the built-in 413 page")
    void servesTheBuiltIn413() throws Exception {
        try (TestServer server = start()) {
            RawResponse response = exchange(server, 1,
                    "POST /small/ HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n");
            assertBuiltIn(response, 413, "Content Too Large");
        }
    }

    @Test
    @DisplayName("RFC 9110 §15.5.1: the built-in 400 page for a malformed request, before any server is chosen")
    void servesTheBuiltIn400() throws Exception {
        try (TestServer server = start()) {
            assertBuiltIn(exchange(server, 1, "GET / HTTP/1.1\r\n\r\n"), 400, "Bad Request");
        }
    }

    @Test
    @DisplayName("the built-in page does not echo the request (no reflected markup)")
    void doesNotEchoTheRequestInErrorPages() throws Exception {
        try (TestServer server = start()) {
            RawResponse response = get(server, 1, "/%3Cscript%3Ealert(1)%3C/script%3E");
            assertEquals(404, response.status(), response::toString);
            assertFalse(response.bodyText().contains("<script>"), response::toString);
            assertFalse(response.bodyText().contains("alert(1)"), response::toString);
        }
    }
}
