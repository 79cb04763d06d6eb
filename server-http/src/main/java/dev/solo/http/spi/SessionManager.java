package dev.solo.http.spi;

import dev.solo.core.EventLoop;
import dev.solo.http.Request;
import dev.solo.http.Response;
import dev.solo.http.Session;
import java.util.Optional;

/** The sessions of one server block. Loop thread only. */
public interface SessionManager {

    /**
     * @param request the request, with its {@code Cookie} header
     * @param loop the loop, for expiry timers (the same loop on every call)
     * @param create whether to start a session when the request has no valid one
     * @return the visitor's session
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
     * A reload replaced the configuration that made this manager, and the requests it served have had time to finish:
     * release what it holds outside the heap (a store's network connection, its timers). Called once, on the loop
     * thread; no method is called after it.
     */
    default void close() {
    }
}
