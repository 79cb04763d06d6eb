package dev.solo.cgi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcTableTest {

    /** Fields 3 to 22 of a stat line: state, ppid, pgrp, session, ..., starttime (field 22) = 4711. */
    private static final String FIELDS = "S 1 77 77 0 -1 4194560 100 0 0 0 0 0 0 0 20 0 1 0 4711 1000 50";

    @Test
    void readsGroupStateAndStartAfterACommandNameWithSpacesAndParentheses() {
        ProcTable.Stat stat = ProcTable.parse(42, "42 (a) b (c)) " + FIELDS);
        assertEquals(new ProcTable.Stat(42, 'S', 77, 4711), stat);
    }

    @Test
    void answersNothingForATruncatedLine() {
        assertNull(ProcTable.parse(42, "42 (sh) S 1 77"));
        assertNull(ProcTable.parse(42, "garbage"));
    }

    @Test
    void readsThisProcess() {
        long self = ProcessHandle.current().pid();
        ProcTable.Stat stat = ProcTable.stat(self);
        assertEquals(self, stat.pid());
        assertTrue(stat.startTicks() > 0);
        assertTrue(ProcTable.pids().contains(self));
        assertTrue(ProcTable.exists(self));
    }
}
