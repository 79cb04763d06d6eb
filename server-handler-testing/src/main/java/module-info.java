/**
 * The in-memory kit for handler authors: a handler alone, without a server or a socket; it needs no test framework
 * (failures are {@link java.lang.AssertionError}s, which every framework reports).
 *
 * <pre>{@code
 * TestExchange exchange = TestExchange.get("/hi?name=Ada");
 * assertTrue(exchange.handle(handler));
 * assertEquals("hi Ada", exchange.response().text());
 * }</pre>
 *
 * <p>It is a module of its own, requiring only {@code dev.solo.http}, so that the tests of the modules below
 * {@code dev.solo.app} (sessions, CGI) can use it without a dependency cycle; {@code dev.solo.testing} requires it
 * transitively for everyone else.
 */
module dev.solo.testing.handler {
    requires transitive dev.solo.http;

    exports dev.solo.testing.handler;
}
