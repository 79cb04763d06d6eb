package dev.solo.cgi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the handler takes, refuses and how it answers: routing, redirects, sessions, the process cap. */
class CgiHandlerTest {

    @TempDir
    Path site;
    @TempDir
    Path spool;

    private CgiHarness cgi;

    @BeforeEach
    void harness() throws IOException {
        cgi = new CgiHarness(site, spool);
    }

    @Test
    void declinesPathsWithoutAScriptExtension() throws Exception {
        FakeExchange exchange = cgi.exchange(new FakeRequest().path("/cgi-bin/data.txt"));
        assertFalse(new CgiHandler(cgi.settings()).handle(exchange));
        assertFalse(exchange.isResponded());
        assertEquals(0, cgi.slots.used());
    }

    @Test
    void answers404ForAMissingScript() {
        assertEquals(404, cgi.get("/cgi-bin/missing.sh").status());
    }

    @Test
    void answers403ForADirectoryWithAScriptExtension() throws Exception {
        Files.createDirectories(cgi.cgiBin.resolve("dir.sh"));
        assertEquals(403, cgi.get("/cgi-bin/dir.sh").status());
    }

    @Test
    void answers500ForAScriptThatIsNotExecutableAndHasNoInterpreter() throws Exception {
        Files.writeString(cgi.cgiBin.resolve("plain.sh"), "echo hi\n");
        assertEquals(500, cgi.get("/cgi-bin/plain.sh").status());
        assertEquals(0, cgi.slots.used());
    }

    @Test
    void runsAScriptThroughItsInterpreter() throws Exception {
        Files.writeString(cgi.cgiBin.resolve("viash.cgi"), "printf 'Content-Type: text/plain\\n\\nvia sh'\n");
        FakeExchange exchange = cgi.getAndAwaitResponse("/cgi-bin/viash.cgi");
        assertEquals("via sh", cgi.body(exchange.response));
        cgi.assertCleanedUp();
    }

    @Test
    void runsTheScriptInItsOwnDirectoryWithPathInfo() throws Exception {
        cgi.script("where.sh", "printf 'Content-Type: text/plain\\n\\n%s|%s|%s|%s' "
                + "\"$(pwd -P)\" \"$PATH_INFO\" \"$QUERY_STRING\" \"$SCRIPT_NAME\"");
        FakeExchange exchange = cgi.exchange(new FakeRequest().path("/cgi-bin/where.sh/users/7").query("a=1"));
        assertTrue(new CgiHandler(cgi.settings()).handle(exchange));
        cgi.await(exchange::isResponded);
        assertEquals(cgi.cgiBin.toRealPath() + "|/users/7|a=1|/cgi-bin/where.sh",
                cgi.body(exchange.response));
        cgi.assertCleanedUp();
    }

    @Test
    void givesTheScriptACleanEnvironment() throws Exception {
        cgi.script("env.sh", "printf 'Content-Type: text/plain\\n\\n'; env | cut -d= -f1 | sort");
        FakeExchange exchange = cgi.exchange(new FakeRequest().path("/cgi-bin/env.sh").header("X-Test", "1"));
        assertTrue(new CgiHandler(cgi.settings()).handle(exchange));
        cgi.await(exchange::isResponded);
        List<String> names = List.of(cgi.body(exchange.response).split("\n"));
        assertTrue(names.contains("GATEWAY_INTERFACE"));
        assertTrue(names.contains("HTTP_X_TEST"));
        assertFalse(names.contains("HOME"), "HOME leaked: " + names);
        assertFalse(names.contains("USER"), "USER leaked: " + names);
        cgi.assertCleanedUp();
    }

    @Test
    void redirectsLocallyForALocalLocation() throws Exception {
        cgi.script("redirect.sh", "printf 'Location: /cgi-bin/other.sh?x=1\\n\\n'");
        FakeExchange exchange = cgi.getAndAwaitResponse("/cgi-bin/redirect.sh");
        assertEquals("/cgi-bin/other.sh?x=1", exchange.redirect);
        assertNull(exchange.response);
        cgi.assertCleanedUp();
    }

    @Test
    void redirectsTheClientForAnAbsoluteLocation() throws Exception {
        cgi.script("away.sh", "printf 'Location: https://example.org/\\n\\n'");
        FakeExchange exchange = cgi.getAndAwaitResponse("/cgi-bin/away.sh");
        assertEquals(302, exchange.status());
        assertEquals("https://example.org/", exchange.response.headers().get("Location"));
        cgi.assertCleanedUp();
    }

    @Test
    void passesRepeatedSetCookieFields() throws Exception {
        cgi.script("cookies.sh", "printf 'Content-Type: text/plain\\nSet-Cookie: a=1\\nSet-Cookie: b=2\\n\\nok'");
        FakeExchange exchange = cgi.getAndAwaitResponse("/cgi-bin/cookies.sh");
        assertEquals(List.of("a=1", "b=2"), exchange.response.headers().getAll("Set-Cookie"));
        cgi.assertCleanedUp();
    }

    @Test
    void readsAndUpdatesTheSession() throws Exception {
        cgi.script("counter.sh", "printf 'Content-Type: text/plain\\nX-Solo-Session-Set: count=%s\\n\\n%s' "
                + "$((SOLO_SESSION_count + 1)) \"$SOLO_SESSION_ID\"");
        FakeExchange exchange = cgi.exchange(new FakeRequest().path("/cgi-bin/counter.sh"));
        exchange.session = new FakeSession("sid-1");
        exchange.session.set("count", "2");
        assertTrue(new CgiHandler(cgi.settings()).handle(exchange));
        cgi.await(exchange::isResponded);
        assertEquals("sid-1", cgi.body(exchange.response));
        assertEquals("3", exchange.session.get("count").orElseThrow());
        assertFalse(exchange.response.headers().contains("X-Solo-Session-Set"));
        cgi.assertCleanedUp();
    }

    @Test
    void createsASessionWhenTheScriptSetsAnAttribute() throws Exception {
        cgi.script("login.sh", "printf 'Content-Type: text/plain\\nX-Solo-Session-Set: user=ada\\n\\nhi'");
        FakeExchange exchange = cgi.getAndAwaitResponse("/cgi-bin/login.sh");
        assertEquals("ada", exchange.session.get("user").orElseThrow());
        cgi.assertCleanedUp();
    }

    @Test
    void refusesWith503AndRetryAfterWhenAllSlotsAreTaken() throws Exception {
        cgi.slots = new ProcessSlots(1);
        cgi.script("hold.sh", "while [ ! -e go ]; do sleep 0.01; done; printf 'Content-Type: text/plain\\n\\ndone'");
        FakeExchange first = cgi.get("/cgi-bin/hold.sh");
        FakeExchange second = cgi.get("/cgi-bin/hold.sh");
        assertEquals(503, second.status());
        assertEquals("1", second.error.headers().get("Retry-After"));
        Files.writeString(cgi.cgiBin.resolve("go"), "");
        cgi.await(first::isResponded);
        assertEquals("done", cgi.body(first.response));
        cgi.assertCleanedUp();
        FakeExchange third = cgi.getAndAwaitResponse("/cgi-bin/hold.sh");
        assertEquals(200, third.status(), "the slot came back");
        cgi.assertCleanedUp();
    }
}
