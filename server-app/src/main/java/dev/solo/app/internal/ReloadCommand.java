package dev.solo.app.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code solo --reload CONFIG}: the config was just validated (an invalid one is reported to the user and not sent);
 * this sends SIGHUP to the process its {@code pid FILE;} names, after checking that the process is a running solo, so
 * that a stale file never signals a stranger (SIGHUP ends most programs).
 */
public final class ReloadCommand {

    private ReloadCommand() {
    }

    /**
     * @param config the config file, for messages
     * @param settings its process settings
     * @return the exit code: 0 when the signal was sent, 1 otherwise (the reason printed)
     */
    public static int send(Path config, ProcessDirectives.Settings settings) {
        if (settings.pidFile().isEmpty()) {
            System.err.println("solo: " + config + " has no 'pid FILE;' directive, so the running solo cannot be"
                    + " found; add one (and restart), or send SIGHUP to the process yourself");
            return 1;
        }
        Path file = settings.pidFile().get();
        long pid;
        try {
            pid = PidFile.read(file);
        } catch (IOException e) {
            System.err.println("solo: cannot read the pid file " + file + ": " + e.getMessage()
                    + " (is solo running with this config?)");
            return 1;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            System.err.println("solo: " + file + " names process " + pid + ", which is not running (a stale pid file)");
            return 1;
        }
        if (!isSolo(process.get())) {
            System.err.println("solo: " + file + " names process " + pid + ", which is not solo: not signalled");
            return 1;
        }
        if (!Signals.send(pid, "HUP")) {
            System.err.println("solo: could not send SIGHUP to process " + pid);
            return 1;
        }
        System.out.println("solo: " + config + " is valid; SIGHUP sent to process " + pid + ", which reloads it");
        return 0;
    }

    /** A solo is a JVM whose arguments name this launcher's module (both as supervisor and as single process). */
    private static boolean isSolo(ProcessHandle process) {
        return process.info().arguments().map(args -> Arrays.stream(args).anyMatch(a -> a.contains("dev.solo.app")))
                .orElse(false);
    }
}
