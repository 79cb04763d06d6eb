package dev.solo.tls.internal.connection;

import dev.solo.core.BufferPool;
import java.nio.ByteBuffer;

/**
 * The buffers of every TLS connection on the loop, sized by the engine: records in, plaintext out of them, records
 * waiting for the socket. A connection takes them while bytes are in flight and gives them back as soon as they are
 * empty, so an idle keep-alive connection holds none. Loop thread only.
 */
public final class TlsBuffers {

    /** Records encrypted per write: four full records (64 KiB of plaintext) per system call. */
    static final int RECORDS_PER_WRITE = 4;
    /** The largest TLS plaintext record (RFC 8446 §5.1). */
    static final int MAX_PLAINTEXT = 16 * 1024;

    final int packetSize;
    /** Records read from the socket, and the plaintext unwrapped from them. */
    final BufferPool packets;
    /** Records waiting for the socket. */
    final BufferPool output;
    /** Where a file's bytes are read before they are encrypted; used and emptied within one call. */
    final ByteBuffer fileChunk = ByteBuffer.allocateDirect(RECORDS_PER_WRITE * MAX_PLAINTEXT);
    /** Holds the one buffer of a gathering write for the duration of the call. */
    final ByteBuffer[] single = new ByteBuffer[1];

    /**
     * @param packetSize the engine's packet buffer size (a full record with its header and tag)
     * @param applicationSize the engine's application buffer size
     */
    public TlsBuffers(int packetSize, int applicationSize) {
        this.packetSize = packetSize;
        this.packets = new BufferPool(Math.max(packetSize, applicationSize), 256);
        this.output = new BufferPool(RECORDS_PER_WRITE * packetSize, 64);
    }
}
