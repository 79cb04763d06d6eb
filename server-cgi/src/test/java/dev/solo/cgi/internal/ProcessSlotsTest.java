package dev.solo.cgi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessSlotsTest {

    @Test
    void grantsUpToTheCapAndAgainAfterARelease() {
        ProcessSlots slots = new ProcessSlots(2);
        assertTrue(slots.tryAcquire());
        assertTrue(slots.tryAcquire());
        assertFalse(slots.tryAcquire());
        slots.release();
        assertEquals(1, slots.used());
        assertTrue(slots.tryAcquire());
    }

    @Test
    void refusesAReleaseWithoutAcquire() {
        assertThrows(IllegalStateException.class, () -> new ProcessSlots(1).release());
    }

    @Test
    void refusesACapBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new ProcessSlots(0));
    }

    @Test
    void queuesInArrivalOrderAndPassesAFreedSlotToTheFirst() {
        ProcessSlots slots = new ProcessSlots(1);
        List<String> granted = new ArrayList<>();
        assertEquals(ProcessSlots.Admission.GRANTED, slots.request(() -> granted.add("first"), 5));
        assertEquals(ProcessSlots.Admission.QUEUED, slots.request(() -> granted.add("second"), 5));
        assertEquals(ProcessSlots.Admission.QUEUED, slots.request(() -> granted.add("third"), 5));
        slots.release();
        assertEquals(List.of("second"), granted);
        assertEquals(1, slots.used(), "the slot passed on without being free in between");
        assertFalse(slots.tryAcquire(), "a newcomer does not overtake the queue");
        slots.release();
        slots.release();
        assertEquals(List.of("second", "third"), granted);
        assertEquals(0, slots.used());
    }

    @Test
    void refusesWhenTheQueueIsAsLongAsTheRequestAccepts() {
        ProcessSlots slots = new ProcessSlots(1);
        assertTrue(slots.tryAcquire());
        assertEquals(ProcessSlots.Admission.REFUSED, slots.request(() -> { }, 0));
        assertEquals(ProcessSlots.Admission.QUEUED, slots.request(() -> { }, 1));
        assertEquals(ProcessSlots.Admission.REFUSED, slots.request(() -> { }, 1));
        assertEquals(1, slots.waiting());
    }

    @Test
    void skipsAWithdrawnWaiter() {
        ProcessSlots slots = new ProcessSlots(1);
        List<String> granted = new ArrayList<>();
        assertTrue(slots.tryAcquire());
        ProcessSlots.Waiter gone = () -> granted.add("gone");
        slots.request(gone, 5);
        slots.request(() -> granted.add("stays"), 5);
        slots.withdraw(gone);
        slots.release();
        assertEquals(List.of("stays"), granted);
    }
}
