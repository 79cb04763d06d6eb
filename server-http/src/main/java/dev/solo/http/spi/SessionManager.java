package dev.solo.http.spi;

import dev.solo.core.EventLoop;
import dev.solo.http.Request;
import dev.solo.http.Response;
import dev.solo.http.Session;
import java.util.Optional;

/**
 * The sessions of one server block. Loop thread only.
 *
 * <p>Handlers ask for the session synchronously ({@link dev.solo.http.Exchange#session(boolean)}), but a store across
 * the network cannot answer at once. So before the handlers of a request run, the server calls {@link #prepare}: a
 * manager whose store answers at once says so and does nothing; one that must ask over the network starts the lookup
 * and the exchange waits, without blocking the loop, until the manager calls it back. {@link #session} then answers
 * from what was loaded.
 */
public interface SessionManager {

    /**
     * Gets the request's session ready before its handlers run. Called once per request that reached a location,
     * before its first handler.
     *
     * <p>Returns true when {@link #session} can answer at once: the exchange goes on, and the manager keeps nothing for
     * the request unless {@link #session} is called. Returns false when it started a lookup: the manager then calls
     * {@code ready} exactly once, on the loop thread (possibly before this method returns), the handlers run after
     * that, and {@link #beforeResponse} and {@link #exchangeEnded} follow as if the exchange had asked for its session.
     *
     * @param request the request, with its {@code Cookie} header
     * @param loop the loop (the same loop on every call)
     * @param ready continues the exchange once the session is loaded (or its store failed)
     * @return true when the handlers may run now
     */
    default boolean prepare(Request request, EventLoop loop, Runnable ready) {
        return true;
    }

    /**
     * @param request the request, with its {@code Cookie} header
     * @param loop the loop, for expiry timers (the same loop on every call)
     * @param create whether to start a session when the request has no valid one
     * @return the visitor's session
     * @throws dev.solo.http.HttpException with 503 when the session store is unavailable: the page needs a session
     *         that cannot be had now, and the exchange answers with the error page
     */
    Optional<Session> session(Request request, EventLoop loop, boolean create);

    /**
     * Adds what the response needs for the sessions touched by this request ({@code Set-Cookie} for a new, renewed
     * or ended session). Called once per response whose exchange asked for its session, before the head is written.
     *
     * @param request the request
     * @param response the response about to be sent
     */
    void beforeResponse(Request request, Response response);

    /**
     * The exchange of this request is over, answered or not (the client may have gone away): forget what was kept
     * for it. Called exactly once per request that reached {@link #session}, after {@link #beforeResponse} if there
     * was a response.
     *
     * @param request the request
     */
    default void exchangeEnded(Request request) {
    }

    /**
     * The server block is retired (a reload replaced it, or the server stops): release the store's timers and
     * connections once the requests still using it are done. Loop thread only; idempotent.
     */
    default void close() {
    }
}
