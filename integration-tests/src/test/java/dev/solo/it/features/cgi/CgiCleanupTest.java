package dev.solo.it.features.cgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.it.features.support.ChildProcesses;
import dev.solo.it.features.support.GeneratedContent;
import dev.solo.it.features.support.Poll;
import dev.solo.it.support.RawClient;
import dev.solo.it.support.TestServer;
import dev.solo.it.support.Transport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What scripts leave behind once they are done, however they ended: no process still running, no zombie, no spooled
 * body or standard-error file ({@code solo-cgi-*} in {@code java.io.tmpdir}, see the CGI module's package
 * documentation).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Transport.class)
class CgiCleanupTest {

    /** Plain TCP or TLS: every test here runs over both. */
    @Parameter
    Transport transport;

    private static final Duration CLEAN_UP = Duration.ofSeconds(5);
    private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

    @TempDir
    Path site;

    private long baselineProcesses;
    private Set<String> tempFilesBefore;

    @BeforeEach
    void installScripts() throws Exception {
        CgiSite.install(site);
        baselineProcesses = ChildProcesses.count();
        tempFilesBefore = cgiTempFiles();
    }

    @Test
    @DisplayName("after scripts that succeed, crash, print garbage and time out: no process, zombie or temp file left")
    void everyEndingCleansUp() throws Exception {
        // 3 s: long enough for python3 and php-cgi to start on a loaded machine (they take over 1 s at load 20).
        try (TestServer server = CgiSite.start(transport, site, "3s", 16)) {
            assertEquals(200, server.get("/cgi-bin/hello.sh").statusCode());
            assertEquals(200, server.get("/cgi-bin/vars.py").statusCode());
            assertEquals(200, server.get("/cgi-bin/hello.php").statusCode());
            assertEquals(502, server.get("/cgi-bin/crash.py").statusCode());
            assertEquals(502, server.get("/cgi-bin/badheaders.sh").statusCode());
            assertEquals(504, server.get("/cgi-bin/hang.sh?" + CgiSite.uniqueSleep()).statusCode());
            assertNothingLeft();
        }
    }

    @Test
    @DisplayName("a client that goes away while its script runs: the script and its child are killed at once")
    void clientGoneKillsTheScript() throws Exception {
        // A timeout far beyond the wait below: only the client's leaving can end the script in time.
        try (TestServer server = CgiSite.start(transport, site, "60s", 16)) {
            String seconds = CgiSite.uniqueSleep();
            try (RawClient client = server.connect()) {
                client.send("GET /cgi-bin/hang.sh?" + seconds + " HTTP/1.1\r\nHost: it.test\r\n\r\n");
                Poll.until(CLEAN_UP, () -> ChildProcesses.isRunningAnywhere("sleep " + seconds),
                        () -> "the script started; running: " + ChildProcesses.describe());
            }
            ChildProcesses.awaitGone("sleep " + seconds, CLEAN_UP);
            assertNothingLeft();
        }
    }

    @Test
    @DisplayName("a POST body that stops half-way: the spooled part is removed and the script never runs")
    void abortedBodyLeavesNoSpool() throws Exception {
        try (TestServer server = CgiSite.start(transport, site, "60s", 16)) {
            byte[] part = GeneratedContent.of(9, 200_000).bytes();
            try (RawClient client = server.connect()) {
                client.send("POST /cgi-bin/echo.py HTTP/1.1\r\nHost: it.test\r\nContent-Length: 1000000\r\n\r\n")
                        .send(part);
                Poll.until(CLEAN_UP, () -> !newTempFiles().isEmpty(),
                        () -> "the body is being spooled to a solo-cgi-* file in " + TMP);
                client.abort();
            }
            assertNothingLeft();
        }
    }

    private void assertNothingLeft() throws Exception {
        ChildProcesses.awaitAtMost(baselineProcesses, CLEAN_UP);
        List<String> zombies = ChildProcesses.zombies();
        assertTrue(zombies.isEmpty(), () -> "zombie children of the test JVM: " + zombies);
        Poll.until(CLEAN_UP, () -> newTempFiles().isEmpty(),
                () -> "no solo-cgi-* temporary file left in " + TMP + "; found " + newTempFilesOrError());
    }

    private Set<String> newTempFiles() throws IOException {
        Set<String> now = cgiTempFiles();
        now.removeAll(tempFilesBefore);
        return now;
    }

    private String newTempFilesOrError() {
        try {
            return newTempFiles().toString();
        } catch (IOException e) {
            return "(cannot list: " + e + ")";
        }
    }

    private static Set<String> cgiTempFiles() throws IOException {
        try (Stream<Path> files = Files.list(TMP)) {
            return files.map(p -> p.getFileName().toString()).filter(name -> name.startsWith("solo-cgi-"))
                    .collect(Collectors.toCollection(HashSet::new));
        }
    }
}
