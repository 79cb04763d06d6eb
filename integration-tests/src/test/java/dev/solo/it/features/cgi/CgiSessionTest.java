package dev.solo.it.features.cgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.it.support.Http;
import dev.solo.it.support.TestServer;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session reaches CGI scripts ({@code SOLO_SESSION_*}) and scripts write to it ({@code X-Solo-Session-Set}). */
class CgiSessionTest {

    @TempDir
    Path site;

    @Test
    @DisplayName("the demo's counter.py counts up across requests of one visitor, and starts at 1 for another")
    void counterScriptCountsPerVisitor() throws Exception {
        CgiSite.install(site);
        try (TestServer server = CgiSite.start(site, "10s", 16)) {
            HttpClient visitor = cookieKeepingClient();
            for (int expected = 1; expected <= 3; expected++) {
                HttpResponse<String> response = visitor.send(Http.request(server.uri("/cgi-bin/counter.py")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode(), response::body);
                assertTrue(response.body().contains("seen this page <b>" + expected + "</b> time"), response::body);
                assertTrue(response.headers().firstValue("X-Solo-Session-Set").isEmpty(),
                        "the session header is consumed by the server, not sent on");
            }
            HttpResponse<String> other = cookieKeepingClient().send(
                    Http.request(server.uri("/cgi-bin/counter.py")).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(other.body().contains("seen this page <b>1</b> time"), other::body);
        }
    }

    private static HttpClient cookieKeepingClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .cookieHandler(new CookieManager()).build();
    }
}
