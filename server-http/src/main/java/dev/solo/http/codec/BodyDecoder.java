package dev.solo.http.codec;

import dev.solo.http.HttpException;
import dev.solo.http.HttpLimits;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Extracts the content of a request body from the bytes that follow the head, for
 * {@link BodyFraming#LENGTH} and {@link BodyFraming#CHUNKED}.
 *
 * <p>Content comes out as slices of the input buffer, without copying; a slice is valid until the caller next
 * changes or reuses that buffer. The connection's loop:
 *
 * <pre>{@code
 * body.start(head.framing(), head.contentLength());
 * body.setMaxBodyBytes(location.maxBodyBytes());
 * ByteBuffer slice;
 * while ((slice = body.next(in)) != null) {
 *     consumer.accept(slice);
 * }
 * if (body.isComplete()) { ... } else { ... read more, then call next again }
 * }</pre>
 *
 * <p>The decoded total is counted against the body limit ({@link #setMaxBodyBytes(long)}), and 413 is thrown as soon
 * as it would be passed, before the content that passes it is returned; for {@link BodyFraming#LENGTH} that is the
 * first call of {@link #next(ByteBuffer)}, before any content. A server that answers {@code 100 Continue} compares
 * {@link RequestHead#contentLength()} with its limit itself before it does, so it can answer 413 instead and never
 * read the body. Framing errors in a chunked body throw 400. All these exceptions close the connection: the rest of
 * the body is not read, so the stream cannot be resynchronised.
 *
 * <p>One instance per connection, reused with {@link #start(BodyFraming, long)}; not thread-safe.
 */
public final class BodyDecoder {

    private final HttpLimits limits;
    private final ChunkedParser chunked;
    private BodyFraming framing = BodyFraming.NONE;
    private long remaining;
    private long decoded;
    private long maxBodyBytes;

    /**
     * @param limits the default body limit and the chunk extension and trailer limits
     */
    public BodyDecoder(HttpLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.chunked = new ChunkedParser(limits.maxChunkExtensionBytes(), limits.maxTrailerBytes(),
                limits.maxHeaderCount());
        this.maxBodyBytes = limits.maxBodyBytes();
    }

    /** Throws 413 when a body of this length (what was returned plus what remains) exceeds the limit. */
    private static void checkDeclaredLength(long contentLength, long maxBodyBytes) {
        if (contentLength > maxBodyBytes) {
            throw HttpException.contentTooLarge("Request body too large");
        }
    }

    /**
     * Starts a new body, with the limit reset to the default of the limits given at construction.
     *
     * @param framing how the body is delimited
     * @param contentLength the length for {@link BodyFraming#LENGTH}; ignored otherwise
     */
    public void start(BodyFraming framing, long contentLength) {
        this.framing = Objects.requireNonNull(framing, "framing");
        this.remaining = framing == BodyFraming.LENGTH ? contentLength : 0;
        if (remaining < 0) {
            throw new IllegalArgumentException("negative content length");
        }
        this.decoded = 0;
        this.maxBodyBytes = limits.maxBodyBytes();
        chunked.reset();
    }

    /**
     * Starts the body of a request head.
     *
     * @param head the complete head
     * @param maxBodyBytes the body limit for this request
     */
    public void start(RequestHead head, long maxBodyBytes) {
        start(head.framing(), head.contentLength());
        setMaxBodyBytes(maxBodyBytes);
    }

    /**
     * Sets the limit on decoded body bytes for the current body (for instance the matched location's).
     *
     * @param maxBodyBytes the limit, at least 0
     */
    public void setMaxBodyBytes(long maxBodyBytes) {
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("negative body limit");
        }
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Returns the next piece of content available in the input.
     *
     * @param in bytes after the head; its position advances over the framing and the content returned
     * @return a read-only-by-convention slice of {@code in} with the next content bytes, or null when no content is
     *     available now: either the input is exhausted ({@link #isComplete()} false) or the body ended
     * @throws HttpException 400 for malformed chunked framing, 413 when the body passes the limit, 431 for an
     *     oversized trailer section
     */
    public ByteBuffer next(ByteBuffer in) {
        long available;
        switch (framing) {
            case LENGTH:
                checkDeclaredLength(decoded + remaining, maxBodyBytes);
                available = remaining;
                break;
            case CHUNKED:
                available = chunked.advance(in, decoded, maxBodyBytes);
                break;
            default:
                return null;
        }
        int count = (int) Math.min(available, in.remaining());
        if (count == 0) {
            return null;
        }
        int position = in.position();
        ByteBuffer slice = in.slice(position, count);
        in.position(position + count);
        decoded += count;
        if (framing == BodyFraming.LENGTH) {
            remaining -= count;
        } else {
            chunked.consumed(count);
        }
        return slice;
    }

    /** @return true when the whole body has been decoded (immediately for {@link BodyFraming#NONE}) */
    public boolean isComplete() {
        switch (framing) {
            case LENGTH:
                return remaining == 0;
            case CHUNKED:
                return chunked.isDone();
            default:
                return true;
        }
    }
}
