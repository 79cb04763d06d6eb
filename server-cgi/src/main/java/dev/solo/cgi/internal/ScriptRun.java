package dev.solo.cgi.internal;

import dev.solo.core.EventLoop;
import dev.solo.core.Timer;
import dev.solo.http.Exchange;
import dev.solo.http.Response;
import dev.solo.http.Status;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a script for one exchange, from the request body to the reaped process. Loop thread only; see the
 * {@link dev.solo.cgi} package documentation for why nothing here waits.
 *
 * <p>Phases:
 * <ul>
 *   <li>SPOOLING: the request body goes to a temporary file; no process yet, and no process slot: a slow body
 *       holds nothing that scripts need.</li>
 *   <li>WAITING: the script can start and claims a process slot ({@link SlotClaim}); when all are taken it waits
 *       in the queue, parked, until one passes to it, or is refused with 503 when the queue is full or the wait
 *       reaches {@code cgi_queue_timeout}.</li>
 *   <li>RUNNING: the process runs; its output is polled until the header block is complete and either the process
 *       has exited with all output in hand (response with Content-Length), the buffer is full, or
 *       {@value #HEAD_HOLD_MILLIS} ms passed since the head (streamed response).</li>
 *   <li>STREAMING: the response is sent; the client pulls output through {@link ScriptBody}.</li>
 *   <li>DRAINING: the exchange is answered otherwise (error, local redirect, aborted): output is read and dropped so
 *       the script does not block, until the process exits.</li>
 *   <li>DONE: process reaped, pipes and temporary file released, process slot given back.</li>
 * </ul>
 * The {@code cgi_timeout} timer runs from the start to the exit; when it fires the process tree is killed. Once the
 * exit is seen, whatever the script left running is swept ({@link ProcessGroups}).
 */
final class ScriptRun {

    private static final Logger LOG = LoggerFactory.getLogger(ScriptRun.class);

    /** Output held per script; beyond it the script waits for the client (backpressure). */
    static final int OUTPUT_BUFFER_BYTES = 32 * 1024;
    /** First poll delay, and the delay after a poll that found output. */
    static final long MIN_POLL_MILLIS = 1;
    /** Longest poll delay, reached by doubling while the script is silent. */
    static final long MAX_POLL_MILLIS = 20;
    /** How long a complete head waits for the script to finish, to send a Content-Length instead of chunks. */
    static final long HEAD_HOLD_MILLIS = 30;
    /** Bounds the work of one loop turn when a script writes as fast as it is read. */
    private static final int MAX_FILLS_PER_POLL = 16;

    private enum Phase { SPOOLING, WAITING, RUNNING, STREAMING, DRAINING, DONE }

    private final Exchange exchange;
    private final EventLoop loop;
    private final CgiSettings settings;
    private final ScriptMatch match;
    private final String tag;
    private final ScriptHeadParser headParser = new ScriptHeadParser();
    private final SlotClaim slot;
    private Phase phase = Phase.SPOOLING;
    private BodySpool spool;
    private Process process;
    private ProcessGroups.Trace trace;
    private ScriptOutput output;
    private StderrLog stderr;
    private ScriptHead head;
    private long headAt;
    private boolean exited;
    /** Why the streamed body fails, once it must: the server then cuts the connection. */
    private String failure;
    private Timer poller;
    private long pollDelay = MIN_POLL_MILLIS;
    private Timer deadline;
    private ScriptBody body;

    /**
     * @param exchange the exchange to answer
     * @param settings the location's CGI settings
     * @param match the script
     */
    ScriptRun(Exchange exchange, CgiSettings settings, ScriptMatch match) {
        this.exchange = exchange;
        this.loop = exchange.loop();
        this.settings = settings;
        this.match = match;
        this.tag = "cgi " + match.script();
        this.slot = new SlotClaim(settings.slots(), settings.queue(), loop, new SlotClaim.Outcome() {
            @Override
            public void granted() {
                launch();
            }

            @Override
            public void refused(SlotClaim.Refusal why) {
                refuse(why);
            }
        });
    }

    /** Starts: spools the body if there is one, then claims a process slot and runs the script. */
    void start() {
        exchange.onAbort(this::abort);
        if (!exchange.request().hasBody()) {
            admit();
            return;
        }
        try {
            spool = BodySpool.create(settings.tempDir(), exchange.location().maxBodySize(), this::admit,
                    cause -> abort());
        } catch (IOException e) {
            LOG.error("{}: cannot create a temporary file for the request body: {}", tag, e.toString());
            failBeforeStart();
            return;
        }
        exchange.receiveBody(spool);
    }

    /** The script can start (the body, if any, is complete): claim a process slot, maybe after a wait. */
    private void admit() {
        if (phase != Phase.SPOOLING) {
            return;
        }
        phase = Phase.WAITING;
        slot.claim();
        if (slot.waiting()) {
            LOG.debug("{}: waiting for one of {} process slots", tag, settings.slots().max());
        }
    }

    private void refuse(SlotClaim.Refusal why) {
        if (why == SlotClaim.Refusal.QUEUE_FULL) {
            LOG.warn("{}: refused, {} scripts running and {} requests waiting (cgi_max_processes, cgi_queue_size)",
                    tag, settings.slots().used(), settings.slots().waiting());
        } else {
            LOG.warn("{}: refused after waiting {} ms for a process slot (cgi_queue_timeout)", tag,
                    settings.queue().timeout().toMillis());
        }
        if (!exchange.isResponded()) {
            exchange.sendError(ScriptResponses.busy());
        }
        finish();
    }

    private void launch() {
        if (phase != Phase.WAITING) {
            return;
        }
        try {
            process = ScriptProcess.start(exchange, settings, match, spool);
        } catch (IOException | RuntimeException e) {
            LOG.error("{}: cannot start: {}", tag, e.toString());
            failBeforeStart();
            return;
        } finally {
            // The child holds its own descriptor now; the name can go, so no file outlives the run.
            if (spool != null) {
                spool.delete();
            }
        }
        phase = Phase.RUNNING;
        LOG.debug("{}: started as pid {}", tag, process.pid());
        trace = settings.groups().started(process, tag);
        output = new ScriptOutput(process.getInputStream(), OUTPUT_BUFFER_BYTES);
        stderr = new StderrLog(process.getErrorStream(), tag);
        // The JDK completes onExit on one of its own threads; only the hand-over to the loop happens there.
        process.onExit().whenComplete((exitedProcess, error) -> loop.execute(this::onExit));
        deadline = loop.schedule(settings.timeout().toMillis(), this::onTimeout);
        poller = loop.schedule(MIN_POLL_MILLIS, this::poll);
    }

    /** One poll: takes output, acts on it, and decides when to look again. Also runs once when the exit is seen. */
    private void poll() {
        if (phase == Phase.DONE) {
            return;
        }
        int count = guarded(this::pump);
        if (!exited && stderr != null) {
            // Drained as often as standard output, so a script never waits long on a full standard error pipe.
            count += stderr.poll();
        }
        // After the exit a streamed body is refilled by the client's reads; other phases only poll again when the
        // per-turn bound stopped them with output left.
        boolean again = phase == Phase.RUNNING || phase == Phase.DRAINING || (phase == Phase.STREAMING && !exited);
        if (!again) {
            poller.cancel();
            return;
        }
        pollDelay = count > 0 ? MIN_POLL_MILLIS : Math.min(pollDelay * 2, MAX_POLL_MILLIS);
        long delay = pollDelay;
        if (phase == Phase.RUNNING && head != null) {
            delay = Math.max(1, Math.min(delay, headAt + HEAD_HOLD_MILLIS - loop.now()));
        }
        poller.reschedule(delay);
    }

    /**
     * Reads output while there is some and room for it, acting on each step.
     *
     * @return bytes read
     */
    private int pump() throws IOException {
        int total = 0;
        for (int i = 0; i < MAX_FILLS_PER_POLL && phase != Phase.DONE; i++) {
            int count = output.fill(exited);
            total += count;
            if (phase == Phase.DRAINING) {
                output.discard();
            }
            advance();
            if (count == 0 || phase == Phase.STREAMING) {
                break;
            }
        }
        return total;
    }

    private void advance() {
        switch (phase) {
            case RUNNING:
                advanceHead();
                break;
            case STREAMING:
                if (output.held() > 0 || output.eof()) {
                    body.signal();
                }
                break;
            case DRAINING:
                if (exited) {
                    finish();
                }
                break;
            default:
                break;
        }
    }

    private void advanceHead() {
        if (head == null) {
            try {
                head = output.parseHead(headParser);
            } catch (ScriptOutputException e) {
                LOG.warn("{}: {}", tag, e.getMessage());
                answerError(Status.BAD_GATEWAY);
                return;
            }
            if (head == null) {
                if (output.eof()) {
                    LOG.warn("{}: {}", tag, process.exitValue() != 0
                            ? "exited with status " + process.exitValue() + " before its header block"
                            : headParser.inProgress() || output.held() > 0 ? "output ended inside the header block"
                            : "printed nothing");
                    answerError(Status.BAD_GATEWAY);
                }
                return;
            }
            headAt = loop.now();
        }
        if (exited && process.exitValue() != 0) {
            LOG.warn("{}: exited with status {} before its response was sent", tag, process.exitValue());
            answerError(Status.BAD_GATEWAY);
        } else if (head.kind() == ScriptHead.Kind.LOCAL_REDIRECT) {
            ScriptResponses.applySessionUpdates(exchange, head, tag);
            phase = Phase.DRAINING;
            output.discard();
            // RFC 3875 §6.2.2: the server serves the new path as if the client had asked for it.
            exchange.redirectInternally(head.location());
            advance();
        } else if (output.eof()) {
            respondWhole();
        } else if (output.isFull() || loop.now() - headAt >= HEAD_HOLD_MILLIS) {
            respondStreaming();
        }
    }

    private void respondWhole() {
        if (head.kind() == ScriptHead.Kind.DOCUMENT && head.status().code() >= 400 && output.held() == 0) {
            // An error status and nothing else: the page a static error would get, error_page or built-in.
            exchange.sendError(ScriptResponses.error(exchange, head, tag));
            finish();
            return;
        }
        Response response = ScriptResponses.head(exchange, head, tag);
        String contentType = head.headers().get("Content-Type");
        if (contentType != null) {
            response.body(contentType, output.takeAll());
        } else if (output.held() > 0) {
            // RFC 3875 §6.3.1 wants a Content-Type with any body; send the bytes anyway, untyped.
            body = new ScriptBody(this);
            response.stream(body, output.held());
        }
        if (body == null) {
            exchange.respond(response);
            finish();
        } else {
            // Before respond: the server may pull the body at once.
            phase = Phase.STREAMING;
            exchange.respond(response);
        }
    }

    private void respondStreaming() {
        body = new ScriptBody(this);
        Response response = ScriptResponses.head(exchange, head, tag).stream(body, -1);
        // Before respond: the server may pull the body at once.
        phase = Phase.STREAMING;
        exchange.respond(response);
    }

    /**
     * Serves the client's pull in the STREAMING phase.
     *
     * @param dst where to put output
     * @return bytes given, 0 when none are ready, -1 at the end
     * @throws IOException after a timeout or a failure: the server then cuts the connection, the only way left to
     *         tell the client the body is incomplete once the head is out
     */
    int readBody(ByteBuffer dst) throws IOException {
        if (failure != null) {
            throw new IOException(tag + ": " + failure);
        }
        if (phase != Phase.STREAMING) {
            throw new IOException(tag + ": output no longer available");
        }
        int count = output.drainTo(dst);
        if (!output.eof()) {
            // Room was made: take what the script queued meanwhile (this wakes a script blocked on a full pipe).
            output.fill(exited);
            if (count == 0) {
                count = output.drainTo(dst);
            }
        }
        if (count == 0 && output.eof() && output.held() == 0) {
            finish();
            return -1;
        }
        return count;
    }

    /** The server is done with the streamed body, completed or not. */
    void bodyClosed() {
        if (phase == Phase.STREAMING) {
            // The client went away or the connection failed before the end: the script's work is wasted.
            kill();
            phase = Phase.DRAINING;
            output.discard();
            advance();
        }
    }

    private void onExit() {
        if (phase == Phase.DONE) {
            return;
        }
        exited = true;
        LOG.debug("{}: exited with status {}", tag, process.exitValue());
        deadline.cancel();
        slot.release();
        settings.groups().exited(loop, trace);
        poll();
    }

    private void onTimeout() {
        if (phase == Phase.DONE || exited) {
            return;
        }
        LOG.warn("{}: killed after cgi_timeout ({} ms)", tag, settings.timeout().toMillis());
        kill();
        if (phase == Phase.RUNNING) {
            exchange.sendError(Status.GATEWAY_TIMEOUT);
        }
        failStream("killed after cgi_timeout");
        phase = Phase.DRAINING;
        output.discard();
    }

    /** The exchange ended early: the client went away, the body failed, or the server is stopping. */
    private void abort() {
        switch (phase) {
            case SPOOLING:
            case WAITING:
                finish();
                break;
            case RUNNING:
            case STREAMING:
                LOG.debug("{}: exchange aborted, killing the script", tag);
                kill();
                phase = Phase.DRAINING;
                output.discard();
                advance();
                break;
            default:
                break;
        }
    }

    private void answerError(Status status) {
        if (!exchange.isResponded()) {
            exchange.sendError(status);
        }
        kill();
        phase = Phase.DRAINING;
        output.discard();
        advance();
    }

    private void failBeforeStart() {
        if (!exchange.isResponded()) {
            exchange.sendError(Status.INTERNAL_SERVER_ERROR);
        }
        finish();
    }

    private void kill() {
        if (process != null && !exited) {
            settings.groups().kill(process.toHandle());
        }
    }

    /** Releases everything; the process, if any, has exited. */
    private void finish() {
        if (phase == Phase.DONE) {
            return;
        }
        phase = Phase.DONE;
        if (poller != null) {
            poller.cancel();
        }
        if (deadline != null) {
            deadline.cancel();
        }
        if (spool != null) {
            spool.delete();
        }
        if (output != null) {
            output.close();
        }
        if (stderr != null) {
            stderr.close();
        }
        slot.release();
    }

    /** Once the head is out, a failure can only cut the connection: readBody throws and the server closes. */
    private void failStream(String why) {
        if (phase == Phase.STREAMING) {
            failure = why;
            body.signal();
        }
    }

    @FunctionalInterface
    private interface Step {
        int run() throws IOException;
    }

    /** Runs a loop callback; a failure answers 500 (or cuts the response) and ends the run instead of leaking. */
    private int guarded(Step step) {
        try {
            return step.run();
        } catch (IOException | RuntimeException e) {
            LOG.error("{}: {}", tag, e.toString(), e);
            if (phase == Phase.DONE) {
                return 0;
            }
            failStream(e.toString());
            if (!exchange.isResponded()) {
                exchange.sendError(Status.INTERNAL_SERVER_ERROR);
            }
            kill();
            phase = Phase.DRAINING;
            if (output != null) {
                output.discard();
            }
            if (exited) {
                finish();
            }
            return 0;
        }
    }
}
