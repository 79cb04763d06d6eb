package dev.solo.it.features.session;

import static dev.solo.it.features.session.SessionDemoPage.setCookie;
import static dev.solo.it.features.session.SessionDemoPage.storedId;
import static dev.solo.it.features.session.SessionDemoPage.visits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.it.features.support.Poll;
import dev.solo.it.support.Http;
import dev.solo.it.support.TestServer;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How long a session lives: the idle timeout, and the file store across a restart of the server. */
class SessionLifetimeTest {

    @TempDir
    Path site;

    @Test
    @DisplayName("session_timeout 1s: after a second without visits the old session is gone and a new one starts")
    void idleSessionExpires() throws Exception {
        String config = """
                server {
                    listen 127.0.0.1:0;
                    root {root};
                    session_timeout 1s;
                    location /session/ { session_demo on; }
                }
                """;
        CookieManager cookies = new CookieManager();
        HttpClient browser = SessionDemoPage.browser(cookies);
        try (TestServer server = TestServer.start(config, Map.of("root", site))) {
            assertEquals(1, visits(get(browser, server, "/session/")));
            assertEquals(2, visits(get(browser, server, "/session/")), "visits within the timeout keep the session");
            String first = storedId(cookies).orElseThrow();

            // The timeout counts from the last use, and every request would be a use: let the time pass unobserved.
            Poll.elapse(Duration.ofMillis(1500));

            HttpResponse<String> later = get(browser, server, "/session/");
            assertEquals(1, visits(later), "the counter starts over");
            String second = setCookie(later).map(HttpCookie::getValue)
                    .orElseThrow(() -> new AssertionError("a new session cookie: " + later.headers().map()));
            assertNotEquals(first, second);
        }
    }

    @Test
    @DisplayName("session_store file: the session outlives the server; a new server on the same directory continues it")
    void fileStoreSurvivesARestart(@TempDir Path sessions) throws Exception {
        String config = """
                server {
                    listen 127.0.0.1:0;
                    root {root};
                    session_store file;
                    session_dir {sessions};
                    location /session/ { session_demo on; }
                }
                """;
        Map<String, Path> values = Map.of("root", site, "sessions", sessions);
        CookieManager cookies = new CookieManager();
        HttpClient browser = SessionDemoPage.browser(cookies);
        String id;
        try (TestServer first = TestServer.start(config, values)) {
            assertEquals(1, visits(get(browser, first, "/session/")));
            assertEquals(2, visits(get(browser, first, "/session/")));
            id = storedId(cookies).orElseThrow();
        }
        try (Stream<Path> files = Files.list(sessions)) {
            assertTrue(files.findAny().isPresent(), "the store wrote the session to " + sessions);
        }

        try (TestServer second = TestServer.start(config, values)) {
            HttpResponse<String> page = get(browser, second, "/session/");
            assertEquals(3, visits(page), "the same cookie continues the stored session");
            assertTrue(setCookie(page).isEmpty(), "no new session was needed");
            assertEquals(id, storedId(cookies).orElseThrow());
        }
    }

    @Test
    @DisplayName("session_max 2: a third visitor's session evicts the least recently used one, whose counter restarts")
    void evictsTheLeastRecentlyUsedSession() throws Exception {
        String config = """
                server {
                    listen 127.0.0.1:0;
                    root {root};
                    session_max 2;
                    location /session/ { session_demo on; }
                }
                """;
        HttpClient first = SessionDemoPage.browser(new CookieManager());
        HttpClient second = SessionDemoPage.browser(new CookieManager());
        HttpClient third = SessionDemoPage.browser(new CookieManager());
        try (TestServer server = TestServer.start(config, Map.of("root", site))) {
            assertEquals(1, visits(get(first, server, "/session/")));
            assertEquals(1, visits(get(second, server, "/session/")));
            assertEquals(2, visits(get(first, server, "/session/")), "the first visitor is now the most recent");
            assertEquals(1, visits(get(third, server, "/session/")));

            assertEquals(3, visits(get(first, server, "/session/")), "the recently used session was kept");
            assertEquals(1, visits(get(second, server, "/session/")), "the least recently used one was evicted");
        }
    }

    @Test
    @DisplayName("session_cookie and session_cookie_secure: the cookie has the configured name and the Secure flag")
    void usesTheConfiguredCookie() throws Exception {
        String config = """
                server {
                    listen 127.0.0.1:0;
                    root {root};
                    session_cookie DEMO_ID;
                    session_cookie_secure on;
                    location /session/ { session_demo on; }
                }
                """;
        try (TestServer server = TestServer.start(config, Map.of("root", site))) {
            HttpResponse<String> page = server.get("/session/");
            String header = page.headers().firstValue("Set-Cookie").orElse("");
            assertTrue(header.startsWith("DEMO_ID="), header);
            assertTrue(header.contains("; Secure"), header);
            String id = header.substring("DEMO_ID=".length(), header.indexOf(';'));
            HttpResponse<String> again = Http.send(Http.request(server.uri("/session/"))
                    .header("Cookie", "DEMO_ID=" + id).build());
            assertEquals(2, visits(again), "the configured cookie carries the session");
        }
    }

    private static HttpResponse<String> get(HttpClient browser, TestServer server, String path) throws Exception {
        return browser.send(Http.request(server.uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
