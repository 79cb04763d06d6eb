package dev.solo.it.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.it.support.ConfigText;
import dev.solo.it.support.Launcher;
import dev.solo.it.support.SiteFiles;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code worker_processes 2;}: a supervisor and two workers on one port, as {@code ss} and clients see them. */
class WorkerProcessesTest {

    private static final Duration START = Duration.ofSeconds(40);
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final Pattern WORKER_LISTENING = Pattern.compile("INFO  Main - worker (\\d+): listening on ");

    @TempDir
    Path directory;

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    private Path config(int port, String extra) throws IOException {
        Path site = SiteFiles.directory(directory, "site");
        SiteFiles.write(site, "index.html", "served");
        return ConfigText.write(directory, "worker_processes 2;\n" + extra + "server { listen 127.0.0.1:{port}; root {root}; }",
                Map.of("port", port, "root", site));
    }

    private static long awaitWorker(Launcher solo) throws InterruptedException {
        return Long.parseLong(solo.awaitLine(WORKER_LISTENING, START).group(1));
    }

    /** @return the pids that {@code ss -ltnp} shows listening on the port */
    private static Set<Long> listeningPids(int port) throws IOException, InterruptedException {
        Process ss = new ProcessBuilder("ss", "-ltnpH", "sport = :" + port).redirectErrorStream(true).start();
        String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(ss.waitFor(10, TimeUnit.SECONDS));
        Set<Long> pids = new HashSet<>();
        Matcher matcher = Pattern.compile("pid=(\\d+)").matcher(out);
        while (matcher.find()) {
            pids.add(Long.parseLong(matcher.group(1)));
        }
        return pids;
    }

    @Test
    @DisplayName("two workers listen on one port; one killed with kill -9 is restarted while clients keep >= 99.5 %")
    void twoWorkersShareOnePortAndAKilledOneIsReplaced() throws Exception {
        int port = freePort();
        try (Launcher solo = Launcher.start(config(port, "").toString())) {
            long first = awaitWorker(solo);
            long second = awaitWorker(solo);
            assertEquals(Set.of(first, second), listeningPids(port));
            assertEquals(Set.of(first, second), Set.copyOf(solo.process().children().map(ProcessHandle::pid)
                    .toList()));

            try (LoadLoop load = LoadLoop.start(new InetSocketAddress("127.0.0.1", port), false)) {
                load.awaitRequests(200, STEP);
                assertTrue(ProcessHandle.of(first).orElseThrow().destroyForcibly());
                solo.awaitLine(Pattern.compile("WARN  Supervisor - worker \\d \\(pid " + first
                        + "\\) exited with code 137 \\(signal 9\\) after \\d+ ms; restarting in 100 ms"), STEP);
                long replacement = awaitWorker(solo);
                assertEquals(Set.of(second, replacement), listeningPids(port));
                load.awaitRequests(1000, STEP);
                load.stop();
                int total = load.succeeded() + load.failed();
                assertTrue(load.succeeded() >= total * 0.995, load.toString());

                // Exit 0 after SIGTERM: the supervisor stopped both workers and waited for them.
                assertEquals(0, solo.stop(STEP), solo::output);
                for (long worker : List.of(second, replacement)) {
                    assertFalse(ProcessHandle.of(worker).map(ProcessHandle::isAlive).orElse(false), "worker outlived");
                }
            }
        }
    }

    @Test
    @DisplayName("SIGHUP to the supervisor reloads every worker")
    void passesSighupToEveryWorker() throws Exception {
        int port = freePort();
        try (Launcher solo = Launcher.start(config(port, "").toString())) {
            long first = awaitWorker(solo);
            long second = awaitWorker(solo);
            ReloadTest.signal(solo.process().pid(), "HUP");
            Pattern reloaded = Pattern.compile("INFO  Solo - reloaded ");
            solo.awaitLine(reloaded, STEP);
            solo.awaitLine(reloaded, STEP);
            assertEquals(Set.of(first, second), listeningPids(port));
            assertEquals(0, solo.stop(STEP), solo::output);
        }
    }

    @Test
    @DisplayName("workers stop by themselves when the supervisor is killed with kill -9")
    void workersStopWhenTheSupervisorDies() throws Exception {
        int port = freePort();
        try (Launcher solo = Launcher.start(config(port, "").toString())) {
            List<ProcessHandle> workers = List.of(ProcessHandle.of(awaitWorker(solo)).orElseThrow(),
                    ProcessHandle.of(awaitWorker(solo)).orElseThrow());
            solo.process().destroyForcibly();
            for (ProcessHandle worker : workers) {
                worker.onExit().get(STEP.toSeconds(), TimeUnit.SECONDS);
            }
            assertTrue(listeningPids(port).isEmpty());
        }
    }

    @Test
    @DisplayName("the supervisor exits 1 when its workers cannot bind, and refuses port 0")
    void exitsNonZeroWhenWorkersCannotStart() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Launcher.Result result = Launcher.run(Duration.ofSeconds(60), config(taken.getLocalPort(), "").toString());
            assertEquals(1, result.exitCode(), result.output());
            assertTrue(result.output().contains("the workers cannot start"), result.output());
        }
        Launcher.Result zero = Launcher.run(STEP, config(0, "").toString());
        assertEquals(1, zero.exitCode(), zero.output());
        assertTrue(zero.output().contains("worker_processes 2 needs fixed ports"), zero.output());
        assertNotEquals(-1, zero.output().indexOf("solo.conf:2:10: worker_processes"), zero.output());
    }
}
