package dev.solo.it.features.session;

import static dev.solo.it.features.session.SessionDemoPage.visits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.it.support.Http;
import dev.solo.it.support.TestServer;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 15, item 5: a flood of cookieless requests to a session page starts a session each, and used to push every
 * real visitor out once {@code session_max} was passed. Sessions whose client never came back now go first, and the
 * file store writes nothing for them.
 */
class SessionFloodTest {

    private static final int MAX = 20;
    private static final int FLOOD = 10 * MAX;

    @ParameterizedTest(name = "session_store {0}")
    @ValueSource(strings = {"memory", "file"})
    @DisplayName("a flood of anonymous visits ten times session_max leaves a logged-in visitor logged in")
    void floodDoesNotLogUsersOut(String store, @TempDir Path site) throws Exception {
        Path sessions = site.resolve("sessions");
        String config = """
                server {
                    listen 127.0.0.1:0;
                    root {root};
                    session_store {store};
                    session_dir {dir};
                    session_max {max};
                    location /session/ { session_demo on; methods GET POST; }
                }
                """;
        CookieManager cookies = new CookieManager();
        HttpClient browser = SessionDemoPage.browser(cookies);
        try (TestServer server = TestServer.start(config,
                Map.of("root", site, "store", store, "dir", sessions, "max", MAX))) {
            browser.send(Http.request(server.uri("/session/")).GET().build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> login = browser.send(Http.request(server.uri("/session/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("name=Ada")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(303, login.statusCode(), login::body);

            for (int i = 0; i < FLOOD; i++) {
                HttpResponse<String> anonymous = Http.send(Http.request(server.uri("/session/")).GET().build());
                assertEquals(1, visits(anonymous), "each cookieless visit starts a session");
            }

            HttpResponse<String> page = browser.send(Http.request(server.uri("/session/")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(page.body().contains("Hello, <strong>Ada</strong>"),
                    () -> "still logged in after " + FLOOD + " anonymous sessions:\n" + page.body());
            assertEquals(2, visits(page), "the visit before the log-in and this one");
            if (store.equals("file")) {
                try (Stream<Path> files = Files.list(sessions)) {
                    assertEquals(1, files.count(), "only the visitor who came back has a session file");
                }
            }
        }
    }
}
