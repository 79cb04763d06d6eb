package dev.solo.app.internal;

import dev.solo.core.EventLoop;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a worker stop when its supervisor is gone, however it went (even {@code kill -9}, which gives the supervisor
 * no chance to stop its workers): a loop timer compares the worker's parent with the one it started under. A dead
 * parent's children are re-parented (to init or a subreaper), so a changed parent id means the supervisor is gone.
 * Reading the parent costs one read of {@code /proc/self/stat} a second; no thread, no blocking read of a pipe.
 */
public final class ParentWatch {

    private static final Logger LOG = LoggerFactory.getLogger(ParentWatch.class);
    /** How often to look: a worker outlives its supervisor by at most this long (plus its graceful stop). */
    static final long PERIOD_MILLIS = 1_000;

    private final EventLoop loop;
    private final long parent;
    private final Runnable stop;

    private ParentWatch(EventLoop loop, long parent, Runnable stop) {
        this.loop = loop;
        this.parent = parent;
        this.stop = stop;
    }

    /**
     * Starts watching, from the loop thread (or before the loop runs).
     *
     * @param loop the worker's loop
     * @param stop what to do when the parent is gone (a graceful stop)
     */
    public static void start(EventLoop loop, Runnable stop) {
        long parent = parentPid().orElse(-1L);
        ParentWatch watch = new ParentWatch(loop, parent, stop);
        loop.execute(watch::schedule);
    }

    private static Optional<Long> parentPid() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid);
    }

    private void schedule() {
        loop.schedule(PERIOD_MILLIS, this::check);
    }

    private void check() {
        if (parentPid().orElse(-1L) != parent) {
            LOG.warn("the supervisor (pid {}) is gone: stopping this worker", parent);
            stop.run();
            return;
        }
        schedule();
    }
}
