package dev.solo.cgi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
