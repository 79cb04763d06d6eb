package dev.solo.cgi.internal;

import java.util.List;
import java.util.stream.Collectors;

/** Kills a script with everything it started, so no grandchild keeps running or keeps the output pipe open. */
final class ProcessTree {

    private ProcessTree() {
    }

    /**
     * Kills the process and its descendants with SIGKILL. The descendants are listed first, while they are still
     * linked to the script (once it dies they are re-parented and no longer found), then the script is killed so it
     * cannot start more, then the listed descendants.
     *
     * @param process the script's process
     */
    static void kill(ProcessHandle process) {
        List<ProcessHandle> descendants = process.descendants().collect(Collectors.toList());
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }
}
