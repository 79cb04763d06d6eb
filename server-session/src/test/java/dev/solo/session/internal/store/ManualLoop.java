package dev.solo.session.internal.store;

import dev.solo.core.EventLoop;
import dev.solo.core.Timer;
import java.util.ArrayList;
import java.util.List;

/**
 * An event loop for tests: no thread, a clock moved by hand, and timers that run when the clock passes them. Its
 * clock counts epoch milliseconds, so stores can use {@link #millis()} as their clock too.
 */
final class ManualLoop implements EventLoop {

    private long now;
    private final List<ManualTimer> timers = new ArrayList<>();

    ManualLoop(long start) {
        this.now = start;
    }

    /** @return the clock, for stores */
    long millis() {
        return now;
    }

    /** Moves the clock forward and runs every timer that came due, in deadline order. */
    void advance(long millis) {
        long target = now + millis;
        while (true) {
            ManualTimer next = null;
            for (ManualTimer timer : timers) {
                if (timer.pending && timer.deadline <= target && (next == null || timer.deadline < next.deadline)) {
                    next = timer;
                }
            }
            if (next == null) {
                break;
            }
            now = Math.max(now, next.deadline);
            next.pending = false;
            next.task.run();
        }
        now = target;
    }

    /** @return the number of timers created so far */
    int timersCreated() {
        return timers.size();
    }

    /** @return the deadline of the pending timer, or -1 when none is pending */
    long pendingDeadline() {
        return timers.stream().filter(t -> t.pending).mapToLong(t -> t.deadline).min().orElse(-1);
    }

    @Override
    public boolean inEventLoop() {
        return true;
    }

    @Override
    public void execute(Runnable task) {
        task.run();
    }

    @Override
    public Timer schedule(long delayMillis, Runnable task) {
        ManualTimer timer = new ManualTimer(task);
        timer.reschedule(delayMillis);
        timers.add(timer);
        return timer;
    }

    @Override
    public long now() {
        return now;
    }

    @Override
    public long wallTime() {
        return now;
    }

    private final class ManualTimer implements Timer {
        private final Runnable task;
        private long deadline;
        private boolean pending;

        ManualTimer(Runnable task) {
            this.task = task;
        }

        @Override
        public void cancel() {
            pending = false;
        }

        @Override
        public void reschedule(long delayMillis) {
            deadline = now + delayMillis;
            pending = true;
        }

        @Override
        public boolean isPending() {
            return pending;
        }
    }
}
