package dev.solo.http.internal.connection;

import dev.solo.core.Timer;
import dev.solo.core.Transport;
import dev.solo.core.spi.ConnectionHandler;
import dev.solo.http.HttpException;
import dev.solo.http.Status;
import dev.solo.http.TlsInfo;
import dev.solo.http.codec.RequestDecoder;
import dev.solo.http.internal.routing.HostTable;
import dev.solo.http.internal.routing.Timeouts;
import dev.solo.http.internal.routing.VirtualServer;
import dev.solo.http.spi.SecureTransport;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP/1.1 connection: reads requests, hands them to an {@link HttpExchange}, writes responses, and keeps the
 * connection alive or closes it.
 *
 * <p>States, and the timer active in each:
 * <pre>
 *  IDLE ──first byte──▶ READING_HEAD ──head parsed──▶ EXCHANGE ──response written──▶ IDLE (keep-alive)
 *  keepalive_timeout    client_header_timeout          body/request/send timeouts       or CLOSING / closed
 * </pre>
 * While an exchange is in progress (reading its body, waiting for its handler, writing its response) no further
 * request is parsed: pipelined bytes wait in the read buffer, and reading stops when the buffer is full, so one
 * client cannot queue unbounded work. The header timeout runs from the first byte of a request and is not reset by
 * later bytes, which is what ends slowloris clients. After an error that leaves the byte stream unsynchronised the
 * connection closes, lingering briefly so the client reads the error before the reset.
 *
 * <p>Memory: the read buffer is held only while it has bytes, in every state. While the connection waits for its
 * client with a head in its decoder (the rest of the head, or a body still to come) it holds a share of the loop's
 * {@link HeadBudget}, which sheds the oldest such connections when they hold too much. After routing, the keep-alive,
 * send and {@code keepalive_requests} settings are those of the server the request was routed to.
 */
