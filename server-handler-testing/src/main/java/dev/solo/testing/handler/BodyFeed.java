package dev.solo.testing.handler;

import dev.solo.http.BodyConsumer;
import dev.solo.http.HttpException;
import dev.solo.http.Status;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.AccessDeniedException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Delivers a {@link TestExchange}'s request body as the server delivers one off the wire: one piece per loop turn,
 * each in a buffer that is reused (wiped) after the call, then {@code onComplete}; the location's body limit ends it
 * with 413, a consumer's {@link IOException} with the status the server would answer, a response before the end with
 * {@code onAbort}.
 */
final class BodyFeed {

    private enum State { UNCLAIMED, CLAIMED, DROPPED, DONE }

    private final List<byte[]> pieces;
    private final long limit;
    private final TestLoop loop;
    private final Consumer<HttpException> answerError;
    private BodyConsumer consumer;
    private State state;
    private int next;
    private long delivered;

    /**
     * @param pieces the body as it arrives; empty for a request without body
     * @param limit the location's {@code client_max_body_size}
     * @param answerError sends an error response, when none was sent yet
     */
    BodyFeed(List<byte[]> pieces, boolean hasBody, long limit, TestLoop loop, Consumer<HttpException> answerError) {
        this.pieces = List.copyOf(pieces);
        this.limit = limit;
        this.loop = loop;
        this.answerError = answerError;
        this.state = hasBody ? State.UNCLAIMED : State.DONE;
    }

    /** As the server: a body already complete (or absent) completes at once; else the pieces follow on the loop. */
    void claim(BodyConsumer bodyConsumer) {
        if (consumer != null || state == State.DROPPED) {
            throw new IllegalStateException("the body was already claimed, dropped, or the exchange answered");
        }
        consumer = bodyConsumer;
        if (state == State.DONE) {
            try {
                bodyConsumer.onComplete();
            } catch (IOException e) {
                answerError.accept(storageFailure(e));
            }
            return;
        }
        state = State.CLAIMED;
        loop.execute(this::deliverNext);
    }

    /** The handler returned without claiming the body, or answered first: the server reads and drops it. */
    void dropIfUnclaimed() {
        if (state == State.UNCLAIMED) {
            state = State.DROPPED;
        }
    }

    /** A response went out: a body still arriving for a consumer is cut, one nobody claimed is dropped. */
    void answered() {
        if (state == State.CLAIMED) {
            abort(new IOException("answered before the body was read"));
        } else {
            dropIfUnclaimed();
        }
    }

    /** The body will not complete: the consumer hears why. */
    void abort(Throwable cause) {
        if (state != State.CLAIMED) {
            dropIfUnclaimed();
            return;
        }
        state = State.DONE;
        consumer.onAbort(cause);
    }

    /** @return true when the body was delivered, dropped or cut, or there was none */
    boolean isSettled() {
        return state == State.DONE || state == State.DROPPED;
    }

    private void deliverNext() {
        if (state != State.CLAIMED) {
            return;
        }
        try {
            if (next < pieces.size()) {
                byte[] piece = pieces.get(next++);
                if (delivered + piece.length > limit) {
                    HttpException tooLarge = HttpException.contentTooLarge("request body too large");
                    abort(tooLarge);
                    answerError.accept(tooLarge);
                    return;
                }
                delivered += piece.length;
                byte[] reused = piece.clone();
                consumer.onData(ByteBuffer.wrap(reused));
                // The server hands out a slice of its read buffer and fills it again: a consumer that kept the buffer
                // instead of copying would see other bytes, so it sees zeros here.
                Arrays.fill(reused, (byte) 0);
                loop.execute(this::deliverNext);
                return;
            }
            state = State.DONE;
            consumer.onComplete();
        } catch (IOException e) {
            // As the server: the consumer hears of its own failure too, in onData or in onComplete.
            state = State.DONE;
            consumer.onAbort(e);
            answerError.accept(storageFailure(e));
        }
    }

    /** The statuses the server answers for a consumer's failure: a full disk is 507, a denied write 403, else 500. */
    private static HttpException storageFailure(IOException e) {
        if (String.valueOf(e.getMessage()).contains("No space left")) {
            return new HttpException(Status.INSUFFICIENT_STORAGE, "no space left", true);
        }
        if (e instanceof AccessDeniedException) {
            return new HttpException(Status.FORBIDDEN, "not writable", true);
        }
        return new HttpException(Status.INTERNAL_SERVER_ERROR, "storage failure", true, e);
    }
}
