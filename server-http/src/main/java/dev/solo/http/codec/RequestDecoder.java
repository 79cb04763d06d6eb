package dev.solo.http.codec;

import dev.solo.http.HttpException;
import dev.solo.http.HttpLimits;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Decodes request heads from a byte stream: a resumable push parser with no I/O of its own.
 *
 * <p>The connection hands it whatever bytes arrived; the decoder consumes what it can and says whether the head is
 * complete. Partial lines are copied into the decoder (bounded by the limits), so the caller may reuse or compact
 * its buffer after every call, whatever its size. The decoder stops right after the empty line that ends the head:
 * body bytes and pipelined requests stay in the buffer.
 *
 * <pre>{@code
 * if (decoder.decode(in) == Result.HEAD_COMPLETE) {
 *     RequestHead head = decoder.head();
 *     body.start(head.framing(), head.contentLength());
 *     ... respond; then decoder.reset() before the next request
 * }
 * }</pre>
 *
 * <p>Stages: {@link RequestLineParser} (request line and target), {@link HeaderLineParser} (field lines), then
 * {@link HeadSemantics} (host, framing, persistence). Every violation throws {@link HttpException} with the status to
 * answer: 414 for a long request line, 431 for too many or too large header fields, 505 for a version other than
 * HTTP/1.x, 501 for an unknown transfer coding, 400 for anything malformed. All of them close the connection, because
 * after a bad head the server cannot know where the next request starts. After a failure the decoder must be reset.
 *
 * <p>One instance per connection; not thread-safe.
 */
public final class RequestDecoder {

    /** What {@link #decode(ByteBuffer)} achieved. */
    public enum Result {
        /** All input was consumed and the head is not complete yet. */
        NEED_MORE,
        /** The head is complete; {@link #head()} returns it, the input is positioned at the first byte after it. */
        HEAD_COMPLETE
    }

    private enum State { REQUEST_LINE, HEADERS, COMPLETE, FAILED }

    private final RequestLineParser requestLine;
    private final HeaderLineParser fields;
    private final RequestHead head = new RequestHead();
    private State state = State.REQUEST_LINE;

    /**
     * @param limits the request line and header limits
     */
    public RequestDecoder(HttpLimits limits) {
        Objects.requireNonNull(limits, "limits");
        this.requestLine = new RequestLineParser(limits.maxRequestLineBytes());
        // RFC 9112 §2.2: a recipient MAY recognize a single LF as a line terminator; we do, everywhere in the head.
        this.fields = new HeaderLineParser(limits.maxHeaderBytes(), limits.maxHeaderCount(), true);
        head.clear();
    }

    /**
     * Consumes input until the head is complete or the input is exhausted.
     *
     * @param in bytes received; its position advances over what was consumed
     * @return {@link Result#HEAD_COMPLETE} when the head is complete, else {@link Result#NEED_MORE} (then all of
     *     {@code in} was consumed)
     * @throws HttpException when the head is malformed or exceeds a limit; the connection must answer and close
     * @throws IllegalStateException when called after completion or failure without {@link #reset()}
     */
    public Result decode(ByteBuffer in) {
        if (state == State.COMPLETE || state == State.FAILED) {
            throw new IllegalStateException("decoder is " + state + "; call reset()");
        }
        try {
            if (state == State.REQUEST_LINE) {
                if (!requestLine.parse(in, head)) {
                    return Result.NEED_MORE;
                }
                state = State.HEADERS;
            }
            if (!fields.parse(in, head.headers())) {
                return Result.NEED_MORE;
            }
            HeadSemantics.complete(head);
            state = State.COMPLETE;
            return Result.HEAD_COMPLETE;
        } catch (HttpException e) {
            state = State.FAILED;
            throw e;
        }
    }

    /**
     * @return the decoded head; valid until {@link #reset()}
     * @throws IllegalStateException when no head is complete
     */
    public RequestHead head() {
        if (state != State.COMPLETE) {
            throw new IllegalStateException("no complete request head");
        }
        return head;
    }

    /** Forgets the current request, its head included, to decode the next one on the same connection. */
    public void reset() {
        requestLine.reset();
        fields.reset();
        head.clear();
        state = State.REQUEST_LINE;
    }
}
