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
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Directories and file mapping: index files, the trailing-slash redirect, listings, 403, {@code root} and {@code alias}. */
@ParameterizedClass(name = "{0}")
@EnumSource(Transport.class)
class DirectoriesTest {

    /** Plain TCP or TLS: every test here runs over both. */
    @Parameter
    Transport transport;

    @TempDir
    static Path temporary;
    private static Path base;
    private static TestServer server;

    @BeforeParameterizedClassInvocation
    static void startServer(Transport transport) throws Exception {
        base = Files.createDirectories(temporary.resolve(transport.name()));
        Path site = SiteFiles.directory(base, "site");
        SiteFiles.write(site, "index.html", "<p>home</p>");
        SiteFiles.write(site, "withindex/index.html", "<p>dir index</p>");
        SiteFiles.write(site, "withindex/other.txt", "other");
        SiteFiles.write(site, "custom/start.htm", "<p>custom index</p>");
        SiteFiles.write(site, "listed/plain.txt", "plain");
        SiteFiles.write(site, "listed/<b>.txt", "bold");
        SiteFiles.write(site, "listed/a & b.txt", "amp");
        SiteFiles.write(site, "listed/.hidden", "hidden");
        SiteFiles.directory(site, "listed/subdir");
        SiteFiles.write(site, "unlisted/file.txt", "file");
        Path assets = SiteFiles.directory(base, "assets");
        SiteFiles.write(assets, "app.css", "body{}");
        Path docs = SiteFiles.directory(base, "docroot");
        SiteFiles.write(docs, "docs/guide.txt", "guide under root");
        SiteFiles.write(docs, "guide.txt", "guide at the top of the other root");
        server = TestServer.start(transport, """
                server {
                    listen 127.0.0.1:0;
                    root {site};
                    location /listed/ { autoindex on; }
                    location /custom/ { index missing.html start.htm; }
                    location /static/ { alias {assets}; }
                    location /docs/ { root {docs}; }
                }
                """, Map.of("site", site, "assets", assets, "docs", docs));
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

    @Test
    @DisplayName("a directory with index.html serves it, at the root and below")
    void servesTheIndexFile() throws Exception {
        assertEquals("<p>home</p>", get("/").bodyText());
        RawResponse response = get("/withindex/");
        assertEquals(200, response.status(), response::toString);
        assertEquals("<p>dir index</p>", response.bodyText());
        assertTrue(response.header("Content-Type").startsWith("text/html"), response::toString);
    }

    @Test
    @DisplayName("the index directive names the candidates, tried in order")
    void triesIndexFilesInOrder() throws Exception {
        assertEquals("<p>custom index</p>", get("/custom/").bodyText());
    }

    @Test
    @DisplayName("RFC 9110 §15.4.2: a directory without the trailing slash gets 301 to the slashed path, query kept")
    void redirectsDirectoryWithoutSlash() throws Exception {
        RawResponse response = get("/withindex");
        assertEquals(301, response.status(), response::toString);
        assertEquals("/withindex/", response.header("Location"));
        assertEquals("/withindex/?a=1", get("/withindex?a=1").header("Location"));
    }

    @Test
    @DisplayName("autoindex lists the files, directories first, without hidden ones")
    void listsADirectory() throws Exception {
        RawResponse response = get("/listed/");
        assertEquals(200, response.status(), response::toString);
        assertTrue(response.header("Content-Type").startsWith("text/html"), response::toString);
        String html = response.bodyText();
        assertTrue(html.contains("plain.txt"), html);
        assertTrue(html.contains("subdir/"), html);
        assertTrue(html.indexOf("subdir/") < html.indexOf("plain.txt"), "directories first: " + html);
        assertFalse(html.contains(".hidden"), html);
    }

    @Test
    @DisplayName("autoindex escapes names: <b>.txt is shown as text and linked percent-encoded")
    void escapesNamesInTheListing() throws Exception {
        String html = get("/listed/").bodyText();
        assertFalse(html.contains("<b>"), "no raw markup from a file name: " + html);
        assertTrue(html.contains("&lt;b&gt;.txt"), html);
        assertTrue(html.contains("href=\"%3Cb%3E.txt\""), html);
        assertTrue(html.contains("a &amp; b.txt"), html);
        RawResponse linked = get("/listed/%3Cb%3E.txt");
        assertEquals(200, linked.status(), linked::toString);
        assertEquals("bold", linked.bodyText());
        assertEquals("amp", get("/listed/a%20%26%20b.txt").bodyText());
    }

    @Test
    @DisplayName("RFC 9110 §15.5.4: a directory with no index and autoindex off gets 403")
    void forbidsUnlistedDirectories() throws Exception {
        RawResponse response = get("/unlisted/");
        assertEquals(403, response.status(), response::toString);
        assertFalse(response.bodyText().contains("file.txt"), response::toString);
        assertEquals("file", get("/unlisted/file.txt").bodyText());
    }

    @Test
    @DisplayName("alias replaces the location prefix with its directory")
    void mapsThroughAlias() throws Exception {
        RawResponse response = get("/static/app.css");
        assertEquals(200, response.status(), response::toString);
        assertEquals("body{}", response.bodyText());
        assertEquals(404, get("/static/static/app.css").status());
    }

    @Test
    @DisplayName("root in a location appends the whole request path to that root")
    void mapsThroughRoot() throws Exception {
        RawResponse response = get("/docs/guide.txt");
        assertEquals(200, response.status(), response::toString);
        assertEquals("guide under root", response.bodyText());
    }
}