final class HttpConnection implements ConnectionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(HttpConnection.class);
    private static final long LINGER_MILLIS = 2_000;

    /** Where the connection is in its lifecycle. */
    enum State { IDLE, READING_HEAD, EXCHANGE, CLOSING, CLOSED }

    /** Which deadline the connection's one timer currently stands for. */
    enum Deadline { KEEP_ALIVE, HEADER, BODY, REQUEST, SEND, LINGER }

    private final Transport transport;
    private final ConnectionContext context;
    private final HostTable hosts;
    /**
     * The server block the latest request was routed to (the address's default server until one is): its
     * keep-alive, send and {@code keepalive_requests} settings govern the connection after that request.
     */
    private VirtualServer server;
    /** Taken from the pool at the first byte of a request, given back when the connection is idle again. */
    private RequestDecoder decoder;
    /** Head bytes the decoder has taken in for the current request. */
    private long headBytes;
    /** Complete head lines among them. */
    private int headLines;
    /**
     * This connection's share of the {@link HeadBudget} while it waits for the rest of a head or for a body; made the
     * first time it waits.
     */
    private HeadBudget.Share headShare;
    private final Timer timer;
    private State state = State.IDLE;
    private Deadline deadline;
    private ByteBuffer readBuffer;
    private HttpExchange exchange;
    private int requestsServed;
    private boolean shuttingDown;
    /** True while {@link #process()} runs, so a request completed inside it does not start a nested pass. */
    private boolean processing;
    /** The client sent EOF; nothing more will be read. */
    private boolean inputEnded;
    /**
     * Write interest is kept on with nothing to write, betting that the next request arrives before the next select.
     * See {@link #updateInterest()}.
     */
    private boolean expectingRequest = true;
    /** Complete responses waiting for the socket; see {@link OutputQueue}. */
    private final OutputQueue output = new OutputQueue();
    /** The connection ends once the queued responses are written (an exchange asked to close, or the client left). */
    private boolean closeWhenFlushed;
    /** Request bytes may still be on the wire when the connection ends after the flush: close with a linger. */
    private boolean lingerWhenFlushed;

    /** The TLS session when the connection came over TLS, else null. */
    private final TlsInfo tls;

    HttpConnection(Transport transport, ConnectionContext context, HostTable hosts) {
        this.transport = transport;
        this.tls = transport instanceof SecureTransport ? ((SecureTransport) transport).tls() : null;
        this.context = context;
        this.hosts = hosts;
        this.server = hosts.defaultServer();
        this.timer = transport.loop().schedule(server.timeouts().keepAlive(), this::onTimeout);
        this.deadline = Deadline.KEEP_ALIVE;
        updateInterest();
    }

    Transport transport() {
        return transport;
    }

    /** @return the TLS session, or null for plain HTTP */
    TlsInfo tls() {
        return tls;
    }

    ConnectionContext context() {
        return context;
    }

    OutputQueue output() {
        return output;
    }

    HostTable hosts() {
        return hosts;
    }

    /**
     * The settings of the server the latest request was routed to. Only the header timeout, which runs before a
     * request names its host, comes from the address's default server instead.
     */
    private Timeouts timeouts() {
        return server.timeouts();
    }

    /** @param routed the server block the current request was routed to */
    void routedTo(VirtualServer routed) {
        this.server = routed;
    }

    /** @return the send timeout of the server the current request was routed to, in milliseconds */
    long sendTimeout() {
        return server.timeouts().send();
    }

    @Override
    public void onReadable() {
        if (readBuffer == null) {
            readBuffer = context.buffers.acquire();
        } else {
            readBuffer.compact();
        }
        int read;
        try {
            read = transport.read(readBuffer);
        } catch (IOException e) {
            readBuffer.flip();
            LOG.debug("{}: read failed: {}", transport, e.toString());
            transport.close();
            return;
        }
        readBuffer.flip();
        if (read < 0) {
            onEndOfInput();
            return;
        }
        if (state == State.CLOSING) {
            // Lingering: the bytes are dropped, and so is the buffer, which a flood of shed connections would
            // otherwise hold for the whole linger.
            readBuffer.clear().flip();
            releaseReadBufferIfEmpty();
            return;
        }
        process();
    }

    /** Parses and dispatches what the read buffer holds, as far as the current state allows. */
    void process() {
        processing = true;
        try {
            while (transport.isOpen() && readBuffer != null && readBuffer.hasRemaining()) {
                if (state == State.IDLE && (closeWhenFlushed || !output.acceptsMore())) {
                    // Enough answers wait for the socket: the rest of the pipeline is parsed once they are written.
                    break;
                }
                if (state == State.IDLE && requestsServed == 0 && tls == null && startsTlsHandshake()) {
                    // A TLS client on a plain port: an HTTP error page would be garbage to it, so just close.
                    LOG.debug("{}: TLS handshake on a plain HTTP port", transport);
                    transport.close();
                    break;
                }
                if (state == State.IDLE) {
                    state = State.READING_HEAD;
                    if (decoder == null) {
                        decoder = context.decoders.acquire();
                    }
                    // The head has not named its host yet: the address's default server decides.
                    arm(Deadline.HEADER, hosts.defaultServer().timeouts().header());
                    headBytes = 0;
                    headLines = 0;
                }
                if (state == State.READING_HEAD) {
                    int before = readBuffer.position();
                    if (decoder.decode(readBuffer) == RequestDecoder.Result.NEED_MORE) {
                        chargePartialHead(before);
                        break;
                    }
                    headBytes += readBuffer.position() - before;
                    // The request line, the fields and the empty line: what the complete head holds.
                    headLines = decoder.head().headers().size() + 2;
                    startExchange();
                } else if (state == State.EXCHANGE && exchange.wantsBody()) {
                    exchange.readBody(readBuffer);
                    if (exchange != null && exchange.wantsBody()) {
                        break;
                    }
                } else {
                    break;
                }
            }
        } catch (HttpException e) {
            rejectBeforeExchange(e);
        } finally {
            processing = false;
        }
        accountWaitingBody();
        releaseReadBufferIfEmpty();
        updateInterest();
    }

    /** A TLS record starts with 0x16 (handshake) and major version 3 (RFC 8446 §5.1), which no HTTP method does. */
    private boolean startsTlsHandshake() {
        int at = readBuffer.position();
        return readBuffer.get(at) == 0x16 && (readBuffer.remaining() < 2 || readBuffer.get(at + 1) == 3);
    }

    private void startExchange() {
        requestsServed++;
        state = State.EXCHANGE;
        exchange = new HttpExchange(this, decoder.head());
        exchange.start();
    }

    /**
     * The head is incomplete after a read: the decoder holds it, so the connection takes its share of the heap that
     * partial heads may hold together. The read buffer is not held meanwhile: it goes back to the pool once empty.
     */
    private void chargePartialHead(int from) {
        int to = readBuffer.position();
        headBytes += to - from;
        // Counted only here, for heads that wait: a head that completes at once is counted from its fields.
        for (int i = from; i < to; i++) {
            if (readBuffer.get(i) == '\n') {
                headLines++;
            }
        }
        context.headBudget.charge(share(), headBytes, headLines);
    }

    /**
     * After a pass over the input: a request whose body is still to come holds its head meanwhile, so it is charged
     * as waiting (a head whose body came with it never is); once the body is in, the share goes back. A partial head
     * keeps the share it was just charged.
     */
    private void accountWaitingBody() {
        if (state == State.EXCHANGE && exchange != null && exchange.wantsBody() && transport.isOpen()) {
            context.headBudget.chargeWaitingBody(share(), headBytes, headLines);
        } else if (state != State.READING_HEAD) {
            releaseHeadShare();
        }
    }

    private HeadBudget.Share share() {
        if (headShare == null) {
            headShare = new HeadBudget.Share(this::shedToBoundMemory);
        }
        return headShare;
    }

    private void releaseHeadShare() {
        if (headShare != null) {
            context.headBudget.release(headShare);
        }
    }

    /**
     * The budget for waiting heads is spent and this connection is among the oldest waiting for its client: a partial
     * head is answered 503 and closed (its decoder goes back), a request waiting for its body likewise.
     */
    private void shedToBoundMemory() {
        if (!transport.isOpen()) {
            return;
        }
        try {
            if (state == State.READING_HEAD) {
                LOG.debug("{}: partial request head shed to bound memory", transport);
                rejectBeforeExchange(new HttpException(Status.SERVICE_UNAVAILABLE, "server busy", true));
            } else if (state == State.EXCHANGE && exchange != null && exchange.wantsBody()) {
                LOG.debug("{}: request waiting for its body shed to bound memory", transport);
                exchange.shedWhileReadingBody();
            }
            updateInterest();
        } catch (RuntimeException e) {
            LOG.debug("{}: could not answer the shed request: {}", transport, e.toString());
            transport.close();
        }
    }

    /** A malformed head: answered with the default server's error page, then the connection closes. */
    private void rejectBeforeExchange(HttpException e) {
        LOG.debug("{}: bad request: {} {}", transport, e.status().code(), e.safeMessage());
        releaseHeadShare();
        if (state == State.EXCHANGE && exchange != null) {
            exchange.fail(e);
            return;
        }
        state = State.EXCHANGE;
        exchange = HttpExchange.forMalformedRequest(this, e);
        exchange.start();
    }

    @Override
    public void onWritable() {
        if (!output.isEmpty()) {
            flushQueued();
            return;
        }
        if (exchange == null || !exchange.hasOutput()) {
            // Writable with nothing to write: the request did not come in time; ask for writability only with output.
            expectingRequest = false;
            updateInterest();
            return;
        }
        try {
            exchange.writeOnce();
        } catch (IOException e) {
            LOG.debug("{}: write failed: {}", transport, e.toString());
            transport.close();
            return;
        }
        updateInterest();
    }

    /** One gathering write of the queued responses; once they are all out, the connection goes on or ends. */
    private void flushQueued() {
        boolean drained;
        try {
            drained = output.writeOnce(transport);
        } catch (IOException e) {
            LOG.debug("{}: write failed: {}", transport, e.toString());
            transport.close();
            return;
        }
        if (!drained) {
            arm(Deadline.SEND, timeouts().send());
            return;
        }
        if (closeWhenFlushed) {
            if (lingerWhenFlushed || (readBuffer != null && readBuffer.hasRemaining())) {
                closeGracefully();
            } else {
                transport.close();
            }
            return;
        }
        if (state == State.IDLE) {
            arm(Deadline.KEEP_ALIVE, timeouts().keepAlive());
            if (readBuffer != null && readBuffer.hasRemaining()) {
                process(); // parsing stopped while the queue was full
                return;
            }
        }
        updateInterest();
    }

    /**
     * Called by the exchange when its response is fully written (or queued) and its body fully read or given up.
     *
     * @param close whether the connection ends here
     * @param unreadInput whether the client may still be sending bytes of this request, in which case a plain close
     *                    could reset the connection before the client has read the response
     */
    void exchangeComplete(boolean close, boolean unreadInput) {
        exchange = null;
        releaseHeadShare();
        if (readBuffer != null && readBuffer.hasRemaining() && decoder != null) {
            decoder.reset(); // the next request is already here: keep the decoder
        } else {
            releaseDecoder();
        }
        if ((close || shuttingDown) && !output.isEmpty()) {
            // Queued answers go first; then the connection ends as the exchange asked.
            state = State.IDLE;
            closeWhenFlushed = true;
            lingerWhenFlushed |= unreadInput;
            arm(Deadline.SEND, timeouts().send());
            updateInterest();
            return;
        }
        if (close || shuttingDown) {
            if (unreadInput || (readBuffer != null && readBuffer.hasRemaining())) {
                closeGracefully();
            } else {
                // The request was read to its end: nothing can make the kernel send a reset, so close at once.
                transport.close();
            }
            return;
        }
        state = State.IDLE;
        expectingRequest = true;
        if (output.isEmpty()) {
            arm(Deadline.KEEP_ALIVE, timeouts().keepAlive());
        } else {
            arm(Deadline.SEND, timeouts().send());
        }
        if (processing) {
            // The pass that completed this exchange goes on with the pipelined bytes itself.
            return;
        }
        if (readBuffer != null && readBuffer.hasRemaining()) {
            process();
        } else {
            releaseReadBufferIfEmpty();
            updateInterest();
        }
    }

    /** Half-closes, then reads and drops whatever the client still sends for a moment, then closes (RFC 9112 §9.6). */
    void closeGracefully() {
        if (!transport.isOpen()) {
            return;
        }
        state = State.CLOSING;
        transport.shutdownOutput();
        if (readBuffer != null) {
            readBuffer.clear().flip();
        }
        arm(Deadline.LINGER, LINGER_MILLIS);
        transport.interest(true, false);
    }

    void arm(Deadline kind, long millis) {
        deadline = kind;
        timer.reschedule(millis);
    }

    VirtualServer defaultServer() {
        return hosts.defaultServer();
    }

    /**
     * Sets read and write interest from the state: read while a head or body is expected, write while output waits.
     *
     * <p>Writes happen only when the selector reports the socket writable, and switching write interest on for each
     * response and off after it costs two {@code epoll_ctl} calls per request. So a new or idle connection keeps
     * write interest on while it is {@link #expectingRequest}: when its request arrives before the next select, as
     * it does for a busy client and for the first request on a new connection, the select reports it readable and
     * writable at once, and the request is read and answered in that one event with no {@code epoll_ctl} at all.
     * When a select finds it writable with nothing to write, the bet is off until the next response has been sent.
     */
    void updateInterest() {
        if (!transport.isOpen()) {
            return;
        }
        boolean read;
        boolean write = false;
        switch (state) {
            case IDLE:
            case READING_HEAD:
                // Read while there is room: unread bytes are compacted to the front before the next read.
                read = !inputEnded && (readBuffer == null || readBuffer.remaining() < readBuffer.capacity());
                write = expectingRequest || !output.isEmpty();
                break;
            case CLOSING:
                read = readBuffer == null || readBuffer.remaining() < readBuffer.capacity();
                break;
            case EXCHANGE:
                if (exchange.wantsBody()) {
                    read = readBuffer == null || !readBuffer.hasRemaining();
                } else {
                    // Keep listening while the handler works, to notice a client that leaves (and stop the CGI
                    // script working for it); what a pipelining client sends meanwhile waits in the buffer.
                    read = !inputEnded && (readBuffer == null || readBuffer.remaining() < readBuffer.capacity());
                }
                write = exchange.hasOutput() || expectingRequest || !output.isEmpty();
                break;
            default:
                read = false;
                break;
        }
        transport.interest(read, write);
    }

    private void onEndOfInput() {
        inputEnded = true;
        if (state != State.EXCHANGE && !output.isEmpty()) {
            // The client half-closed after its requests: write the answers it is owed, then close.
            closeWhenFlushed = true;
            updateInterest();
            return;
        }
        if (state == State.EXCHANGE && exchange != null && !exchange.wantsBody() && exchange.isResponded()) {
            // The client half-closed after its request and the response is on its way: finish it, then close.
            exchange.clientClosedInput();
            updateInterest();
            return;
        }
        if (state == State.EXCHANGE && exchange != null) {
            // Gone before its answer was ready (nginx logs this as 499): abort, which stops the handler's work.
            LOG.debug("{}: client closed before the response", transport);
        }
        if (state == State.READING_HEAD) {
            LOG.debug("{}: client closed in the middle of a request head", transport);
        }
        transport.close();
    }

    /**
     * The connection's timer. A failure here closes this connection, as a failure in a read or write handler does:
     * left open, it would have no timer to end it.
     */
    private void onTimeout() {
        if (!transport.isOpen()) {
            return;
        }
        try {
            handleTimeout();
        } catch (RuntimeException | Error e) {
            LOG.error("{}: closed after a failure in its {} timeout", transport, deadline, e);
            transport.close();
        }
    }

    private void handleTimeout() {
        switch (deadline) {
            case HEADER:
                LOG.debug("{}: request head not complete in time", transport);
                rejectBeforeExchange(new HttpException(Status.REQUEST_TIMEOUT, "request head took too long", true));
                break;
            case BODY:
            case REQUEST:
                if (exchange != null) {
                    exchange.timedOut(deadline == Deadline.BODY);
                } else {
                    transport.close();
                }
                break;
            default:
                // KEEP_ALIVE, SEND and LINGER all end the same way: the peer is gone or idle.
                LOG.debug("{}: {} timeout", transport, deadline);
                transport.close();
                break;
        }
        updateInterest();
    }

    /**
     * Gives the read buffer back once it is empty, in every state: the decoder copies a partial head line into its
     * own buffer, so a connection waiting for the rest of a head holds no I/O buffer (issue 15: a slow head cost a
     * 16 KiB direct buffer per connection).
     */
    private void releaseReadBufferIfEmpty() {
        if (readBuffer != null && !readBuffer.hasRemaining()) {
            context.buffers.release(readBuffer);
            readBuffer = null;
        }
    }

    private void releaseDecoder() {
        if (decoder != null) {
            context.decoders.release(decoder);
            decoder = null;
        }
    }

    @Override
    public void onClosed() {
        state = State.CLOSED;
        timer.cancel();
        releaseHeadShare();
        output.clear();
        if (exchange != null) {
            exchange.abort(new IOException("connection closed"));
            exchange = null;
        }
        releaseDecoder();
        if (readBuffer != null) {
            context.buffers.release(readBuffer);
            readBuffer = null;
        }
    }

    @Override
    public void onShutdown() {
        shuttingDown = true;
        if (state == State.IDLE) {
            if (output.isEmpty()) {
                transport.close();
            } else {
                closeWhenFlushed = true;
            }
        }
    }

    boolean shuttingDown() {
        return shuttingDown;
    }

    /** @return true when the current request is the last this connection may serve ({@code keepalive_requests}) */
    boolean lastRequest() {
        return requestsServed >= timeouts().keepAliveRequests();
    }
}
