/**
 * A testing kit for Solo's handler authors and embedders; it needs no test framework (failures are
 * {@link java.lang.AssertionError}s, which every framework reports).
 *
 * <pre>{@code
 * try (TestServer server = TestServer.start(s -> s.location("/hi", l -> l.handler(
 *         ex -> ex.respond(Status.OK, "text/plain", "hi"))))) {
 *     RawResponse response = server.request("GET /hi HTTP/1.1\r\nHost: a\r\n\r\n");
 *     assertEquals(200, response.status());
 * }
 * ServiceDeclarations.verify(Path.of("target/classes"));   // provides == META-INF/services
 *
 * TestExchange exchange = TestExchange.get("/hi?name=Ada");  // a handler alone, in memory, no socket
 * assertTrue(exchange.handle(handler));
 * assertEquals("hi Ada", exchange.response().text());
 * }</pre>
 *
 * <p>{@code TestExchange} and its companions live in {@code dev.solo.testing.handler} (a module needing only
 * {@code dev.solo.http}, so that modules below the app can test with it too); this module requires it transitively.
 */
module dev.solo.testing {
    requires transitive dev.solo.app;
    requires transitive dev.solo.testing.handler;

    exports dev.solo.testing;
}
