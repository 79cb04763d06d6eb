package dev.solo.cgi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.http.BodySource;
import dev.solo.http.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs real scripts: output framing, request bodies, failures, timeouts, aborts and cleanup. */
class ScriptRunTest {

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
    void answersWithContentLengthWhenTheScriptFinishesQuickly() throws Exception {
        cgi.script("hello.sh", "printf 'Content-Type: text/plain\\r\\nX-Script: yes\\r\\n\\r\\nhello\\n'");
        FakeExchange exchange = cgi.getWithClockStopped("/cgi-bin/hello.sh");
        Response response = exchange.response;
        assertEquals(200, response.status().code());
        assertEquals(Response.BodyKind.BYTES, response.bodyKind());
        assertEquals(6, response.length());
        assertEquals("hello\n", CgiHarness.bytes(response));
        assertEquals("text/plain", response.headers().get("Content-Type"));
        assertEquals("yes", response.headers().get("X-Script"));
        cgi.assertCleanedUp();
    }

    @Test
    void sendsStatusWithoutBody() throws Exception {
        cgi.script("empty.sh", "printf 'Status: 204 No Content\\n\\n'");
        FakeExchange exchange = cgi.getWithClockStopped("/cgi-bin/empty.sh");
        assertEquals(204, exchange.status());
        assertEquals(Response.BodyKind.NONE, exchange.response.bodyKind());
        cgi.assertCleanedUp();
    }

    @Test
    void sendsAnUntypedBodyWithItsLength() throws Exception {
        cgi.script("untyped.sh", "printf 'Status: 200 OK\\n\\nraw bytes'");
        FakeExchange exchange = cgi.getWithClockStopped("/cgi-bin/untyped.sh");
        assertEquals(Response.BodyKind.STREAM, exchange.response.bodyKind());
        assertEquals(9, exchange.response.length());
        assertEquals("raw bytes", cgi.drain(exchange.response));
        cgi.assertCleanedUp();
    }

    @Test
    void streamsOutputLargerThanTheBufferInPieces() throws Exception {
        cgi.script("big.sh", "printf 'Content-Type: text/plain\\n\\n'; head -c 200000 /dev/zero | tr '\\0' 'x'");
        FakeExchange exchange = cgi.getAndAwaitResponse("/cgi-bin/big.sh");
        Response response = exchange.response;
        assertEquals(Response.BodyKind.STREAM, response.bodyKind());
        assertEquals(-1, response.length(), "unknown length: chunked");
        List<Integer> pieces = new ArrayList<>();
        String body = cgi.drain(response, 1000, pieces);
        assertEquals("x".repeat(200_000), body);
        assertTrue(pieces.size() >= 200, "given in pieces of at most 1000 bytes");
        cgi.assertCleanedUp();
    }

    @Test
    void streamsWhenTheScriptPausesAfterItsHeadAndCallsTheServerBack() throws Exception {
        cgi.script("slow.sh", "printf 'Content-Type: text/plain\\n\\nfirst '\n"
                + "while [ ! -e go ]; do sleep 0.01; done\nprintf 'second'");
        FakeExchange exchange = cgi.getAndAwaitResponse("/cgi-bin/slow.sh");
        Response response = exchange.response;
        assertEquals(Response.BodyKind.STREAM, response.bodyKind());
        BodySource source = response.source();
        AtomicInteger callbacks = new AtomicInteger();
        source.onReadable(callbacks::incrementAndGet);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> pieces = new ArrayList<>();
        cgi.await(() -> {
            CgiHarness.readAvailable(source, 100, out, pieces);
            return out.toString(StandardCharsets.UTF_8).equals("first ");
        });
        assertEquals(0, read(source), "nothing more yet");
        Files.writeString(cgi.cgiBin.resolve("go"), "");
        cgi.await(() -> callbacks.get() > 0);
        cgi.await(() -> CgiHarness.readAvailable(source, 100, out, pieces) < 0);
        source.close();
        assertEquals("first second", out.toString(StandardCharsets.UTF_8));
        cgi.assertCleanedUp();
    }

