package dev.solo.cgi.internal;

import dev.solo.http.Exchange;
import dev.solo.http.Headers;
import dev.solo.http.HttpException;
import dev.solo.http.Response;
import dev.solo.http.Session;
import dev.solo.http.Status;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a script's head into what the server sends: the response head and the session changes. */
final class ScriptResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ScriptResponses.class);

    private ScriptResponses() {
    }

    /**
     * Builds the response head and applies the session changes first, so that a new session's cookie goes out with
     * it.
     *
     * @param exchange the exchange, for its session
     * @param head the script's head
     * @param tag the script, for the log
     * @return a response with the script's status and fields; the caller adds the body
     */
    static Response head(Exchange exchange, ScriptHead head, String tag) {
        Response response = Response.of(head.status());
        Headers headers = head.headers();
        for (int i = 0; i < headers.size(); i++) {
            response.header(headers.name(i), headers.value(i));
        }
        applySessionUpdates(exchange, head, tag);
        return response;
    }

    /**
     * The 503 for a request that gets no process slot: all taken and the queue full, or the wait too long.
     *
     * @return the error, with {@code Retry-After: 1}
     */
    static HttpException busy() {
        return new HttpException(Status.SERVICE_UNAVAILABLE, "Too many scripts running", false)
                .header("Retry-After", "1");
    }

    /**
     * The error a script's body-less error status stands for, carrying the script's fields but its
     * {@code Content-Type} (the error page brings its own), with the session changes applied.
     *
     * @param exchange the exchange, for its session
     * @param head the script's head, with a 4xx or 5xx status
     * @param tag the script, for the log
     * @return the error to render as the server renders its own
     */
    static HttpException error(Exchange exchange, ScriptHead head, String tag) {
        HttpException error = new HttpException(head.status(), head.status().reasonPhrase(), false);
        Headers headers = head.headers();
        for (int i = 0; i < headers.size(); i++) {
            if (!"Content-Type".equalsIgnoreCase(headers.name(i))) {
                error.header(headers.name(i), headers.value(i));
            }
        }
        applySessionUpdates(exchange, head, tag);
        return error;
    }

    /**
     * Applies {@code X-Solo-Session-Set}, creating the session if needed.
     *
     * @param exchange the exchange, for its session
     * @param head the script's head
     * @param tag the script, for the log
     */
    static void applySessionUpdates(Exchange exchange, ScriptHead head, String tag) {
        if (head.sessionUpdates().isEmpty()) {
            return;
        }
        Optional<Session> session;
        try {
            session = exchange.session(true);
        } catch (HttpException e) {
            // The session store is down (503): the script's answer still goes out, without its session changes.
            LOG.warn("{}: X-Solo-Session-Set ignored: {}", tag, e.safeMessage());
            return;
        }
        if (session.isEmpty()) {
            LOG.warn("{}: X-Solo-Session-Set ignored: no session support is configured", tag);
            return;
        }
        for (ScriptHead.SessionUpdate update : head.sessionUpdates()) {
            session.get().set(update.name(), update.value());
        }
    }
}
