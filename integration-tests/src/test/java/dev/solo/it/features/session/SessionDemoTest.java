package dev.solo.it.features.session;

import static dev.solo.it.features.session.SessionDemoPage.COOKIE;
import static dev.solo.it.features.session.SessionDemoPage.setCookie;
import static dev.solo.it.features.session.SessionDemoPage.setCookieHeader;
import static dev.solo.it.features.session.SessionDemoPage.storedId;
import static dev.solo.it.features.session.SessionDemoPage.visits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.it.support.Http;
import dev.solo.it.support.SiteFiles;
import dev.solo.it.support.TestServer;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The session demo ({@code session_demo on;}) end to end, through a client that keeps cookies as a browser does
 * (RFC 6265): the counter, log-in with a new id, log-out, forged cookies, and pages that never start a session.
 */
class SessionDemoTest {

    private static final String CONFIG = """
            server {
                listen 127.0.0.1:0;
                root {root};
                location /session/ {
                    session_demo on;
                    methods GET POST;
                }
            }
            """;

    @TempDir
    Path site;

    private TestServer server;
    private CookieManager cookies;
    private HttpClient browser;

    @BeforeEach
    void startServer() throws Exception {
        SiteFiles.write(site, "index.html", "<!DOCTYPE html><title>home</title><p>static");
        server = TestServer.start(CONFIG, Map.of("root", site));
        cookies = new CookieManager();
        browser = SessionDemoPage.browser(cookies);
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    @Test
    @DisplayName("the visit counter goes up by one on each GET; only the first response sets the cookie")
    void countsVisits() throws Exception {
        HttpResponse<String> first = get("/session/");
        assertEquals(200, first.statusCode());
        assertEquals(1, visits(first));
        String header = setCookieHeader(first).orElseThrow(() -> new AssertionError("the first visit sets "
                + COOKIE + ": " + first.headers().map()));
        assertTrue(header.contains("HttpOnly") && header.contains("SameSite=Lax") && header.contains("Path=/"),
                header);

        for (int expected = 2; expected <= 4; expected++) {
            HttpResponse<String> next = get("/session/");
            assertEquals(expected, visits(next));
            assertTrue(setCookie(next).isEmpty(), "a known session needs no new cookie");
        }
    }

    @Test
    @DisplayName("a static page never touches the session: no Set-Cookie, with or without a session cookie")
    void staticPageSetsNoCookie() throws Exception {
        HttpResponse<String> before = get("/index.html");
        assertEquals(200, before.statusCode());
        assertFalse(before.headers().firstValue("Set-Cookie").isPresent(), () -> before.headers().map().toString());

        get("/session/");
        assertTrue(storedId(cookies).isPresent());
        HttpResponse<String> after = get("/index.html");
        assertFalse(after.headers().firstValue("Set-Cookie").isPresent(), () -> after.headers().map().toString());
        assertEquals(2, visits(get("/session/")), "the static page did not count as a visit");
    }

    @Test
    @DisplayName("logging in through the form greets the user on later pages and gives the session a new id")
    void loginGreetsAndRenewsTheId() throws Exception {
        assertEquals(1, visits(get("/session/")));
        String before = storedId(cookies).orElseThrow();

        HttpResponse<String> login = postForm("/session/login", "name=Ada+Lovelace");
        assertEquals(303, login.statusCode(), login::body);
        assertEquals("/session/", login.headers().firstValue("Location").orElse(null));
        String after = setCookie(login).map(HttpCookie::getValue)
                .orElseThrow(() -> new AssertionError("log-in sets a new session cookie"));
        assertNotEquals(before, after, "the id changes at log-in (session fixation)");

        HttpResponse<String> page = get("/session/");
        assertTrue(page.body().contains("Hello, <strong>Ada Lovelace</strong>"), page::body);
        assertEquals(2, visits(page), "the session's data moves to the new id");

        HttpResponse<String> withOldId = getWithCookie("/session/", before);
        assertEquals(1, visits(withOldId), "the id from before the log-in no longer names the session");
        assertFalse(withOldId.body().contains("Ada"), withOldId::body);
    }

    @Test
    @DisplayName("logging out expires the cookie and the counter starts over, logged out")
    void logoutStartsOver() throws Exception {
        get("/session/");
        postForm("/session/login", "name=Grace");
        assertEquals(2, visits(get("/session/")));
        String loggedInId = storedId(cookies).orElseThrow();

        HttpResponse<String> logout = postForm("/session/logout", "");
        assertEquals(303, logout.statusCode(), logout::body);
        HttpCookie expired = setCookie(logout).orElseThrow(() -> new AssertionError("log-out expires the cookie: "
                + logout.headers().map()));
        assertEquals(0, expired.getMaxAge(), () -> "expired: " + setCookieHeader(logout).orElse(""));
        assertTrue(storedId(cookies).isEmpty(), "the client dropped the cookie");

        HttpResponse<String> page = get("/session/");
        assertEquals(1, visits(page));
        assertTrue(page.body().contains("You are not logged in."), page::body);
        String fresh = setCookie(page).map(HttpCookie::getValue).orElseThrow();
        assertNotEquals(loggedInId, fresh);
        assertEquals(1, visits(getWithCookie("/session/", loggedInId)), "the ended session is gone for good");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "../../etc/passwd", "x"})
    @DisplayName("an unknown or forged session cookie is replaced by a new session, never adopted")
    void forgedCookieIsReplaced(String forged) throws Exception {
        HttpResponse<String> page = getWithCookie("/session/", forged);
        assertEquals(200, page.statusCode());
        assertEquals(1, visits(page));
        String issued = setCookie(page).map(HttpCookie::getValue)
                .orElseThrow(() -> new AssertionError("a new session cookie replaces the forged one"));
        assertNotEquals(forged, issued);

        HttpResponse<String> again = getWithCookie("/session/", forged);
        assertEquals(1, visits(again), "the forged id still names nothing");
        assertEquals(2, visits(getWithCookie("/session/", issued)), "the issued id works");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(Http.request(server.uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postForm(String path, String form) throws Exception {
        return browser.send(Http.request(server.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends exactly the given cookie, bypassing the jar: what an attacker or an old tab would send. */
    private HttpResponse<String> getWithCookie(String path, String id) throws Exception {
        return Http.send(Http.request(server.uri(path)).header("Cookie", COOKIE + "=" + id).GET().build());
    }
}
