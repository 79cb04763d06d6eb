package dev.solo.tls.internal.connection;

import dev.solo.core.EventLoop;
import dev.solo.core.Timer;
import dev.solo.core.Transport;
import dev.solo.core.spi.ConnectionHandler;
import dev.solo.http.TlsInfo;
import dev.solo.http.spi.SecureTransport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS on one socket, between the loop and HTTP: the socket's handler for the loop, and the transport the HTTP
 * connection reads and writes once the handshake is complete.
 *
 * <pre>
 *  HELLO ──first record──▶ HANDSHAKE ──Finished──▶ OPEN (HTTP on top) ──close()──▶ CLOSING ──flushed──▶ closed
 *  header timeout          header timeout           HTTP's timeouts                send timeout
 * </pre>
 *
 * <p>The loop never waits: each selector event does at most one socket read or one socket write, as for plain
 * HTTP. A read may bring several records, all unwrapped at once; a write carries up to four records. The engine's
 * delegated tasks (signatures, key agreement) run inline on the loop: there is no other thread to run them on, and
 * each is a bounded computation (about a millisecond for ECDSA P-256). Buffers come from {@link TlsBuffers} and go
 * back as soon as they are empty. Files cannot be sent with {@code sendfile}: they are read in pieces of at most four
 * records and encrypted, never whole. Renegotiation (TLS 1.2) is refused by closing; close_notify is sent when HTTP
 * closes and answered when the client sends it; a connection cut without close_notify is an end of input to HTTP,
 * which treats a cut request as abandoned.
 */
final class TlsConnection implements ConnectionHandler, SecureTransport {

    private static final Logger LOG = LoggerFactory.getLogger(TlsConnection.class);
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    private static final ByteBuffer[] NOTHING = {EMPTY};
    /** How long close_notify and the last records may take to leave after HTTP closed the connection. */
    private static final long CLOSE_FLUSH_MILLIS = 10_000;
    /** How long an answered plain-HTTP request may keep the socket, reading what it still sends. */
    private static final long PLAIN_LINGER_MILLIS = 2_000;
    private static final byte[] PLAIN_HTTP_ANSWER = plainHttpAnswer();

    private final Transport raw;
    private final TlsEndpoint endpoint;
    private final TlsBuffers buffers;
    /** The handshake deadline, then none while open (an idle connection keeps only HTTP's), then the close's. */
    private Timer timer;
    /** One-element array for gathering writes of a single buffer; the loop's, shared (see TlsBuffers). */
    private final ByteBuffer[] single;
    private SSLEngine engine;
    private String serverName;
    private ConnectionHandler http;
    private TlsInfo info;
    /** Records from the socket not yet unwrapped; read mode (position to limit); null when empty. */
    private ByteBuffer netIn;
    /** Plaintext not yet read by HTTP; read mode; null when empty. */
    private ByteBuffer appIn;
    /** Records not yet written to the socket; read mode; null when empty. */
    private ByteBuffer netOut;
    private boolean httpWantsRead;
    private boolean httpWantsWrite;
    private boolean handshakeDone;
    /** The client sent close_notify or EOF: no more plaintext will come. */
    private boolean inputEnded;
    private boolean endOfInputDelivered;
    /** HTTP closed this transport; the socket closes once close_notify is out. */
    private boolean httpClosed;
    private boolean httpNotified;
    /** close_notify is queued; after it only the socket's FIN. */
    private boolean outputClosed;
    private boolean shutdownOutputWhenFlushed;
    private boolean plainHttpAnswered;
    private boolean deliveryQueued;

    TlsConnection(Transport raw, TlsEndpoint endpoint) {
        this.raw = raw;
        this.endpoint = endpoint;
        this.buffers = endpoint.buffers();
        this.single = buffers.single;
        this.timer = raw.loop().schedule(endpoint.handshakeTimeoutMillis(), this::onTimeout);
        raw.interest(true, false);
    }

    // ---- the socket's events ----

