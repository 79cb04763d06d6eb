package dev.solo.it.features.cgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.it.features.support.ChildProcesses;
import dev.solo.it.features.support.Poll;
import dev.solo.it.support.Http;
import dev.solo.it.support.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one loop thread never waits for a script: others are served while scripts run, and scripts run side by side.
 * What happens beyond {@code cgi_max_processes} is {@link CgiQueueTest}'s.
 */
class CgiConcurrencyTest {

    /** Far above what a request over loopback takes, far below the sleeping script: a liveness bound. */
    private static final Duration QUICK = Duration.ofSeconds(2);

    @TempDir
    Path site;

    @Test
    @DisplayName("while a script sleeps 5 s, 20 static requests and 5 other scripts are each answered within 2 s")
    void servesOthersWhileAScriptSleeps() throws Exception {
        CgiSite.install(site);
        try (TestServer server = CgiSite.start(site, "30s", 16)) {
            CompletableFuture<HttpResponse<String>> sleeper = Http.client().sendAsync(
                    Http.request(server.uri("/cgi-bin/sleep.sh?5")).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Poll.until(Duration.ofSeconds(5), () -> ChildProcesses.isRunning("sleep.sh"),
                    () -> "the sleeping script started; running: " + ChildProcesses.describe());

            for (int i = 0; i < 20; i++) {
                assertQuick(server, "/index.html", "a static page");
            }
            for (int i = 0; i < 5; i++) {
                assertQuick(server, "/cgi-bin/hello.sh", "hello from bash");
            }
            assertFalse(sleeper.isDone(), "all of that happened while the script was still sleeping");

            HttpResponse<String> slept = sleeper.get(15, TimeUnit.SECONDS);
            assertEquals(200, slept.statusCode(), slept::body);
            assertEquals("slept 5 seconds", slept.body().strip());
        }
    }

    @Test
    @DisplayName("10 scripts at once all succeed, side by side rather than one after another")
    void runsTenScriptsAtOnce() throws Exception {
        CgiSite.install(site);
        try (TestServer server = CgiSite.start(site, "30s", 16)) {
            List<Timed> responses = sendAtOnce(server, "/cgi-bin/sleep.sh?1", 10);
            for (Timed timed : responses) {
                assertEquals(200, timed.response().statusCode(), timed.response()::body);
                assertEquals("slept 1 seconds", timed.response().body().strip());
                assertTrue(timed.took().compareTo(Duration.ofSeconds(8)) < 0,
                        "ten 1-second scripts in series would take 10 s: " + timed.took());
            }
        }
    }

    private static void assertQuick(TestServer server, String path, String expected) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = server.get(path);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(200, response.statusCode(), response::body);
        assertTrue(response.body().contains(expected), response::body);
        assertTrue(took.compareTo(QUICK) < 0, () -> path + " took " + took + " while a script was running");
    }

    /** Sends all requests before waiting for any; each response comes with the time it took from the start. */
    static List<Timed> sendAtOnce(TestServer server, String path, int count) throws Exception {
        long start = System.nanoTime();
        List<CompletableFuture<Timed>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            futures.add(Http.client().sendAsync(Http.request(server.uri(path)).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString())
                    .thenApply(response -> new Timed(response, Duration.ofNanos(System.nanoTime() - start))));
        }
        List<Timed> responses = new ArrayList<>();
        for (CompletableFuture<Timed> future : futures) {
            responses.add(future.get(30, TimeUnit.SECONDS));
        }
        return responses;
    }

    /**
     * @param response a response
     * @param took from sending the first request of the batch to this response
     */
    record Timed(HttpResponse<String> response, Duration took) {
    }
}
