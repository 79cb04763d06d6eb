package dev.solo.session.internal.redis;

import dev.solo.core.EventLoop;
import dev.solo.core.Timer;
import dev.solo.core.Transport;
import dev.solo.core.spi.ConnectionHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Redis client on the server's own loop: one non-blocking connection registered with the loop's selector
 * ({@link EventLoop#connect}), no thread, no blocking call. Loop thread only.
 *
 * <ul>
 *   <li><b>Pipelining</b>: commands are written as they come, without waiting for earlier answers; Redis answers in
 *       order, so each reply completes the oldest pending command.</li>
 *   <li><b>Bounded</b>: at most {@link Settings#maxPending()} commands wait for an answer; beyond it a command fails at
 *       once, so a slow Redis cannot make the server hoard requests.</li>
 *   <li><b>Timeouts</b>: connecting has {@link Settings#connectTimeoutMillis()}, and every command
 *       {@link Settings#commandTimeoutMillis()}. As replies come in order, a command without an answer in time means
 *       the connection is stuck: it is closed and every pending command fails.</li>
 *   <li><b>Reconnection</b> with back-off: after a failure the client waits {@value #FIRST_BACKOFF_MILLIS} ms, then
 *       twice as long each time up to {@value #MAX_BACKOFF_MILLIS} ms, and goes on trying until it is stopped.</li>
 *   <li><b>Outages</b>: while the server is known to be down ({@link #isAvailable()} false) commands fail at once
 *       instead of queueing. The log says so once when an outage starts and once when it ends, however many
 *       requests fail in between.</li>
 * </ul>
 *
 * <p>Results are {@link CompletableFuture}s completed on the loop thread when the reply arrives (see
 * {@link RespReader} for the reply types); failures are {@link RedisException}s.
 */
public final class RedisClient implements ConnectionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RedisClient.class);
    /** The first wait before reconnecting, in milliseconds. */
    static final long FIRST_BACKOFF_MILLIS = 100;
    /** The longest wait before reconnecting, in milliseconds. */
    static final long MAX_BACKOFF_MILLIS = 2_000;
    /** Bytes read per call. */
    private static final int READ_CHUNK = 16 * 1024;

    /**
     * How the client behaves.
     *
     * @param connectTimeoutMillis how long connecting may take
     * @param commandTimeoutMillis how long any command may wait for its answer
     * @param maxPending the most commands waiting for an answer at once
     * @param maxReplyBytes the longest reply accepted
     */
    public record Settings(long connectTimeoutMillis, long commandTimeoutMillis, int maxPending, int maxReplyBytes) {
    }

    /** Where the connection stands. */
    private enum State {
        /** Not started. */
        NEW,
        /** A connection is being established. */
        CONNECTING,
        /** Connected: commands go out as they come. */
        READY,
        /** Waiting for the back-off to end before connecting again. */
        BACKING_OFF,
        /** Stopped for good. */
        STOPPED
    }

    /** A command sent (or about to be) and waiting for its reply. */
    private static final class Pending {
        final CompletableFuture<Object> result = new CompletableFuture<>();
        final long deadline;
        final String name;

        Pending(String name, long deadline) {
            this.name = name;
            this.deadline = deadline;
        }
    }

    private final InetSocketAddress socketAddress;
    private final RedisAddress address;
    private final Settings settings;
    private final RespReader reader;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private ByteBuffer output = ByteBuffer.allocate(4096);
    private ByteBuffer input = ByteBuffer.allocate(READ_CHUNK);
    private EventLoop loop;
    private Transport transport;
    private State state = State.NEW;
    private Timer connectTimer;
    private Timer commandTimer;
    private Timer reconnectTimer;
    private long backoff = FIRST_BACKOFF_MILLIS;
    /** Set while the server is known to be unreachable; cleared by the next successful connection. */
    private boolean outage;
    private long outageStartedAt;
    private long failedSinceOutage;

    /**
     * @param address the server, for logs and for logging in
     * @param socketAddress the server's resolved socket address
     * @param settings timeouts and caps
     */
    public RedisClient(RedisAddress address, InetSocketAddress socketAddress, Settings settings) {
        this.address = address;
        this.socketAddress = socketAddress;
        this.settings = settings;
        this.reader = new RespReader(settings.maxReplyBytes());
    }

    /**
     * Connects; idempotent.
     *
     * @param eventLoop the loop whose selector carries the connection
     */
    public void start(EventLoop eventLoop) {
        if (state != State.NEW) {
            return;
        }
        loop = eventLoop;
        connect();
    }

    /** @return false while the server is known to be down, or after {@link #stop()} */
    public boolean isAvailable() {
        return !outage && state != State.STOPPED && state != State.NEW;
    }

    /**
     * Sends a command.
     *
     * @param args the command and its arguments
     * @return its reply; fails at once when the server is down, the client stopped or too many commands are pending
     */
    public CompletableFuture<Object> send(byte[]... args) {
        String name = new String(args[0], java.nio.charset.StandardCharsets.US_ASCII);
        if (!isAvailable() && state != State.CONNECTING) {
            return refused(name, state == State.STOPPED ? "client stopped" : "server unavailable");
        }
        if (outage) {
            return refused(name, "server unavailable");
        }
        if (pending.size() >= settings.maxPending()) {
            return refused(name, "more than " + settings.maxPending() + " commands pending");
        }
        return queue(name, RespWriter.encode(args));
    }

    /**
     * Sends a command whose arguments are all text.
     *
     * @param args the command and its arguments
     * @return its reply, as {@link #send(byte[]...)}
     */
    public CompletableFuture<Object> send(String... args) {
        byte[][] bytes = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            bytes[i] = args[i].getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        return send(bytes);
    }

    private CompletableFuture<Object> refused(String name, String reason) {
        failedSinceOutage++;
        return CompletableFuture.failedFuture(new RedisException(name + " not sent to " + address + ": " + reason));
    }

    private CompletableFuture<Object> queue(String name, ByteBuffer command) {
        Pending p = new Pending(name, loop.now() + settings.commandTimeoutMillis());
        pending.add(p);
        append(command);
        armCommandTimer();
        if (state == State.READY) {
            transport.interest(true, true);
        }
        return p.result;
    }

    private void append(ByteBuffer command) {
        if (output.remaining() < command.remaining()) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(output.capacity() * 2, output.position()
                    + command.remaining()));
            output.flip();
            bigger.put(output);
            output = bigger;
        }
        output.put(command);
    }

    /** Stops for good: no reconnection; the connection closes once the commands in flight are answered. */
    public void stop() {
        if (state == State.STOPPED) {
            return;
        }
        boolean connected = state == State.READY;
        state = State.STOPPED;
        cancel(reconnectTimer);
        cancel(connectTimer);
        if (!connected || pending.isEmpty()) {
            closeTransport();
            failAll("client stopped");
        }
    }

    // ---- connection ----

    private void connect() {
        state = State.CONNECTING;
        output.clear();
        input.clear();
        // Logging in goes first, ahead of anything queued while connecting.
        if (address.password() != null) {
            internal(address.user() == null ? new String[] {"AUTH", address.password()}
                    : new String[] {"AUTH", address.user(), address.password()});
        }
        if (address.database() != 0) {
            internal(new String[] {"SELECT", Integer.toString(address.database())});
        }
        try {
            transport = loop.connect(socketAddress, t -> this);
        } catch (IOException | RuntimeException e) {
            transport = null;
            connectionLost("cannot connect: " + e.getMessage());
            return;
        }
        long timeout = settings.connectTimeoutMillis();
        connectTimer = loop.schedule(timeout, () -> {
            if (state == State.CONNECTING) {
                connectionLost("no connection within " + timeout + " ms");
            }
        });
    }

    /** A command of the client's own (logging in): a refusal means the configuration is wrong, said loudly. */
    private void internal(String[] args) {
        String name = args[0];
        queue(name, RespWriter.encode(args)).whenComplete((reply, failure) -> {
            if (failure != null && state == State.READY) {
                LOG.error("Redis {} refused {}: {} (check session_redis)", address, name, failure.getMessage());
                connectionLost(name + " refused");
            }
        });
    }

    @Override
    public void onConnected() {
        if (state != State.CONNECTING) {
            return;
        }
        cancel(connectTimer);
        state = State.READY;
        backoff = FIRST_BACKOFF_MILLIS;
        if (outage) {
            outage = false;
            LOG.warn("Redis {} is back after {} ms ({} session operations refused meanwhile): sessions are served"
                    + " again", address, loop.now() - outageStartedAt, failedSinceOutage);
        } else {
            LOG.info("Connected to Redis {}", address);
        }
        transport.interest(true, output.position() > 0);
    }

    @Override
    public void onWritable() {
        if (output.position() == 0) {
            transport.interest(true, false);
            return;
        }
        output.flip();
        try {
            transport.write(new ByteBuffer[] {output}, 0, 1);
        } catch (IOException e) {
            output.compact();
            connectionLost("write failed: " + e.getMessage());
            return;
        }
        output.compact();
        transport.interest(true, output.position() > 0);
    }

    @Override
    public void onReadable() {
        if (!input.hasRemaining()) {
            growInput();
        }
        int n;
        try {
            n = transport.read(input);
        } catch (IOException e) {
            connectionLost("read failed: " + e.getMessage());
            return;
        }
        if (n < 0) {
            connectionLost("connection closed by the server");
            return;
        }
        input.flip();
        try {
            Object reply;
            while ((reply = reader.read(input)) != RespReader.INCOMPLETE) {
                Pending p = pending.poll();
                if (p == null) {
                    throw new RedisProtocolException("a reply nobody asked for");
                }
                if (reply instanceof RedisException) {
                    p.result.completeExceptionally((RedisException) reply);
                } else {
                    p.result.complete(reply);
                }
                if (state != State.READY && state != State.STOPPED) {
                    // A completion handler ended the connection (a refused log-in): the rest is moot.
                    return;
                }
            }
        } catch (RedisProtocolException e) {
            input.clear();
            connectionLost("protocol error: " + e.getMessage());
            return;
        }
        input.compact();
        armCommandTimer();
        if (state == State.STOPPED && pending.isEmpty()) {
            closeTransport();
        }
    }

    private void growInput() {
        if (input.capacity() >= settings.maxReplyBytes() + READ_CHUNK) {
            return;
        }
        ByteBuffer bigger = ByteBuffer.allocate(Math.min(input.capacity() * 2, settings.maxReplyBytes() + READ_CHUNK));
        input.flip();
        bigger.put(input);
        input = bigger;
    }

    @Override
    public void onClosed() {
        if (state == State.READY || state == State.CONNECTING) {
            connectionLost("connection closed");
        } else if (state == State.STOPPED) {
            failAll("client stopped");
        }
    }

    @Override
    public void onShutdown() {
        stop();
    }

    /** The connection failed or is stuck: fail what waits, say so once per outage, and try again later. */
    private void connectionLost(String reason) {
        if (state == State.STOPPED || state == State.BACKING_OFF) {
            return;
        }
        state = State.BACKING_OFF;
        cancel(connectTimer);
        cancel(commandTimer);
        closeTransport();
        failAll(reason);
        if (!outage) {
            outage = true;
            outageStartedAt = loop.now();
            failedSinceOutage = 0;
            LOG.error("Redis {} unavailable ({}): pages that need a session answer 503 until it is back;"
                    + " reconnecting", address, reason);
        } else {
            LOG.debug("Redis {} still unavailable: {}", address, reason);
        }
        long wait = backoff;
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
        reconnectTimer = loop.schedule(wait, () -> {
            if (state == State.BACKING_OFF) {
                connect();
            }
        });
    }

    private void closeTransport() {
        Transport t = transport;
        transport = null;
        if (t != null && t.isOpen()) {
            t.close();
        }
    }

    private void failAll(String reason) {
        output.clear();
        Pending p;
        while ((p = pending.poll()) != null) {
            failedSinceOutage++;
            p.result.completeExceptionally(new RedisException(p.name + " to " + address + " failed: " + reason));
        }
    }

    /** One timer for all commands: replies come in order, so the oldest pending command has the nearest deadline. */
    private void armCommandTimer() {
        Pending oldest = pending.peek();
        if (oldest == null) {
            cancel(commandTimer);
            return;
        }
        long delay = Math.max(0, oldest.deadline - loop.now());
        if (commandTimer == null) {
            commandTimer = loop.schedule(delay, this::commandTimerFired);
        } else {
            commandTimer.reschedule(delay);
        }
    }

    private void commandTimerFired() {
        Pending oldest = pending.peek();
        if (oldest == null) {
            return;
        }
        if (oldest.deadline <= loop.now()) {
            connectionLost(oldest.name + " got no answer within " + settings.commandTimeoutMillis() + " ms");
        } else {
            armCommandTimer();
        }
    }

    private static void cancel(Timer timer) {
        if (timer != null) {
            timer.cancel();
        }
    }

    @Override
    public String toString() {
        return "RedisClient[" + address + ", " + state + (outage ? ", outage" : "") + "]";
    }
}
