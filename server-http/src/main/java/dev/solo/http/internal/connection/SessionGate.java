package dev.solo.http.internal.connection;

import dev.solo.core.EventLoop;
import dev.solo.http.Request;
import dev.solo.http.spi.SessionManager;

/**
 * Holds an exchange's handlers back until its session is loaded: a session store across the network (Redis) answers
 * later, while handlers ask for the session synchronously. The loop keeps turning meanwhile; the manager calls back,
 * on the loop thread, and the exchange resumes where it stopped (see {@link SessionManager#prepare}).
 *
 * <p>The exchange's request timeout runs while it waits, and a connection that closes meanwhile aborts the exchange;
 * the answer that comes afterwards is then dropped.
 */
final class SessionGate {

    private boolean waiting;
    private boolean answeredEarly;
    private boolean cancelled;
    private boolean lookedUp;

    /**
     * Asks the manager to load the request's session.
     *
     * @param sessions the server block's manager
     * @param request the request as it arrived
     * @param loop the loop
     * @param resume runs the handlers, once the session is loaded, unless the exchange was aborted meanwhile
     * @return true when the exchange must wait for {@code resume}; false when the handlers may run now
     */
    boolean mustWait(SessionManager sessions, Request request, EventLoop loop, Runnable resume) {
        answeredEarly = false;
        boolean now = sessions.prepare(request, loop, () -> answered(resume));
        lookedUp = !now;
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

    /**
     * @return true when the manager started a lookup for the request, and so keeps state for it until
     *         {@link SessionManager#exchangeEnded}
     */
    boolean lookedUp() {
        return lookedUp;
    }

    /** @return true while the exchange waits for its session */
    boolean isWaiting() {
        return waiting;
    }

    /** The exchange ended (aborted, timed out): an answer still to come must not run its handlers. */
    void cancel() {
        cancelled = true;
    }
}
