package dev.solo.app.internal;

import dev.solo.core.EventLoop;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a worker stop when its supervisor is gone, however it went (even {@code kill -9}, which gives the supervisor
 * no chance to stop its workers): a loop timer compares the worker's parent with the supervisor's pid, which the
 * supervisor passes in {@value #SUPERVISOR_PID_VARIABLE} (so a supervisor that died while the worker was starting is
 * noticed too). A dead parent's children are re-parented (to init or a subreaper), so another parent id means the
 * supervisor is gone.
 * Reading the parent costs one read of {@code /proc/self/stat} a second; no thread, no blocking read of a pipe.
 */
public final class ParentWatch {

    private static final Logger LOG = LoggerFactory.getLogger(ParentWatch.class);
    /** How often to look: a worker outlives its supervisor by at most this long (plus its graceful stop). */
    static final long PERIOD_MILLIS = 1_000;
    /** The environment variable through which the supervisor tells a worker its pid. */
    public static final String SUPERVISOR_PID_VARIABLE = "SOLO_SUPERVISOR_PID";

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
     * @param supervisor the pid of the supervisor that started this worker (from {@link #SUPERVISOR_PID_VARIABLE}, so
     *                   that a supervisor gone before this call is noticed too)
     * @param stop what to do when the parent is gone (a graceful stop)
     */
    public static void start(EventLoop loop, long supervisor, Runnable stop) {
        ParentWatch watch = new ParentWatch(loop, supervisor, stop);
        loop.execute(watch::check);
    }

    /**
     * @return the supervisor's pid as the supervisor passed it to this worker, else this process's parent now
     */
    public static long supervisorPid() {
        String passed = System.getenv(SUPERVISOR_PID_VARIABLE);
        if (passed != null && passed.chars().allMatch(c -> c >= '0' && c <= '9') && !passed.isEmpty()) {
            return Long.parseLong(passed);
        }
        return parentPid().orElse(-1L);
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
