package dev.solo.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.app.ExchangeHandler;
import dev.solo.http.BodyConsumer;
import dev.solo.http.Exchange;
import dev.solo.http.HeaderName;
import dev.solo.http.Response;
import dev.solo.http.Session;
import dev.solo.http.Status;
import dev.solo.testing.handler.TestExchange;
import dev.solo.testing.handler.TestSession;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Code handlers of the kind {@code examples/embedded-app} gives {@code l.handler(...)}, unit-tested in memory: an
 * {@link ExchangeHandler} is called directly, then the loop runs what it set going.
 */
class CodeHandlersTest {

    /** {@code /hello}: the {@code name} parameter in a greeting, decoded as the server decodes query components. */
    private static final ExchangeHandler HELLO = ex -> ex.respond(Status.OK, "text/plain; charset=utf-8",
            "Hello, " + ex.request().parameters().first("name").orElse("world") + "!");

    /** {@code /counter}: visits counted in the visitor's session. */
    private static final ExchangeHandler COUNTER = ex -> {
        Session session = ex.session(true).orElseThrow();
        int visits = session.get("visits").map(Integer::parseInt).orElse(0) + 1;
        session.set("visits", Integer.toString(visits));
        ex.respond(Status.OK, "application/json", "{\"visits\":" + visits + "}");
    };

    /** {@code /slow}: answers after 250 ms of the loop's clock, unless the client went away. */
    private static final ExchangeHandler SLOW = ex -> {
        var timer = ex.loop().schedule(250, () -> ex.respond(Status.OK, "text/plain", "finally"));
        ex.onAbort(timer::cancel);
    };

    @TempDir
    Path spoolDir;

    @Test
    void greetsByTheDecodedName() throws IOException {
        TestExchange exchange = TestExchange.get("/hello?name=Ada%20L.&x=1");
        HELLO.handle(exchange);
        assertEquals("Hello, Ada L.!", exchange.response().text());
        assertEquals("text/plain; charset=utf-8", exchange.response().header("Content-Type").orElseThrow());
    }

    @Test
    void greetsTheWorldWithoutAName() throws IOException {
        TestExchange exchange = TestExchange.get("/hello");
        HELLO.handle(exchange);
        assertEquals("Hello, world!", exchange.response().text());
    }

    @Test
    void countsVisitsInTheVisitorsSession() throws IOException {
        TestExchange first = TestExchange.get("/counter");
        COUNTER.handle(first);
        assertEquals("{\"visits\":1}", first.response().text());
        TestSession session = first.currentSession().orElseThrow();

        TestExchange second = TestExchange.create(b -> b.target("/counter").session(session));
        COUNTER.handle(second);
        assertEquals("{\"visits\":2}", second.response().text());
    }

    @Test
    void echoesABodyThatArrivesInPiecesThroughAFile() throws IOException {
        TestExchange exchange = TestExchange.create(b -> b.method("POST").target("/echo")
                .header("Content-Type", "application/x-test").body("first piece, ", "second piece"));
        echo(exchange);
        assertFalse(exchange.isResponded(), "answered before the body arrived");
        exchange.runPending();
        assertEquals("first piece, second piece", exchange.response().text());
        assertEquals("application/x-test", exchange.response().header("Content-Type").orElseThrow());
        assertEquals(List.of(), listSpool(), "the spool file outlived the response");
    }

    @Test
    void removesTheSpoolFileWhenTheClientGoesAwayMidBody() throws IOException {
        TestExchange exchange = TestExchange.create(b -> b.method("POST").target("/echo").body("a", "b", "c"));
        echo(exchange);
        exchange.abort();
        exchange.runPending();
        assertFalse(exchange.isResponded());
        assertEquals(List.of(), listSpool());
    }

    @Test
    void answersLaterOnTheLoopsClock() throws IOException {
        TestExchange exchange = TestExchange.get("/slow");
        SLOW.handle(exchange);
        exchange.advance(Duration.ofMillis(249));
        assertFalse(exchange.isResponded());
        exchange.advance(Duration.ofMillis(1));
        assertEquals("finally", exchange.response().text());
    }

    @Test
    void cancelsTheTimerWhenTheClientGoesAway() throws IOException {
        TestExchange exchange = TestExchange.get("/slow");
        SLOW.handle(exchange);
        exchange.abort();
        assertFalse(exchange.loop().hasPending());
        exchange.advance(Duration.ofSeconds(1));
        assertFalse(exchange.isResponded());
    }

    @Test
    void refusesAnEchoOverTheLocationsLimitAsItArrives() throws IOException {
        TestExchange exchange = TestExchange.create(b -> b.method("POST").target("/echo").chunked().maxBodySize(10)
                .body("0123456789", "!"));
        echo(exchange);
        exchange.runPending();
        assertEquals(413, exchange.response().status());
        assertTrue(exchange.isBodySettled());
        assertEquals(List.of(), listSpool());
    }

    /** The embedded app's echo: the body spools to a file that is deleted when the response ends, sent or not. */
    private void echo(Exchange exchange) throws IOException {
        Path file = Files.createTempFile(spoolDir, "echo-", ".body");
        FileChannel spool = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.DELETE_ON_CLOSE);
        exchange.onAbort(() -> close(spool));
        exchange.receiveBody(new BodyConsumer() {
            @Override
            public void onData(ByteBuffer content) throws IOException {
                while (content.hasRemaining()) {
                    spool.write(content);
                }
            }

            @Override
            public void onComplete() throws IOException {
                String type = exchange.request().headers().get(HeaderName.CONTENT_TYPE);
                exchange.respond(Response.of(Status.OK)
                        .header("Content-Type", type != null ? type : "application/octet-stream")
                        .file(spool, 0, spool.position()));
            }

            @Override
            public void onAbort(Throwable cause) {
                close(spool);
            }
        });
    }

    private List<Path> listSpool() throws IOException {
        try (var files = Files.list(spoolDir)) {
            return files.collect(Collectors.toCollection(ArrayList::new));
        }
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
