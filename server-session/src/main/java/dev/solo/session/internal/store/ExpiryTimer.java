package dev.solo.session.internal.store;

import dev.solo.core.EventLoop;
import dev.solo.core.Timer;
import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;

/**
 * The one loop timer that removes expired sessions from a store: no sweeper thread, and no timer per session.
 *
 * <p>The timer is set for the earliest deadline (the head of the store's {@link LruIndex}). A new session never
 * expires before that head, so while the timer is pending, adding sessions costs nothing. When it fires it purges,
 * then moves itself to the next deadline, at least {@value #MIN_INTERVAL_MILLIS} ms away so that a steady stream of
 * expiring sessions is removed in batches rather than one wake-up each. Until then lookups refuse expired sessions.
 */
final class ExpiryTimer {

    /** The shortest time between two purges, in milliseconds. */
    static final long MIN_INTERVAL_MILLIS = 1_000;

    private final LongSupplier clock;
    private final LongUnaryOperator purge;
    private EventLoop loop;
    private Timer timer;

    /**
     * @param clock the store's clock, in epoch milliseconds
     * @param purge removes what expired by the given time and returns the next deadline, or {@link Long#MAX_VALUE}
     */
    ExpiryTimer(LongSupplier clock, LongUnaryOperator purge) {
        this.clock = clock;
        this.purge = purge;
    }

    /**
     * Starts driving expiry on a loop: purges at once, then arms the timer if sessions remain.
     *
     * @param eventLoop the loop
     */
    void attach(EventLoop eventLoop) {
        if (loop != null) {
            return;
        }
        loop = eventLoop;
        fire();
    }

    /**
     * A session was added. Arms the timer when it is idle; when it is pending it already fires at or before this
     * session's deadline.
     *
     * @param deadline the new session's deadline, in epoch milliseconds
     */
    void sessionAdded(long deadline) {
        if (loop != null && (timer == null || !timer.isPending())) {
            arm(deadline);
        }
    }

    /** Stops the timer. */
    void cancel() {
        if (timer != null) {
            timer.cancel();
        }
    }

    private void fire() {
        long next = purge.applyAsLong(clock.getAsLong());
        if (next != Long.MAX_VALUE) {
            arm(next);
        }
    }

    private void arm(long deadline) {
        long delay = Math.max(MIN_INTERVAL_MILLIS, deadline - clock.getAsLong());
        if (timer == null) {
            timer = loop.schedule(delay, this::fire);
        } else {
            timer.reschedule(delay);
        }
    }
}
