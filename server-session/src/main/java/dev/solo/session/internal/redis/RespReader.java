package dev.solo.session.internal.redis;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RESP2 replies (the Redis serialization protocol) from a buffer, one complete reply at a time: simple strings
 * ({@code +OK}), errors ({@code -ERR ...}), integers ({@code :1}), bulk strings ({@code $3\r\nfoo}, {@code $-1} for
 * nil) and arrays ({@code *2 ...}, {@code *-1} for nil). Only what a session store needs; RESP3 types are refused.
 *
 * <p>Resumable without state of its own: {@link #read} either consumes one whole reply and advances the buffer's
 * position past it, or leaves the position where it was and returns {@link #INCOMPLETE}, so the caller reads more
 * bytes and tries again. Lengths are checked against a cap before anything is allocated: a reply can never make the
 * client allocate more than the cap.
 */
final class RespReader {

    /** Returned when the buffer does not hold a whole reply yet. */
    static final Object INCOMPLETE = new Object();
    /** The deepest array nesting accepted (a session store uses flat replies). */
    private static final int MAX_DEPTH = 4;

    private final int maxBulkBytes;

    /** @param maxBulkBytes the longest bulk string accepted */
    RespReader(int maxBulkBytes) {
        this.maxBulkBytes = maxBulkBytes;
    }

    /**
     * @param in the received bytes, from position to limit
     * @return the reply: {@code String} (simple string), {@link RedisException} (error reply), {@code Long}, {@code
     *         byte[]} (bulk string), {@code List<Object>} (array), {@code null} (nil); or {@link #INCOMPLETE}
     * @throws RedisProtocolException when the bytes are not RESP2, or exceed the cap
     */
    Object read(ByteBuffer in) throws RedisProtocolException {
        int start = in.position();
        Object reply = value(in, 0);
        if (reply == INCOMPLETE) {
            in.position(start);
        }
        return reply;
    }

    private Object value(ByteBuffer in, int depth) throws RedisProtocolException {
        if (!in.hasRemaining()) {
            return INCOMPLETE;
        }
        byte type = in.get();
        String line = line(in);
        if (line == null) {
            return INCOMPLETE;
        }
        switch (type) {
            case '+':
                return line;
            case '-':
                return new RedisException(line);
            case ':':
                return number(line);
            case '$':
                return bulk(in, number(line));
            case '*':
                return array(in, number(line), depth);
            default:
                throw new RedisProtocolException("unexpected reply type " + (type & 0xff));
        }
    }

    private Object bulk(ByteBuffer in, long length) throws RedisProtocolException {
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > maxBulkBytes) {
            throw new RedisProtocolException("bulk string of " + length + " bytes");
        }
        if (in.remaining() < length + 2) {
            return INCOMPLETE;
        }
        byte[] bytes = new byte[(int) length];
        in.get(bytes);
        if (in.get() != '\r' || in.get() != '\n') {
            throw new RedisProtocolException("bulk string not followed by CRLF");
        }
        return bytes;
    }

    private Object array(ByteBuffer in, long count, int depth) throws RedisProtocolException {
        if (count == -1) {
            return null;
        }
        // Each element takes at least 3 bytes, so a count beyond what the cap could hold is refused up front.
        if (count < 0 || count > maxBulkBytes / 3 || depth >= MAX_DEPTH) {
            throw new RedisProtocolException("array of " + count + " elements at depth " + depth);
        }
        List<Object> elements = new ArrayList<>((int) Math.min(count, 16));
        for (long i = 0; i < count; i++) {
            Object element = value(in, depth + 1);
            if (element == INCOMPLETE) {
                return INCOMPLETE;
            }
            elements.add(element);
        }
        return elements;
    }

    /** @return the text up to the next CRLF, consumed with it; null when no CRLF has arrived yet */
    private String line(ByteBuffer in) throws RedisProtocolException {
        int from = in.position();
        for (int i = from; i < in.limit() - 1; i++) {
            if (in.get(i) == '\r' && in.get(i + 1) == '\n') {
                byte[] text = new byte[i - from];
                in.get(text);
                in.position(i + 2);
                return new String(text, StandardCharsets.UTF_8);
            }
            if (i - from > maxBulkBytes) {
                break;
            }
        }
        if (in.limit() - from > maxBulkBytes) {
            throw new RedisProtocolException("line longer than " + maxBulkBytes + " bytes");
        }
        return null;
    }

    private static long number(String text) throws RedisProtocolException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new RedisProtocolException("not a number: " + text.substring(0, Math.min(20, text.length())));
        }
    }
}
