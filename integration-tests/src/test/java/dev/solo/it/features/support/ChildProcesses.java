package dev.solo.it.features.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The processes below the test JVM. The server runs in-process, so every CGI script it starts is a child of this
 * JVM, and whatever a script leaves behind (a grandchild it forked, a zombie nobody reaped) shows here.
 */
public final class ChildProcesses {

    private ChildProcesses() {
    }

    /** @return how many processes descend from this JVM now */
    public static long count() {
        return ProcessHandle.current().descendants().count();
    }

    /**
     * @param fragment part of a command line, e.g. a script name
     * @return whether a descendant of this JVM runs with such a command line now
     */
    public static boolean isRunning(String fragment) {
        return ProcessHandle.current().descendants()
                .anyMatch(p -> p.info().commandLine().map(c -> c.contains(fragment)).orElse(false));
    }

    /**
     * Looks at every process of the machine, not only this JVM's descendants: a grandchild whose parent was killed
     * is re-parented (to init or a subreaper) and would escape {@link #isRunning}.
     *
     * @param fragment part of a command line unique to the process sought, e.g. {@code sleep 30.012345} (the JDK
     *                 reports the executable by its full path: {@code /usr/bin/sleep 30.012345})
     * @return whether any process runs such a command line now
     */
    public static boolean isRunningAnywhere(String fragment) {
        return ProcessHandle.allProcesses()
                .anyMatch(p -> p.info().commandLine().map(c -> c.contains(fragment)).orElse(false));
    }

    /**
     * Waits until no process of the machine runs a command line.
     *
     * @param fragment part of the command line, unique to the process
     * @param timeout how long it may take to die
     * @throws Exception when it is still running after the timeout
     */
    public static void awaitGone(String fragment, Duration timeout) throws Exception {
        Poll.until(timeout, () -> !isRunningAnywhere(fragment), () -> "no process runs '" + fragment + "'");
    }

    /** @return the descendants, one per line as {@code pid command}, for failure messages */
    public static String describe() {
        return ProcessHandle.current().descendants()
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                .collect(Collectors.joining("\n"));
    }

    /**
     * Waits until at most {@code baseline} processes descend from this JVM.
     *
     * @param baseline the count before the test started its work
     * @param timeout how long the server may take to reap them
     * @throws Exception when they do not go in time, listing those left
     */
    public static void awaitAtMost(long baseline, Duration timeout) throws Exception {
        Poll.until(timeout, () -> count() <= baseline,
                () -> "descendants of the test JVM back to " + baseline + "; still running:\n" + describe());
    }

    /**
     * Lists direct children of this JVM in state {@code Z} (exited, not reaped) with {@code ps}, which sees them
     * where {@link ProcessHandle} may not.
     *
     * @return one {@code pid stat command} line per zombie
     * @throws IOException when {@code ps} cannot run
     * @throws InterruptedException when interrupted
     */
    public static List<String> zombies() throws IOException, InterruptedException {
        Process ps = new ProcessBuilder("ps", "-o", "pid=,stat=,args=", "--ppid",
                Long.toString(ProcessHandle.current().pid())).redirectErrorStream(true).start();
        String output = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ps.waitFor(10, TimeUnit.SECONDS)) {
            ps.destroyForcibly();
            throw new AssertionError("ps did not finish");
        }
        // ps exits 1 when no process matched; anything else is a failure to run it.
        if (ps.exitValue() > 1) {
            throw new AssertionError("ps failed: " + output);
        }
        return output.lines().map(String::strip)
                .filter(line -> {
                    String[] fields = line.split("\\s+", 3);
                    return fields.length >= 2 && fields[1].startsWith("Z");
                })
                .collect(Collectors.toList());
    }
}
