package dev.solo.it.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.it.support.ConfigText;
import dev.solo.it.support.Http;
import dev.solo.it.support.Launcher;
import dev.solo.it.support.SiteFiles;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGHUP and {@code solo --reload}: a new configuration without a failed request, an invalid one without a change. */
class ReloadTest {

    private static final Duration START = Duration.ofSeconds(30);
    private static final Duration STEP = Duration.ofSeconds(20);
    private static final Pattern RELOADED = Pattern.compile("INFO  Solo - reloaded .* in \\d+ ms: ");
    private static final Pattern KEPT = Pattern.compile("the running configuration stays");

    @TempDir
    Path directory;

    private Path site(String name) throws IOException {
        Path site = SiteFiles.directory(directory, name);
        SiteFiles.write(site, "index.html", name);
        return site;
    }

    private Path config(String template, Map<String, ?> values) throws IOException {
        return ConfigText.write(directory, template, values);
    }

    static void signal(long pid, String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("/bin/sh", "-c", "kill -s " + name + " " + pid).inheritIO().start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, kill.exitValue());
    }

    private static String get(InetSocketAddress address) throws IOException, InterruptedException {
        return Http.get(URI.create("http://127.0.0.1:" + address.getPort() + "/")).body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    @Test
    @DisplayName("SIGHUP under load: each new config serves the next request, an invalid one changes nothing, no request fails")
    void reloadsUnderLoadWithoutAFailedRequest() throws Exception {
        Path a = site("a");
        Path b = site("b");
        String template = "server { listen 127.0.0.1:{port}; root {root}; }";
        int port = freePort();
        Path config = config(template, Map.of("port", port, "root", a));
        try (Launcher solo = Launcher.start(config.toString())) {
            InetSocketAddress address = solo.awaitListening(START);
            long pid = solo.process().pid();
            try (LoadLoop perRequest = LoadLoop.start(address, false);
                    LoadLoop keepAlive = LoadLoop.start(address, true)) {
                for (int i = 1; i <= 6; i++) {
                    Path root = i % 2 == 1 ? b : a;
                    config(template, Map.of("port", port, "root", root));
                    signal(pid, "HUP");
                    solo.awaitLine(RELOADED, STEP);
                    assertEquals(root.getFileName().toString(), get(address));
                    // Both clients carry on through the new configuration; the keep-alive one on its old connection.
                    perRequest.awaitRequests(20, STEP);
                    keepAlive.awaitRequests(20, STEP);
                    assertEquals(root.getFileName().toString(), keepAlive.lastBody(), keepAlive.toString());
                }
                config("server { listen 127.0.0.1:{port}; root {root}; no_such_directive on; }",
                        Map.of("port", port, "root", b));
                signal(pid, "HUP");
                solo.awaitLine(KEPT, STEP);
                perRequest.awaitRequests(20, STEP);
                assertEquals("a", get(address));
                assertTrue(solo.output().contains("solo.conf:1:"), solo::output);

                perRequest.stop();
                keepAlive.stop();
                assertEquals(0, perRequest.failed(), perRequest.toString());
                assertEquals(0, keepAlive.failed(), keepAlive.toString());
            }
            assertEquals(0, solo.stop(STEP), solo::output);
        }
    }

    @Test
    @DisplayName("a reload binds a new address, keeps one that stays and closes one that is gone")
    void bindsAndClosesAddressesOnReload() throws Exception {
        Path a = site("a");
        int kept = freePort();
        int added = freePort();
        Path config = config("server { listen 127.0.0.1:{kept}; root {root}; }", Map.of("kept", kept, "root", a));
        try (Launcher solo = Launcher.start(config.toString())) {
            InetSocketAddress first = solo.awaitListening(START);
            config("server { listen 127.0.0.1:{kept}; listen 127.0.0.1:{added}; root {root}; }",
                    Map.of("kept", kept, "added", added, "root", a));
            signal(solo.process().pid(), "HUP");
            assertTrue(solo.awaitLine(RELOADED, STEP).group().length() > 0);
            assertTrue(solo.output().contains("1 address(es) kept, listening on 127.0.0.1:" + added), solo::output);
            assertEquals("a", get(new InetSocketAddress("127.0.0.1", added)));
            assertEquals("a", get(first));

            config("server { listen 127.0.0.1:{added}; root {root}; }", Map.of("added", added, "root", a));
            signal(solo.process().pid(), "HUP");
            solo.awaitLine(RELOADED, STEP);
            assertTrue(solo.output().contains("closed 127.0.0.1:" + kept), solo::output);
            // Served after the reload, so the loop has selected since: the closed socket is gone from the kernel (a
            // channel registered with a selector is closed at the next select).
            assertEquals("a", get(new InetSocketAddress("127.0.0.1", added)));
            // A new connection is refused (the HTTP client's pooled one may still be open, on the old configuration).
            assertThrows(IOException.class, () -> new java.net.Socket("127.0.0.1", first.getPort()).close());
            assertEquals(0, solo.stop(STEP), solo::output);
        }
    }

    @Test
    @DisplayName("a reload whose new address cannot be bound logs why and keeps serving the running configuration")
    void keepsTheRunningConfigurationWhenANewAddressIsTaken() throws Exception {
        Path a = site("a");
        Path b = site("b");
        int port = freePort();
        Path config = config("server { listen 127.0.0.1:{port}; root {root}; }", Map.of("port", port, "root", a));
        try (Launcher solo = Launcher.start(config.toString()); ServerSocket taken = new ServerSocket(0)) {
            InetSocketAddress address = solo.awaitListening(START);
            config("server { listen 127.0.0.1:{port}; listen 127.0.0.1:{taken}; root {root}; }",
                    Map.of("port", port, "taken", taken.getLocalPort(), "root", b));
            signal(solo.process().pid(), "HUP");
            solo.awaitLine(KEPT, STEP);
            assertTrue(solo.output().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), solo::output);
            assertEquals("a", get(address));
            assertEquals(0, solo.stop(STEP), solo::output);
        }
    }

    @Test
    @DisplayName("solo --reload CONF signals the process named by pid FILE; without pid, or with a stranger's pid, it refuses")
    void reloadCommandFindsTheServerThroughItsPidFile() throws Exception {
        Path a = site("a");
        Path b = site("b");
        Path pidFile = directory.resolve("solo.pid");
        String template = "pid {pid};\nserver { listen 127.0.0.1:0; root {root}; }";
        Path config = config(template, Map.of("pid", pidFile, "root", a));
        try (Launcher solo = Launcher.start(config.toString())) {
            InetSocketAddress address = solo.awaitListening(START);
            assertEquals(solo.process().pid() + "\n", java.nio.file.Files.readString(pidFile));
            config(template, Map.of("pid", pidFile, "root", b));
            Launcher.Result reload = Launcher.run(STEP, "--reload", config.toString());
            assertEquals(0, reload.exitCode(), reload.output());
            assertTrue(reload.output().contains("SIGHUP sent to process " + solo.process().pid()), reload.output());
            solo.awaitLine(RELOADED, STEP);
            assertEquals("b", get(address));

            // An invalid config is reported to the user and not sent.
            config("pid {pid};\nserver { listen 127.0.0.1:0; root {root}; bogus; }", Map.of("pid", pidFile,
                    "root", a));
            Launcher.Result invalid = Launcher.run(STEP, "--reload", config.toString());
            assertEquals(1, invalid.exitCode(), invalid.output());
            assertTrue(invalid.output().contains("solo.conf:2:"), invalid.output());
            assertEquals("b", get(address));
            assertEquals(0, solo.stop(STEP), solo::output);
        }
        assertTrue(java.nio.file.Files.notExists(pidFile), "the pid file outlived a clean stop");

        Process stranger = new ProcessBuilder("sleep", "60").start();
        try {
            java.nio.file.Files.writeString(pidFile, stranger.pid() + "\n");
            config(template, Map.of("pid", pidFile, "root", a));
            Launcher.Result refused = Launcher.run(STEP, "--reload", config.toString());
            assertEquals(1, refused.exitCode(), refused.output());
            assertTrue(refused.output().contains("which is not solo: not signalled"), refused.output());
            assertTrue(stranger.isAlive());
            // A stale or foreign pid file never stops a start.
            try (Launcher solo = Launcher.start(config.toString())) {
                solo.awaitListening(START);
                assertEquals(solo.process().pid() + "\n", java.nio.file.Files.readString(pidFile));
                assertEquals(0, solo.stop(STEP), solo::output);
            }
        } finally {
            stranger.destroyForcibly();
        }

        Path withoutPid = config("server { listen 127.0.0.1:0; root {root}; }", Map.of("root", a));
        Launcher.Result noPid = Launcher.run(STEP, "--reload", withoutPid.toString());
        assertEquals(1, noPid.exitCode(), noPid.output());
        assertTrue(noPid.output().contains("has no 'pid FILE;' directive"), noPid.output());
    }
}
