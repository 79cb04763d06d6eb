package dev.solo.it.features.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.config.ConfigException;
import dev.solo.it.features.support.GeneratedContent;
import dev.solo.it.features.support.MultipartBody;
import dev.solo.it.features.support.Programs;
import dev.solo.it.support.Http;
import dev.solo.it.support.SiteFiles;
import dev.solo.it.support.TestServer;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 1: a visitor must never be able to upload a script and have the server run it, nor delete the site's
 * pages because a server-wide setting reached every location.
 */
class UploadThenExecuteTest {

    private static final String SCRIPT = "print('Content-Type: text/plain')\nprint()\nprint('pwned')\n";

    @TempDir
    Path site;

    @Test
    @DisplayName("'upload on;' in a server block is refused at load time with file:line:col")
    void refusesUploadOnAtServerLevel() throws Exception {
        Programs.require("python3", "python3");
        SiteFiles.write(site, "cgi-bin/hello.py", SCRIPT);
        ConfigException error = assertThrows(ConfigException.class, () -> TestServer.start("""
                server {
                    listen 127.0.0.1:0;
                    root {root};
                    upload on;
                    location /cgi-bin/ { cgi .py python3; }
                }
                """, Map.of("root", site)).close());
        assertEquals(1, error.errors().size(), error.getMessage());
        assertEquals(4, error.errors().get(0).position().line(), error.getMessage());
        assertEquals(5, error.errors().get(0).position().column(), error.getMessage());
        assertTrue(error.getMessage().contains("never inherited"), error.getMessage());
    }

    @Test
    @DisplayName("uploads in a location that runs CGI scripts are refused at load time")
    void refusesUploadsInACgiLocation() throws Exception {
        Programs.require("python3", "python3");
        SiteFiles.write(site, "cgi-bin/hello.py", SCRIPT);
        ConfigException error = assertThrows(ConfigException.class, () -> TestServer.start("""
                server {
                    listen 127.0.0.1:0;
                    root {root};
                    location /cgi-bin/ { cgi .py python3; upload on; }
                }
                """, Map.of("root", site)).close());
        assertTrue(error.getMessage().contains(":4:43: location /cgi-bin/ writes client files to"),
                error.getMessage());
    }

    @Test
    @DisplayName("a script uploaded by PUT, raw POST or form into another server's CGI directory is refused (403)")
    void refusesScriptsWhereAnotherServerRunsThem() throws Exception {
        Programs.require("python3", "python3");
        SiteFiles.write(site, "cgi-bin/hello.py", SCRIPT.replace("pwned", "hello"));
        SiteFiles.write(site, "index.html", "<p>home</p>");
        // The first server runs scripts; the second lets clients write anywhere under the same root, which the
        // configuration check allows (with a warning) since its uploads may also go elsewhere.
        try (TestServer server = TestServer.start("""
                server {
                    listen 127.0.0.1:0;
                    root {root};
                    location /cgi-bin/ { cgi .py python3; }
                }
                server {
                    listen 127.0.0.2:0;
                    root {root};
                    location / { upload on; methods GET PUT POST DELETE; }
                }
                """, Map.of("root", site))) {
            assertEquals("hello\n", Http.get(server.uri(0, "/cgi-bin/hello.py")).body());

            HttpResponse<String> put = Http.send(Http.request(server.uri(1, "/cgi-bin/pwn.py"))
                    .PUT(HttpRequest.BodyPublishers.ofString(SCRIPT)).build());
            assertEquals(403, put.statusCode(), put::body);
            HttpResponse<String> post = Http.send(Http.request(server.uri(1, "/cgi-bin/pwn2.py"))
                    .header("Content-Type", "text/x-python").POST(HttpRequest.BodyPublishers.ofString(SCRIPT)).build());
            assertEquals(403, post.statusCode(), post::body);
            MultipartBody form = MultipartBody.create().file("f", "pwn3.py", GeneratedContent.of(3, 100));
            int formStatus = formStatus(server, form);
            assertEquals(403, formStatus);
            HttpResponse<String> delete = Http.send(Http.request(server.uri(1, "/cgi-bin/hello.py")).DELETE().build());
            assertEquals(403, delete.statusCode(), delete::body);

            assertEquals(404, Http.get(server.uri(0, "/cgi-bin/pwn.py")).statusCode());
            assertEquals(404, Http.get(server.uri(0, "/cgi-bin/pwn3.py")).statusCode());
            try (Stream<Path> files = Files.list(site.resolve("cgi-bin"))) {
                assertEquals(1, files.count(), "only hello.py is in cgi-bin");
            }
            HttpResponse<String> text = Http.send(Http.request(server.uri(1, "/cgi-bin/notes.txt"))
                    .PUT(HttpRequest.BodyPublishers.ofString("plain text")).build());
            assertEquals(201, text.statusCode(), "other names are still stored: " + text.body());
        }
    }

    @Test
    @DisplayName("without 'upload on;' in the location itself, DELETE /index.html is a 405 and the page stays")
    void locationsWithoutUploadRefuseWrites() throws Exception {
        SiteFiles.write(site, "index.html", "<p>home</p>");
        SiteFiles.write(site, "uploads/keep.txt", "kept");
        try (TestServer server = TestServer.start("""
                server {
                    listen 127.0.0.1:0;
                    root {root};
                    location /uploads/ { upload on; location /uploads/archive/ { } }
                }
                """, Map.of("root", site))) {
            HttpResponse<String> delete = Http.send(Http.request(server.uri("/index.html")).DELETE().build());
            assertEquals(405, delete.statusCode());
            assertEquals("GET, HEAD, OPTIONS", delete.headers().firstValue("Allow").orElse(""));
            assertTrue(Files.exists(site.resolve("index.html")));
            HttpResponse<String> nested = Http.send(Http.request(server.uri("/uploads/archive/x.txt"))
                    .PUT(HttpRequest.BodyPublishers.ofString("x")).build());
            assertEquals(405, nested.statusCode(), "a nested location does not inherit uploads");
            assertFalse(Files.exists(site.resolve("uploads/archive/x.txt")));
        }
    }

    private static int formStatus(TestServer server, MultipartBody form) throws IOException, InterruptedException {
        return Http.send(Http.request(server.uri(1, "/cgi-bin/")).header("Content-Type", form.contentType())
                .POST(form.withContentLength()).build()).statusCode();
    }
}
