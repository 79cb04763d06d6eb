package dev.solo.it.features.headers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.config.ConfigException;
import dev.solo.it.support.RawClient;
import dev.solo.it.support.RawResponse;
import dev.solo.it.support.SiteFiles;
import dev.solo.it.support.TestServer;
import dev.solo.it.support.Transport;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code add_header}, {@code return} with variables, {@code expires} and {@code etag}, seen by real clients. */
@ParameterizedClass(name = "{0}")
@EnumSource(Transport.class)
class ResponseHeadersTest {

    /** Plain TCP or TLS: every test here runs over both. */
    @Parameter
    Transport transport;

    @TempDir
    Path site;

    private static RawResponse get(TestServer server, String target, String... headers) throws Exception {
        StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: www.example.test:8443\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        try (RawClient client = server.connect()) {
            return client.send(request.append("\r\n").toString()).readResponse();
        }
    }

    @Test
    void addHeaderPutsSecurityHeadersOnPagesAndWithAlwaysOnErrorsToo() throws Exception {
        SiteFiles.write(site, "index.html", "<h1>home</h1>");
        SiteFiles.write(site, "api/data.json", "{}");
        try (TestServer server = TestServer.start(transport, """
                server {
                    listen 127.0.0.1:0;
                    root {root};
                    add_header Strict-Transport-Security "max-age=63072000" always;
                    add_header X-Frame-Options DENY;
                    location /api/ { add_header X-API yes; }
                }
                """, Map.of("root", site))) {
            RawResponse page = get(server, "/");
            assertEquals(200, page.status());
            assertEquals("max-age=63072000", page.header("Strict-Transport-Security"));
            assertEquals("DENY", page.header("X-Frame-Options"));

            RawResponse missing = get(server, "/missing.html");
            assertEquals(404, missing.status());
            assertEquals("max-age=63072000", missing.header("Strict-Transport-Security"), "always: on errors too");
            assertNull(missing.header("X-Frame-Options"), "without always: not on a 404");

            RawResponse api = get(server, "/api/data.json");
            assertEquals("yes", api.header("X-API"));
            assertNull(api.header("X-Frame-Options"), "a level with its own add_header drops the inherited ones");
            assertNull(api.header("Strict-Transport-Security"));

            HttpResponse<String> viaJdk = server.get("/");
            assertEquals(List.of("DENY"), viaJdk.headers().allValues("X-Frame-Options"));
        }
    }

    @Test
    void returnRedirectsToHttpsWithTheHostAndTheWholeRequestUri() throws Exception {
        try (TestServer server = TestServer.start(transport, """
                server {
                    listen 127.0.0.1:0;
                    return 301 https://$host$request_uri;
                }
                """)) {
            RawResponse response = get(server, "/a/b%20c.html?x=1&y=2");
            assertEquals(301, response.status());
            assertEquals("https://www.example.test/a/b%20c.html?x=1&y=2", response.header("Location"));
            assertTrue(response.bodyText().contains("https://www.example.test/a/b%20c.html?x=1&amp;y=2"),
                    response.bodyText());
        }
    }

    @Test
    void returnFillsInEveryVariable() throws Exception {
        try (TestServer server = TestServer.start(transport, """
                server {
                    listen 127.0.0.1:0;
                    location /vars/ { return 200 "$scheme $host $server_port $uri [$args] $remote_addr"; }
                    location /line/ { return 302 http://$host$uri; }
                }
                """)) {
            RawResponse vars = get(server, "/vars/%C3%A9t%C3%A9?q=1");
            assertEquals(transport.scheme() + " www.example.test " + server.port() + " /vars/%C3%A9t%C3%A9 [q=1] 127.0.0.1",
                    vars.bodyText());
            RawResponse line = get(server, "/line/x%20y%C3%A9");
            assertEquals(302, line.status());
            assertEquals("http://www.example.test/line/x%20y%C3%A9", line.header("Location"),
                    "a decoded path goes back into a header percent-encoded");
        }
    }

    @Test
    void anUnknownVariableStopsTheServerWithItsPosition() {
        ConfigException e = assertThrows(ConfigException.class, () -> TestServer.start(transport, """
                server {
                    listen 127.0.0.1:0;
                    return 301 https://$hostname$request_uri;
                }
                """));
        assertTrue(e.getMessage().matches("(?s).*server\\.conf:3:16: .*unknown variable '\\$hostname'.*")
                || e.getMessage().contains(":3:16: "), e.getMessage());
    }

    @Test
    void expiresTellsBrowsersHowLongToKeepAFile() throws Exception {
        SiteFiles.write(site, "css/site.css", "body{}");
        SiteFiles.write(site, "index.html", "<h1>home</h1>");
        try (TestServer server = TestServer.start(transport, """
                server {
                    listen 127.0.0.1:0;
                    root {root};
                    location /css/ { expires 30d; }
                    location = /index.html { expires epoch; }
                }
                """, Map.of("root", site))) {
            long before = Instant.now().getEpochSecond();
            RawResponse css = get(server, "/css/site.css");
            assertEquals("max-age=2592000", css.header("Cache-Control"));
            long expires = ZonedDateTime.parse(css.header("Expires"), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toEpochSecond();
            assertTrue(expires >= before + 2_592_000 - 1 && expires <= before + 2_592_000 + 5, css.toString());
            RawResponse index = get(server, "/index.html");
            assertEquals("no-cache", index.header("Cache-Control"));
            assertEquals("Thu, 01 Jan 1970 00:00:01 GMT", index.header("Expires"));
            RawResponse missing = get(server, "/css/missing.css");
            assertEquals(404, missing.status());
            assertNull(missing.header("Expires"), "errors are not cached");
        }
    }

    @Test
    void etagOffSendsNoTagButKeepsLastModified() throws Exception {
        SiteFiles.write(site, "a.txt", "a");
        try (TestServer server = TestServer.start(transport, """
                server {
                    listen 127.0.0.1:0;
                    root {root};
                    location /nt/ { etag off; alias {root}; }
                }
                """, Map.of("root", site))) {
            assertTrue(get(server, "/a.txt").hasHeader("ETag"));
            RawResponse off = get(server, "/nt/a.txt");
            assertEquals(200, off.status());
            assertFalse(off.hasHeader("ETag"));
            assertTrue(off.hasHeader("Last-Modified"));
        }
    }
}
