package dev.solo.it.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code solo} launcher in a child JVM, as a user runs it:
 * {@code java -p server-app/target/modules -m dev.solo.app/dev.solo.app.Main ARGS}. Standard output and error are
 * merged and read line by line on a reader thread, so waiting for a line is bounded and needs no sleeps.
 *
 * <pre>{@code
 * try (Launcher solo = Launcher.start(config.toString())) {
 *     InetSocketAddress address = solo.awaitListening(Duration.ofSeconds(20));
 *     ... requests ...
 *     assertEquals(0, solo.stop(Duration.ofSeconds(10)));  // SIGTERM
 * }
 * }</pre>
 */
public final class Launcher implements AutoCloseable {

    /** The main class, in the module that holds it. */
    public static final String MAIN = "dev.solo.app/dev.solo.app.Main";

    private static final Pattern LISTENING = Pattern.compile("listening on \\[?([0-9A-Fa-f.:]+?)]?:(\\d+)\\b");
    private static final String END = "\u0000end-of-output";

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;

    private Launcher(Process process) {
        this.process = process;
        this.reader = new Thread(this::readOutput, "solo-it-launcher-output");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /**
     * @param args the launcher's arguments, e.g. a config path or {@code --check PATH}
     * @return the running child process
     * @throws IOException when it cannot be started
     */
    public static Launcher start(String... args) throws IOException {
        return startOn(RepositoryPaths.modulePath(), args);
    }

    /**
     * @param modulePath the module path to run with, e.g. the server's modules without any plugin jar
     * @param args the launcher's arguments
     * @return the running child process
     * @throws IOException when it cannot be started
     */
    public static Launcher startOn(String modulePath, String... args) throws IOException {
        return startWith(List.of(), List.of(), modulePath, args);
    }

    /**
     * @param maxOpenFiles the process's file descriptor limit, set with {@code prlimit} (util-linux)
     * @param args the launcher's arguments
     * @return the running child process
     * @throws IOException when it cannot be started
     */
    public static Launcher startWithFileLimit(int maxOpenFiles, String... args) throws IOException {
        return startWith(List.of("prlimit", "--nofile=" + maxOpenFiles + ":" + maxOpenFiles), List.of(),
                RepositoryPaths.modulePath(), args);
    }

    /**
     * @param jvmOptions options for the child JVM, e.g. {@code -Dlogback.configurationFile=...}
     * @param args the launcher's arguments
     * @return the running child process
     * @throws IOException when it cannot be started
     */
    public static Launcher startWithJvmOptions(List<String> jvmOptions, String... args) throws IOException {
        return startWith(List.of(), jvmOptions, RepositoryPaths.modulePath(), args);
    }

    /**
     * @param locale the value of {@code LANG} and {@code LC_ALL} for the child, e.g. {@code C}: Java then encodes file
     *        names in ASCII, as it does in a container or a systemd unit without a locale
     * @param args the launcher's arguments
     * @return the running child process
     * @throws IOException when it cannot be started
     */
    public static Launcher startInLocale(String locale, String... args) throws IOException {
        return startWith(List.of("env", "LANG=" + locale, "LC_ALL=" + locale), List.of(), RepositoryPaths.modulePath(),
                args);
    }

    private static Launcher startWith(List<String> prefix, List<String> jvmOptions, String modulePath,
            String... args) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.add(RepositoryPaths.javaExecutable().toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-p", modulePath, "-m", MAIN));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.directory(RepositoryPaths.root().toFile());
        return new Launcher(builder.start());
    }

    /**
     * Runs the launcher to its end, e.g. for {@code --check}.
     *
     * @param timeout how long it may run
     * @param args its arguments
     * @return exit code and output
     * @throws IOException when it cannot be started
     * @throws InterruptedException when interrupted
     * @throws AssertionError when it runs longer than the timeout (it is then killed)
     */
    public static Result run(Duration timeout, String... args) throws IOException, InterruptedException {
        return runOn(RepositoryPaths.modulePath(), timeout, args);
    }

    /**
     * Runs the launcher to its end with a given module path.
     *
     * @param modulePath the module path
     * @param timeout how long it may run
     * @param args its arguments
     * @return exit code and output
     * @throws IOException when it cannot be started
     * @throws InterruptedException when interrupted
     */
    public static Result runOn(String modulePath, Duration timeout, String... args)
            throws IOException, InterruptedException {
        try (Launcher launcher = startOn(modulePath, args)) {
            int code = launcher.awaitExit(timeout);
            return new Result(code, launcher.awaitOutput(timeout));
        }
    }

    /**
     * Waits for the start-up line {@code listening on HOST:PORT}.
     *
     * @param timeout how long to wait
     * @return the first address the server listens on
     * @throws InterruptedException when interrupted
     * @throws AssertionError when the line does not come in time or the process ends first
     */
    public InetSocketAddress awaitListening(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("no 'listening on' line within " + timeout + "; output:\n" + output);
            }
            if (line == END) {
                throw new AssertionError("the launcher ended before listening; output:\n" + output);
            }
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                return new InetSocketAddress(matcher.group(1), Integer.parseInt(matcher.group(2)));
            }
        }
    }

    /**
     * Waits for the next output line that contains a match of the pattern (lines already waited past are not seen
     * again).
     *
     * @param pattern what to find
     * @param timeout how long to wait
     * @return the match
     * @throws InterruptedException when interrupted
     * @throws AssertionError when no such line comes in time or the process ends first
     */
    public Matcher awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
            if (line == null || line == END) {
                if (line == END) {
                    lines.add(END);
                }
                throw new AssertionError("no line matching '" + pattern + "' within " + timeout + "; output:\n"
                        + output);
            }
            Matcher matcher = pattern.matcher(line);
            if (matcher.find()) {
                return matcher;
            }
        }
    }

    /**
     * Sends SIGTERM ({@link Process#destroy()} on Linux) and waits for the exit.
     *
     * @param timeout how long the stop may take
     * @return the exit code
     * @throws InterruptedException when interrupted
     * @throws AssertionError when the process is still running after the timeout
     */
    public int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        return awaitExit(timeout);
    }

    /**
     * @param timeout how long to wait
     * @return the exit code
     * @throws InterruptedException when interrupted
     * @throws AssertionError when the process is still running after the timeout
     */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the launcher did not exit within " + timeout + "; output:\n" + output);
        }
        return process.exitValue();
    }

    /**
     * @param timeout how long to wait for the output to end (after the process exited it ends at once)
     * @return everything the process printed
     * @throws InterruptedException when interrupted
     */
    public String awaitOutput(Duration timeout) throws InterruptedException {
        reader.join(timeout.toMillis());
        return output.toString();
    }

    /** @return what the process printed so far, stdout and stderr merged */
    public String output() {
        return output.toString();
    }

    /** @return the child process */
    public Process process() {
        return process;
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                output.append(line).append('\n');
                lines.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lines.add(END);
        }
    }

    /** Kills the process if a test left it running. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * How a launcher run ended.
     *
     * @param exitCode the exit code
     * @param output standard output and error, merged
     */
    public record Result(int exitCode, String output) {
    }
}
