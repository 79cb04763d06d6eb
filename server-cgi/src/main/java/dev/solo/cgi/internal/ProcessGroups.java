package dev.solo.cgi.internal;

import dev.solo.core.EventLoop;
import dev.solo.core.Timer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends every process a script started, however it ended. Three nets, each catching what the one before misses:
 * <ol>
 *   <li><b>A group of its own.</b> The script runs under {@code setsid(1)}, so it leads a new session and process
 *       group whose id is its pid. Everything it starts stays in that group unless it leaves on purpose
 *       ({@code setsid}, {@code setpgid}), including a background job and a double-forked orphan that init
 *       adopted.</li>
 *   <li><b>A walk of its descendants</b> before it is killed (timeout, client gone, bad output): while the script
 *       lives, a child that left the group is still its descendant.</li>
 *   <li><b>A sweep after its exit</b> ({@value #MIN_SWEEP_MILLIS} ms or more later, one pass of {@code /proc} for all
 *       scripts that ended meanwhile): every process started since the script, still in its group, or holding its
 *       standard output or error pipe, gets SIGKILL. This catches {@code setsid cmd &} and {@code setsid -f}, whose
 *       process keeps the pipes, after the script exited.</li>
 * </ol>
 * What escapes: a process that leaves the group, detaches from the script's pipes (a daemon closes or redirects
 * its standard output and error) and is no longer the script's descendant when the script is killed, or whose
 * script exits normally. That takes a deliberate double fork with {@code setsid} and redirections; the server
 * cannot tell such a daemon from a process started by someone else.
 *
 * <p>A group is swept only while its id is not in use by a live process: the kernel does not reuse a pid while
 * a group of that id has members, so a live process with that pid means the old group is empty and the id now
 * belongs to someone else. Loop thread only, apart from {@link #create()}.
 */
public final class ProcessGroups {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessGroups.class);

    /** The shortest wait between the first exit of a batch and its sweep. */
    static final long MIN_SWEEP_MILLIS = 50;
    /** A sweep may take at most this share of the loop: the next waits this many times the last one's cost. */
    private static final long SWEEP_COST_FACTOR = 20;
    /** Sweeps of one script's leftovers while each pass still finds some (a process may fork as it is killed). */
    private static final int MAX_ROUNDS = 5;
    private static final List<Path> SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));

    private final Path setsid;
    private final boolean proc;
    private final long self = ProcessHandle.current().pid();
    private final List<Trace> pending = new ArrayList<>();
    private Timer sweeper;
    private long sweepDelay = MIN_SWEEP_MILLIS;

    /**
     * What the sweep needs to know of one script, taken right after it started.
     *
     * @param tag the script, for the log
     * @param group its process group id, or 0 when it does not lead a group of its own
     * @param startTicks its start time in clock ticks since boot; only processes started since are considered
     * @param pipes its standard output and error, as {@code /proc} names them ({@code pipe:[N]})
     * @param round how many sweeps already found leftovers of this script
     */
    record Trace(String tag, long group, long startTicks, Set<String> pipes, int round) {
    }

    ProcessGroups(Path setsid, boolean proc) {
        this.setsid = setsid;
        this.proc = proc;
    }

    /** @return groups that use {@code setsid} when the system has it, and {@code /proc} when there is one */
    public static ProcessGroups create() {
        Path found = SETSID.stream().filter(Files::isExecutable).findFirst().orElse(null);
        if (found == null) {
            LOG.warn("cgi: no setsid(1) in {}: scripts share the server's process group, and what they leave "
                    + "behind is found only through their pipes", SETSID);
        }
        return new ProcessGroups(found, ProcTable.available());
    }

    /**
     * @param command the script's command line
     * @return the command line that runs it in a session and process group of its own
     */
    List<String> command(List<String> command) {
        if (setsid == null) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(command.size() + 2);
        wrapped.add(setsid.toString());
        // setsid(1) only forks when its caller already leads a group (a forked JVM child never does); --wait then
        // keeps the script's exit status.
        wrapped.add("--wait");
        wrapped.addAll(command);
        return wrapped;
    }

    /**
     * Notes what identifies the script's processes; call right after the start. Reads three small {@code /proc}
     * entries.
     *
     * @param process the script
     * @param tag the script, for the log
     * @return the trace for {@link #exited}, or null when the system offers nothing to find leftovers with
     */
    Trace started(Process process, String tag) {
        if (!proc) {
            return null;
        }
        long pid = process.pid();
        ProcTable.Stat stat = ProcTable.stat(pid);
        // setsid(1) may not have called setsid(2) yet, so the group is not checked here. Only the script or its
        // descendants can make a group with its pid as id, so if setsid(1) had to fork instead, that group is
        // empty and sweeping it kills nothing.
        long group = setsid != null ? pid : 0;
        // Without its stat (the script already exited) the sweep looks at every process's pipes: rare, and safe.
        long startTicks = stat == null ? 0 : stat.startTicks();
        Set<String> pipes = new HashSet<>(2);
        for (int fd = 1; fd <= 2; fd++) {
            String target = ProcTable.descriptor(pid, fd);
            if (target != null && target.startsWith("pipe:")) {
                pipes.add(target);
            }
        }
        return new Trace(tag, group, startTicks, Set.copyOf(pipes), 0);
    }

    /**
     * Kills a running script with SIGKILL, and its descendants: listed first, while they are still linked to the
     * script (once it dies they are re-parented and no longer found), then the script so it cannot start more, then
     * the listed ones. Leftovers outside the tree are the sweep's, after the exit.
     *
     * @param script the script's process
     */
    void kill(ProcessHandle script) {
        List<ProcessHandle> descendants = script.descendants().collect(Collectors.toList());
        script.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * Schedules the sweep for a script whose exit was seen on the loop.
     *
     * @param loop the loop, for the sweep's timer
     * @param trace what {@link #started} noted; null does nothing
     */
    void exited(EventLoop loop, Trace trace) {
        if (trace == null || (trace.group() == 0 && trace.pipes().isEmpty())) {
            return;
        }
        pending.add(trace);
        if (sweeper == null) {
            sweeper = loop.schedule(sweepDelay, this::sweep);
        } else if (!sweeper.isPending()) {
            sweeper.reschedule(sweepDelay);
        }
    }

    /** One pass of {@code /proc} for every script in the batch; scripts whose leftovers were found stay for another. */
    void sweep() {
        long began = System.nanoTime();
        List<Trace> batch = new ArrayList<>(pending);
        pending.clear();
        Map<Long, Trace> groups = new HashMap<>();
        Map<String, Trace> pipes = new HashMap<>();
        long since = Long.MAX_VALUE;
        for (Trace trace : batch) {
            if (trace.group() != 0 && !ProcTable.exists(trace.group())) {
                groups.put(trace.group(), trace);
            }
            trace.pipes().forEach(pipe -> pipes.put(pipe, trace));
            since = Math.min(since, trace.startTicks());
        }
        Map<Trace, Integer> found = new HashMap<>();
        for (long pid : ProcTable.pids()) {
            ProcTable.Stat stat = pid == self ? null : ProcTable.stat(pid);
            if (stat == null || stat.startTicks() < since || stat.state() == 'Z') {
                continue;
            }
            Trace owner = groups.get(stat.group());
            if (owner == null && !pipes.isEmpty()) {
                owner = pipes.get(String.valueOf(ProcTable.descriptor(pid, 1)));
                if (owner == null) {
                    owner = pipes.get(String.valueOf(ProcTable.descriptor(pid, 2)));
                }
            }
            if (owner != null) {
                Trace script = owner;
                ProcessHandle.of(pid).ifPresent(leftover -> {
                    LOG.warn("{}: killing pid {} ({}), left running after the script exited", script.tag(), pid,
                            leftover.info().command().orElse("?"));
                    leftover.destroyForcibly();
                });
                found.merge(owner, 1, Integer::sum);
            }
        }
        for (Trace trace : found.keySet()) {
            if (trace.round() + 1 < MAX_ROUNDS) {
                pending.add(new Trace(trace.tag(), trace.group(), trace.startTicks(), trace.pipes(),
                        trace.round() + 1));
            }
        }
        long cost = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        sweepDelay = Math.max(MIN_SWEEP_MILLIS, cost * SWEEP_COST_FACTOR);
        if (!pending.isEmpty()) {
            sweeper.reschedule(sweepDelay);
        }
    }

    /** @return scripts whose sweep is still to come */
    int pendingSweeps() {
        return pending.size();
    }
}
