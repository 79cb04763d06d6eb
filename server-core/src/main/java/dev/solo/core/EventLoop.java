package dev.solo.core;

/**
 * The single thread that owns every socket, every timer and every connection's state.
 *
 * <p>Only {@link #execute(Runnable)} and {@link #inEventLoop()} may be called from other threads; everything else
 * belongs to the loop thread. Tasks and timers must not block: they run between two selects, and every other
 * connection waits while they run.
 */
public interface EventLoop {

    /** @return true when the caller runs on the loop thread */
    boolean inEventLoop();

    /**
     * Runs a task on the loop thread soon, in submission order. Safe from any thread: the task is queued and the
     * selector woken only if it is blocked in select.
     *
     * @param task what to run; its exceptions are logged and do not stop the loop
     */
    void execute(Runnable task);

    /**
     * Schedules a task on the loop after a delay. Loop thread only.
     *
     * @param delayMillis delay in milliseconds from {@link #now()}, 0 or more
     * @param task what to run when it expires
     * @return a handle to cancel or move the timer
     */
    Timer schedule(long delayMillis, Runnable task);

    /**
     * The loop's clock, read once per turn, so that many timers set in one turn agree and reading it costs nothing.
     *
     * @return milliseconds on a monotonic clock (not wall time)
     */
    long now();

    /**
     * Wall-clock time in milliseconds, read once per turn (for {@code Date} headers and logs).
     *
     * @return milliseconds since the epoch
     */
    long wallTime();
}
