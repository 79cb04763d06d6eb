package dev.solo.cgi.internal;

/**
 * Counts running scripts against {@code cgi_max_processes}. A slot is taken when a request is accepted (before its
 * body is spooled, so a full server says 503 before reading a large body) and given back when the process has
 * exited, or when the request ended without starting one. Loop thread only.
 */
public final class ProcessSlots {

    private final int max;
    private int used;

    /** @param max the most slots in use at once, at least 1 */
    public ProcessSlots(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1: " + max);
        }
        this.max = max;
    }

    /** @return true when a slot was taken; the caller must {@link #release()} it exactly once */
    public boolean tryAcquire() {
        if (used >= max) {
            return false;
        }
        used++;
        return true;
    }

    /** Gives a slot back. */
    public void release() {
        if (used <= 0) {
            throw new IllegalStateException("release without acquire");
        }
        used--;
    }

    /** @return slots in use */
    public int used() {
        return used;
    }

    /** @return the cap */
    public int max() {
        return max;
    }
}
