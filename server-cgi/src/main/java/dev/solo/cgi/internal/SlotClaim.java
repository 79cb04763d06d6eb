package dev.solo.cgi.internal;

import dev.solo.core.EventLoop;
import dev.solo.core.Timer;

/**
 * One run's claim on a process slot: taken at once when one is free, else a place in the queue that is left after
 * {@code cgi_queue_timeout}. The waiting request is parked, not blocked: the loop serves everyone else, and the
 * run is resumed from the loop when a slot passes to it. Loop thread only.
 */
final class SlotClaim implements ProcessSlots.Waiter {

    /** Why a claim did not get a slot. */
    enum Refusal {
        /** The queue was as long as {@code cgi_queue_size} allows. */
        QUEUE_FULL,
        /** The wait reached {@code cgi_queue_timeout}. */
        WAITED_TOO_LONG
    }

    /** What the run does with the outcome. */
    interface Outcome {
        /** A slot is held: start the script. Runs on the loop, never inside another run's call. */
        void granted();

        /**
         * No slot: answer 503.
         *
         * @param why queue full or waited too long
         */
        void refused(Refusal why);
    }

    private enum State { NEW, WAITING, HELD, RELEASED }

    private final ProcessSlots slots;
    private final CgiSettings.Queue queue;
    private final EventLoop loop;
    private final Outcome outcome;
    private State state = State.NEW;
    private Timer timer;

    SlotClaim(ProcessSlots slots, CgiSettings.Queue queue, EventLoop loop, Outcome outcome) {
        this.slots = slots;
        this.queue = queue;
        this.loop = loop;
        this.outcome = outcome;
    }

    /** Asks for a slot; the outcome comes now (free slot, full queue) or later (queued). */
    void claim() {
        if (state != State.NEW) {
            throw new IllegalStateException("claimed twice");
        }
        switch (slots.request(this, queue.size())) {
            case GRANTED:
                state = State.HELD;
                outcome.granted();
                break;
            case QUEUED:
                state = State.WAITING;
                timer = loop.schedule(queue.timeout().toMillis(), this::timedOut);
                break;
            default:
                state = State.RELEASED;
                outcome.refused(Refusal.QUEUE_FULL);
                break;
        }
    }

    /** Called by {@link ProcessSlots#release()} from another run's end: the start is deferred to its own task. */
    @Override
    public void granted() {
        state = State.HELD;
        timer.cancel();
        loop.execute(() -> {
            if (state == State.HELD) {
                outcome.granted();
            }
        });
    }

    private void timedOut() {
        if (state == State.WAITING) {
            slots.withdraw(this);
            state = State.RELEASED;
            outcome.refused(Refusal.WAITED_TOO_LONG);
        }
    }

    /** Gives the slot back, or leaves the queue; safe to call more than once. */
    void release() {
        State was = state;
        state = State.RELEASED;
        if (was == State.HELD) {
            slots.release();
        } else if (was == State.WAITING) {
            timer.cancel();
            slots.withdraw(this);
        }
    }

    /** @return true while the run waits in the queue */
    boolean waiting() {
        return state == State.WAITING;
    }
}
