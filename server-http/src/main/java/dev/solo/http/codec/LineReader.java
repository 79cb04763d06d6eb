package dev.solo.http.codec;

import dev.solo.http.HttpException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Collects one line from a sequence of buffers: the bytes up to a LF, however the line is split across reads.
 *
 * <p>Lines are copied into an internal array that grows up to the caller's limit, so the connection may hand over
 * buffers of any size and reuse them at once. The copy is a bulk copy after a scan for LF; parsing then works on a
 * plain {@code byte[]}, whichever kind of buffer the bytes came in.
 */
final class LineReader {

    /** A whole line is available through {@link #bytes()} and {@link #length()}. */
    static final int LINE = 1;
    /** The input ended before the LF; call again with more. */
    static final int MORE = 0;
    /** The line is longer than the limit allows. */
    static final int TOO_LONG = -1;

    /** Arrays beyond this size are dropped on {@link #reset()} so idle connections do not hold large buffers. */
    private static final int KEEP_CAPACITY = 1024;

    private byte[] line = new byte[256];
    private int length;
    private boolean complete;

    /**
     * Reads bytes into the current line until a LF.
     *
     * @param in the input; its position advances past the bytes taken, LF included
     * @param maxBytes the most bytes the line may have, LF included
     * @return {@link #LINE}, {@link #MORE} or {@link #TOO_LONG}
     */
    int read(ByteBuffer in, int maxBytes) {
        if (complete) {
            length = 0;
            complete = false;
        }
        int start = in.position();
        int room = maxBytes - length;
        int end = Math.min(in.limit(), start + Math.max(room, 0));
        for (int i = start; i < end; i++) {
            if (in.get(i) == '\n') {
                append(in, start, i - start);
                in.position(i + 1);
                complete = true;
                return LINE;
            }
        }
        append(in, start, end - start);
        in.position(end);
        return end - start >= room ? TOO_LONG : MORE;
    }

    private void append(ByteBuffer in, int start, int count) {
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
        }
        in.get(start, line, length, count);
        length += count;
    }

    /** @return the array holding the line from index 0; valid until the next read */
    byte[] bytes() {
        return line;
    }

    /** @return the number of bytes in the line, LF excluded (a preceding CR is still there) */
    int length() {
        return length;
    }

    /**
     * The length of the line without its terminator, checking the terminator. A CR before the LF is dropped; a bare
     * LF is accepted only when {@code allowBareLf} (RFC 9112 §2.2: a recipient MAY recognize a single LF as a line
     * terminator and ignore any preceding CR). A CR anywhere else stays in the line, where the caller's character
     * checks reject it as a control character (RFC 9112 §2.2: a bare CR MUST be treated as invalid or replaced).
     *
     * @param allowBareLf whether a line may end in LF alone
     * @return the content length
     */
    int contentLength(boolean allowBareLf) {
        if (length > 0 && line[length - 1] == '\r') {
            return length - 1;
        }
        if (!allowBareLf) {
            throw HttpException.badRequest("Line not terminated by CRLF");
        }
        return length;
    }

    /** Forgets any partial line and releases a large array. */
    void reset() {
        length = 0;
        complete = false;
        if (line.length > KEEP_CAPACITY) {
            line = new byte[256];
        }
    }
}
