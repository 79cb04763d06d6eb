package dev.solo.cgi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.solo.http.BodySource;
import dev.solo.http.Response;
import dev.solo.testing.handler.TestLoop;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Runs real scripts through {@link CgiHandler} with a {@link TestLoop} and a {@link FakeExchange}: a site directory
 * for scripts, a spool directory that must end up empty, and helpers that turn the loop until something happens.
 */
final class CgiHarness {

    static final Duration LIMIT = Duration.ofSeconds(20);

    final Path site;
    final Path spool;
    final Path cgiBin;
    final TestLoop loop = new TestLoop();
    ProcessSlots slots = new ProcessSlots(4);
    CgiSettings.Queue queue = CgiSettings.Queue.DEFAULT;
    final ProcessGroups groups = ProcessGroups.create();
    Duration timeout = Duration.ofSeconds(30);
    List<ScriptType> types = List.of(new ScriptType(".sh", null), new ScriptType(".cgi", Path.of("/bin/sh")));

    CgiHarness(Path site, Path spool) throws IOException {
        this.site = site;
        this.spool = spool;
        this.cgiBin = Files.createDirectories(site.resolve("cgi-bin"));
    }

    /** Writes an executable shell script into cgi-bin. */
    Path script(String name, String body) throws IOException {
        Path file = cgiBin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    CgiSettings settings() {
        return new CgiSettings(types, timeout, slots, queue, Map.of(), System.getenv("PATH"), spool, groups);
    }

    FakeExchange exchange(FakeRequest request) {
        return new FakeExchange(request, new FakeLocation(site), loop);
    }

    /** Hands a GET for the path to a new handler and returns the exchange. */
    FakeExchange get(String path) {
        FakeExchange exchange = exchange(new FakeRequest().path(path));
        assertTrue(new CgiHandler(settings()).handle(exchange), "handler declined " + path);
        return exchange;
    }

    void await(BooleanSupplier condition) {
        runUntil(loop, condition, LIMIT, 1);
    }

    FakeExchange getAndAwaitResponse(String path) {
        FakeExchange exchange = get(path);
        await(exchange::isResponded);
        return exchange;
    }

    /** Waits until every process slot is back, which happens once the script's exit was handled. */
    void awaitScriptsEnded() {
        await(() -> slots.used() == 0);
    }

    /** No spool file is left, no slot is held, leftovers were swept, no timer is pending. */
    void assertCleanedUp() throws IOException {
        awaitScriptsEnded();
        await(() -> groups.pendingSweeps() == 0);
        try (Stream<Path> files = Files.list(spool)) {
            assertEquals(List.of(), files.toList(), "temporary files left");
        }
        loop.runPending();
        assertEquals(-1, loop.nextDeadline(), "timers left");
    }

    /**
     * Hands a GET to a new handler and waits for the answer with the clock standing still, so the head is never
     * held long enough to stream: the response comes when the exit is seen, with all output in hand.
     */
    FakeExchange getWithClockStopped(String path) {
        FakeExchange exchange = get(path);
        runUntil(loop, exchange::isResponded, LIMIT, 0);
        return exchange;
    }

    /**
     * Turns the loop until a condition holds: each turn runs what is due, waits up to 1 ms of real time for a task
     * from another thread (a process exit), then moves the clock {@code tick} ms, so virtual time never runs ahead of
     * real time by much; with 0 the clock stands still, so only tasks from other threads and timers already due run.
     */
    static void runUntil(TestLoop loop, BooleanSupplier condition, Duration limit, long tick) {
        long deadline = System.nanoTime() + limit.toNanos();
        loop.runPending();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("condition not met within " + limit);
            }
            try {
                loop.awaitTask(Duration.ofMillis(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
            loop.advance(Duration.ofMillis(tick));
        }
    }

    /** @return an in-memory body as text */
    static String bytes(Response response) {
        ByteBuffer bytes = response.bytes().duplicate();
        return StandardCharsets.UTF_8.decode(bytes).toString();
    }

    /**
     * Reads a body whichever way it is framed: a script that takes more than the head-hold time to exit is streamed,
     * which on a busy machine may happen to any script.
     */
    String body(Response response) {
        return response.bodyKind() == Response.BodyKind.BYTES ? bytes(response) : drain(response);
    }

    /** Pulls a streamed body as the server would, {@code pieceSize} bytes at a time, recording each piece. */
    String drain(Response response, int pieceSize, List<Integer> pieces) {
        BodySource source = response.source();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        await(() -> readAvailable(source, pieceSize, out, pieces) < 0);
        source.close();
        return out.toString(StandardCharsets.UTF_8);
    }

    String drain(Response response) {
        return drain(response, 8192, new ArrayList<>());
    }

    /** @return the last read's result: 0 when nothing more is ready, -1 at the end */
    static int readAvailable(BodySource source, int pieceSize, ByteArrayOutputStream out, List<Integer> pieces) {
        ByteBuffer dst = ByteBuffer.allocate(pieceSize);
        try {
            int count;
            while ((count = source.read(dst.clear())) > 0) {
                out.write(dst.array(), 0, count);
                pieces.add(count);
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads process ids a script wrote, one per line, once there are {@code count} of them. */
    List<Long> awaitPids(Path file, int count) {
        List<Long> pids = new ArrayList<>();
        await(() -> {
            pids.clear();
            try {
                if (Files.exists(file)) {
                    for (String line : Files.readAllLines(file)) {
                        if (!line.isBlank()) {
                            pids.add(Long.parseLong(line.trim()));
                        }
                    }
                }
            } catch (IOException | NumberFormatException e) {
                return false;
            }
            return pids.size() >= count;
        });
        return pids;
    }

    /**
     * A process is gone when it no longer exists or is a zombie: a killed grandchild is re-parented to PID 1, which
     * in a container may never reap it, but it no longer runs nor holds any pipe.
     */
    static boolean gone(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return true;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
        } catch (IOException e) {
            return true;
        }
    }

    void awaitGone(List<Long> pids) {
        await(() -> pids.stream().allMatch(CgiHarness::gone));
    }
}
