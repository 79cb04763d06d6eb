package dev.solo.cgi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.testing.handler.TestSession;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
        exchange.session = new TestSession("sid-1");
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

    private Path holdScript() throws IOException {
        return cgi.script("hold.sh",
                "while [ ! -e go ]; do sleep 0.01; done; printf 'Content-Type: text/plain\\n\\ndone'");
    }

    private void letScriptsFinish() throws IOException {
        Files.writeString(cgi.cgiBin.resolve("go"), "");
    }

    @Test
    void queuesARequestBeyondTheCapAndRunsItWhenASlotFrees() throws Exception {
        cgi.slots = new ProcessSlots(1);
        holdScript();
        FakeExchange first = cgi.get("/cgi-bin/hold.sh");
        FakeExchange second = cgi.get("/cgi-bin/hold.sh");
        assertFalse(second.isResponded(), "waits instead of 503");
        assertEquals(1, cgi.slots.waiting());
        letScriptsFinish();
        cgi.await(() -> first.isResponded() && second.isResponded());
        assertEquals("done", cgi.body(first.response));
        assertEquals("done", cgi.body(second.response));
        cgi.assertCleanedUp();
    }

    @Test
    void servesTheQueueInArrivalOrder() throws Exception {
        cgi.slots = new ProcessSlots(1);
        cgi.script("order.sh", "echo \"$QUERY_STRING\" >> order; printf 'Content-Type: text/plain\\n\\nok'");
        holdScript();
        FakeExchange holder = cgi.get("/cgi-bin/hold.sh");
        List<FakeExchange> queued = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            queued.add(cgi.exchange(new FakeRequest().path("/cgi-bin/order.sh").query(Integer.toString(i))));
            assertTrue(new CgiHandler(cgi.settings()).handle(queued.get(i - 1)));
        }
        letScriptsFinish();
        cgi.await(() -> holder.isResponded() && queued.stream().allMatch(FakeExchange::isResponded));
        assertEquals(List.of("1", "2", "3", "4"), Files.readAllLines(cgi.cgiBin.resolve("order")));
        cgi.assertCleanedUp();
    }

    @Test
    void refusesWith503AndRetryAfterWhenTheQueueIsFull() throws Exception {
        cgi.slots = new ProcessSlots(1);
        cgi.queue = new CgiSettings.Queue(1, Duration.ofSeconds(30));
        holdScript();
        FakeExchange first = cgi.get("/cgi-bin/hold.sh");
        FakeExchange second = cgi.get("/cgi-bin/hold.sh");
        FakeExchange third = cgi.get("/cgi-bin/hold.sh");
        assertFalse(second.isResponded());
        assertEquals(503, third.status());
        assertEquals("1", third.error.headers().get("Retry-After"));
        letScriptsFinish();
        cgi.await(() -> first.isResponded() && second.isResponded());
        assertEquals(200, second.status());
        cgi.assertCleanedUp();
        assertEquals(200, cgi.getAndAwaitResponse("/cgi-bin/hold.sh").status(), "the slot came back");
        cgi.assertCleanedUp();
    }

    @Test
    void refusesWith503WhenTheWaitTimesOut() throws Exception {
        cgi.slots = new ProcessSlots(1);
        cgi.queue = new CgiSettings.Queue(10, Duration.ofSeconds(2));
        holdScript();
        FakeExchange first = cgi.get("/cgi-bin/hold.sh");
        FakeExchange second = cgi.get("/cgi-bin/hold.sh");
        cgi.loop.advance(Duration.ofMillis(1_999));
        assertFalse(second.isResponded());
        cgi.loop.advance(Duration.ofMillis(1));
        assertEquals(503, second.status());
        assertEquals("1", second.error.headers().get("Retry-After"));
        assertEquals(0, cgi.slots.waiting(), "left the queue");
        letScriptsFinish();
        cgi.await(first::isResponded);
        cgi.assertCleanedUp();
    }

    @Test
    void aRequestThatGoesAwayWhileWaitingNeverRuns() throws Exception {
        cgi.slots = new ProcessSlots(1);
        holdScript();
        cgi.script("never.sh", "touch ran; printf 'Content-Type: text/plain\\n\\n'");
        FakeExchange first = cgi.get("/cgi-bin/hold.sh");
        FakeExchange gone = cgi.get("/cgi-bin/never.sh");
        gone.abort();
        assertEquals(0, cgi.slots.waiting());
        letScriptsFinish();
        cgi.await(first::isResponded);
        cgi.assertCleanedUp();
        assertFalse(Files.exists(cgi.cgiBin.resolve("ran")));
        assertNull(gone.response);
    }

    @Test
    void takesAProcessSlotOnlyOnceTheBodyIsComplete() throws Exception {
        cgi.slots = new ProcessSlots(1);
        cgi.script("echo.sh", "printf 'Content-Type: text/plain\\n\\n'; cat");
        cgi.script("quick.sh", "printf 'Content-Type: text/plain\\n\\nquick'");
        FakeExchange slow = cgi.exchange(new FakeRequest().path("/cgi-bin/echo.sh").body("POST", 4));
        assertTrue(new CgiHandler(cgi.settings()).handle(slow));
        slow.bodyConsumer.onData(ByteBuffer.wrap(new byte[] {'d', 'r'}));
        assertEquals(0, cgi.slots.used(), "a body still on the wire holds no slot");
        FakeExchange quick = cgi.getAndAwaitResponse("/cgi-bin/quick.sh");
        assertEquals("quick", cgi.body(quick.response));
        cgi.awaitScriptsEnded();
        slow.bodyConsumer.onData(ByteBuffer.wrap(new byte[] {'i', 'p'}));
        slow.bodyConsumer.onComplete();
        cgi.await(slow::isResponded);
        assertEquals("drip", cgi.body(slow.response));
        cgi.assertCleanedUp();
    }

    @Test
    void answersAnErrorStatusWithoutBodyWithTheErrorPage() throws Exception {
        cgi.script("fail.sh", "printf 'Status: 500\\nSet-Cookie: seen=1\\n\\n'");
        FakeExchange exchange = cgi.getAndAwaitResponse("/cgi-bin/fail.sh");
        assertNull(exchange.response, "not the script's empty body");
        assertEquals(500, exchange.error.status().code());
        assertEquals("seen=1", exchange.error.headers().get("Set-Cookie"));
        cgi.assertCleanedUp();
    }

    @Test
    void sendsTheScriptsOwnBodyWithAnErrorStatus() throws Exception {
        cgi.script("own.sh", "printf 'Status: 404\\nContent-Type: text/plain\\n\\nmine'");
        FakeExchange exchange = cgi.getAndAwaitResponse("/cgi-bin/own.sh");
        assertEquals(404, exchange.status());
        assertEquals("mine", cgi.body(exchange.response));
        cgi.assertCleanedUp();
    }

    @Test
    void answers502ForALocalRedirectTheServerWouldRefuse() throws Exception {
        cgi.script("escape.sh", "printf 'Location: /../../etc/passwd\\n\\n'");
        FakeExchange exchange = cgi.getAndAwaitResponse("/cgi-bin/escape.sh");
        assertNull(exchange.redirect);
        assertEquals(502, exchange.status());
        cgi.assertCleanedUp();
    }
}
