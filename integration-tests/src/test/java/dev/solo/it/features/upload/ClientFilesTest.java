package dev.solo.it.features.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.it.support.Http;
import dev.solo.it.support.SiteFiles;
import dev.solo.it.support.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 15, items 2 and 11: what clients upload is not served as active content in the server's origin, every static
 * response carries nosniff, and PUT/DELETE honour If-Match, If-Unmodified-Since and If-None-Match (RFC 9110 §13).
 */
class ClientFilesTest {

    private static final String PAGE = "<script>alert(document.cookie)</script>";

    @TempDir
    static Path site;
    private static TestServer server;

    @BeforeAll
    static void startServer() throws Exception {
        SiteFiles.write(site, "index.html", "<p>home</p>");
        Files.createDirectories(site.resolve("uploads"));
        Files.createDirectories(site.resolve("trusted"));
        server = TestServer.start("""
                server {
                    listen 127.0.0.1:0;
                    root {root};
                    location /uploads/ { upload on; autoindex on; }
                    location /trusted/ { upload on; upload_inline on; }
                }
                """, Map.of("root", site));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private static HttpResponse<String> put(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = Http.request(server.uri(path)).PUT(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return Http.send(request.build());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"x.html", "x.svg", "x.xml", "x.js", "x.xhtml", "x.htm"})
    @DisplayName("an uploaded page, image or script of an active type is served as a download, with nosniff")
    void servesActiveUploadsAsDownloads(String name) throws Exception {
        assertEquals(201, put("/uploads/" + name, PAGE).statusCode());

        HttpResponse<String> get = Http.get(server.uri("/uploads/" + name));

        assertEquals(200, get.statusCode());
        assertEquals("application/octet-stream", header(get, "Content-Type"));
        assertEquals("attachment", header(get, "Content-Disposition"));
        assertEquals("nosniff", header(get, "X-Content-Type-Options"));
        assertEquals(PAGE, get.body());
    }

    @Test
    @DisplayName("uploaded images and text keep their type; a location that opts in serves HTML as it is")
    void servesPassiveUploadsAndOptedInLocationsInline() throws Exception {
        assertEquals(201, put("/uploads/photo.png", "png").statusCode());
        HttpResponse<String> png = Http.get(server.uri("/uploads/photo.png"));
        assertEquals("image/png", header(png, "Content-Type"));
        assertFalse(png.headers().firstValue("Content-Disposition").isPresent());

        assertEquals(201, put("/trusted/page.html", PAGE).statusCode());
        HttpResponse<String> page = Http.get(server.uri("/trusted/page.html"));
        assertTrue(header(page, "Content-Type").startsWith("text/html"), page.headers()::toString);
        assertEquals("nosniff", header(page, "X-Content-Type-Options"));
    }

    @Test
    @DisplayName("the site's own pages stay text/html, with nosniff")
    void servesTheSitesPagesAsHtmlWithNosniff() throws Exception {
        HttpResponse<String> home = Http.get(server.uri("/index.html"));
        assertTrue(header(home, "Content-Type").startsWith("text/html"), home.headers()::toString);
        assertEquals("nosniff", header(home, "X-Content-Type-Options"));
        HttpResponse<String> listing = Http.get(server.uri("/uploads/"));
        assertEquals("nosniff", header(listing, "X-Content-Type-Options"));
    }

    @Test
    @DisplayName("RFC 9110 §13.1.1: PUT with the ETag of a GET replaces the file; a stale ETag gets 412")
    void putReplacesOnlyTheVersionItNames() throws Exception {
        assertEquals(201, put("/uploads/doc.txt", "first").statusCode());
        String etag = header(Http.get(server.uri("/uploads/doc.txt")), "ETag");

        assertEquals(409, put("/uploads/doc.txt", "no condition").statusCode());
        assertEquals(201, put("/uploads/doc.txt", "second", "If-Match", etag).statusCode());
        assertEquals("second", Files.readString(site.resolve("uploads/doc.txt")));
        HttpResponse<String> stale = put("/uploads/doc.txt", "third", "If-Match", etag);
        assertEquals(412, stale.statusCode(), stale::body);
        assertEquals("second", Files.readString(site.resolve("uploads/doc.txt")));
        assertEquals(412, put("/uploads/new.txt", "x", "If-Match", "*").statusCode());
        assertEquals(412, put("/uploads/doc.txt", "x", "If-None-Match", "*").statusCode());
    }

    @Test
    @DisplayName("RFC 9110 §13.1.1, §13.1.4: DELETE with a stale If-Match or an old If-Unmodified-Since gets 412")
    void deleteHonoursPreconditions() throws Exception {
        assertEquals(201, put("/uploads/del.txt", "x").statusCode());
        HttpResponse<String> get = Http.get(server.uri("/uploads/del.txt"));

        HttpResponse<String> stale = Http.send(Http.request(server.uri("/uploads/del.txt"))
                .header("If-Match", "\"not-it\"").DELETE().build());
        assertEquals(412, stale.statusCode());
        HttpResponse<String> old = Http.send(Http.request(server.uri("/uploads/del.txt"))
                .header("If-Unmodified-Since", "Sun, 06 Nov 1994 08:49:37 GMT").DELETE().build());
        assertEquals(412, old.statusCode());
        assertTrue(Files.exists(site.resolve("uploads/del.txt")));

        HttpResponse<String> current = Http.send(Http.request(server.uri("/uploads/del.txt"))
                .header("If-Match", header(get, "ETag")).header("If-Unmodified-Since", header(get, "Last-Modified"))
                .DELETE().build());
        assertEquals(204, current.statusCode());
        assertFalse(Files.exists(site.resolve("uploads/del.txt")));
    }
}
