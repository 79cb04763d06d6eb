package dev.solo.testing.handler;

import dev.solo.core.EventLoop;
import dev.solo.core.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An {@link EventLoop} that turns only when the test says so: no thread, no selector, and a clock that stands still
 * until {@link #advance(Duration)} moves it. A handler that answers later (from a timer, or from a task queued with
 * {@link #execute(Runnable)}) is thus tested deterministically, without sleeps.
 *
 * <pre>{@code
 * TestLoop loop = new TestLoop();
 * loop.schedule(200, () -> fired.add("later"));
 * loop.advance(Duration.ofMillis(199));   // nothing yet
 * loop.advance(Duration.ofMillis(1));     // runs the timer
 * }</pre>
 *
 * <p>The thread that creates the loop is its loop thread ({@link #inEventLoop()}). {@link #execute(Runnable)} may be
 * called from any thread, as on the real loop; the queued tasks run at the next {@link #runPending()} on the loop
 * thread, or as they come with {@link #awaitTask(Duration)}.
 */
public final class TestLoop implements EventLoop {

    /** The wall clock starts at a fixed instant (2023-11-14T22:13:20Z), so {@code Date}-like output is repeatable. */
    private static final long WALL_START = 1_700_000_000_000L;
    /** A loop whose tasks keep queueing tasks never settles: fail instead of spinning for ever. */
    private static final int MAX_TASKS_PER_RUN = 100_000;

    private final Thread owner = Thread.currentThread();
    private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final List<PendingTimer> timers = new ArrayList<>();
    private long now;
    private long sequence;
    private int scheduled;

    /** Creates a loop whose clock reads 0 and has nothing to run. */
    public TestLoop() {
    }

    /** @return true when the caller is the thread that created this loop */
    @Override
    public boolean inEventLoop() {
        return Thread.currentThread() == owner;
    }

    /**
     * Queues a task for the next {@link #runPending()}. Safe from any thread.
     *
     * @param task what to run
     */
    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    /**
     * Schedules a task at {@code delayMillis} from {@link #now()}; it runs when {@link #runPending()} or
     * {@link #advance(Duration)} finds it due.
     *
     * @param delayMillis delay in milliseconds, 0 or more
     * @param task what to run
     * @return a handle to cancel or move the timer
     * @throws IllegalArgumentException when the delay is negative
     * @throws AssertionError when called from another thread than the loop's
     */
    @Override
    public Timer schedule(long delayMillis, Runnable task) {
        checkLoopThread("schedule");
        scheduled++;
        PendingTimer timer = new PendingTimer(task);
        timer.reschedule(delayMillis);
        return timer;
    }

    /** @return the virtual clock in milliseconds, 0 at creation, moved only by {@link #advance(Duration)} */
    @Override
    public long now() {
        return now;
    }

    /** @return a fixed instant plus {@link #now()}, in milliseconds since the epoch */
    @Override
    public long wallTime() {
        return WALL_START + now;
    }

    /**
     * Runs what a real loop would run in its next turns without time passing: queued tasks, in order, and the timers
     * already due, until nothing is left to run (tasks queued meanwhile run too).
     *
     * @return how many tasks and timers ran
     * @throws AssertionError when called from another thread, or when tasks keep queueing tasks without end
     */
    public int runPending() {
        checkLoopThread("runPending");
        int ran = 0;
        while (true) {
            Runnable task = tasks.poll();
            if (task == null) {
                PendingTimer due = nextDue(now);
                if (due == null) {
                    return ran;
                }
                due.pending = false;
                task = due.task;
            }
            task.run();
            if (++ran > MAX_TASKS_PER_RUN) {
                throw new AssertionError("the loop never settles: over " + MAX_TASKS_PER_RUN + " tasks in one run");
            }
        }
    }

    /**
     * Moves the clock forward, running every timer on the way at its own deadline (the clock reads that deadline
     * while it runs), in deadline order, each followed by the tasks it queued.
     *
     * @param time how far to move the clock, 0 or more
     * @return how many tasks and timers ran
     * @throws IllegalArgumentException when the time is negative
     * @throws AssertionError when called from another thread
     */
    public int advance(Duration time) {
        if (time.isNegative()) {
            throw new IllegalArgumentException("time runs forward only: " + time);
        }
        long target = now + time.toMillis();
        int ran = runPending();
        PendingTimer next;
        while ((next = nextDue(target)) != null) {
            now = Math.max(now, next.deadline);
            next.pending = false;
            next.task.run();
            ran += 1 + runPending();
        }
        now = target;
        return ran + runPending();
    }

    /**
     * Waits for a task that another thread queues with {@link #execute(Runnable)} (a child process that exits, work
     * done off the loop), then runs it and whatever else is pending, as {@link #runPending()}; the clock stands still.
     * A task queued already runs at once.
     *
     * @param timeout how long to wait at most
     * @return how many tasks and timers ran; 0 when no task came within the timeout
     * @throws InterruptedException when the waiting thread is interrupted
     * @throws AssertionError when called from another thread than the loop's
     */
    public int awaitTask(Duration timeout) throws InterruptedException {
        checkLoopThread("awaitTask");
        Runnable task = tasks.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (task == null) {
            return 0;
        }
        task.run();
        return 1 + runPending();
    }

    /** @return true when a task is queued or a timer waits, due or not */
    public boolean hasPending() {
        return !tasks.isEmpty() || timers.stream().anyMatch(t -> t.pending);
    }

    /** @return the deadline of the earliest waiting timer on the {@link #now()} clock, or -1 when none waits */
    public long nextDeadline() {
        PendingTimer next = nextDue(Long.MAX_VALUE);
        return next == null ? -1 : next.deadline;
    }

    /**
     * Counts the timers made so far, whether pending, run or cancelled: code that should keep one timer and
     * {@link Timer#reschedule(long) reschedule} it shows as 1 however often it rearms.
     *
     * @return how many times {@link #schedule(long, Runnable)} was called
     */
    public int timersScheduled() {
        return scheduled;
    }

    /** The earliest pending timer due at {@code limit} or before; among equal deadlines, the first scheduled. */
    private PendingTimer nextDue(long limit) {
        timers.removeIf(t -> !t.pending);
        PendingTimer next = null;
        for (PendingTimer timer : timers) {
            if (timer.deadline <= limit && (next == null || timer.deadline < next.deadline
                    || timer.deadline == next.deadline && timer.order < next.order)) {
                next = timer;
            }
        }
        return next;
    }

    private void checkLoopThread(String what) {
        if (!inEventLoop()) {
            throw new AssertionError(what + " belongs to the loop thread (the test thread that created the loop), not "
                    + Thread.currentThread().getName());
        }
    }

    /** A timer on the virtual clock. */
    private final class PendingTimer implements Timer {
        private final Runnable task;
        private long deadline;
        private long order;
        private boolean pending;

        PendingTimer(Runnable task) {
            this.task = task;
        }

        @Override
        public void cancel() {
            pending = false;
        }

        @Override
        public void reschedule(long delayMillis) {
            if (delayMillis < 0) {
                throw new IllegalArgumentException("negative delay: " + delayMillis);
            }
            deadline = now + delayMillis;
            order = sequence++;
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
