package dev.solo.app.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SignalsTest {

    @Test
    void runsTheHandlerWhenTheProcessReceivesTheSignal() throws Exception {
        CountDownLatch received = new CountDownLatch(2);
        // SIGURG: ignored by default, so if the handler were not installed the test JVM would not end.
        assertTrue(Signals.handle("URG", received::countDown));
        assertTrue(Signals.send(ProcessHandle.current().pid(), "URG"));
        assertTrue(Signals.send(ProcessHandle.current().pid(), "URG"));
        assertTrue(received.await(10, TimeUnit.SECONDS));
    }

    @Test
    void reportsASignalThatCannotBeCaught() {
        assertFalse(Signals.handle("KILL", () -> { }));
        assertFalse(Signals.handle("NO_SUCH_SIGNAL", () -> { }));
    }

    @Test
    void reportsAProcessThatCannotBeSignalled() {
        assertFalse(Signals.send(Long.MAX_VALUE / 2, "URG"));
    }
}
