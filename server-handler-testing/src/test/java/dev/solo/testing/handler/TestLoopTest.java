package dev.solo.testing.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.core.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestLoopTest {

    private final TestLoop loop = new TestLoop();
    private final List<String> ran = new ArrayList<>();

    @Test
    void runsTimersInDeadlineOrderEachAtItsOwnTime() {
        loop.schedule(30, () -> ran.add("c at " + loop.now()));
        loop.schedule(10, () -> ran.add("a at " + loop.now()));
        loop.schedule(10, () -> ran.add("b at " + loop.now()));
        assertEquals(3, loop.advance(Duration.ofMillis(50)));
        assertEquals(List.of("a at 10", "b at 10", "c at 30"), ran);
        assertEquals(50, loop.now());
    }

    @Test
    void runsATimerSetByATimerWhenItFallsWithinTheSameAdvance() {
        loop.schedule(10, () -> loop.schedule(5, () -> ran.add("second at " + loop.now())));
        loop.advance(Duration.ofMillis(20));
        assertEquals(List.of("second at 15"), ran);
    }

    @Test
    void leavesTimersThatAreNotDueAndRunsQueuedTasksWithoutMovingTheClock() {
        loop.schedule(1, () -> ran.add("timer"));
        loop.execute(() -> ran.add("task"));
        assertEquals(1, loop.runPending());
        assertEquals(List.of("task"), ran);
        assertTrue(loop.hasPending());
        assertEquals(1, loop.nextDeadline());
        assertEquals(0, loop.now());
    }

    @Test
    void skipsACancelledTimerAndMovesARescheduledOne() {
        Timer cancelled = loop.schedule(5, () -> ran.add("cancelled"));
        Timer moved = loop.schedule(5, () -> ran.add("moved at " + loop.now()));
        cancelled.cancel();
        moved.reschedule(8);
        loop.advance(Duration.ofMillis(10));
        assertEquals(List.of("moved at 8"), ran);
        assertFalse(moved.isPending());
        assertFalse(loop.hasPending());
    }

    @Test
    void countsEveryTimerMadeButNotItsReschedules() {
        Timer rearmed = loop.schedule(5, () -> ran.add("rearmed"));
        loop.advance(Duration.ofMillis(10));
        rearmed.reschedule(5);
        rearmed.reschedule(7);
        loop.schedule(1, () -> ran.add("other")).cancel();
        assertEquals(2, loop.timersScheduled());
    }

    @Test
    void awaitsATaskQueuedFromAnotherThreadAndRunsItOnTheLoopThread() throws InterruptedException {
        Thread other = new Thread(() -> loop.execute(() -> ran.add("exited, on the loop: " + loop.inEventLoop())));
        other.start();
        assertEquals(1, loop.awaitTask(Duration.ofSeconds(10)));
        other.join();
        assertEquals(List.of("exited, on the loop: true"), ran);
        assertEquals(0, loop.awaitTask(Duration.ofMillis(1)));
        assertEquals(0, loop.now());
    }

    @Test
    void failsWhenTasksNeverStopQueueingTasks() {
        Runnable[] forever = new Runnable[1];
        forever[0] = () -> loop.execute(forever[0]);
        loop.execute(forever[0]);
        assertThrows(AssertionError.class, loop::runPending);
    }

    @Test
    void refusesToRunTheLoopFromAnotherThread() throws InterruptedException {
        List<Throwable> failures = new ArrayList<>();
        Thread other = new Thread(() -> {
            try {
                loop.runPending();
            } catch (AssertionError e) {
                failures.add(e);
            }
        });
        other.start();
        other.join();
        assertEquals(1, failures.size());
        assertTrue(loop.inEventLoop());
    }
}
