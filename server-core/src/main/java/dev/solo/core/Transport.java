package dev.solo.core;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * One accepted socket as a protocol sees it: non-blocking reads and writes, readiness interest, and close.
 *
 * <p>The loop calls the connection's handler when the socket is ready; the handler then performs at most one read or
 * one write. Every method is for the loop thread only.
 */
public interface Transport {

    /** @return a number unique to this connection in this process, for logs */
    long id();

    /** @return the loop that drives this socket */
    EventLoop loop();

    /** @return the peer's address */
    InetSocketAddress remoteAddress();

    /** @return the local address the connection was accepted on */
    InetSocketAddress localAddress();

    /**
     * Reads what the socket has.
     *
     * @param dst where to put the bytes
     * @return bytes read, 0 when nothing is available, -1 at end of stream
     * @throws IOException when the connection failed (reset, for instance)
     */
    int read(ByteBuffer dst) throws IOException;

    /**
     * Writes as much of the buffers as the socket takes now, in one gathering call.
     *
     * @param srcs the buffers to write from, each from its position to its limit
     * @param offset the index in {@code srcs} of the first buffer to write
     * @param length how many buffers, from {@code offset}, to write
     * @return bytes written, possibly 0
     * @throws IOException when the connection failed
     */
    long write(ByteBuffer[] srcs, int offset, int length) throws IOException;

    /**
     * Sends file bytes without copying them through the heap ({@code sendfile} on Linux).
     *
     * @param file the open file to send from
     * @param position where in the file to start
     * @param count at most how many bytes to send
     * @return bytes sent, possibly 0
     * @throws IOException when the connection or the file failed
     */
    long transferFrom(FileChannel file, long position, long count) throws IOException;

    /**
     * Declares what readiness the handler wants to hear about next.
     *
     * @param read whether to call {@code onReadable} when bytes arrive
     * @param write whether to call {@code onWritable} when the socket can take more
     */
    void interest(boolean read, boolean write);

    /** Half-closes: sends FIN after what was written, keeps reading (used for lingering close). */
    void shutdownOutput();

    /** Closes the socket now and tells the handler through {@code onClosed}; idempotent. */
    void close();

    /** @return false once closed */
    boolean isOpen();
}
