package dev.solo.http;

import java.io.IOException;

/**
 * Answers requests that reach a location. Handlers run on the loop thread and must not block: a handler that waits
 * for something (a child process, a timer) returns at once and responds later through the {@link Exchange}.
 *
 * <p>A location holds a chain of handlers (a {@code return}, CGI by extension, uploads, static files...). Each either
 * takes the request, by returning {@code true} and responding now or later, or declines it with {@code false} and
 * leaves the exchange untouched for the next one.
 */
@FunctionalInterface
public interface Handler {

    /**
     * @param exchange the request and the means to answer it
     * @return true when this handler took the request
     * @throws IOException for a failure that should become a 500 (or a close, once the response started)
     */
    boolean handle(Exchange exchange) throws IOException;
}
