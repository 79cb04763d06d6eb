package dev.solo.cgi.internal;

import static org.junit.jupiter.api.Assertions.fail;

import dev.solo.core.EventLoop;
import dev.solo.core.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * An event loop driven by the test: a virtual clock that moves only when the test says, timers that run when it
 * passes their deadline, and a queue for tasks handed over from other threads (process exits).
 */
final class FakeLoop implements EventLoop {

    private final Thread owner = Thread.currentThread();
    private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final List<FakeTimer> timers = new ArrayList<>();
    private long now = 1_000;

    @Override
    public boolean inEventLoop() {
        return Thread.currentThread() == owner;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    @Override
    public Timer schedule(long delayMillis, Runnable task) {
        FakeTimer timer = new FakeTimer(task);
        timer.reschedule(delayMillis);
        return timer;
    }

    @Override
    public long now() {
        return now;
    }

    @Override
    public long wallTime() {
        return 1_700_000_000_000L + now;
    }

    /** Runs queued tasks and the timers whose deadline has passed, as one turn of a real loop would. */
    void runDue() {
        runTasks();
        while (true) {
            FakeTimer next = timers.stream().filter(t -> t.pending && t.deadline <= now)
                    .min(Comparator.comparingLong(t -> t.deadline)).orElse(null);
            if (next == null) {
                break;
            }
            next.pending = false;
            next.task.run();
            runTasks();
        }
        timers.removeIf(t -> !t.pending);
    }

    /** Moves the clock and runs what became due. */
    void advance(long millis) {
        now += millis;
        runDue();
    }

    /**
     * Turns the loop until a condition holds: each turn runs what is due, waits up to 1 ms of real time for a task
     * from another thread, then moves the clock 1 ms. Virtual time thus never runs ahead of real time by much.
     */
    void runUntil(BooleanSupplier condition, Duration limit) {
        runUntil(condition, limit, 1);
    }

    /**
     * As {@link #runUntil(BooleanSupplier, Duration)}, moving the clock {@code tick} ms per turn; with 0 the clock
     * stands still, so only tasks from other threads and timers already due run.
     */
    void runUntil(BooleanSupplier condition, Duration limit, long tick) {
        long deadline = System.nanoTime() + limit.toNanos();
        runDue();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("condition not met within " + limit);
            }
            try {
                Runnable task = tasks.poll(1, TimeUnit.MILLISECONDS);
                if (task != null) {
                    task.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
            advance(tick);
        }
    }

    /** @return timers waiting to run */
    long pendingTimers() {
        return timers.stream().filter(t -> t.pending).count();
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
        }
    }

    private final class FakeTimer implements Timer {
        private final Runnable task;
        private long deadline;
        private boolean pending;

        FakeTimer(Runnable task) {
            this.task = task;
        }

        @Override
        public void cancel() {
            pending = false;
        }

        @Override
        public void reschedule(long delayMillis) {
            deadline = now + delayMillis;
            if (!pending) {
                pending = true;
                if (!timers.contains(this)) {
                    timers.add(this);
                }
            }
        }

        @Override
        public boolean isPending() {
            return pending;
        }
    }
}
