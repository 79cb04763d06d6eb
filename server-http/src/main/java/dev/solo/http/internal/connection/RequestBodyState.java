package dev.solo.http.internal.connection;

/**
 * Where a request's body stands: who gets its bytes, and whether it has been read to its end. Held by
 * {@link RequestBodyReader}.
 *
 * <p>Legal transitions (anything else is a bug in the server and throws {@link IllegalStateException}):
 * <pre>
 *  UNCLAIMED ──a handler claims it──▶ TO_HANDLER ──last byte──▶ DELIVERED ──internal redirect──▶ NONE
 *      ▲                                  │
 *      └─────────internal redirect────────┘
 *  UNCLAIMED ──no handler claimed it, or the exchange answered first──▶ DISCARDING ──last byte──▶ DROPPED
 *
 *  any state but CUT_SHORT ──▶ CUT_SHORT  (an error, a timeout, an answer before the body was read, a
 *                                          100-continue never sent, the connection closed)
 * </pre>
 * A request without a body starts in {@link #NONE}, one with a body in {@link #UNCLAIMED}. {@link #NONE},
 * {@link #DELIVERED}, {@link #DROPPED} and {@link #CUT_SHORT} are done: the exchange may finish once its response
 * is written. Only {@link #CUT_SHORT} leaves request bytes possibly still on the wire, so the connection closes after
 * the response, lingering so the client can read it (RFC 9112 §9.6).
 */
enum RequestBodyState {

    /**
     * No body for the handlers: the request has none, or the handler before an internal redirect took all of it. A
     * handler that claims it is told at once that it is complete.
     */
    NONE,
    /** A body is coming, and no handler has claimed it yet: nothing is read, the bytes wait in the read buffer. */
    UNCLAIMED,
    /** Read and fed to the consumer of the handler that claimed it. */
    TO_HANDLER,
    /** Read and dropped, so that the next request on the connection can be found. */
    DISCARDING,
    /** Read to its end and all fed to the handler's consumer, which was told it is complete. */
    DELIVERED,
    /** Read to its end and dropped. */
    DROPPED,
    /**
     * Given up before its end (a framing error, too large, a timeout, an answer before the body was read, a
     * {@code 100-continue} the server never sent, or the connection closed). A claiming consumer was told with
     * {@code onAbort}; the client may still be sending, so the connection must close.
     */
    CUT_SHORT;

    /**
     * Checks a transition against the table in the class comment.
     *
     * @param next the state to move to
     * @return {@code next}
     * @throws IllegalStateException when the server's code tries a transition the table does not allow
     */
    RequestBodyState moveTo(RequestBodyState next) {
        if (!allows(next)) {
            throw new IllegalStateException("request body cannot go from " + this + " to " + next);
        }
        return next;
    }

    /**
     * @param next a state
     * @return whether the table in the class comment leads from this state to {@code next}
     */
    boolean allows(RequestBodyState next) {
        if (next == CUT_SHORT) {
            // Giving up is always possible: a consumer's onComplete may still fail, and a body timer armed by an
            // internal redirect may fire after the body is in.
            return this != CUT_SHORT;
        }
        // Comparisons rather than a switch, which would cost a synthetic class to load on the first request.
        if (this == UNCLAIMED) {
            return next == TO_HANDLER || next == DISCARDING;
        }
        if (this == TO_HANDLER) {
            return next == DELIVERED || next == UNCLAIMED;
        }
        if (this == DISCARDING) {
            return next == DROPPED;
        }
        return this == DELIVERED && next == NONE;
    }

    /**
     * @return true when nothing more of the body will be read: the exchange may finish once its response is written
     */
    boolean isDone() {
        return this == NONE || this == DELIVERED || this == DROPPED || this == CUT_SHORT;
    }

    /** @return true while body bytes are read from the connection (to a consumer or dropped) */
    boolean isReading() {
        return this == TO_HANDLER || this == DISCARDING;
    }
}
