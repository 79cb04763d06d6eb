package dev.solo.it.features.cgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.it.features.cgi.CgiConcurrencyTest.Timed;
import dev.solo.it.support.RawClient;
import dev.solo.it.support.RawResponse;
import dev.solo.it.support.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Beyond {@code cgi_max_processes}, requests wait for a slot in arrival order, parked while the loop serves others;
 * 503 with {@code Retry-After} comes only when the queue is full ({@code cgi_queue_size}) or the wait too long
 * ({@code cgi_queue_timeout}). A slot is taken only once the script can start, so slow request bodies hold none.
 */
class CgiQueueTest {

    /** Far above what a request over loopback takes, far below the sleeping scripts: a liveness bound. */
    private static final Duration QUICK = Duration.ofSeconds(2);

    @TempDir
    Path site;

    @BeforeEach
    void installScripts() throws Exception {
        CgiSite.install(site);
    }

    @Test
    @DisplayName("cgi_max_processes 16: 40 requests at once for a 1-second script all get 200 (not 24 x 503)")
    void queuesRequestsBeyondTheCap() throws Exception {
        try (TestServer server = CgiSite.start(site, "30s", 16)) {
            List<Timed> responses = CgiConcurrencyTest.sendAtOnce(server, "/cgi-bin/sleep.sh?1", 40);
            Duration longest = Duration.ZERO;
            for (Timed timed : responses) {
                assertEquals(200, timed.response().statusCode(), timed.response()::body);
                assertEquals("slept 1 seconds", timed.response().body().strip());
                longest = timed.took().compareTo(longest) > 0 ? timed.took() : longest;
            }
            // 40 one-second scripts, 16 at a time, take three rounds: the cap held.
            assertTrue(longest.compareTo(Duration.ofMillis(2_900)) >= 0, "at most 16 at once: " + longest);
        }
    }

    @Test
    @DisplayName("cgi_max_processes 1, cgi_queue_size 1: of 3 requests at once, 2 get 200 and 1 gets 503 at once")
    void refusesWhenTheQueueIsFull() throws Exception {
        try (TestServer server = CgiSite.start(site, "30s", 1, "cgi_queue_size 1;")) {
            List<Timed> responses = CgiConcurrencyTest.sendAtOnce(server, "/cgi-bin/sleep.sh?2", 3);
            int ran = 0;
            for (Timed timed : responses) {
                HttpResponse<String> response = timed.response();
                if (response.statusCode() == 200) {
                    ran++;
                } else {
                    assertRefused(response);
                    assertTrue(timed.took().compareTo(QUICK) < 0, "refused without waiting: " + timed.took());
                }
            }
            assertEquals(2, ran, "one runs, one waits and then runs");
            assertEquals(200, server.get("/cgi-bin/hello.sh").statusCode(), "the slot is free again");
        }
    }

    @Test
    @DisplayName("cgi_max_processes 1, cgi_queue_timeout 1s: behind a 6-second script, a request gets 503 after 1 s")
    void refusesWhenTheWaitTimesOut() throws Exception {
        try (TestServer server = CgiSite.start(site, "30s", 1, "cgi_queue_timeout 1s;")) {
            List<Timed> responses = CgiConcurrencyTest.sendAtOnce(server, "/cgi-bin/sleep.sh?6", 2);
            Timed first = responses.get(0).response().statusCode() == 200 ? responses.get(0) : responses.get(1);
            Timed second = first == responses.get(0) ? responses.get(1) : responses.get(0);
            assertEquals(200, first.response().statusCode(), first.response()::body);
            assertRefused(second.response());
            assertTrue(second.took().compareTo(Duration.ofMillis(900)) >= 0
                    && second.took().compareTo(Duration.ofMillis(5_000)) < 0,
                    "refused when the wait timed out, before the script ended: " + second.took());
        }
    }

    @Test
    @DisplayName("cgi_max_processes 2: two clients dripping a POST body hold no slot; a script still runs at once")
    void slowBodiesHoldNoSlot() throws Exception {
        try (TestServer server = CgiSite.start(site, "30s", 2);
             RawClient first = server.connect();
             RawClient second = server.connect()) {
            for (RawClient dripping : List.of(first, second)) {
                dripping.send("POST /cgi-bin/echo.py HTTP/1.1\r\nHost: it.test\r\nContent-Length: 100\r\n\r\nx");
            }
            List<Long> took = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                HttpResponse<String> response = server.get("/cgi-bin/hello.sh");
                took.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
                assertEquals(200, response.statusCode(), response::body);
            }
            assertTrue(took.stream().allMatch(ms -> ms < QUICK.toMillis()), "answered at once: " + took + " ms");
            // The slow bodies still complete and run.
            first.send("y".repeat(99));
            RawResponse echoed = first.readResponse();
            assertEquals(200, echoed.status());
        }
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertEquals(503, response.statusCode(), response::body);
        assertEquals("1", response.headers().firstValue("Retry-After").orElse(null),
                () -> "503 says when to retry: " + response.headers().map());
    }
}
