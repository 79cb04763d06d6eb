package dev.solo.it.features.cgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.it.features.support.ChildProcesses;
import dev.solo.it.support.RawClient;
import dev.solo.it.support.TestServer;
import dev.solo.it.support.Transport;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Scripts that fail, hang or do not exist: the client gets a gateway error or a not-found, never a hang. */
@ParameterizedClass(name = "{0}")
@EnumSource(Transport.class)
class CgiFailuresTest {

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
        CgiSite.install(site);
        // 3 s: long enough for python3 to start on a loaded machine (it takes over 1 s at load 20).
        server = CgiSite.start(transport, site, "3s", 16);
    }

    @AfterParameterizedClassInvocation
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    @DisplayName("cgi_timeout 3s: a script that sleeps 30 s gets 504 after about 3 s, and its processes are gone")
    void killsAScriptPastItsTimeout() throws Exception {
        long baseline = ChildProcesses.count();
        String seconds = CgiSite.uniqueSleep();
        long start = System.nanoTime();
        HttpResponse<String> response = server.get("/cgi-bin/hang.sh?" + seconds);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(504, response.statusCode(), response::body);
        assertTrue(took.compareTo(Duration.ofMillis(2_900)) >= 0 && took.compareTo(Duration.ofSeconds(10)) < 0,
                "answered when the timeout fired, not at once and not after the script: " + took);
        // bash and the sleep it started: the whole tree is killed, not only the direct child, whose orphaned child
        // would otherwise sleep on outside this JVM's descendants.
        ChildProcesses.awaitAtMost(baseline, Duration.ofSeconds(5));
        ChildProcesses.awaitGone("sleep " + seconds, Duration.ofSeconds(5));
    }

    @Test
    @DisplayName("the demo's sleep.sh?30 under cgi_timeout 3s gets 504")
    void demoSleepScriptTimesOut() throws Exception {
        long baseline = ChildProcesses.count();
        assertEquals(504, server.get("/cgi-bin/sleep.sh?30").statusCode());
        ChildProcesses.awaitAtMost(baseline, Duration.ofSeconds(5));
    }

    @Test
    @DisplayName("a script that started its response and then hangs past cgi_timeout: the response is cut off, "
            + "never completed as if whole")
    void cutsAStartedResponseAtTheTimeout() throws Exception {
        long baseline = ChildProcesses.count();
        try (RawClient client = server.connect()) {
            client.timeout(Duration.ofSeconds(10))
                    .send("GET /cgi-bin/partial.sh HTTP/1.1\r\nHost: it.test\r\n\r\n");
            byte[] received = client.readAll();
            String text = new String(received, StandardCharsets.ISO_8859_1);
            assertTrue(text.startsWith("HTTP/1.1 200"), text);
            assertTrue(text.contains("first part"), text);
            assertFalse(text.contains("never sent"), text);
            assertFalse(text.endsWith("0\r\n\r\n"), () -> "a cut response must not end like a whole one:\n" + text);
        }
        ChildProcesses.awaitAtMost(baseline, Duration.ofSeconds(5));
    }

    @Test
    @DisplayName("a script that exits 1 before any header gets 502 (the demo's crash.py)")
    void answers502ForACrash() throws Exception {
        HttpResponse<String> response = server.get("/cgi-bin/crash.py");
        assertEquals(502, response.statusCode(), response::body);
    }

    @Test
    @DisplayName("RFC 3875 §6.2: output that is not a header block gets 502 (the demo's badheaders.sh)")
    void answers502ForGarbageHeaders() throws Exception {
        HttpResponse<String> response = server.get("/cgi-bin/badheaders.sh");
        assertEquals(502, response.statusCode(), response::body);
        assertFalse(response.body().contains("this is not a header"), "the garbage is not passed on");
    }

    @Test
    @DisplayName("a script path that does not exist is 404")
    void answers404ForAMissingScript() throws Exception {
        assertEquals(404, server.get("/cgi-bin/nope.py").statusCode());
        assertEquals(404, server.get("/cgi-bin/nope.py/with/path/info").statusCode());
    }

    @Test
    @DisplayName("a directory whose name ends like a script is 403, not run")
    void answers403ForADirectory() throws Exception {
        assertEquals(403, server.get("/cgi-bin/tools.py").statusCode());
        assertEquals(403, server.get("/cgi-bin/tools.py/").statusCode());
    }
}
