package dev.solo.app.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code solo} process when {@code worker_processes} is more than 1: it serves nothing itself, starts N worker
 * processes (each a whole Solo: one thread, one Selector, every address bound with {@code SO_REUSEPORT}, so the
 * kernel spreads new connections between them), and keeps them running, like nginx's master.
 *
 * <ul>
 *   <li>A worker that dies is started again after a back-off (100 ms, doubling up to 10 s; back to 100 ms once a
 *       worker has lived 10 s), each time logged with its exit code.</li>
 *   <li>SIGTERM and SIGINT stop every worker gracefully (SIGTERM to each; SIGKILL to any still running after the
 *       grace period plus 5 s), then the supervisor exits 0. SIGHUP is passed to every worker, which reloads.</li>
 *   <li>A worker that cannot start (a configuration or bind error) exits with {@value #START_FAILURE}, a code of its
 *       own: an uncaught exception also ends a JVM with 1. After {@value #START_ATTEMPTS} start failures in a row a
 *       slot is retried only every 10 s; when every slot is there and no worker runs, the workers cannot start: the
 *       supervisor exits 1. While one worker serves, the supervisor never gives up on the others.</li>
 * </ul>
 *
 * <p>Workers stop by themselves when the supervisor is gone (see {@link ParentWatch}). All of this runs on the
 * supervisor's main thread around one event queue: process exits (completed by the JDK's process reaper) and signals
 * (from the JVM's signal threads) are queued, restarts wait on the queue's timeout.
 */
public final class Supervisor {

    private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);
    /** The exit code of a worker that could not start (config or bind error), see {@code Main}. */
    public static final int START_FAILURE = 3;
    /** The supervisor's exit code when its workers cannot start, as for a single process that cannot. */
    static final int CANNOT_START = 1;
    static final int START_ATTEMPTS = 3;
    private static final long FIRST_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 10_000;
    private static final long HEALTHY_AFTER_MILLIS = 10_000;
    private static final long KILL_MARGIN_MILLIS = 5_000;

    private final List<String> workerCommand;
    private final Duration grace;
    private final List<Slot> slots = new ArrayList<>();
    private final BlockingQueue<Runnable> events = new LinkedBlockingQueue<>();
    private boolean stopping;
    private long killAt;
    private int exitCode;

    private Supervisor(List<String> workerCommand, int workers, Duration grace) {
        this.workerCommand = List.copyOf(workerCommand);
        this.grace = grace;
        for (int i = 1; i <= workers; i++) {
            slots.add(new Slot(i));
        }
    }

    /** One worker's place: the process in it now, and how its recent starts went. */
    private static final class Slot {
        final int number;
        Process process;
        long startedAt;
        long restartAt = -1;
        long backoff = FIRST_BACKOFF_MILLIS;
        int startFailures;

        Slot(int number) {
            this.number = number;
        }
    }

    /**
     * Runs the workers until a stop signal, on the calling thread.
     *
     * @param workerCommand the command line of one worker
     * @param workers how many
     * @param grace how long workers may take to finish their requests when stopped
     * @return the supervisor's exit code: 0 after a stop signal, 1 when the workers could not start
     */
    public static int run(List<String> workerCommand, int workers, Duration grace) {
        return new Supervisor(workerCommand, workers, grace).supervise();
    }

    private int supervise() {
        boolean signals = Signals.handle("TERM", () -> events.add(this::stop))
                & Signals.handle("INT", () -> events.add(this::stop))
                & Signals.handle("HUP", () -> events.add(this::reloadWorkers));
        if (!signals) {
            // Without signal handlers the JVM's default applies: workers still stop when they see the supervisor go.
            LOG.warn("signals cannot be caught: stopping the supervisor leaves each worker to stop by itself");
        }
        LOG.info("supervisor (pid {}) starting {} workers", ProcessHandle.current().pid(), slots.size());
        for (Slot slot : slots) {
            if (!spawn(slot)) {
                stop();
                exitCode = CANNOT_START;
            }
        }
        while (!stopping || anyAlive()) {
            try {
                Runnable event = events.poll(waitMillis(), TimeUnit.MILLISECONDS);
                if (event != null) {
                    event.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
            }
            long now = now();
            if (stopping) {
                if (now >= killAt) {
                    killRemaining();
                }
                continue;
            }
            for (Slot slot : slots) {
                if (slot.restartAt >= 0 && now >= slot.restartAt) {
                    slot.restartAt = -1;
                    spawn(slot);
                }
            }
        }
        LOG.info("supervisor stopped");
        return exitCode;
    }

    private boolean spawn(Slot slot) {
        List<String> command = new ArrayList<>(workerCommand);
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO()
                // No input: a worker reads nothing, and a terminal's input stays with the supervisor.
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().put(ParentWatch.SUPERVISOR_PID_VARIABLE, Long.toString(ProcessHandle.current().pid()));
        try {
            Process process = builder.start();
            slot.process = process;
            slot.startedAt = now();
            process.onExit().thenRun(() -> events.add(() -> exited(slot, process)));
            LOG.info("worker {} started: pid {}", slot.number, process.pid());
            return true;
        } catch (IOException e) {
            LOG.error("worker {} cannot be started: {}", slot.number, e.toString());
            return false;
        }
    }

    private void exited(Slot slot, Process process) {
        if (slot.process != process) {
            return;
        }
        slot.process = null;
        int code = process.exitValue();
        long lived = now() - slot.startedAt;
        if (stopping) {
            LOG.info("worker {} (pid {}) stopped with code {}", slot.number, process.pid(), code);
            return;
        }
        slot.startFailures = code == START_FAILURE ? slot.startFailures + 1 : 0;
        if (slots.stream().allMatch(s -> s.process == null && s.startFailures >= START_ATTEMPTS)) {
            LOG.error("worker {} could not start {} times in a row (exit code {}), nor could any other: the workers"
                    + " cannot start; stopping", slot.number, slot.startFailures, code);
            exitCode = CANNOT_START;
            stop();
            return;
        }
        if (slot.startFailures >= START_ATTEMPTS) {
            // Parked: others may serve meanwhile; this slot is tried again at the longest back-off.
            slot.backoff = MAX_BACKOFF_MILLIS;
        }
        slot.backoff = lived >= HEALTHY_AFTER_MILLIS ? FIRST_BACKOFF_MILLIS : slot.backoff;
        slot.restartAt = now() + slot.backoff;
        LOG.warn("worker {} (pid {}) exited with code {}{} after {} ms; restarting in {} ms", slot.number,
                process.pid(), code, code > 128 ? " (signal " + (code - 128) + ")" : "", lived, slot.backoff);
        slot.backoff = Math.min(slot.backoff * 2, MAX_BACKOFF_MILLIS);
    }

    private void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        killAt = now() + grace.toMillis() + KILL_MARGIN_MILLIS;
        LOG.info("stopping {} worker(s)", slots.stream().filter(s -> s.process != null).count());
        for (Slot slot : slots) {
            slot.restartAt = -1;
            if (slot.process != null) {
                slot.process.destroy();
            }
        }
    }

    private void killRemaining() {
        for (Slot slot : slots) {
            if (slot.process != null && slot.process.isAlive()) {
                LOG.warn("worker {} (pid {}) still running after the grace period: killing it", slot.number,
                        slot.process.pid());
                slot.process.destroyForcibly();
            }
        }
        killAt = Long.MAX_VALUE;
    }

    private void reloadWorkers() {
        int sent = 0;
        for (Slot slot : slots) {
            if (slot.process != null && Signals.send(slot.process.pid(), "HUP")) {
                sent++;
            }
        }
        LOG.info("reload: SIGHUP passed to {} worker(s)", sent);
    }

    private boolean anyAlive() {
        return slots.stream().anyMatch(s -> s.process != null);
    }

    /** How long the queue may wait: until the next restart or the kill deadline, else a long while. */
    private long waitMillis() {
        long next = stopping ? killAt : Long.MAX_VALUE;
        for (Slot slot : slots) {
            if (slot.restartAt >= 0) {
                next = Math.min(next, slot.restartAt);
            }
        }
        return next == Long.MAX_VALUE ? 60_000 : Math.max(0, next - now());
    }

    private static long now() {
        return System.nanoTime() / 1_000_000L;
    }
}
