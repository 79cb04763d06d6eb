package dev.solo.cgi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.testing.handler.TestLoop;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProcessGroupsTest {

    private final TestLoop loop = new TestLoop();
    private final ProcessGroups groups = ProcessGroups.create();

    @Test
    void prefixesTheCommandWithSetsidSoTheScriptLeadsAGroup() {
        List<String> command = groups.command(List.of("/bin/sh", "/srv/cgi-bin/a.sh"));
        assertTrue(command.get(0).endsWith("/setsid"), command::toString);
        assertEquals(List.of("/bin/sh", "/srv/cgi-bin/a.sh"), command.subList(2, 4));
    }

    @Test
    void leavesAGroupAloneWhoseIdALiveProcessHolds() throws Exception {
        // As if the script's pid had been reused by a new group leader before the sweep: that group is not ours.
        Process other = new ProcessBuilder(groups.command(List.of("sleep", "60"))).start();
        try {
            CgiHarness.runUntil(loop, () -> ProcTable.stat(other.pid()).group() == other.pid(), CgiHarness.LIMIT, 1);
            ProcessGroups.Trace trace = new ProcessGroups.Trace("cgi test", other.pid(), 0, Set.of(), 0);
            groups.exited(loop, trace);
            loop.advance(Duration.ofMillis(ProcessGroups.MIN_SWEEP_MILLIS));
            assertEquals(0, groups.pendingSweeps());
            assertTrue(other.isAlive(), "a process in a group whose leader lives is never swept");
        } finally {
            other.destroyForcibly().waitFor();
        }
    }

    @Test
    void ignoresATraceWithNothingToFindLeftoversBy() {
        groups.exited(loop, new ProcessGroups.Trace("cgi test", 0, 0, Set.of(), 0));
        groups.exited(loop, null);
        assertEquals(0, groups.pendingSweeps());
        assertEquals(-1, loop.nextDeadline());
    }
}
