package dev.solo.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.app.ExchangeHandler;
import dev.solo.http.FormBody;
import dev.solo.http.Method;
import dev.solo.http.Status;
import dev.solo.testing.handler.TestExchange;
import dev.solo.testing.handler.TestExchangeBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** {@link FormBody} as a handler sees it: a POSTed HTML form, whole or in pieces, and each way it can be wrong. */
class FormBodyTest {

    private static final int LIMIT = 64;

    /** Greets the form's {@code name}; lists the {@code tag}s. */
    private static final ExchangeHandler GREET = ex -> FormBody.receive(ex, LIMIT, form -> ex.respond(Status.OK,
            "text/plain", "Hello, " + form.first("name").orElse("world") + "! " + form.all("tag")));

    private static TestExchange post(Consumer<TestExchangeBuilder> more) {
        return TestExchange.create(b -> {
            b.method(Method.POST).target("/form");
            more.accept(b);
        });
    }

    private static TestExchange run(TestExchange exchange) throws IOException {
        GREET.handle(exchange);
        exchange.runPending();
        return exchange;
    }

    @Test
    void readsAFormSentInPieces() throws IOException {
        TestExchange exchange = run(post(b -> b.header("Content-Type", "application/x-www-form-urlencoded")
                .body("name=Ad%C3%A1+L", "ovelace&tag=a&", "tag=b")));
        assertEquals(200, exchange.response().status());
        assertEquals("Hello, Adá Lovelace! [a, b]", exchange.response().text());
    }

    @Test
    void readsAChunkedForm() throws IOException {
        TestExchange exchange = run(post(b -> b.header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .chunked().body("name=", "Ada")));
        assertEquals("Hello, Ada! []", exchange.response().text());
    }

    @Test
    void takesNoBodyAsAnEmptyForm() throws IOException {
        TestExchange exchange = run(post(b -> { }));
        assertEquals("Hello, world! []", exchange.response().text());
    }

    @Test
    void refusesAnotherMediaTypeWith415() throws IOException {
        TestExchange exchange = run(post(b -> b.header("Content-Type", "application/json").body("{}")));
        assertEquals(415, exchange.response().status());
        assertEquals("application/x-www-form-urlencoded", exchange.response().header("Accept-Post").orElseThrow());
    }

    @Test
    void refusesAnotherCharsetWith415() throws IOException {
        TestExchange exchange = run(post(b -> b
                .header("Content-Type", "application/x-www-form-urlencoded; charset=ISO-8859-1").body("name=x")));
        assertEquals(415, exchange.response().status());
    }

    @Test
    void refusesADeclaredLengthOverTheLimitBeforeReading() throws IOException {
        TestExchange exchange = run(post(b -> b.header("Content-Type", "application/x-www-form-urlencoded")
                .body("name=" + "x".repeat(LIMIT))));
        assertEquals(413, exchange.response().status());
    }

    @Test
    void refusesAChunkedFormOnceItPassesTheLimit() throws IOException {
        TestExchange exchange = run(post(b -> b.header("Content-Type", "application/x-www-form-urlencoded")
                .chunked().body("name=" + "x".repeat(LIMIT - 10), "y".repeat(20), "z".repeat(1000))));
        assertEquals(413, exchange.response().status());
    }

    @Test
    void refusesAMalformedEscapeWith400() throws IOException {
        TestExchange exchange = run(post(b -> b.header("Content-Type", "application/x-www-form-urlencoded")
                .body("name=%zz")));
        assertEquals(400, exchange.response().status());
    }

    @Test
    void refusesRawBytesThatAreNotUtf8With400() throws IOException {
        byte[] latin1 = "name=caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        TestExchange exchange = run(post(b -> b.header("Content-Type", "application/x-www-form-urlencoded")
                .body(latin1)));
        assertEquals(400, exchange.response().status());
    }

    @Test
    void acceptsRawUtf8Bytes() throws IOException {
        TestExchange exchange = run(post(b -> b.header("Content-Type", "application/x-www-form-urlencoded")
                .body("name=café".getBytes(StandardCharsets.UTF_8))));
        assertEquals("Hello, café! []", exchange.response().text());
    }

    @Test
    void turnsAnHttpExceptionOfTheContinuationIntoItsResponse() throws IOException {
        ExchangeHandler strict = ex -> FormBody.receive(ex, LIMIT, form -> {
            String name = form.first("name").orElseThrow(() -> dev.solo.http.HttpException.badRequest("no name"));
            ex.respond(Status.OK, "text/plain", name);
        });
        TestExchange exchange = post(b -> b.header("Content-Type", "application/x-www-form-urlencoded").body("x=1"));
        strict.handle(exchange);
        exchange.runPending();
        assertEquals(400, exchange.response().status());
        assertTrue(exchange.response().isComplete());
        assertFalse(exchange.response().error().isEmpty());
    }
}