    @Override
    public void onReadable() {
        netIn = netIn == null ? buffers.packets.acquire() : netIn.compact();
        int read;
        try {
            read = raw.read(netIn);
        } catch (IOException e) {
            netIn.flip();
            LOG.debug("{}: read failed: {}", raw, e.toString());
            raw.close();
            return;
        }
        netIn.flip();
        if (plainHttpAnswered) {
            netIn.clear().flip(); // what a plain-HTTP client still sends is dropped until it closes
            if (read < 0) {
                raw.close();
            }
            return;
        }
        if (read < 0) {
            endOfInput();
        }
        try {
            if (engine == null && !startEngine()) {
                releaseEmpty();
                return;
            }
            advance();
        } catch (SSLException e) {
            failed(e);
            return;
        } catch (RuntimeException e) {
            // The JDK reports some malformed records as runtime exceptions; they end this connection only.
            failed(new SSLException(e));
            return;
        }
        deliver();
        releaseEmpty();
        updateInterest();
    }

    @Override
    public void onWritable() {
        if (netOut != null && netOut.hasRemaining()) {
            flush();
            updateInterest();
            return;
        }
        if (httpClosed || plainHttpAnswered) {
            updateInterest();
            return;
        }
        if (http != null && httpWantsWrite) {
            http.onWritable();
        }
        releaseEmpty();
        updateInterest();
    }

