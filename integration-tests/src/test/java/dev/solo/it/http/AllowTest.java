package dev.solo.it.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/**
 * Issue 15, item 20 (RFC 9110 §10.2.1, §15.5.6): the {@code Allow} of OPTIONS and of a 405 are the same, and list only
 * methods that some handler of the location takes, not every method of its {@code methods} setting.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Transport.class)
class AllowTest {

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
        SiteFiles.write(site, "index.html", "<p>home</p>");
        SiteFiles.write(site, "uploads/a.txt", "a");
        server = TestServer.start(transport, """
                server {
                    listen 127.0.0.1:0;
                    root {root};
                    location / { methods GET POST; }
                    location /uploads/ { upload on; methods GET PUT DELETE PATCH; }
                }
                """, Map.of("root", site));
    }

    @AfterParameterizedClassInvocation
    static void stopServer() throws Exception {
        server.close();
    }

    private static RawResponse exchange(String request) throws Exception {
        try (RawClient client = server.connect()) {
            return client.send(request).readResponse();
        }
    }

    @Test
    @DisplayName("RFC 9110 §15.5.14: a declared body over the limit gets 413 before the method is looked at")
    void answers413BeforeTheMethodCheck() throws Exception {
        RawResponse tooLarge = exchange("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n");

        assertEquals(413, tooLarge.status(), tooLarge::toString);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "POST, /, 'GET, HEAD, OPTIONS'",
        "DELETE, /index.html, 'GET, HEAD, OPTIONS'",
        "PATCH, /uploads/a.txt, 'GET, HEAD, PUT, DELETE, OPTIONS'",
        "POST, /uploads/a.txt, 'GET, HEAD, PUT, DELETE, OPTIONS'"})
    @DisplayName("a method no handler takes gets 405 with the Allow that OPTIONS sends")
    void answers405WithTheAllowOfOptions(String method, String path, String allow) throws Exception {
        RawResponse options = exchange("OPTIONS " + path + " HTTP/1.1\r\nHost: x\r\n\r\n");
        RawResponse refused = exchange(method + " " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");

        assertEquals(405, refused.status(), refused::toString);
        assertEquals(allow, options.header("Allow"));
        assertEquals(allow, refused.header("Allow"));
    }
}
