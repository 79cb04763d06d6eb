package dev.solo.it.features.session;

import dev.solo.it.support.RepositoryPaths;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Solo process, as the {@code solo} launcher runs it, optionally inside a network namespace (a command prefix such
 * as {@code ip netns exec NS}): a "host" of the multi-host session test. Its output is kept for assertions on the log.
 */
final class SoloHost implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on \\[?([0-9A-Fa-f.:]+?)]?:(\\d+)\\b");

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;
    private volatile String baseUri;

    private SoloHost(Process process) {
        this.process = process;
        this.reader = new Thread(this::readOutput, "solo-host-output");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /**
     * @param prefix a command prefix, or empty
     * @param config the configuration file
     * @return the started process (not necessarily listening yet: see {@link #awaitListening})
     * @throws IOException when it cannot be started
     */
    static SoloHost start(List<String> prefix, Path config) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(RepositoryPaths.javaExecutable().toString(), "-p", RepositoryPaths.modulePath(),
                "-m", "dev.solo.app/dev.solo.app.Main", config.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.directory(RepositoryPaths.root().toFile());
        return new SoloHost(builder.start());
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                output.append(line).append('\n');
                Matcher matcher = LISTENING.matcher(line);
                if (baseUri == null && matcher.find()) {
                    baseUri = "http://" + matcher.group(1) + ":" + matcher.group(2);
                }
            }
        } catch (IOException e) {
            output.append("(output ended: ").append(e).append(")\n");
        }
    }

    /**
     * @param timeout how long to wait
     * @return e.g. {@code http://127.0.0.2:40123}
     * @throws InterruptedException if interrupted
     */
    String awaitListening(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (baseUri == null) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("Solo did not start listening within " + timeout + "; output:\n" + output);
            }
            // Waiting for another process's output line: a short, bounded wait between checks.
            process.waitFor(20, TimeUnit.MILLISECONDS);
        }
        return baseUri;
    }

    /** @return everything the process printed so far */
    String output() {
        return output.toString();
    }

    @Override
    public void close() {
        try {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            reader.join(5_000);
        } catch (InterruptedException e) {
            // The test is being interrupted: keep the flag for the caller, the process is destroyed anyway.
            Thread.currentThread().interrupt();
        }
    }
}
