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
 */
module dev.solo.testing {
    requires transitive dev.solo.app;

    exports dev.solo.testing;
}