    @Override
    public void onClosed() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        if (http != null && !httpNotified) {
            httpNotified = true;
            http.onClosed();
        }
        netIn = release(buffers.packets, netIn);
        appIn = release(buffers.packets, appIn);
        netOut = release(buffers.output, netOut);
        closeEngine();
    }

    /**
     * Both directions of the engine closed, whatever the socket's end was (a reset, a timeout, an error): Conscrypt
     * frees its native connection (BoringSSL's SSL and a pipe, two file descriptors) only then, and otherwise when
     * the garbage collector finalizes the engine, which with a few hundred bytes of heap per engine can be long after
     * the descriptors ran out. For the JDK's engine it only drops state.
     */
    private void closeEngine() {
        if (engine == null) {
            return;
        }
        engine.closeOutbound();
        if (!engine.isInboundDone()) {
            try {
                engine.closeInbound();
            } catch (SSLException e) {
                // no close_notify from the client: nothing more was to be read anyway
            }
        }
        if (engine.isOutboundDone()) {
            return;
        }
        // Conscrypt frees on the wrap that takes its last pending bytes (the close_notify nobody will read).
        ByteBuffer scratch = buffers.output.acquire();
        try {
            while (!engine.isOutboundDone()) {
                scratch.clear();
                if (engine.wrap(NOTHING, scratch).bytesProduced() == 0) {
                    break;
                }
            }
        } catch (SSLException | RuntimeException e) {
            LOG.debug("{}: engine not closed cleanly: {}", raw, e.toString());
        } finally {
            buffers.output.release(scratch);
        }
    }

    @Override
    public void onShutdown() {
        if (http != null && !httpClosed) {
            http.onShutdown();
        } else if (!httpClosed) {
            raw.close();
        }
    }

    private void deadline(long millis) {
        if (timer == null) {
            timer = raw.loop().schedule(millis, this::onTimeout);
        } else {
            timer.reschedule(millis);
        }
    }

    private void onTimeout() {
        if (!handshakeDone) {
            LOG.debug("{}: TLS handshake not complete in time", raw);
        } else {
            LOG.debug("{}: close_notify not sent in time", raw);
        }
        raw.close();
    }

    // ---- handshake ----

    /** Chooses the server block by the SNI name in the first record and makes its engine. */
    private boolean startEngine() throws SSLException {
        switch (ClientHello.classify(netIn)) {
            case TLS:
                serverName = ClientHello.serverName(netIn);
                engine = endpoint.credentials(serverName).newEngine();
                engine.beginHandshake();
                return true;
            case PLAIN_HTTP:
                answerPlainHttp();
                return false;
            case OTHER:
                LOG.debug("{}: neither TLS nor HTTP", raw);
                raw.close();
                return false;
            default:
                if (inputEnded) {
                    raw.close();
                }
                return false;
        }
    }

    /**
     * Unwraps what {@link #netIn} holds and answers the handshake, until the engine needs more bytes, the plaintext
     * buffer is full or the output buffer is.
     */
    private void advance() throws SSLException {
        while (true) {
            HandshakeStatus status = engine.getHandshakeStatus();
            if (handshakeDone && status != HandshakeStatus.NOT_HANDSHAKING && isTls12()) {
                // A second handshake on a TLS 1.2 connection is a renegotiation, which this server does not do.
                throw new SSLException("renegotiation refused");
            }
            if (status == HandshakeStatus.NEED_TASK) {
                runDelegatedTasks();
                continue;
            }
            if (status == HandshakeStatus.NEED_WRAP) {
                if (outputClosed && engine.isOutboundDone()) {
                    return;
                }
                if (!wrapHandshake()) {
                    return;
                }
                continue;
            }
            if ((netIn == null || !netIn.hasRemaining()) && status != HandshakeStatus.NEED_UNWRAP_AGAIN) {
                return;
            }
            if (engine.isInboundDone()) {
                return;
            }
            appIn = appIn == null ? buffers.packets.acquire() : appIn.compact();
            SSLEngineResult result;
            try {
                result = engine.unwrap(netIn == null ? EMPTY : netIn, appIn);
            } finally {
                appIn.flip();
            }
            if (result.getHandshakeStatus() == HandshakeStatus.FINISHED) {
                handshakeFinished();
            }
            switch (result.getStatus()) {
                case CLOSED:
                    inputEnded = true;
                    // The engine answers close_notify with its own on the next wrap (RFC 8446 §6.1).
                    if (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP && !handshakeDone) {
                        continue;
                    }
                    return;
                case BUFFER_UNDERFLOW:
                case BUFFER_OVERFLOW:
                    return;
                default:
                    if (result.bytesConsumed() == 0 && result.bytesProduced() == 0
                            && result.getHandshakeStatus() != HandshakeStatus.NEED_TASK
                            && result.getHandshakeStatus() != HandshakeStatus.NEED_WRAP) {
                        return;
                    }
                    break;
            }
        }
    }

    private boolean isTls12() {
        return info != null && "TLSv1.2".equals(info.protocol());
    }

    /** Signatures and key agreement, inline: the loop is the only thread, and each task is short and bounded. */
    private void runDelegatedTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    /** @return false when the output buffer has no room for another record, or nothing was produced */
    private boolean wrapHandshake() throws SSLException {
        ByteBuffer out = netOut == null ? buffers.output.acquire() : netOut.compact();
        netOut = out;
        if (out.remaining() < buffers.packetSize) {
            out.flip();
            return false;
        }
        SSLEngineResult result;
        try {
            result = engine.wrap(NOTHING, out);
        } finally {
            out.flip();
        }
        if (result.getHandshakeStatus() == HandshakeStatus.FINISHED) {
            handshakeFinished();
        }
        return result.getStatus() == SSLEngineResult.Status.OK && result.bytesProduced() > 0;
    }

    private void handshakeFinished() {
        if (handshakeDone) {
            return;
        }
        handshakeDone = true;
        timer.cancel();
        timer = null;
        info = SessionInfo.of(engine.getSession(), serverName, endpoint.credentials(serverName));
        LOG.debug("{}: {} {} for '{}'", raw, info.protocol(), info.cipher(), serverName);
        http = endpoint.plain().open(this);
    }

    private void failed(SSLException e) {
        LOG.debug("{}: TLS failed: {}", raw, e.getMessage());
        // The engine has an alert ready (protocol_version, handshake_failure...): send it with the close.
        if (engine != null && raw.isOpen()) {
            try {
                engine.closeOutbound();
                outputClosed = true;
                while (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP && wrapHandshake()) {
                    // each pass queues one alert record
                }
                if (netOut != null && netOut.hasRemaining()) {
                    single[0] = netOut;
                    raw.write(single, 0, 1);
                }
            } catch (IOException | RuntimeException ignored) {
                // the connection ends either way
            }
        }
        raw.close();
    }

    // ---- plaintext to HTTP ----

    /** Gives HTTP what was decrypted, or the end of input, when it wants to read. */
    private void deliver() {
        if (http == null || httpClosed || !httpWantsRead || !hasInputForHttp()) {
            return;
        }
        http.onReadable();
        if (!httpClosed && httpWantsRead && hasInputForHttp() && appIn != null && appIn.hasRemaining()) {
            // HTTP's buffer filled before ours emptied: it continues after this event (no socket event will come).
            queueDelivery();
        }
    }

    /** Plaintext, a whole record to decrypt, or the end of input: what HTTP can read without a socket event. */
    private boolean hasInputForHttp() {
        return (appIn != null && appIn.hasRemaining()) || hasWholeRecord(netIn)
                || (inputEnded && !endOfInputDelivered);
    }

    /** A record is a 5-byte header with its length, then that many bytes (RFC 8446 §5.1). */
    private static boolean hasWholeRecord(ByteBuffer in) {
        if (in == null || in.remaining() < 5) {
            return false;
        }
        return in.remaining() >= 5 + (in.getShort(in.position() + 3) & 0xffff);
    }

    private void queueDelivery() {
        if (deliveryQueued) {
            return;
        }
        deliveryQueued = true;
        raw.loop().execute(() -> {
            deliveryQueued = false;
            if (raw.isOpen()) {
                deliver();
                releaseEmpty();
                updateInterest();
            }
        });
    }

    private void endOfInput() {
        inputEnded = true;
        if (engine != null && !engine.isInboundDone()) {
            try {
                engine.closeInbound();
            } catch (SSLException e) {
                // EOF without close_notify: a truncation as far as TLS knows; HTTP judges what it was reading.
                LOG.debug("{}: closed without close_notify", raw);
            }
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (!handshakeDone || httpClosed) {
            return 0;
        }
        int total = 0;
        while (dst.hasRemaining()) {
            if (appIn != null && appIn.hasRemaining()) {
                total += copy(appIn, dst);
                continue;
            }
            if (netIn == null || !netIn.hasRemaining() || engine.isInboundDone()) {
                break;
            }
            try {
                advance();
            } catch (SSLException e) {
                throw new IOException(e.getMessage(), e);
            }
            if (appIn == null || !appIn.hasRemaining()) {
                break;
            }
        }
        if (total == 0 && inputEnded && (appIn == null || !appIn.hasRemaining())) {
            endOfInputDelivered = true;
            return -1;
        }
        return total;
    }

    private static int copy(ByteBuffer from, ByteBuffer to) {
        int n = Math.min(from.remaining(), to.remaining());
        if (n == from.remaining()) {
            to.put(from);
        } else {
            int limit = from.limit();
            from.limit(from.position() + n);
            to.put(from);
            from.limit(limit);
        }
        return n;
    }

    // ---- HTTP's output ----

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        if (httpClosed || outputClosed) {
            throw new IOException("the TLS connection is closed for output");
        }
        if (netOut != null && netOut.hasRemaining()) {
            return 0; // the records of the last write are still waiting: writable events flush them first
        }
        netOut = netOut == null ? buffers.output.acquire() : netOut.clear();
        long consumed = 0;
        try {
            while (netOut.remaining() >= buffers.packetSize && remaining(srcs, offset, length) > 0) {
                SSLEngineResult result = engine.wrap(srcs, offset, length, netOut);
                consumed += result.bytesConsumed();
                if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                    // TLS 1.2 answers the client's close_notify with its own: nothing more can be sent.
                    throw new IOException("the client closed the TLS connection");
                }
                if (result.getStatus() != SSLEngineResult.Status.OK || result.bytesConsumed() == 0) {
                    break;
                }
            }
        } finally {
            netOut.flip();
        }
        flush();
        return consumed;
    }

    private static long remaining(ByteBuffer[] srcs, int offset, int length) {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            total += srcs[i].remaining();
        }
        return total;
    }

    /**
     * No {@code sendfile} through TLS: a piece of the file (four records at most) is read into the loop's one file
     * buffer, encrypted into the connection's output, and what was not encrypted is read again next time.
     */
    @Override
    public long transferFrom(FileChannel file, long position, long count) throws IOException {
        ByteBuffer chunk = buffers.fileChunk;
        chunk.clear();
        chunk.limit((int) Math.min(chunk.capacity(), count));
        int read = file.read(chunk, position);
        if (read <= 0) {
            return 0;
        }
        chunk.flip();
        single[0] = chunk;
        long written = write(single, 0, 1);
        chunk.clear();
        return written;
    }

    /** One socket write of the waiting records; when they are out, a pending half-close or close follows. */
    private void flush() {
        if (netOut == null || !netOut.hasRemaining()) {
            afterFlush();
            return;
        }
        single[0] = netOut;
        try {
            raw.write(single, 0, 1);
        } catch (IOException e) {
            LOG.debug("{}: write failed: {}", raw, e.toString());
            raw.close();
            return;
        }
        if (!netOut.hasRemaining()) {
            netOut = release(buffers.output, netOut);
            afterFlush();
        }
    }

    private void afterFlush() {
        if (httpClosed) {
            raw.close();
        } else if (shutdownOutputWhenFlushed) {
            shutdownOutputWhenFlushed = false;
            raw.shutdownOutput();
        }
    }

    @Override
    public void interest(boolean read, boolean write) {
        httpWantsRead = read;
        httpWantsWrite = write;
        updateInterest();
        if (read && http != null && hasInputForHttp()) {
            queueDelivery();
        }
    }

    private void updateInterest() {
        if (!raw.isOpen()) {
            return;
        }
        boolean pending = netOut != null && netOut.hasRemaining();
        boolean room = netIn == null || netIn.remaining() < netIn.capacity();
        boolean read;
        boolean write;
        if (!handshakeDone || plainHttpAnswered) {
            read = room && !inputEnded;
            write = pending;
        } else if (httpClosed) {
            read = false;
            write = pending;
        } else {
            read = room && !inputEnded && httpWantsRead && (appIn == null || !appIn.hasRemaining());
            write = pending || httpWantsWrite;
        }
        raw.interest(read, write);
    }

    // ---- closing ----

    /** HTTP is done: close_notify goes out (RFC 8446 §6.1), then the socket closes. */
    @Override
    public void close() {
        if (httpClosed) {
            return;
        }
        httpClosed = true;
        if (http != null && !httpNotified) {
            httpNotified = true;
            http.onClosed();
        }
        if (!raw.isOpen()) {
            return;
        }
        queueCloseNotify();
        if (netOut != null && netOut.hasRemaining()) {
            // Written now, as a plain close sends its FIN now: a 24-byte alert after the last response.
            flush();
            if (raw.isOpen()) {
                deadline(CLOSE_FLUSH_MILLIS);
                updateInterest();
            }
        } else {
            raw.close();
        }
    }

    /** Half-close for HTTP's lingering close: close_notify, then FIN, while reading goes on. */
    @Override
    public void shutdownOutput() {
        if (httpClosed || outputClosed || !raw.isOpen()) {
            return;
        }
        queueCloseNotify();
        shutdownOutputWhenFlushed = true;
        flush();
        updateInterest();
    }

    private void queueCloseNotify() {
        if (outputClosed || engine == null) {
            return;
        }
        outputClosed = true;
        engine.closeOutbound();
        try {
            while (!engine.isOutboundDone() && wrapHandshake()) {
                // close_notify is one record
            }
        } catch (SSLException e) {
            LOG.debug("{}: close_notify failed: {}", raw, e.getMessage());
        }
    }

    /** A plain HTTP request on a TLS port gets a readable answer rather than a handshake failure (as nginx does). */
    private void answerPlainHttp() {
        LOG.debug("{}: plain HTTP on a TLS port", raw);
        plainHttpAnswered = true;
        netIn.clear().flip();
        single[0] = ByteBuffer.wrap(PLAIN_HTTP_ANSWER);
        try {
            raw.write(single, 0, 1);
        } catch (IOException e) {
            raw.close();
            return;
        }
        raw.shutdownOutput();
        deadline(PLAIN_LINGER_MILLIS);
        raw.interest(true, false);
    }

    private static byte[] plainHttpAnswer() {
        String body = "<!DOCTYPE html>\n<html><head><title>400 Bad Request</title></head><body>\n"
                + "<h1>400 Bad Request</h1>\n<p>The plain HTTP request was sent to an HTTPS port: use https://.</p>\n"
                + "</body></html>\n";
        String head = "HTTP/1.1 400 Bad Request\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
                + body.length() + "\r\nConnection: close\r\n\r\n";
        return (head + body).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private void releaseEmpty() {
        if (netIn != null && !netIn.hasRemaining()) {
            netIn = release(buffers.packets, netIn);
        }
        if (appIn != null && !appIn.hasRemaining()) {
            appIn = release(buffers.packets, appIn);
        }
        if (netOut != null && !netOut.hasRemaining()) {
            netOut = release(buffers.output, netOut);
        }
    }

    private static ByteBuffer release(dev.solo.core.BufferPool pool, ByteBuffer buffer) {
        if (buffer != null) {
            pool.release(buffer);
        }
        return null;
    }

    // ---- the rest of Transport ----

    @Override
    public TlsInfo tls() {
        return info;
    }

    @Override
    public long id() {
        return raw.id();
    }

    @Override
    public EventLoop loop() {
        return raw.loop();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return raw.remoteAddress();
    }

    @Override
    public InetSocketAddress localAddress() {
        return raw.localAddress();
    }

    @Override
    public boolean isOpen() {
        return !httpClosed && raw.isOpen();
    }

    @Override
    public String toString() {
        return raw.toString();
    }
}
