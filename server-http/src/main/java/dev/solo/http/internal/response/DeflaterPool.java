package dev.solo.http.internal.response;

import java.util.ArrayDeque;

/**
 * The loop's {@link GzipStream}s. A deflater's native memory (about 256 KiB) is reused across responses instead of
 * made and freed per response, and bounded: at most {@link #MAX_ACTIVE} compress at once (beyond that a response
 * goes out uncompressed, which is always correct), at most {@link #MAX_IDLE} wait here, and any other is
 * {@linkplain GzipStream#end() ended} at once rather than left to the garbage collector's cleaner.
 * Loop thread only.
 */
final class DeflaterPool {

    /** 64 MiB of deflate state at most, whatever the number of clients. */
    static final int MAX_ACTIVE = 256;
    static final int MAX_IDLE = 16;

    private final ArrayDeque<GzipStream> idle = new ArrayDeque<>();
    private int active;

    /**
     * @param level the compression level
     * @return a stream ready for a new member, or null when {@link #MAX_ACTIVE} are in use
     */
    GzipStream acquire(int level) {
        if (active >= MAX_ACTIVE) {
            return null;
        }
        GzipStream stream = idle.pollFirst();
        if (stream == null) {
            stream = new GzipStream();
        }
        stream.reset(level);
        active++;
        return stream;
    }

    /** @param stream a stream from {@link #acquire}, given back once */
    void release(GzipStream stream) {
        active--;
        if (idle.size() < MAX_IDLE) {
            idle.addFirst(stream);
        } else {
            stream.end();
        }
    }

    /** @return streams in use now */
    int active() {
        return active;
    }

    /** @return streams waiting in the pool */
    int idle() {
        return idle.size();
    }
}
