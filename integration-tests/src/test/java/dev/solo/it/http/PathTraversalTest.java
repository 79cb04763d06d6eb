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
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests that try to reach files outside the document root: dot segments raw and encoded, encoded separators, NUL,
 * backslashes, symbolic links out of the root. None may be answered with the secret; each gets 400, 403 or 404.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Transport.class)
class PathTraversalTest {

    /** Plain TCP or TLS: every test here runs over both. */
    @Parameter
    Transport transport;

    private static final String SECRET = "TOP-SECRET-CONTENT";

    @TempDir
    static Path temporary;
    private static Path base;
    private static TestServer server;

    @BeforeParameterizedClassInvocation
    static void startServer(Transport transport) throws Exception {
        base = Files.createDirectories(temporary.resolve(transport.name()));
        Path site = SiteFiles.directory(base, "site");
        Path outside = SiteFiles.directory(base, "outside");
        SiteFiles.write(base, "secret.txt", SECRET);
        SiteFiles.write(outside, "secret.txt", SECRET);
        SiteFiles.write(site, "public.txt", "public");
        SiteFiles.write(site, "sub/inner.txt", "inner");
        SiteFiles.directory(base, "site2");
        SiteFiles.write(base, "site2/secret.txt", SECRET);
        SiteFiles.write(base, "assets/style.css", "css");
        Files.createSymbolicLink(site.resolve("link-out.txt"), base.resolve("secret.txt"));
        Files.createSymbolicLink(site.resolve("dir-out"), outside);
        Files.createSymbolicLink(site.resolve("link-in.txt"), site.resolve("sub/inner.txt"));
        server = TestServer.start(transport, """
                server {
                    listen 127.0.0.1:0;
                    root {site};
                    location /assets/ { alias {assets}; autoindex on; }
                    location /sub/ { autoindex on; }
                }
                """, Map.of("site", site, "assets", base.resolve("assets")));
    }

    @AfterParameterizedClassInvocation
    static void stopServer() throws Exception {
        server.close();
    }

    private static RawResponse get(String target) throws Exception {
        try (RawClient client = server.connect()) {
            return client.send("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
        }
    }

    private static void assertRefused(String target) throws Exception {
        RawResponse response = get(target);
        assertFalse(response.bodyText().contains(SECRET), "the secret leaked for " + target + ":\n" + response);
        assertTrue(Set.of(400, 403, 404).contains(response.status()), target + " -> " + response);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "/../secret.txt", "/../../secret.txt", "/sub/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt",
        "/.%2e/secret.txt", "/sub/%2e%2e/%2e%2e/secret.txt", "/..%2fsecret.txt", "/sub%2f..%2f..%2fsecret.txt",
        "/%2e%2e%2fsecret.txt", "/..%5csecret.txt", "/..\\secret.txt", "/public.txt%00.html", "/%00/../secret.txt",
        "/%252e%252e/secret.txt", "/%c0%ae%c0%ae/secret.txt", "//../secret.txt", "/./../secret.txt",
        "/assets/../../secret.txt", "/assets/..%2f..%2fsecret.txt", "/assets../secret.txt", "/assets/%2e%2e/site2/secret.txt",
        "/../site2/secret.txt", "http://x/../secret.txt"})
    @DisplayName("RFC 3986 §5.2.4, RFC 9110 §17.4: dot segments and encoded separators never leave the root")
    void neverServesFilesAboveTheRoot(String target) throws Exception {
        assertRefused(target);
    }

    @Test
    @DisplayName("RFC 9110 §17.4: a symbolic link inside the root that points outside is not followed")
    void refusesSymlinkToAFileOutside() throws Exception {
        assertRefused("/link-out.txt");
    }

    @Test
    @DisplayName("RFC 9110 §17.4: a symbolic link to a directory outside is not followed, nor listed")
    void refusesSymlinkToADirectoryOutside() throws Exception {
        assertRefused("/dir-out/secret.txt");
        assertRefused("/dir-out/");
    }

    @Test
    @DisplayName("a symbolic link that stays inside the root is served")
    void servesSymlinkInsideTheRoot() throws Exception {
        RawResponse response = get("/link-in.txt");
        assertEquals(200, response.status(), response::toString);
        assertEquals("inner", response.bodyText());
    }

    @Test
    @DisplayName("dot segments that stay inside the root resolve normally")
    void resolvesDotSegmentsInsideTheRoot() throws Exception {
        assertEquals("public", get("/sub/../public.txt").bodyText());
        assertEquals("public", get("/sub/%2e%2e/public.txt").bodyText());
        assertEquals("inner", get("/./sub/./inner.txt").bodyText());
    }
}
