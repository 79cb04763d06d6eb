package dev.solo.http.internal.connection;

import dev.solo.core.EventLoop;
import dev.solo.http.Request;
import dev.solo.http.Response;
import dev.solo.http.Session;
import dev.solo.http.spi.SessionManager;
import java.util.Optional;

/**
 * An exchange's dealings with its server's session manager. Holds the exchange's handlers back until the session is
 * loaded: a session store across the network (Redis) answers later, while handlers ask for the session
 * synchronously. The loop keeps turning meanwhile; the manager calls back, on the loop thread, and the exchange
 * resumes where it stopped (see {@link SessionManager#prepare}). Once the manager keeps state for the request (it
 * looked the session up, or a handler asked for it) it hears of the response and, exactly once, of the end of the
 * exchange.
 *
 * <p>The exchange's request timeout runs while it waits, and a connection that closes meanwhile aborts the exchange;
 * the answer that comes afterwards is then dropped.
 */
final class SessionGate {

    private final SessionManager sessions;
    /** The request as it arrived: sessions are keyed by it even after an internal redirect. */
    private final Request request;
    /** The manager was asked to prepare the session; it is asked once, before the first handler. */
    private boolean asked;
    private boolean waiting;
    private boolean answeredEarly;
    private boolean cancelled;
    /** The manager keeps state for the request until {@link #exchangeEnded} (each are independent of the above). */
    private boolean touched;
    private boolean ended;

    /**
     * @param sessions the server block's manager
     * @param request the request as it arrived
     */
    SessionGate(SessionManager sessions, Request request) {
        this.sessions = sessions;
        this.request = request;
    }

    /**
     * Asks the manager to load the request's session, the first time only.
     *
     * @param loop the loop
     * @param resume runs the handlers, once the session is loaded, unless the exchange ended meanwhile
     * @return true when the exchange must wait for {@code resume}; false when the handlers may run now
     */
    boolean mustWait(EventLoop loop, Runnable resume) {
        if (asked) {
            return false;
        }
        asked = true;
        answeredEarly = false;
        boolean now = sessions.prepare(request, loop, () -> answered(resume));
        if (!now) {
            // The manager started a lookup, and so keeps state for the request until exchangeEnded.
            touched = true;
        }
        if (now || answeredEarly) {
            return false;
        }
        waiting = true;
        return true;
    }

    private void answered(Runnable resume) {
        if (!waiting) {
            // The manager answered from inside prepare: the exchange goes on without waiting.
            answeredEarly = true;
            return;
        }
        waiting = false;
        if (!cancelled) {
            resume.run();
        }
    }

    /** @return true while the exchange waits for its session */
    boolean isWaiting() {
        return waiting;
    }

    /**
     * A handler asks for the request's session.
     *
     * @param loop the loop
     * @param create whether to create a session when the request has none
     * @return the session, if the request has one or {@code create} made one
     */
    Optional<Session> session(EventLoop loop, boolean create) {
        // Only requests that asked for their session pay for the session manager's bookkeeping.
        touched = true;
        return sessions.session(request, loop, create);
    }

    /**
     * The exchange answers: a manager that keeps state for the request may add its cookie.
     *
     * @param response the response, before it is encoded
     */
    void beforeResponse(Response response) {
        if (touched) {
            sessions.beforeResponse(request, response);
        }
    }

    /** The exchange was aborted: an answer still to come must not run its handlers. */
    void cancel() {
        cancelled = true;
    }

    /**
     * The exchange ended (finished, or aborted): a manager that keeps state for the request hears of it, once. An
     * answer still to come must not run its handlers.
     */
    void exchangeEnded() {
        cancelled = true;
        if (touched && !ended) {
            sessions.exchangeEnded(request);
        }
        ended = true;
    }
}
