package dev.solo.http.internal.connection;

import dev.solo.core.Transport;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Complete responses held in memory that wait for the socket, in request order, so that the answers to pipelined
 * requests leave together in one gathering write (RFC 9112 §9.3.2: responses in the order of the requests) instead
 * of one write, and one readiness event, each.
 *
 * <p>Only responses whose head and body are already buffers join the queue; the buffers are the response's own (a
 * cached file's content is shared, never copied). Bounded by {@link #MAX_RESPONSES} and {@link #MAX_BYTES}: when the
 * queue is full the connection stops parsing pipelined requests until it drains. Loop thread only.
 */
final class OutputQueue {

    /** Responses queued at once; also bounds the gathering write (two buffers per response, far below IOV_MAX). */
    static final int MAX_RESPONSES = 16;
    /** Bytes queued at once before the connection stops answering more pipelined requests. */
    static final int MAX_BYTES = 64 * 1024;

    private final ByteBuffer[] buffers = new ByteBuffer[MAX_RESPONSES * 2];
    /** Index of the first buffer with bytes left to write. */
    private int first;
    private int count;
    private int responses;
    private long queuedBytes;

    /** @return true when no response waits */
    boolean isEmpty() {
        return responses == 0;
    }

    /** @return whether another response of this size may join */
    boolean hasRoom(long bytes) {
        return responses < MAX_RESPONSES && (responses == 0 || queuedBytes + bytes <= MAX_BYTES);
    }

    /** @return whether the connection may go on answering pipelined requests into the queue */
    boolean acceptsMore() {
        return responses < MAX_RESPONSES && queuedBytes < MAX_BYTES;
    }

    /**
     * Appends one complete response.
     *
     * @param head the encoded head, ready to read
     * @param body the body, ready to read, or null
     */
    void add(ByteBuffer head, ByteBuffer body) {
        buffers[count++] = head;
        queuedBytes += head.remaining();
        if (body != null && body.hasRemaining()) {
            buffers[count++] = body;
            queuedBytes += body.remaining();
        }
        responses++;
    }

    /**
     * Performs one gathering write of everything queued.
     *
     * @return true when the queue is empty afterwards
     * @throws IOException when the connection failed
     */
    boolean writeOnce(Transport transport) throws IOException {
        transport.write(buffers, first, count - first);
        while (first < count && !buffers[first].hasRemaining()) {
            buffers[first++] = null;
        }
        if (first < count) {
            return false;
        }
        clear();
        return true;
    }

    /** Drops whatever is queued (the connection closed). */
    void clear() {
        for (int i = first; i < count; i++) {
            buffers[i] = null;
        }
        first = 0;
        count = 0;
        responses = 0;
        queuedBytes = 0;
    }
}
