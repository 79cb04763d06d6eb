package dev.solo.http.internal.connection;

import dev.solo.http.BodyConsumer;
import dev.solo.http.HttpException;
import dev.solo.http.Status;
import dev.solo.http.codec.BodyDecoder;
import dev.solo.http.codec.RequestHead;
import dev.solo.http.internal.connection.HttpConnection.Deadline;
import dev.solo.http.internal.routing.Timeouts;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one request's body from the connection's read buffer: decodes its framing, feeds it to the consumer of the
 * handler that claimed it or drops it, and keeps the body timers ({@code client_body_timeout} between bytes, never
 * past {@code client_body_total_timeout} for the whole body). Where the body stands is a {@link RequestBodyState};
 * every change of it goes through {@link RequestBodyState#moveTo}.
 *
 * <p>The reader decides nothing about the response: its caller, the {@link HttpExchange}, answers errors and ends
 * the connection when the body was {@link RequestBodyState#CUT_SHORT cut short}.
 */
final class RequestBodyReader {

    private static final Logger LOG = LoggerFactory.getLogger(RequestBodyReader.class);

    private final HttpConnection connection;
    /** The head whose body this is; null when there is none. */
    private final RequestHead head;
    /** Decodes the body's framing; null when there is no body. */
    private final BodyDecoder decoder;
    /** The routed server's timeouts; null when there is no body. */
    private final Timeouts timeouts;
    /** When the body must be complete ({@code client_body_total_timeout}), on the loop's clock. */
    private final long deadline;
    private RequestBodyState state;
    /** The claiming handler's consumer, while it is fed ({@link RequestBodyState#TO_HANDLER}) or just was. */
    private BodyConsumer consumer;
    /**
     * A handler claimed the body at least once, which asks a client that expects {@code 100 Continue} to send it: an
     * internal redirect may make the body {@link RequestBodyState#UNCLAIMED} again, but the client sends it all the
     * same.
     */
    private boolean claimedOnce;

    /**
     * A request without a body.
     *
     * @param connection the connection the request came on
     */
    RequestBodyReader(HttpConnection connection) {
        this.connection = connection;
        this.head = null;
        this.decoder = null;
        this.timeouts = null;
        this.deadline = 0;
        this.state = RequestBodyState.NONE;
    }

    /**
     * A request whose body follows its head; nothing is read until a handler claims it or it is discarded.
     *
     * @param connection the connection the request came on
     * @param head the request's head, which announced the body
     * @param timeouts the timeouts of the server the request was routed to
     */
    RequestBodyReader(HttpConnection connection, RequestHead head, Timeouts timeouts) {
        this.connection = connection;
        this.head = head;
        this.timeouts = timeouts;
        this.deadline = connection.transport().loop().now() + timeouts.bodyTotal();
        this.decoder = new BodyDecoder(connection.context().limits);
        decoder.start(head.framing(), head.contentLength());
        this.state = RequestBodyState.UNCLAIMED;
    }

    /** @return where the body stands */
    RequestBodyState state() {
        return state;
    }

    /**
     * Lowers or raises the limit on the body's decoded size to the matched location's.
     *
     * @param maxBodySize the location's {@code client_max_body_size}, in bytes
     */
    void limitTo(long maxBodySize) {
        if (decoder != null) {
            decoder.setMaxBodyBytes(maxBodySize);
        }
    }

    /**
     * Whether a handler may claim the body now; otherwise it was claimed already or dropped.
     *
     * @return true in {@link RequestBodyState#UNCLAIMED}, and when there is nothing to claim ({@link
     *         RequestBodyState#NONE}, {@link RequestBodyState#CUT_SHORT}), where the claim completes at once
     */
    boolean isClaimable() {
        return state == RequestBodyState.UNCLAIMED || state == RequestBodyState.NONE
                || state == RequestBodyState.CUT_SHORT;
    }

    /**
     * A handler claims the body: from now on it is read and fed to the consumer.
     *
     * @param bodyConsumer where the body goes
     * @throws IllegalStateException unless the body is {@link RequestBodyState#UNCLAIMED}
     */
    void claim(BodyConsumer bodyConsumer) {
        state = state.moveTo(RequestBodyState.TO_HANDLER);
        consumer = bodyConsumer;
        claimedOnce = true;
    }

    /**
     * Whether the client waits for {@code 100 Continue} before it sends the body (RFC 9110 §10.1.1): it asked to,
     * and no handler has claimed the body yet, so nobody told it to send. Until then it rightly sends nothing, so no
     * body timer may run: the request timeout bounds the wait for the handler instead.
     *
     * @return true while the body is {@link RequestBodyState#UNCLAIMED} and the client still waits for its cue
     */
    boolean awaitsContinue() {
        return state == RequestBodyState.UNCLAIMED && head.expectsContinue() && !claimedOnce;
    }

    /**
     * No handler wants the body: it is read and dropped so that the next request can follow. A client that waits
     * for {@code 100 Continue} before sending is not told to send: the body is given up instead, and the connection
     * must close after the response.
     *
     * @return true when the body was given up rather than dropped, so the connection must close
     * @throws IllegalStateException unless the body is {@link RequestBodyState#UNCLAIMED}
     */
    boolean discard() {
        RequestBodyState discarding = state.moveTo(RequestBodyState.DISCARDING);
        if (head.expectsContinue()) {
            // The client waits for our word before sending; it will not come, so close after the response.
            state = RequestBodyState.CUT_SHORT;
            return true;
        }
        state = discarding;
        armTimer();
        return false;
    }

    /**
     * Feeds the body bytes in the read buffer to the consumer, or drops them, and re-arms the body timer.
     *
     * @param in the connection's read buffer; its position advances over the body bytes it holds
     * @return true when the body ended in this call (the exchange may then be done)
     * @throws HttpException when the framing is malformed or the body passes the location's limit
     * @throws IOException when the consumer fails to store the body
     */
    boolean read(ByteBuffer in) throws IOException {
        ByteBuffer slice;
        while ((slice = decoder.next(in)) != null) {
            // Read per slice: the consumer may answer (and so cut the body short) while it is fed.
            if (state == RequestBodyState.TO_HANDLER) {
                consumer.onData(slice);
            }
        }
        armTimer();
        if (!decoder.isComplete()) {
            return false;
        }
        if (state == RequestBodyState.TO_HANDLER) {
            state = state.moveTo(RequestBodyState.DELIVERED);
            connection.arm(Deadline.REQUEST, timeouts.request());
            consumer.onComplete();
        } else if (state == RequestBodyState.DISCARDING) {
            state = state.moveTo(RequestBodyState.DROPPED);
        }
        return true;
    }

    /**
     * Arms the body timer: {@code client_body_timeout} from now, but never past the deadline for the whole body
     * ({@code client_body_total_timeout}), so a client that drips a byte now and then is cut off all the same.
     */
    void armTimer() {
        long left = Math.max(0, deadline - connection.transport().loop().now());
        connection.arm(Deadline.BODY, Math.min(timeouts.body(), left));
    }

    /**
     * Gives the body up; a consumer that was fed it is told with {@code onAbort}. Nothing happens when it was given
     * up already.
     *
     * @param cause why, for the consumer
     */
    void cutShort(Throwable cause) {
        if (state == RequestBodyState.CUT_SHORT) {
            return;
        }
        state = state.moveTo(RequestBodyState.CUT_SHORT);
        BodyConsumer aborted = consumer;
        consumer = null;
        if (aborted != null) {
            try {
                aborted.onAbort(cause);
            } catch (RuntimeException e) {
                LOG.warn("{}: body consumer failed to abort", connection.transport(), e);
            }
        }
    }

    /**
     * The exchange redirects internally: the handler that claimed the body lets it go, without being told. The rest
     * of a body it was fed waits for the next location's handlers; a body it took all of is none for them.
     */
    void redirected() {
        if (state == RequestBodyState.TO_HANDLER) {
            state = state.moveTo(RequestBodyState.UNCLAIMED);
        } else if (state == RequestBodyState.DELIVERED) {
            state = state.moveTo(RequestBodyState.NONE);
        }
        consumer = null;
    }

    /**
     * The error response for a consumer that could not store the body.
     *
     * @param e the consumer's failure
     * @return 507 for a full disk, 403 for a place it may not write, else 500; each closes the connection
     */
    static HttpException storageFailure(IOException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("No space left")) {
            return new HttpException(Status.INSUFFICIENT_STORAGE, "no space left", true);
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return new HttpException(Status.FORBIDDEN, "not writable", true);
        }
        return new HttpException(Status.INTERNAL_SERVER_ERROR, "storage failure", true, e);
    }
}
