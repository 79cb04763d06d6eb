package dev.solo.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.core.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimerHeapTest {

    private long now;
    private final TimerHeap heap = new TimerHeap(() -> now);
    private final List<String> fired = new ArrayList<>();

    @Test
    void runsTimersInDeadlineOrderOnlyOnceDue() {
        heap.schedule(30, () -> fired.add("c"));
        heap.schedule(10, () -> fired.add("a"));
        heap.schedule(20, () -> fired.add("b"));
        heap.runExpired(now = 15);
        assertEquals(List.of("a"), fired);
        heap.runExpired(now = 40);
        assertEquals(List.of("a", "b", "c"), fired);
        assertEquals(0, heap.size());
    }

    @Test
    void timersWithTheSameDeadlineRunInSchedulingOrder() {
        for (int i = 0; i < 5; i++) {
            int n = i;
            heap.schedule(5, () -> fired.add("t" + n));
        }
        heap.runExpired(now = 5);
        assertEquals(List.of("t0", "t1", "t2", "t3", "t4"), fired);
    }

    @Test
    void cancelledTimerNeverRunsAndLeavesNoEntry() {
        Timer timer = heap.schedule(10, () -> fired.add("x"));
        timer.cancel();
        assertFalse(timer.isPending());
        assertEquals(0, heap.size());
        heap.runExpired(now = 100);
        assertTrue(fired.isEmpty());
    }

    @Test
    void rescheduleMovesTheDeadlineWithoutAddingEntries() {
        Timer timer = heap.schedule(10, () -> fired.add("x"));
        for (int i = 0; i < 1000; i++) {
            timer.reschedule(10);
        }
        assertEquals(1, heap.size());
        now = 9;
        timer.reschedule(10);
        heap.runExpired(now = 15);
        assertTrue(fired.isEmpty());
        heap.runExpired(now = 19);
        assertEquals(List.of("x"), fired);
    }

    @Test
    void reportsDelayUntilTheEarliestDeadline() {
        assertEquals(-1, heap.millisUntilNext(now));
        heap.schedule(50, () -> { });
        heap.schedule(20, () -> { });
        assertEquals(20, heap.millisUntilNext(now));
        assertEquals(0, heap.millisUntilNext(now = 70));
    }

    @Test
    void aTimerScheduledByATaskForNowWaitsForTheNextTurn() {
        heap.schedule(0, () -> heap.schedule(0, () -> fired.add("second")));
        heap.runExpired(now);
        assertTrue(fired.isEmpty());
        heap.runExpired(now);
        assertEquals(List.of("second"), fired);
    }

    @Test
    void aFailingTaskDoesNotStopTheOthers() {
        heap.schedule(1, () -> {
            throw new IllegalStateException("boom");
        });
        heap.schedule(2, () -> fired.add("after"));
        heap.runExpired(now = 5);
        assertEquals(List.of("after"), fired);
    }

    @Test
    void keepsHeapOrderUnderRandomScheduleCancelAndReschedule() {
        Random random = new Random(42);
        List<Timer> timers = new ArrayList<>();
        List<Long> order = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            long delay = random.nextInt(1000);
            timers.add(heap.schedule(delay, () -> order.add(now)));
        }
        for (int i = 0; i < 500; i++) {
            timers.get(random.nextInt(timers.size())).cancel();
            timers.get(random.nextInt(timers.size())).reschedule(random.nextInt(1000));
        }
        for (now = 0; now <= 1000; now++) {
            heap.runExpired(now);
        }
        for (int i = 1; i < order.size(); i++) {
            assertTrue(order.get(i - 1) <= order.get(i));
        }
        assertEquals(0, heap.size());
    }
}