    @Test
    void passesTheRequestBodyOnStandardInput() throws Exception {
        cgi.script("echo.sh", "printf 'Content-Type: text/plain\\n\\n'; echo \"len=$CONTENT_LENGTH\"; cat");
        FakeRequest request = new FakeRequest().path("/cgi-bin/echo.sh").body("POST", -1);
        FakeExchange exchange = cgi.exchange(request);
        assertTrue(new CgiHandler(cgi.settings()).handle(exchange));
        exchange.bodyConsumer.onData(ByteBuffer.wrap("hello ".getBytes(StandardCharsets.US_ASCII)));
        exchange.bodyConsumer.onData(ByteBuffer.wrap("world".getBytes(StandardCharsets.US_ASCII)));
        try (var files = Files.list(spool)) {
            assertEquals(1, files.count(), "the body is spooled to a file");
        }
        exchange.bodyConsumer.onComplete();
        cgi.await(exchange::isResponded);
        assertEquals("len=11\nhello world", cgi.body(exchange.response));
        cgi.assertCleanedUp();
    }

    @Test
    void givesEmptyInputWithoutBody() throws Exception {
        cgi.script("stdin.sh", "printf 'Content-Type: text/plain\\n\\n'; wc -c | tr -d ' '");
        FakeExchange exchange = cgi.getAndAwaitResponse("/cgi-bin/stdin.sh");
        assertEquals("0\n", cgi.body(exchange.response));
        cgi.assertCleanedUp();
    }

    @Test
    void deletesTheSpoolWhenTheBodyIsAborted() throws Exception {
        cgi.script("echo.sh", "cat");
        FakeExchange exchange = cgi.exchange(new FakeRequest().path("/cgi-bin/echo.sh").body("POST", 100));
        assertTrue(new CgiHandler(cgi.settings()).handle(exchange));
        exchange.bodyConsumer.onData(ByteBuffer.wrap(new byte[10]));
        exchange.bodyConsumer.onAbort(new IOException("client went away"));
        assertNull(exchange.response);
        cgi.assertCleanedUp();
    }

    @Test
    void answers502WhenTheScriptExitsNonZeroBeforeItsHead() throws Exception {
        cgi.script("crash.sh", "echo 'failing on purpose' >&2; exit 1");
        FakeExchange exchange = cgi.getAndAwaitResponse("/cgi-bin/crash.sh");
        assertEquals(502, exchange.status());
        cgi.assertCleanedUp();
    }

    @Test
    void answers502WhenTheScriptFailsAfterAValidHead() throws Exception {
        cgi.script("partial.sh", "printf 'Content-Type: text/plain\\n\\npartial'; exit 3");
        assertEquals(502, cgi.getAndAwaitResponse("/cgi-bin/partial.sh").status());
        cgi.assertCleanedUp();
    }

    @Test
    void answers502ForGarbage() throws Exception {
        cgi.script("garbage.sh", "printf 'this is not a header\\nnor: this without blank line\\n'");
        assertEquals(502, cgi.getAndAwaitResponse("/cgi-bin/garbage.sh").status());
        cgi.assertCleanedUp();
    }

    @Test
    void answers502WhenTheScriptPrintsNothing() throws Exception {
        cgi.script("silent.sh", "exit 0");
        assertEquals(502, cgi.getAndAwaitResponse("/cgi-bin/silent.sh").status());
        cgi.assertCleanedUp();
    }

    @Test
    void answers502AndKillsAScriptWhoseHeadNeverEnds() throws Exception {
        cgi.script("endless.sh", "echo $$ > pid; while true; do echo 'X-Endless: yes'; done");
        FakeExchange exchange = cgi.getAndAwaitResponse("/cgi-bin/endless.sh");
        assertEquals(502, exchange.status());
        cgi.awaitGone(cgi.awaitPids(cgi.cgiBin.resolve("pid"), 1));
        cgi.assertCleanedUp();
    }

    @Test
    void killsTheScriptAndItsChildrenOnTimeout() throws Exception {
        cgi.timeout = Duration.ofSeconds(5);
        cgi.script("sleep.sh", "echo $$ > pids; sleep 60 & echo $! >> pids; wait");
        FakeExchange exchange = cgi.get("/cgi-bin/sleep.sh");
        List<Long> pids = cgi.awaitPids(cgi.cgiBin.resolve("pids"), 2);
        assertNull(exchange.errorStatus);
        cgi.loop.advance(Duration.ofMillis(5_000));
        assertEquals(504, exchange.status());
        cgi.awaitGone(pids);
        cgi.assertCleanedUp();
    }

