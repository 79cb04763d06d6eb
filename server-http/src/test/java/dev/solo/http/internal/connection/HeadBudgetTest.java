package dev.solo.http.internal.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared budget for partial heads: charges, releases, and shedding the oldest heads first. */
class HeadBudgetTest {

    private final List<String> shed = new ArrayList<>();
    private final HeadBudget budget = new HeadBudget(3 * HeadBudget.cost(1000));

    private HeadBudget.Share share(String name) {
        return new HeadBudget.Share(() -> shed.add(name));
    }

    @Test
    void chargesUpToTheBudgetShedNothing() {
        HeadBudget.Share a = share("a");
        HeadBudget.Share b = share("b");
        HeadBudget.Share c = share("c");
        budget.charge(a, 1000, 0);
        budget.charge(b, 1000, 0);
        budget.charge(c, 1000, 0);
        assertEquals(List.of(), shed);
        assertEquals(budget.budget(), budget.held());
    }

    @Test
    void theOldestHeadsAreShedUntilTheRestFit() {
        HeadBudget.Share a = share("a");
        HeadBudget.Share b = share("b");
        HeadBudget.Share c = share("c");
        budget.charge(a, 1000, 0);
        budget.charge(b, 1000, 0);
        budget.charge(c, 1000, 0);
        budget.charge(share("d"), 2000, 0);
        assertEquals(List.of("a", "b"), shed, "oldest first, as many as needed");
        assertFalse(a.isCharged());
        assertTrue(c.isCharged());
        assertEquals(2, budget.shedCount());
        assertTrue(budget.held() <= budget.budget());
    }

    @Test
    void agingIsByTheFirstChargeNotTheLatest() {
        HeadBudget.Share a = share("a");
        HeadBudget.Share b = share("b");
        budget.charge(a, 10, 0);
        budget.charge(b, 10, 0);
        budget.charge(a, 1000, 0); // more bytes for a: still the oldest
        budget.charge(share("c"), 2500, 0);
        assertEquals(List.of("a"), shed);
    }

    @Test
    void aConnectionGrowingItsOwnHeadPastTheBudgetIsShedItself() {
        HeadBudget.Share a = share("a");
        budget.charge(a, 1000, 0);
        budget.charge(a, 100_000, 0);
        assertEquals(List.of("a"), shed);
        assertEquals(0, budget.held());
    }

    @Test
    void releaseGivesTheShareBackAndIsIdempotent() {
        HeadBudget.Share a = share("a");
        HeadBudget.Share b = share("b");
        budget.charge(a, 1000, 0);
        budget.charge(b, 1000, 0);
        budget.release(a);
        budget.release(a);
        assertEquals(HeadBudget.cost(1000), budget.held());
        budget.release(share("never charged"));
        budget.release(b);
        assertEquals(0, budget.held());
        budget.charge(a, 1000, 0);
        assertTrue(a.isCharged(), "a share can be charged again for the next head");
    }

    @Test
    void releasingTheMiddleKeepsTheAgeOrder() {
        HeadBudget.Share a = share("a");
        HeadBudget.Share b = share("b");
        HeadBudget.Share c = share("c");
        budget.charge(a, 1000, 0);
        budget.charge(b, 1000, 0);
        budget.charge(c, 1000, 0);
        budget.release(b);
        budget.charge(share("d"), 3500, 0);
        assertEquals(List.of("a", "c"), shed);
    }

    @Test
    void linesCostMoreThanTheirBytes() {
        assertEquals(HeadBudget.cost(100) + 10L * HeadBudget.HEAP_PER_HEAD_LINE, HeadBudget.cost(100, 10));
    }

    @Test
    void theDefaultBudgetIsAnEighthOfTheHeapAndAtLeastOneMebibyte() {
        assertEquals(16L << 20, HeadBudget.forHeap(128L << 20).budget());
        assertEquals(HeadBudget.MIN_BUDGET, HeadBudget.forHeap(4L << 20).budget());
    }
}
