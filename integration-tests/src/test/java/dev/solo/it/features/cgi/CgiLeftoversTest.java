package dev.solo.it.features.cgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.it.features.support.ChildProcesses;
import dev.solo.it.features.support.Poll;
import dev.solo.it.support.TestServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a script starts ends with it: a background child, a double-forked orphan, a child that moved to a session of
 * its own with {@code setsid} while it still holds the script's output. Checked with {@code ps} over the whole
 * machine, since an orphan is re-parented away from the server.
 */
class CgiLeftoversTest {

    private static final Duration CLEAN_UP = Duration.ofSeconds(5);

    @TempDir
    Path site;

    @BeforeEach
    void installScripts() throws Exception {
        CgiSite.install(site);
    }

    @Test
    @DisplayName("sleep & exit 0: the 200 goes out and the sleep is ended (it ran on under PID 1)")
    void endsABackgroundChildAfterTheResponse() throws Exception {
        String seconds = CgiSite.uniqueSleep();
        CgiSite.script(site, "background.sh", "sleep " + seconds + " &\nprintf 'Content-Type: text/plain\\n\\nok'");
        try (TestServer server = CgiSite.start(site, "30s", 16)) {
            HttpResponse<String> response = server.get("/cgi-bin/background.sh");
            assertEquals(200, response.statusCode(), response::body);
            assertEquals("ok", response.body());
            assertGone("sleep " + seconds);
        }
    }

    @Test
    @DisplayName("a double-forked orphan and setsid children that keep the script's output are ended after a 200")
    void endsOrphansAndSetsidChildrenAfterTheResponse() throws Exception {
        String orphan = CgiSite.uniqueSleep();
        String session = CgiSite.uniqueSleep() + "1";
        String forked = CgiSite.uniqueSleep() + "2";
        CgiSite.script(site, "detach.sh", "(sleep " + orphan + " </dev/null >/dev/null 2>&1 &)\n"
                + "setsid sleep " + session + " &\n"
                + "setsid -f sleep " + forked + "\n"
                + "printf 'Content-Type: text/plain\\n\\nok'");
        try (TestServer server = CgiSite.start(site, "30s", 16)) {
            assertEquals(200, server.get("/cgi-bin/detach.sh").statusCode());
            assertGone("sleep " + orphan);
            assertGone("sleep " + session);
            assertGone("sleep " + forked);
        }
    }

    @Test
    @DisplayName("cgi_timeout 1s: a grandchild started with setsid, orphaned or not, does not survive the 504")
    void endsSetsidGrandchildrenOnTimeout() throws Exception {
        String child = CgiSite.uniqueSleep();
        String orphan = CgiSite.uniqueSleep() + "1";
        String script = CgiSite.uniqueSleep() + "2";
        CgiSite.script(site, "stuck.sh", "setsid sleep " + child + " >/dev/null 2>&1 &\n"
                + "(setsid sleep " + orphan + " &)\n"
                + "sleep " + script);
        try (TestServer server = CgiSite.start(site, "1s", 16)) {
            assertEquals(504, server.get("/cgi-bin/stuck.sh").statusCode());
            assertGone("sleep " + child);
            assertGone("sleep " + orphan);
            assertGone("sleep " + script);
        }
    }

    /** Waits until no process of the machine runs the command line, as {@code ps} sees it. */
    private static void assertGone(String commandLine) throws Exception {
        ChildProcesses.awaitGone(commandLine, CLEAN_UP);
        Poll.until(CLEAN_UP, () -> ps().stream().noneMatch(line -> line.contains(commandLine)),
                () -> "ps lists no '" + commandLine + "'; it lists:\n" + String.join("\n", ps()));
    }

    private static List<String> ps() {
        try {
            Process ps = new ProcessBuilder("ps", "-eo", "pid=,stat=,args=").redirectErrorStream(true).start();
            String output = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(ps.waitFor(10, TimeUnit.SECONDS), "ps finished");
            // A killed orphan whose new parent has not reaped it yet is a zombie: ended, shown as "[sleep] <defunct>".
            return output.lines().map(String::strip).filter(line -> !line.split("\\s+", 3)[1].startsWith("Z"))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new AssertionError("ps cannot run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
