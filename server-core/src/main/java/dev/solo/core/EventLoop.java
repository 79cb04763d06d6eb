package dev.solo.core;

import dev.solo.core.spi.ConnectionHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.function.Function;

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

    /**
     * Opens an outgoing TCP connection driven by this loop, for a client of another service (a session store, for
     * instance) that must not block the loop or run a thread of its own. Loop thread only.
     *
     * <p>The connection is started without blocking: the handler's {@link ConnectionHandler#onConnected()} runs once
     * it is established, or {@link ConnectionHandler#onClosed()} if it fails. Until then the handler must not call
     * {@link Transport#interest}. The connection counts among the loop's open connections: at shutdown its
     * {@link ConnectionHandler#onShutdown()} runs like any other's.
     *
     * @param address where to connect, already resolved (resolving would block)
     * @param handler makes the connection's handler from its transport; called before this method returns
     * @return the transport, not connected yet
     * @throws IOException when the socket cannot be opened or the connection is refused at once
     * @throws UnsupportedOperationException for loops that cannot open connections (test doubles)
     */
    default Transport connect(InetSocketAddress address, Function<Transport, ConnectionHandler> handler)
            throws IOException {
        throw new UnsupportedOperationException("this loop cannot open connections");
    }
}
