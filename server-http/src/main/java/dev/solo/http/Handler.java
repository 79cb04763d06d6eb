package dev.solo.http;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

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

    /**
     * The methods this handler may take. A location's {@code Allow} lists the methods of its {@code methods} setting
     * that at least one of its handlers takes, so that OPTIONS and a 405 say the same (RFC 9110 §10.2.1).
     *
     * @return the methods; by default every method the server implements
     */
    default Set<Method> methods() {
        return EnumSet.of(Method.GET, Method.HEAD, Method.POST, Method.PUT, Method.DELETE, Method.OPTIONS,
                Method.PATCH);
    }

    /**
     * The methods with which this handler creates, replaces or deletes files: static files in such a location are
     * served so that a browser does not render them as active content, and {@code solo --check} lists them.
     *
     * @return the methods; by default none
     */
    default Set<Method> writeMethods() {
        return Set.of();
    }
}
