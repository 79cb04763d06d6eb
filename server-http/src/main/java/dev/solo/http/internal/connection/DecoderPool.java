package dev.solo.http.internal.connection;

import dev.solo.http.HttpLimits;
import dev.solo.http.codec.RequestDecoder;
import java.util.ArrayDeque;

/**
 * Request decoders for the connections that are reading a request. A decoder with its head and header tables is
 * most of what an idle keep-alive connection would otherwise hold, so connections take one at the first byte of a
 * request and give it back when the exchange is over. Loop thread only.
 */
final class DecoderPool {

    private final HttpLimits limits;
    private final int maxPooled;
    private final ArrayDeque<RequestDecoder> free = new ArrayDeque<>();

    DecoderPool(HttpLimits limits, int maxPooled) {
        this.limits = limits;
        this.maxPooled = maxPooled;
    }

    RequestDecoder acquire() {
        RequestDecoder decoder = free.pollFirst();
        return decoder != null ? decoder : new RequestDecoder(limits);
    }

    /** @param decoder a decoder whose request is finished; it is reset here */
    void release(RequestDecoder decoder) {
        decoder.reset();
        if (free.size() < maxPooled) {
            free.addFirst(decoder);
        }
    }
}
