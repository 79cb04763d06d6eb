package dev.solo.core;

/** A pending task on the loop's timer heap. Loop thread only. */
public interface Timer {

    /** Cancels the timer; a no-op when it already ran or was cancelled. */
    void cancel();

    /**
     * Moves the deadline to {@code delayMillis} from now, re-arming a timer that already ran or was cancelled. Cheap
     * enough to call on every request: connections keep one timer and move it instead of making new ones.
     *
     * @param delayMillis delay in milliseconds from {@link EventLoop#now()}
     */
    void reschedule(long delayMillis);

    /** @return true while the timer waits to run */
    boolean isPending();
}