    @Test
    void cutsTheStreamWhenTheTimeoutFiresAfterTheHead() throws Exception {
        cgi.timeout = Duration.ofSeconds(5);
        cgi.script("stall.sh", "echo $$ > pid; printf 'Content-Type: text/plain\\n\\nstart'; exec sleep 60");
        FakeExchange exchange = cgi.getAndAwaitResponse("/cgi-bin/stall.sh");
        List<Long> pids = cgi.awaitPids(cgi.cgiBin.resolve("pid"), 1);
        BodySource source = exchange.response.source();
        AtomicInteger callbacks = new AtomicInteger();
        source.onReadable(callbacks::incrementAndGet);
        cgi.loop.advance(Duration.ofMillis(5_000));
        assertTrue(callbacks.get() > 0, "the server is told to read, and then fails");
        assertThrows(IOException.class, () -> {
            ByteBuffer dst = ByteBuffer.allocate(100);
            while (source.read(dst.clear()) > 0) {
                dst.clear();
            }
        });
        source.close();
        cgi.awaitGone(pids);
        cgi.assertCleanedUp();
    }

    @Test
    void killsTheScriptWhenTheClientGoesAway() throws Exception {
        cgi.script("wait.sh", "echo $$ > pid; exec sleep 60");
        FakeExchange exchange = cgi.get("/cgi-bin/wait.sh");
        List<Long> pids = cgi.awaitPids(cgi.cgiBin.resolve("pid"), 1);
        exchange.abort();
        cgi.awaitGone(pids);
        assertNull(exchange.response);
        cgi.assertCleanedUp();
    }

    @Test
    void killsTheScriptWhenTheServerClosesAnUnfinishedStream() throws Exception {
        cgi.script("forever.sh", "echo $$ > pid; printf 'Content-Type: text/plain\\n\\n'; exec yes");
        FakeExchange exchange = cgi.getAndAwaitResponse("/cgi-bin/forever.sh");
        List<Long> pids = cgi.awaitPids(cgi.cgiBin.resolve("pid"), 1);
        assertEquals(Response.BodyKind.STREAM, exchange.response.bodyKind());
        assertTrue(read(exchange.response.source()) > 0);
        exchange.response.source().close();
        cgi.awaitGone(pids);
        cgi.assertCleanedUp();
    }

    @Test
    void leavesNoProcessBehindAfterANormalRun() throws Exception {
        cgi.script("quick.sh", "echo $$ > pid; printf 'Content-Type: text/plain\\n\\nok'");
        FakeExchange exchange = cgi.getAndAwaitResponse("/cgi-bin/quick.sh");
        assertEquals("ok", cgi.body(exchange.response));
        cgi.awaitGone(cgi.awaitPids(cgi.cgiBin.resolve("pid"), 1));
        cgi.assertCleanedUp();
    }

    @Test
    void runsTheScriptAsTheLeaderOfItsOwnProcessGroup() throws Exception {
        // Field 5 of /proc/PID/stat is the process group; the command name "sh" holds no space.
        cgi.script("group.sh", "echo $$ > pid; cut -d' ' -f5 /proc/$$/stat > group; "
                + "printf 'Content-Type: text/plain\\n\\n'");
        cgi.getAndAwaitResponse("/cgi-bin/group.sh");
        cgi.assertCleanedUp();
        assertEquals(Files.readString(cgi.cgiBin.resolve("pid")), Files.readString(cgi.cgiBin.resolve("group")));
    }

    @Test
    void endsABackgroundChildWhenTheScriptExits() throws Exception {
        // sleep 120 & exit 0: the 200 went out and the sleep ran on under PID 1.
        cgi.script("background.sh", "sleep 60 & echo $! > pids; printf 'Content-Type: text/plain\\n\\nok'");
        FakeExchange exchange = cgi.getAndAwaitResponse("/cgi-bin/background.sh");
        assertEquals("ok", cgi.body(exchange.response));
        cgi.awaitGone(cgi.awaitPids(cgi.cgiBin.resolve("pids"), 1));
        cgi.assertCleanedUp();
    }

