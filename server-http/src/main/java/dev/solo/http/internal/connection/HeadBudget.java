package dev.solo.http.internal.connection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heap that request heads waiting for their client may hold, shared by every connection on the loop; beyond it
 * the oldest are shed.
 *
 * <p>A head that arrives slowly is kept by its connection's decoder: the partial line in the decoder's line buffer and
 * the fields parsed so far, up to the request line and header limits (24 KiB of head, some 40 KiB of heap at worst).
 * A complete head stays while its body arrives. Each connection on its own is bounded, but a flood of connections
 * that each send most of a large head, or a large head and then a body a byte at a time, would fill any heap long
 * before {@code max_connections} or the timeouts stop them. So a connection whose head is incomplete after a read, or
 * whose body is still to come after one, takes a share of this budget sized by the head it holds, and gives it back
 * when it no longer waits for its client (the head completes, the body is in, the exchange ends, the connection
 * closes).
 *
 * <p>When the shares exceed the budget, connections are shed (answered 503 and closed) until the rest fit: first the
 * partial heads, oldest first, since a slowloris client is by nature the oldest and a normal client's head, which
 * arrives in one or two reads, never waits long enough to be among them; then, only if that is not enough, the
 * requests waiting for their body, oldest first. A head that completes within one read and a request whose body comes
 * with it, the usual cases, never take a share. Loop thread only.
 */
final class HeadBudget {

    private static final Logger LOG = LoggerFactory.getLogger(HeadBudget.class);

    /**
     * Heap held per head byte received, at most: the bytes of the line being read sit in the decoder's line buffer,
     * whose capacity doubles (up to twice the line), and completed lines again in the parsed strings. Measured at
     * 1.1 for a long field (docs/operations.md); charging 3 keeps the budget an upper bound.
     */
    static final int HEAP_PER_HEAD_BYTE = 3;
    /** Heap per complete head line besides its bytes: two strings and their slots in the field tables. */
    static final int HEAP_PER_HEAD_LINE = 128;
    /** What a head costs besides its bytes: the decoder, its tables and the first line buffers. */
    static final int HEAP_PER_HEAD = 1024;
    /** The share of the maximum heap that waiting heads may hold together by default. */
    static final int HEAP_FRACTION = 8;
    /** The smallest budget: room for a few dozen worst-case heads even on a tiny heap. */
    static final long MIN_BUDGET = 1024 * 1024;

    /** One connection's share: its place in the age order of its queue and the bytes it is charged. */
    static final class Share {
        private final Runnable shed;
        private Queue queue;
        private Share older;
        private Share newer;
        private long bytes;

        /** @param shed answers 503 and closes the connection when the budget needs room; called once per charge */
        Share(Runnable shed) {
            this.shed = shed;
        }

        /** @return whether the share is charged */
        boolean isCharged() {
            return queue != null;
        }
    }

    /** Shares in the order they were first charged: an intrusive list, so charging allocates nothing. */
    private static final class Queue {
        private Share oldest;
        private Share newest;

        void append(Share share) {
            share.queue = this;
            share.older = newest;
            share.newer = null;
            if (newest != null) {
                newest.newer = share;
            } else {
                oldest = share;
            }
            newest = share;
        }

        void remove(Share share) {
            if (share.older != null) {
                share.older.newer = share.newer;
            } else {
                oldest = share.newer;
            }
            if (share.newer != null) {
                share.newer.older = share.older;
            } else {
                newest = share.older;
            }
            share.older = null;
            share.newer = null;
            share.queue = null;
        }
    }

    private final long budget;
    private final Queue partialHeads = new Queue();
    private final Queue waitingBodies = new Queue();
    private long held;
    private long shedCount;
    /** A WARN is logged when shedding starts; the episode ends when the shares fall below half the budget. */
    private boolean shedding;

    /** @param budget bytes that waiting heads may hold together */
    HeadBudget(long budget) {
        if (budget <= 0) {
            throw new IllegalArgumentException("budget must be positive: " + budget);
        }
        this.budget = budget;
    }

    /**
     * @param maxHeap the heap the JVM may grow to ({@link Runtime#maxMemory()})
     * @return a budget of an eighth of it, at least {@link #MIN_BUDGET}
     */
    static HeadBudget forHeap(long maxHeap) {
        return new HeadBudget(Math.max(MIN_BUDGET, maxHeap / HEAP_FRACTION));
    }

    /**
     * @param headBytes head bytes a decoder has taken in
     * @return the heap they are charged for, as a single line
     */
    static long cost(long headBytes) {
        return cost(headBytes, 0);
    }

    /**
     * @param headBytes head bytes a decoder has taken in
     * @param headLines complete lines among them
     * @return the heap they are charged for
     */
    static long cost(long headBytes, int headLines) {
        return HEAP_PER_HEAD + HEAP_PER_HEAD_BYTE * headBytes + (long) HEAP_PER_HEAD_LINE * headLines;
    }

    /**
     * Charges a connection for its partial head, the newest if it was not charged yet, then sheds until the shares
     * fit the budget. The connection charged may be shed itself.
     *
     * @param share the connection's share
     * @param headBytes the head bytes its decoder holds so far
     * @param headLines the complete lines among them
     */
    void charge(Share share, long headBytes, int headLines) {
        charge(share, partialHeads, cost(headBytes, headLines));
    }

    /**
     * Charges a connection for the complete head it holds while its body is still to come, in the queue of waiting
     * bodies (a partial-head share moves there, as the newest), then sheds until the shares fit the budget.
     *
     * @param share the connection's share
     * @param headBytes the bytes of the head
     * @param headLines its lines
     */
    void chargeWaitingBody(Share share, long headBytes, int headLines) {
        charge(share, waitingBodies, cost(headBytes, headLines));
    }

    private void charge(Share share, Queue queue, long bytes) {
        if (share.queue != queue) {
            release(share);
            queue.append(share);
        }
        held += bytes - share.bytes;
        share.bytes = bytes;
        if (held > budget) {
            shed();
        } else if (shedding && held < budget / 2) {
            shedding = false;
        }
    }

    private void shed() {
        if (!shedding) {
            shedding = true;
            LOG.warn("request heads waiting for their clients hold more than {} KiB of heap: closing the oldest "
                    + "({} so far)", budget / 1024, shedCount);
        }
        while (held > budget) {
            Share victim = partialHeads.oldest != null ? partialHeads.oldest : waitingBodies.oldest;
            if (victim == null) {
                return;
            }
            release(victim);
            shedCount++;
            victim.shed.run();
        }
    }

    /**
     * Gives a share back: the connection no longer waits for its client, or closed. A no-op when not charged.
     *
     * @param share the connection's share
     */
    void release(Share share) {
        if (share.queue == null) {
            return;
        }
        share.queue.remove(share);
        held -= share.bytes;
        share.bytes = 0;
    }

    /** @return bytes charged now */
    long held() {
        return held;
    }

    /** @return the budget in bytes */
    long budget() {
        return budget;
    }

    /** @return connections shed since start */
    long shedCount() {
        return shedCount;
    }
}
