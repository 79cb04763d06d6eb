package dev.solo.it.features.support;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Waits for something the server does in its own time (delete a file, reap a process) by checking again and again
 * until a deadline, instead of sleeping for a guessed while: the test goes on the moment the condition holds, and a
 * condition that never holds fails with a message rather than hanging.
 */
public final class Poll {

    /** Pause between two checks: short next to every deadline used, long enough not to spin. */
    private static final Duration INTERVAL = Duration.ofMillis(20);

    private Poll() {
    }

    /**
     * @param timeout how long the condition may take to hold
     * @param condition checked until it returns true; an exception it throws fails the wait at once
     * @param whatWasExpected describes the condition, for the failure message (evaluated only on failure)
     * @throws AssertionError when the condition does not hold in time
     * @throws Exception what the condition threw
     */
    public static void until(Duration timeout, Callable<Boolean> condition, Supplier<String> whatWasExpected)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + timeout + ": " + whatWasExpected.get());
            }
            Thread.sleep(INTERVAL.toMillis());
        }
    }

    /**
     * Lets wall-clock time pass, for behaviour that is defined by elapsed time (an idle session expiring), where
     * there is nothing to poll: every look at the session would use it and restart its clock.
     *
     * @param duration how long
     * @throws InterruptedException when interrupted
     */
    public static void elapse(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }
}
