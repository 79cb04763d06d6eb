package dev.solo.cgi.internal;

import java.util.ArrayDeque;

/**
 * Counts running scripts against {@code cgi_max_processes}, with a first-in, first-out queue of the runs waiting for
 * a slot. A run asks for a slot only when its script can start (the request body is spooled), so a slow client never
 * holds one; it gives the slot back when the process has exited, or when it ends without starting one.
 *
 * <p>A slot given back goes straight to the longest waiting run, without being counted free in between, so a new
 * request can never overtake the queue. Waiting is bounded by the caller: the queue length it accepts
 * ({@code cgi_queue_size}) and a timer of its own ({@code cgi_queue_timeout}), after which it {@link #withdraw}s.
 * Loop thread only.
 */
public final class ProcessSlots {

    /** How a request for a slot turned out. */
    public enum Admission {
        /** A slot is taken: start the script, and {@link #release()} the slot once. */
        GRANTED,
        /** Queued: the waiter is called back when a slot passes to it, unless it withdraws first. */
        QUEUED,
        /** Every slot is taken and the queue is as long as the caller accepts: answer 503. */
        REFUSED
    }

    /** A run waiting for a slot. */
    @FunctionalInterface
    public interface Waiter {
        /** A slot is now held for this waiter, which must {@link #release()} it exactly once. Runs on the loop. */
        void granted();
    }

    private final int max;
    private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
    private int used;

    /** @param max the most slots in use at once, at least 1 */
    public ProcessSlots(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1: " + max);
        }
        this.max = max;
    }

    /**
     * Takes a slot, or queues the waiter behind those already waiting.
     *
     * @param waiter who to call when a slot passes to it
     * @param queueLimit the longest queue this request joins; 0 never queues
     * @return the outcome
     */
    public Admission request(Waiter waiter, int queueLimit) {
        if (used < max && waiting.isEmpty()) {
            used++;
            return Admission.GRANTED;
        }
        if (waiting.size() >= queueLimit) {
            return Admission.REFUSED;
        }
        waiting.addLast(waiter);
        return Admission.QUEUED;
    }

    /**
     * @return true when a slot was taken without queueing; the caller must {@link #release()} it exactly once
     */
    public boolean tryAcquire() {
        return request(() -> { }, 0) == Admission.GRANTED;
    }

    /**
     * Leaves the queue (the wait timed out or the request went away). A no-op for a waiter not queued.
     *
     * @param waiter a waiter given to {@link #request}
     */
    public void withdraw(Waiter waiter) {
        // Linear, but the queue is bounded by cgi_queue_size and a withdrawal is the exception.
        waiting.remove(waiter);
    }

    /** Gives a slot back: to the longest waiting run if there is one, else to the pool. */
    public void release() {
        if (used <= 0) {
            throw new IllegalStateException("release without acquire");
        }
        Waiter next = waiting.pollFirst();
        if (next == null) {
            used--;
        } else {
            next.granted();
        }
    }

    /** @return slots in use (a slot passed to a waiter counts from the hand-over) */
    public int used() {
        return used;
    }

    /** @return runs waiting for a slot */
    public int waiting() {
        return waiting.size();
    }

    /** @return the cap */
    public int max() {
        return max;
    }
}
