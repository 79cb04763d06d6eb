package dev.solo.core;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * Direct buffers of one size, reused. Connections take one while they have bytes in flight and give it back when
 * idle, so ten thousand idle keep-alive connections hold no buffers at all. Loop thread only: no locking.
 */
public final class BufferPool {

    private final int bufferSize;
    private final int maxPooled;
    private final ArrayDeque<ByteBuffer> free = new ArrayDeque<>();
    private int outstanding;

    /**
     * @param bufferSize bytes per buffer
     * @param maxPooled how many released buffers to keep for reuse; more are left to the garbage collector
     */
    public BufferPool(int bufferSize, int maxPooled) {
        if (bufferSize <= 0 || maxPooled < 0) {
            throw new IllegalArgumentException("bufferSize must be > 0 and maxPooled >= 0");
        }
        this.bufferSize = bufferSize;
        this.maxPooled = maxPooled;
    }

    /** @return a cleared buffer of {@link #bufferSize()} bytes */
    public ByteBuffer acquire() {
        ByteBuffer buffer = free.pollFirst();
        outstanding++;
        return buffer != null ? buffer.clear() : ByteBuffer.allocateDirect(bufferSize);
    }

    /** @param buffer a buffer from {@link #acquire()}; must not be used by the caller afterwards */
    public void release(ByteBuffer buffer) {
        outstanding--;
        if (free.size() < maxPooled && buffer.capacity() == bufferSize) {
            free.addFirst(buffer);
        }
    }

    /** @return bytes per buffer */
    public int bufferSize() {
        return bufferSize;
    }

    /** @return buffers acquired and not yet released (a leak shows here) */
    public int outstanding() {
        return outstanding;
    }
}