    @Test
    void endsADoubleForkedOrphanThatStayedInTheGroup() throws Exception {
        cgi.script("orphan.sh", "(sleep 60 </dev/null >/dev/null 2>&1 & echo $! > pids); "
                + "printf 'Content-Type: text/plain\\n\\nok'");
        cgi.getAndAwaitResponse("/cgi-bin/orphan.sh");
        cgi.awaitGone(cgi.awaitPids(cgi.cgiBin.resolve("pids"), 1));
        cgi.assertCleanedUp();
    }

    @Test
    void endsASetsidChildThatStillHoldsTheScriptsOutputAfterANormalExit() throws Exception {
        cgi.script("session.sh", "setsid sleep 60 & echo $! > pids; (setsid sleep 61 2>/dev/null & echo $! >> pids); "
                + "printf 'Content-Type: text/plain\\n\\nok'");
        cgi.getAndAwaitResponse("/cgi-bin/session.sh");
        cgi.awaitGone(cgi.awaitPids(cgi.cgiBin.resolve("pids"), 2));
        cgi.assertCleanedUp();
    }

    @Test
    void endsASetsidGrandchildOnTimeout() throws Exception {
        cgi.timeout = Duration.ofSeconds(5);
        cgi.script("detach.sh", "echo $$ > pids; setsid sleep 60 >/dev/null 2>&1 & echo $! >> pids; "
                + "(setsid sleep 61 & echo $! >> pids); exec sleep 62");
        FakeExchange exchange = cgi.get("/cgi-bin/detach.sh");
        List<Long> pids = cgi.awaitPids(cgi.cgiBin.resolve("pids"), 3);
        cgi.loop.advance(Duration.ofMillis(5_000));
        assertEquals(504, exchange.status());
        cgi.awaitGone(pids);
        cgi.assertCleanedUp();
    }

    @Test
    void drainsStandardErrorWithoutAFileAndWithoutStallingTheScript() throws Exception {
        // 20 MB of stderr: once a deleted temporary file the server kept growing.
        cgi.script("chatty.sh", "head -c 20000000 /dev/zero | tr '\\0' 'e' >&2; touch wrote; "
                + "printf 'Content-Type: text/plain\\n\\ndone'");
        FakeExchange exchange = cgi.get("/cgi-bin/chatty.sh");
        cgi.await(() -> Files.exists(cgi.cgiBin.resolve("wrote")) || exchange.isResponded()
                || !openFilesIn(spool).isEmpty());
        assertEquals(List.of(), openFilesIn(spool), "no file of the server's holds standard error");
        cgi.await(exchange::isResponded);
        assertEquals("done", cgi.body(exchange.response));
        cgi.assertCleanedUp();
    }

    @Test
    void acceptsA12KibHeaderBlockThatArrivesInTwoReads() throws Exception {
        String half = "c".repeat(6 * 1024);
        cgi.script("cookie.sh", "printf 'Content-Type: text/plain\\nSet-Cookie: big=" + half + "'; touch half; "
                + "while [ ! -e go ]; do sleep 0.01; done; printf '" + half + "\\n\\nok'");
        FakeExchange exchange = cgi.get("/cgi-bin/cookie.sh");
        cgi.await(() -> Files.exists(cgi.cgiBin.resolve("half")));
        // The first half is in the pipe: let a few polls read it before the rest is written.
        turns = 0;
        CgiHarness.runUntil(cgi.loop, this::pollsDone, CgiHarness.LIMIT, 1);
        Files.writeString(cgi.cgiBin.resolve("go"), "");
        cgi.await(exchange::isResponded);
        assertEquals(200, exchange.status());
        assertEquals(12 * 1024 + 4, exchange.response.headers().get("Set-Cookie").length());
        cgi.assertCleanedUp();
    }

    private static int read(BodySource source) {
        try {
            return source.read(ByteBuffer.allocate(100));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int turns;

    /** True after 100 virtual milliseconds of turns: every poll delay (at most 20 ms) has passed several times. */
    private boolean pollsDone() {
        return ++turns > 100;
    }

    /** @return the files under a directory that this JVM holds open, deleted ones included */
    private static List<String> openFilesIn(Path directory) {
        List<String> open = new ArrayList<>();
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith(directory.toString())) {
                        open.add(target);
                    }
                } catch (IOException e) {
                    // Closed while listing.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return open;
    }
}
