package dev.solo.app;

import dev.solo.http.Exchange;
import java.io.IOException;

/**
 * A request handler written in code, for {@link LocationSpec#handler(ExchangeHandler)}: it gets the same
 * {@link Exchange} as a plugin's {@link dev.solo.http.Handler} (request, body streaming, session, the loop for
 * answering later) and takes every request of its location. Runs on the loop thread: it must not block.
 *
 * <pre>{@code
 * l.handler(ex -> ex.respond(Status.OK, "text/plain", "Hello"))
 * }</pre>
 */
@FunctionalInterface
public interface ExchangeHandler {

    /**
     * Answers one request, now or later from the loop (the exchange stays open until it is answered).
     *
     * @param exchange the request and its response
     * @throws IOException to answer 500 and close the connection
     */
    void handle(Exchange exchange) throws IOException;
}
