package dev.solo.testing.handler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.http.BodyConsumer;
import dev.solo.http.BodySource;
import dev.solo.http.Exchange;
import dev.solo.http.HttpException;
import dev.solo.http.Method;
import dev.solo.http.Response;
import dev.solo.http.Status;
import dev.solo.http.TlsInfo;
import dev.solo.http.Version;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TestExchangeTest {

    @TempDir
    Path dir;

    @Test
    void decodesTheRequestWithTheServersCodec() {
        TestExchange exchange = TestExchange.create(b -> b.method("PUT").target("/a%20b/./c/../d.txt?x=1&y=%20")
                .header("host", "Example.TEST:8443").header("Accept", "text/plain")
                .remoteAddress(new InetSocketAddress("198.51.100.9", 1234)));
        var request = exchange.request();
        assertEquals(Method.PUT, request.method());
        assertEquals("/a%20b/./c/../d.txt?x=1&y=%20", request.target());
        assertEquals("/a%20b/./c/../d.txt", request.rawPath());
        assertEquals("/a b/d.txt", request.path());
        assertEquals("x=1&y=%20", request.query());
        assertEquals("example.test", request.host());
        assertEquals("text/plain", request.headers().get("accept"));
        assertEquals(Version.HTTP_1_1, request.version());
        assertEquals("198.51.100.9", request.remoteAddress().getHostString());
        assertEquals("http", request.scheme());
        assertFalse(request.hasBody());
    }

    @Test
    void givesARequestWithoutHostTheDefaultHost() {
        assertEquals("localhost", TestExchange.get("/").request().host());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../etc/passwd", "/a%2Fb", "/a%00", "no-slash", "/a b"})
    void refusesATargetTheServerRefusesBeforeAnyHandler(String target) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> TestExchange.get(target));
        assertTrue(refused.getMessage().contains("400"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"OPTIONS", "TRACE", "CONNECT", "BREW"})
    void refusesMethodsTheServerAnswersItself(String method) {
        assertThrows(IllegalArgumentException.class,
                () -> TestExchange.create(b -> b.method(method).target(method.equals("CONNECT") ? "a:1" : "/")));
    }

    @Test
    void refusesABodyWhoseLengthIsOverTheLocationsLimit() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> TestExchange.create(b -> b.method("POST").maxBodySize(3).body("four")));
        assertTrue(refused.getMessage().contains("413"), refused.getMessage());
    }

    @Test
    void recordsATextResponse() throws IOException {
        TestExchange exchange = TestExchange.get("/hi?name=Ada");
        assertTrue(exchange.handle(ex -> {
            ex.respond(Status.OK, "text/plain", "hi " + ex.request().query());
            return true;
        }));
        TestResponse response = exchange.response();
        assertEquals(200, response.status());
        assertEquals("text/plain", response.header("content-type").orElseThrow());
        assertEquals("hi name=Ada", response.text());
        assertTrue(response.isComplete());
        assertTrue(exchange.isResponded());
    }

    @Test
    void sendsNoBodyForHeadLikeTheServer() throws IOException {
        TestExchange exchange = TestExchange.create(b -> b.method(Method.HEAD).target("/"));
        exchange.handle(ex -> {
            ex.respond(Status.OK, "text/plain", "not sent");
            return true;
        });
        assertEquals(0, exchange.response().body().length);
        assertEquals(8, exchange.response().response().length());
    }

    @Test
    void failsLoudlyWhenAskedForAResponseThatDidNotCome() throws IOException {
        TestExchange exchange = TestExchange.get("/");
        exchange.handle(ex -> true);
        AssertionError missing = assertThrows(AssertionError.class, exchange::response);
        assertTrue(missing.getMessage().contains("no response yet"), missing.getMessage());
    }

    @Test
    void refusesASecondResponseLikeTheServer() throws IOException {
        TestExchange exchange = TestExchange.get("/");
        exchange.handle(ex -> {
            ex.sendError(Status.NOT_FOUND);
            return true;
        });
        assertThrows(IllegalStateException.class, () -> exchange.respond(Response.of(Status.OK)));
        assertEquals(404, exchange.response().status());
    }

    @Test
    void reportsADeclinedRequestThatWasAnsweredAllTheSame() {
        TestExchange exchange = TestExchange.get("/");
        assertThrows(AssertionError.class, () -> exchange.handle(ex -> {
            ex.respond(Status.OK, "text/plain", "x");
            return false;
        }));
    }

    @Test
    void keepsTheErrorAndItsHeaders() throws IOException {
        TestExchange exchange = TestExchange.get("/");
        exchange.handle(ex -> {
            ex.sendError(HttpException.methodNotAllowed("GET, HEAD"));
            return true;
        });
        assertEquals(405, exchange.response().status());
        assertEquals("GET, HEAD", exchange.response().header("Allow").orElseThrow());
        assertEquals(Status.METHOD_NOT_ALLOWED, exchange.response().error().orElseThrow().status());
    }

    @Test
    void answersLaterWhenTheClockPassesTheHandlersTimer() throws IOException {
        TestExchange exchange = TestExchange.get("/later");
        exchange.handle(ex -> {
            ex.loop().schedule(200, () -> ex.respond(Status.ACCEPTED, "text/plain", "done"));
            return true;
        });
        assertFalse(exchange.isResponded());
        exchange.advance(Duration.ofMillis(199));
        assertFalse(exchange.isResponded());
        exchange.advance(Duration.ofMillis(1));
        assertEquals(202, exchange.response().status());
        assertEquals(200, exchange.loop().now());
    }

    @Test
    void answersWhenATaskHandedBackFromAnotherThreadRuns() throws Exception {
        TestExchange exchange = TestExchange.get("/");
        Thread worker = new Thread(() -> exchange.loop().execute(
                () -> exchange.respond(Status.OK, "text/plain", "from the worker")));
        worker.start();
        worker.join();
        assertFalse(exchange.isResponded());
        exchange.runPending();
        assertEquals("from the worker", exchange.response().text());
    }

    @Test
    void deliversTheBodyOnePiecePerLoopTurn() throws IOException {
        List<String> events = new ArrayList<>();
        TestExchange exchange = TestExchange.create(b -> b.method("POST").body("hel", "lo"));
        assertEquals(5, exchange.request().contentLength());
        exchange.receiveBody(recorder(events, () -> exchange.respond(Status.OK, "text/plain", "got it")));
        assertEquals(List.of(), events);
        exchange.loop().runPending();
        assertEquals(List.of("data hel", "data lo", "complete"), events);
        assertEquals("got it", exchange.response().text());
        assertTrue(exchange.isBodySettled());
    }

    @Test
    void completesAClaimedEmptyBodyAtOnce() {
        List<String> events = new ArrayList<>();
        TestExchange exchange = TestExchange.get("/");
        exchange.receiveBody(recorder(events, () -> { }));
        assertEquals(List.of("complete"), events);
    }

    @Test
    void wipesTheBufferOfAPieceAfterTheConsumerHadIt() throws IOException {
        List<ByteBuffer> kept = new ArrayList<>();
        TestExchange exchange = TestExchange.create(b -> b.method("POST").body("abc"));
        exchange.handle(ex -> {
            ex.receiveBody(new BodyConsumer() {
                @Override
                public void onData(ByteBuffer content) {
                    kept.add(content); // the bug: keeping the buffer instead of copying its bytes
                }

                @Override
                public void onComplete() {
                    ex.respond(Response.of(Status.NO_CONTENT));
                }

                @Override
                public void onAbort(Throwable cause) {
                }
            });
            return true;
        });
        assertEquals(0, kept.get(0).get(0));
    }

    @Test
    void dropsABodyTheHandlerDidNotClaimWhileHandling() throws IOException {
        TestExchange exchange = TestExchange.create(b -> b.method("POST").body("x"));
        exchange.handle(ex -> {
            ex.loop().schedule(10, () -> ex.receiveBody(recorder(new ArrayList<>(), () -> { })));
            return true;
        });
        assertThrows(IllegalStateException.class, () -> exchange.advance(Duration.ofMillis(10)));
    }

    @Test
    void cutsAChunkedBodyOverTheLimitWith413() throws IOException {
        List<String> events = new ArrayList<>();
        TestExchange exchange = TestExchange.create(b -> b.method("POST").chunked().maxBodySize(4).body("abc", "de"));
        assertEquals(-1, exchange.request().contentLength());
        exchange.handle(ex -> {
            ex.receiveBody(recorder(events, () -> ex.respond(Status.OK, "text/plain", "never")));
            return true;
        });
        assertEquals(List.of("data abc", "abort 413"), events);
        assertEquals(413, exchange.response().status());
    }

    @Test
    void answersAConsumersStorageFailureAs507() throws IOException {
        TestExchange exchange = TestExchange.create(b -> b.method("POST").body("x"));
        List<Throwable> aborts = new ArrayList<>();
        exchange.handle(ex -> {
            ex.receiveBody(new BodyConsumer() {
                @Override
                public void onData(ByteBuffer content) throws IOException {
                    throw new IOException("No space left on device");
                }

                @Override
                public void onComplete() {
                }

                @Override
                public void onAbort(Throwable cause) {
                    aborts.add(cause);
                }
            });
            return true;
        });
        assertEquals(507, exchange.response().status());
        assertEquals(1, aborts.size());
    }

    @Test
    void abortsTheConsumerWhenTheHandlerAnswersBeforeTheBodyEnds() throws IOException {
        List<String> events = new ArrayList<>();
        TestExchange exchange = TestExchange.create(b -> b.method("POST").body("a", "b"));
        exchange.handle(ex -> {
            ex.receiveBody(recorder(events, () -> { }));
            ex.respond(Status.CONTENT_TOO_LARGE, "text/plain", "no");
            return true;
        });
        assertEquals(List.of("abort"), events);
    }

    @Test
    void sendsAFileRegionAndClosesTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("f.txt"), "0123456789");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        TestExchange exchange = TestExchange.get("/f");
        exchange.handle(ex -> {
            ex.respond(Response.of(Status.OK).file(channel, 2, 5));
            return true;
        });
        assertEquals("23456", exchange.response().text());
        assertFalse(channel.isOpen());
    }

    @Test
    void pullsAStreamBodyAsTheSourceProducesIt() throws IOException {
        Drip source = new Drip();
        TestExchange exchange = TestExchange.get("/stream");
        exchange.handle(ex -> {
            ex.respond(Response.of(Status.OK).stream(source, -1));
            return true;
        });
        assertEquals("", exchange.response().text());
        assertFalse(exchange.response().isComplete());
        source.offer("one ");
        exchange.runPending();
        source.offer("two");
        source.end();
        exchange.runPending();
        assertEquals("one two", exchange.response().text());
        assertTrue(exchange.response().isComplete());
        assertTrue(source.closed);
    }

    @Test
    void closesAStreamAndPullsNoMoreWhenTheClientGoesAway() throws IOException {
        Drip source = new Drip();
        List<String> cleanups = new ArrayList<>();
        TestExchange exchange = TestExchange.get("/stream");
        exchange.handle(ex -> {
            ex.onAbort(() -> cleanups.add("cleaned"));
            ex.respond(Response.of(Status.OK).stream(source, -1));
            return true;
        });
        source.offer("partial");
        exchange.runPending();
        exchange.abort();
        source.offer(" never read");
        exchange.runPending();
        assertEquals("partial", exchange.response().text());
        assertFalse(exchange.response().isComplete());
        assertTrue(source.closed);
        assertEquals(List.of("cleaned"), cleanups);
    }

    @Test
    void carriesTheTlsSessionAndTheVersion() {
        TestExchange exchange = TestExchange.create(b -> b.version(Version.HTTP_1_0)
                .tls(new TlsInfo("TLSv1.3", "TLS_AES_128_GCM_SHA256", "example.test", null, "NONE")));
        assertEquals("https", exchange.request().scheme());
        assertEquals(Version.HTTP_1_0, exchange.request().version());
    }

    @Test
    void runsTheAbortActionsWhenAStreamFails() throws IOException {
        List<String> cleanups = new ArrayList<>();
        TestExchange exchange = TestExchange.get("/");
        exchange.handle(ex -> {
            ex.onAbort(() -> cleanups.add("killed"));
            ex.respond(Response.of(Status.OK).stream(new BodySource() {
                @Override
                public int read(ByteBuffer dst) throws IOException {
                    throw new IOException("the script died");
                }

                @Override
                public void onReadable(Runnable listener) {
                }

                @Override
                public void close() {
                    cleanups.add("closed");
                }
            }, -1));
            return true;
        });
        assertEquals(List.of("closed", "killed"), cleanups);
        assertEquals("the script died", exchange.response().failure().orElseThrow().getMessage());
        assertFalse(exchange.response().isComplete());
    }

    @Test
    void runsTheAbortActionsWhenTheClientGoesAwayBeforeTheAnswer() throws IOException {
        List<String> cleanups = new ArrayList<>();
        TestExchange exchange = TestExchange.get("/");
        exchange.handle(ex -> {
            ex.onAbort(() -> cleanups.add("cleaned"));
            return true;
        });
        exchange.abort();
        assertEquals(List.of("cleaned"), cleanups);
    }

    @Test
    void leavesTheAbortActionsAloneOnceTheResponseIsComplete() throws IOException {
        List<String> cleanups = new ArrayList<>();
        TestExchange exchange = TestExchange.get("/");
        exchange.handle(ex -> {
            ex.onAbort(() -> cleanups.add("cleaned"));
            ex.respond(Status.OK, "text/plain", "done");
            return true;
        });
        exchange.abort();
        assertEquals(List.of(), cleanups);
    }

    @Test
    void createsASessionOnlyWhenAsked() {
        TestExchange exchange = TestExchange.get("/");
        assertTrue(exchange.session(false).isEmpty());
        exchange.session(true).orElseThrow().set("user", "ada");
        assertEquals("ada", exchange.currentSession().orElseThrow().get("user").orElseThrow());
    }

    @Test
    void handsTheHandlerTheVisitorsSession() {
        TestSession visitor = new TestSession("abc");
        visitor.set("visits", "2");
        TestExchange exchange = TestExchange.create(b -> b.session(visitor));
        assertEquals("2", exchange.session(false).orElseThrow().get("visits").orElseThrow());
        exchange.session(false).orElseThrow().invalidate();
        assertTrue(exchange.currentSession().isEmpty());
        assertTrue(visitor.isInvalidated());
    }

    @Test
    void hasNoSessionWithoutASessionModule() {
        assertTrue(TestExchange.create(TestExchangeBuilder::noSessionModule).session(true).isEmpty());
    }

    @Test
    void recordsAnInternalRedirect() throws IOException {
        TestExchange exchange = TestExchange.get("/old");
        exchange.handle(ex -> {
            ex.redirectInternally("/new?x");
            return true;
        });
        assertEquals("/new?x", exchange.internalRedirect().orElseThrow());
        assertTrue(exchange.isResponded());
        assertThrows(AssertionError.class, exchange::response);
    }

    @Test
    void resolvesPathsInsideTheRootOnly() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "a");
        Path outside = Files.createTempFile("outside", ".txt");
        try {
            Files.createSymbolicLink(dir.resolve("link.txt"), outside);
            TestExchange exchange = TestExchange.create(b -> b.root(dir));
            assertEquals(dir.resolve("a.txt"), exchange.location().resolve("/a.txt").orElseThrow());
            assertEquals(dir.resolve("missing.txt"), exchange.location().resolve("/missing.txt").orElseThrow());
            assertTrue(exchange.location().resolve("/link.txt").isEmpty());
            assertTrue(exchange.location().resolve("/../a.txt").isEmpty());
        } finally {
            Files.delete(outside);
        }
    }

    @Test
    void hasNoFilesWithoutARoot() {
        assertTrue(TestExchange.get("/").location().resolve("/a").isEmpty());
    }

    @Test
    void refusesABodyClaimedAfterTheAnswer() {
        Exchange exchange = TestExchange.get("/");
        exchange.respond(Response.of(Status.NO_CONTENT));
        assertThrows(IllegalStateException.class, () -> exchange.receiveBody(recorder(new ArrayList<>(), () -> { })));
        assertNull(exchange.request().query());
    }

    /** A consumer that writes down what it is told. */
    private static BodyConsumer recorder(List<String> events, Runnable onComplete) {
        return new BodyConsumer() {
            @Override
            public void onData(ByteBuffer content) {
                events.add("data " + StandardCharsets.UTF_8.decode(content));
            }

            @Override
            public void onComplete() {
                events.add("complete");
                onComplete.run();
            }

            @Override
            public void onAbort(Throwable cause) {
                events.add(cause instanceof HttpException ? "abort " + ((HttpException) cause).status().code()
                        : "abort");
            }
        };
    }

    /** A stream whose bytes the test hands over: it has nothing until told, like a CGI script's pipe. */
    private static final class Drip implements BodySource {
        private final ByteBuffer pending = ByteBuffer.allocate(64).flip();
        private Runnable listener;
        private boolean ended;
        boolean closed;

        void offer(String text) {
            pending.compact().put(text.getBytes(StandardCharsets.UTF_8)).flip();
            listener.run();
        }

        void end() {
            ended = true;
            listener.run();
        }

        @Override
        public int read(ByteBuffer dst) {
            if (!pending.hasRemaining()) {
                return ended ? -1 : 0;
            }
            int count = Math.min(dst.remaining(), pending.remaining());
            dst.put(pending.array(), pending.position(), count);
            pending.position(pending.position() + count);
            return count;
        }

        @Override
        public void onReadable(Runnable readable) {
            this.listener = readable;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
