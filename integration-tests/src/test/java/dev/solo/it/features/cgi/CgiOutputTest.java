package dev.solo.it.features.cgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.it.support.Http;
import dev.solo.it.support.TestServer;
import dev.solo.it.support.Transport;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a script prints and what the client gets: error statuses without a body get the server's error pages, a
 * local redirect the server would refuse is the script's fault, a large header block is accepted however the pipe
 * splits it, and standard error is bounded.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Transport.class)
class CgiOutputTest {

    /** Plain TCP or TLS: every test here runs over both. */
    @Parameter
    Transport transport;

    private static final String ERROR_PAGE = "<!DOCTYPE html><title>ours</title><p>our own 500 page\n";

    @TempDir
    static Path temporary;
    private static Path site;

    private static TestServer server;

    @BeforeParameterizedClassInvocation
    static void startServer(Transport transport) throws Exception {
        site = Files.createDirectories(temporary.resolve(transport.name()));
        CgiSite.install(site);
        Files.createDirectories(site.resolve("errors"));
        Files.writeString(site.resolve("errors/500.html"), ERROR_PAGE);
        CgiSite.script(site, "fail.sh", "printf 'Status: 500\\n\\n'");
        CgiSite.script(site, "gone.sh", "printf 'Status: 410 Gone\\nX-Reason: retired\\n\\n'");
        CgiSite.script(site, "escape.sh", "printf 'Location: /%%zz\\n\\n'");
        CgiSite.script(site, "climb.sh", "printf 'Location: /../../etc/passwd\\n\\n'");
        String half = "c".repeat(6 * 1024);
        // Two writes with a pause between: two reads of the pipe.
        CgiSite.script(site, "bighead.sh", "printf 'Content-Type: text/plain\\nX-Big: " + half + "'\nsleep 0.3\n"
                + "printf '" + half + "\\n\\nok'");
        CgiSite.script(site, "chatty.sh", "head -c 50000000 /dev/zero | tr '\\0' 'e' >&2\n"
                + "printf 'Content-Type: text/plain\\n\\nstill answered'");
        server = CgiSite.start(transport, site, "30s", 16, "error_page 500 /errors/500.html;");
    }

    @AfterParameterizedClassInvocation
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    @DisplayName("Status: 500 and nothing else gets the configured error_page, as a static error would")
    void answersABodylessErrorWithTheConfiguredPage() throws Exception {
        HttpResponse<String> response = server.get("/cgi-bin/fail.sh");
        assertEquals(500, response.statusCode());
        assertEquals(ERROR_PAGE, response.body());
    }

    @Test
    @DisplayName("Status: 410 and a field, no body: the built-in 410 page, with the script's field")
    void answersABodylessErrorWithTheBuiltInPage() throws Exception {
        HttpResponse<String> response = server.get("/cgi-bin/gone.sh");
        assertEquals(410, response.statusCode());
        assertTrue(response.body().contains("410"), response::body);
        assertEquals("retired", response.headers().firstValue("X-Reason").orElse(null));
    }

    @Test
    @DisplayName("a local redirect to a path the server would refuse is a 502 (the script's fault), not a 400")
    void answers502ForAnInvalidLocalRedirect() throws Exception {
        assertEquals(502, server.get("/cgi-bin/escape.sh").statusCode());
        assertEquals(502, server.get("/cgi-bin/climb.sh").statusCode());
    }

    @Test
    @DisplayName("a 12 KiB header block written in two pieces is accepted (it was a 502)")
    void acceptsALargeHeaderBlockInTwoReads() throws Exception {
        HttpResponse<String> response = server.get("/cgi-bin/bighead.sh");
        assertEquals(200, response.statusCode(), response::body);
        assertEquals(12 * 1024, response.headers().firstValue("X-Big").orElse("").length());
        assertEquals("ok", response.body());
    }

    @Test
    @DisplayName("50 MB on standard error: answered, and no file of the server's ever held it")
    void boundsStandardError() throws Exception {
        CompletableFuture<HttpResponse<String>> pending = Http.client().sendAsync(
                Http.request(server.uri("/cgi-bin/chatty.sh")).build(), HttpResponse.BodyHandlers.ofString());
        List<String> seen = new ArrayList<>();
        HttpResponse<String> response = null;
        while (response == null) {
            seen.addAll(openCgiFiles());
            try {
                response = pending.get(20, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // Still writing: look again.
            }
        }
        assertEquals(200, response.statusCode(), response::body);
        assertEquals("still answered", response.body());
        assertEquals(List.of(), seen, "files the server held open while the script wrote");
    }

    /** @return the {@code solo-cgi-*} files this JVM (the server's) holds open, deleted ones included */
    private static List<String> openCgiFiles() throws IOException {
        List<String> open = new ArrayList<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.contains("solo-cgi-")) {
                        open.add(target);
                    }
                } catch (IOException e) {
                    // Closed while listing.
                }
            }
        }
        return open;
    }
}
