package dev.solo.examples.codec;

import dev.solo.http.HttpException;
import dev.solo.http.HttpLimits;
import dev.solo.http.codec.RequestDecoder;
import dev.solo.http.codec.RequestHead;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One line about a request head, decoded by Solo's codec: {@code GET /a?b host=example.com headers=2}, or the status
 * the server would answer ({@code 431 ...}) when the head breaks the rules or the limits.
 */
public final class RequestSummary {

    private RequestSummary() {
    }

    /**
     * @param raw the bytes of a request head (and possibly more)
     * @param limits the codec's limits
     * @return the summary, {@code incomplete} when the head does not end in {@code raw}
     */
    public static String of(String raw, HttpLimits limits) {
        RequestDecoder decoder = new RequestDecoder(limits);
        try {
            if (decoder.decode(ByteBuffer.wrap(raw.getBytes(StandardCharsets.ISO_8859_1)))
                    != RequestDecoder.Result.HEAD_COMPLETE) {
                return "incomplete";
            }
        } catch (HttpException e) {
            return e.status().code() + " " + e.getMessage();
        }
        RequestHead head = decoder.head();
        return head.methodToken() + " " + head.rawTarget() + " host=" + head.host() + " headers="
                + head.headers().size();
    }
}
