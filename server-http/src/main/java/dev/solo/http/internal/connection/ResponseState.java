package dev.solo.http.internal.connection;

/**
 * Where an exchange's response stands.
 *
 * <p>Legal transitions (anything else is a bug in the server and throws {@link IllegalStateException}):
 * <pre>
 *  PENDING ──respond()──▶ PREPARING ──queued in memory──────────────────────▶ WRITTEN
 *                                   ──file or stream body──▶ WRITING ──last byte──▶ WRITTEN
 * </pre>
 * A failure once the response left {@link #PENDING} cannot become an error response any more: the connection is cut
 * instead, unless the response is {@link #WRITTEN} already.
 */
enum ResponseState {

    /** No response yet: the handlers work, or the exchange waits for its session or a handler's answer. */
    PENDING,
    /** A handler answered: the response's policy, framing and head are being decided. */
    PREPARING,
    /** The exchange's {@link ResponseWriter} sends the response, one write each time the socket is writable. */
    WRITING,
    /** All of the response is on the socket or in the connection's {@link OutputQueue}. */
    WRITTEN;

    /**
     * Checks a transition against the table in the class comment.
     *
     * @param next the state to move to
     * @return {@code next}
     * @throws IllegalStateException when the server's code tries a transition the table does not allow
     */
    ResponseState moveTo(ResponseState next) {
        if (!allows(next)) {
            throw new IllegalStateException("response cannot go from " + this + " to " + next);
        }
        return next;
    }

    /**
     * @param next a state
     * @return whether the table in the class comment leads from this state to {@code next}
     */
    boolean allows(ResponseState next) {
        // Comparisons rather than a switch, which would cost a synthetic class to load on the first request.
        if (this == PENDING) {
            return next == PREPARING;
        }
        if (this == PREPARING) {
            return next == WRITING || next == WRITTEN;
        }
        return this == WRITING && next == WRITTEN;
    }
}
