package dev.solo.http.codec;

import dev.solo.http.HttpException;
import java.nio.ByteBuffer;

/**
 * The chunked transfer coding (RFC 9112 §7.1), decoded byte by byte on the framing and slice by slice on the data.
 *
 * <p>Strict on every point where lenient parsers have let requests be smuggled past a front-end:
 * <ul>
 *   <li>Every line in the chunked body ends in CRLF. The bare-LF tolerance of RFC 9112 §2.2 covers the start-line
 *       and fields only; in the chunked framing a lone LF or CR is 400, as is anything but CRLF after chunk data.
 *       This applies to the trailer section too, so the whole body is framed one way.</li>
 *   <li>{@code chunk-size = 1*HEXDIG}, upper or lower case, at most {@value #MAX_SIZE_DIGITS} digits; a size that
 *       would overflow a long is 400.</li>
 *   <li>Chunk extensions ({@code ;name=value}, RFC 9112 §7.1.1) are skipped, not interpreted. They may be preceded
 *       by whitespace (BWS), may hold only visible characters, SP, HTAB and obs-text (a quoted-string cannot hold a
 *       CR or LF either), and are bounded in total per body by {@code maxExtensionBytes} (all bytes between a
 *       chunk size and its CRLF count, whitespace and {@code ;} included); beyond it 400.</li>
 *   <li>Trailer fields are checked like header fields, bounded by {@code maxTrailerBytes} (431), and dropped
 *       (RFC 9112 §7.1.2: a recipient may discard them).</li>
 *   <li>The body limit is checked when each chunk size is read, before its data: 413 as soon as the declared total
 *       would pass it.</li>
 * </ul>
 */
final class ChunkedParser {

    static final int MAX_SIZE_DIGITS = 16;

    private enum State { SIZE_START, SIZE, SIZE_WS, EXTENSION, SIZE_LF, DATA, DATA_CR, DATA_LF, TRAILERS, DONE }

    private final int maxExtensionBytes;
    private final HeaderLineParser trailers;
    private State state = State.SIZE_START;
    private long chunkRemaining;
    private int sizeDigits;
    private int extensionBytes;

    ChunkedParser(int maxExtensionBytes, int maxTrailerBytes, int maxTrailerCount) {
        this.maxExtensionBytes = maxExtensionBytes;
        this.trailers = new HeaderLineParser(maxTrailerBytes, maxTrailerCount, false);
    }

    void reset() {
        state = State.SIZE_START;
        chunkRemaining = 0;
        sizeDigits = 0;
        extensionBytes = 0;
        trailers.reset();
    }

    boolean isDone() {
        return state == State.DONE;
    }

    /**
     * Consumes framing bytes until chunk data is available, the input is exhausted or the body ends.
     *
     * @param in input
     * @param decoded content bytes returned so far
     * @param maxBody the body limit
     * @return how many data bytes may be taken from {@code in} now (at least 1), or 0 when none
     */
    long advance(ByteBuffer in, long decoded, long maxBody) {
        while (in.hasRemaining()) {
            switch (state) {
                case DATA:
                    return chunkRemaining;
                case TRAILERS:
                    if (trailers.parse(in, null)) {
                        state = State.DONE;
                    }
                    break;
                case DONE:
                    return 0;
                default:
                    framingByte(in.get(), decoded, maxBody);
                    break;
            }
        }
        return 0;
    }

    /** Records that {@code count} data bytes of the current chunk were taken. */
    void consumed(long count) {
        chunkRemaining -= count;
        if (chunkRemaining == 0) {
            state = State.DATA_CR;
        }
    }

    private void framingByte(byte b, long decoded, long maxBody) {
        switch (state) {
            case SIZE_START:
            case SIZE:
                sizeDigit(b);
                break;
            case SIZE_WS:
                if (b == ';') {
                    state = State.EXTENSION;
                } else if (!HttpChars.isOws(b)) {
                    throw malformed();
                }
                countExtensionByte();
                break;
            case EXTENSION:
                extensionByte(b);
                break;
            case SIZE_LF:
                if (b != '\n') {
                    throw malformed();
                }
                endOfSizeLine(decoded, maxBody);
                break;
            case DATA_CR:
                if (b != '\r') {
                    throw malformed();
                }
                state = State.DATA_LF;
                break;
            case DATA_LF:
                if (b != '\n') {
                    throw malformed();
                }
                state = State.SIZE_START;
                break;
            default:
                throw new IllegalStateException(state.name());
        }
    }

    private void sizeDigit(byte b) {
        int digit = HttpChars.hexValue(b);
        if (digit >= 0) {
            if (++sizeDigits > MAX_SIZE_DIGITS || chunkRemaining > (Long.MAX_VALUE >>> 4)) {
                throw HttpException.badRequest("Chunk size too large");
            }
            chunkRemaining = (chunkRemaining << 4) | digit;
            state = State.SIZE;
            return;
        }
        if (state == State.SIZE_START) {
            throw malformed();
        }
        if (b == '\r') {
            state = State.SIZE_LF;
            return;
        }
        if (b == ';') {
            state = State.EXTENSION;
        } else if (HttpChars.isOws(b)) {
            state = State.SIZE_WS;
        } else {
            throw malformed();
        }
        countExtensionByte();
    }

    private void extensionByte(byte b) {
        if (b == '\r') {
            state = State.SIZE_LF;
            return;
        }
        if (!HttpChars.isFieldValueChar(b)) {
            throw malformed();
        }
        countExtensionByte();
    }

    /** Counts a byte between chunk size and CRLF (whitespace, ';' and extension). */
    private void countExtensionByte() {
        if (++extensionBytes > maxExtensionBytes) {
            throw HttpException.badRequest("Chunk extensions too large");
        }
    }

    private void endOfSizeLine(long decoded, long maxBody) {
        sizeDigits = 0;
        if (chunkRemaining == 0) {
            state = State.TRAILERS;
        } else if (chunkRemaining > maxBody - decoded) {
            throw HttpException.contentTooLarge("Request body too large");
        } else {
            state = State.DATA;
        }
    }

    private static HttpException malformed() {
        return HttpException.badRequest("Malformed chunked encoding");
    }
}
