package dev.solo.http.internal.connection;

import dev.solo.core.BufferPool;
import dev.solo.http.HttpLimits;
import dev.solo.http.internal.response.ResponseFilter;

/**
 * What every HTTP connection on the loop shares: the buffer pool, the head encoder with its cached {@code Date},
 * the protocol limits, the budget for partial heads and the access log switch. One per loop, so nothing here needs locking.
 */
final class ConnectionContext {

    /**
     * Bytes read from a socket at once, and the slice of a streamed body written at once. The decoder keeps partial
     * lines itself, so a head larger than this still parses; 16 KiB keeps a busy connection's footprint small.
     */
    static final int BUFFER_SIZE = 16 * 1024;

    final BufferPool buffers = new BufferPool(BUFFER_SIZE, 256);
    final HeadEncoder heads = new HeadEncoder();
    /** add_header, expires, etag and gzip, with the loop's pool of deflaters. */
    final ResponseFilter responses = new ResponseFilter();
    final DecoderPool decoders;
    final HttpLimits limits;
    final AccessLog accessLog;
    /** The heap that heads still arriving may hold together; see {@link HeadBudget}. */
    final HeadBudget headBudget;

    ConnectionContext(HttpLimits limits, boolean accessLog) {
        this(limits, accessLog, HeadBudget.forHeap(Runtime.getRuntime().maxMemory()));
    }

    ConnectionContext(HttpLimits limits, boolean accessLog, HeadBudget headBudget) {
        this.limits = limits;
        this.decoders = new DecoderPool(limits, 256);
        this.accessLog = new AccessLog(accessLog);
        this.headBudget = headBudget;
    }
}
