package dev.solo.http.internal.connection;

import dev.solo.http.Method;
import dev.solo.http.Response;
import dev.solo.http.Version;
import dev.solo.http.internal.connection.HttpConnection.Deadline;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Sends one exchange's response: decides its framing and connection field (RFC 9112 §6.3, §9.6), encodes its head,
 * and either hands it whole to the connection's {@link OutputQueue} or drives a {@link ResponseWriter} one write per
 * writable event; once it is written, it goes to the access log. Also sends the interim {@code 100 Continue}. Where
 * the response stands is a {@link ResponseState}; every change of it goes through {@link ResponseState#moveTo}.
 *
 * <p>The sender decides nothing about the exchange: its caller, the {@link HttpExchange}, finishes the exchange when
 * {@link #send} or {@link #writeOnce} report the response {@link ResponseState#WRITTEN written}.
 */
final class ResponseSender {

    private final HttpConnection connection;
    private ResponseState state = ResponseState.PENDING;
    /** Writes a response with a file or stream body; null for an in-memory response, which goes to the queue. */
    private ResponseWriter writer;
    /** The interim {@code 100 Continue} until it is written, else null. */
    private ByteBuffer interim;
    /** A pooled buffer for a stream body, else null. */
    private ByteBuffer streamBuffer;
    private int headLength;
    /** The request, for the access log; null for a malformed one, which is not logged. */
    private RequestView request;
    /** The status the handler answered with, for the access log. */
    private int status;

    /**
     * A sender with no response yet.
     *
     * @param connection the connection the response goes out on
     */
    ResponseSender(HttpConnection connection) {
        this.connection = connection;
    }

    /** @return where the response stands */
    ResponseState state() {
        return state;
    }

    /**
     * A handler answered: the response is being prepared; from now on a failure cuts the connection instead of
     * becoming an error response.
     *
     * @throws IllegalStateException unless the response is {@link ResponseState#PENDING}
     */
    void prepare() {
        state = state.moveTo(ResponseState.PREPARING);
    }

    /**
     * Whether only closing the connection can delimit a response's body: a stream of unknown length to an HTTP/1.0
     * client, which has no chunked coding (RFC 9112 §6.3).
     *
     * @param response the response
     * @param request the request, or null for a malformed one
     * @return true when the connection must close after the response
     */
    static boolean delimitedByClose(Response response, RequestView request) {
        return http10(request) && response.status().allowsBody() && response.bodyKind() == Response.BodyKind.STREAM
                && response.length() < 0;
    }

    private static boolean http10(RequestView request) {
        return request != null && request.version() == Version.HTTP_1_0;
    }

    /**
     * Encodes the head and sends the response: a response all in memory goes to the connection's queue, where it
     * waits for the socket with the responses to earlier pipelined requests, and is then written as far as this
     * exchange is concerned. A file or stream body, or one that would overfill the queue, is written by a
     * {@link ResponseWriter} as the socket takes it, under the send timeout.
     *
     * @param response the response, with its policy applied
     * @param request the request (for HEAD the body is never sent; to HTTP/1.0 it is never chunked and keep-alive
     *                is announced); null for a malformed request
     * @param handlerStatus the status the handler answered with, for the access log
     * @param close whether the connection closes after the response, which the head then announces
     * @return true when the response is {@link ResponseState#WRITTEN} already (queued)
     * @throws IllegalStateException unless the response is {@link ResponseState#PREPARING}
     */
    boolean send(Response response, RequestView request, int handlerStatus, boolean close) {
        this.request = request;
        this.status = handlerStatus;
        boolean headRequest = request != null && request.method() == Method.HEAD;
        boolean http10 = http10(request);
        boolean sendBody = !headRequest && response.status().allowsBody();
        boolean chunked = response.status().allowsBody() && response.bodyKind() == Response.BodyKind.STREAM
                && response.length() < 0 && !http10;
        ByteBuffer head = encodeHead(response, http10, close, chunked);
        if (queue(head, response, sendBody)) {
            return true;
        }
        writer = new ResponseWriter();
        if (response.bodyKind() == Response.BodyKind.STREAM && sendBody) {
            streamBuffer = connection.context().buffers.acquire();
            response.source().onReadable(this::sourceReadable);
        }
        writer.start(head, response, sendBody, chunked && !headRequest, streamBuffer);
        state = state.moveTo(ResponseState.WRITING);
        connection.arm(Deadline.SEND, connection.sendTimeout());
        connection.updateInterest();
        return false;
    }

    /** Decides the framing and connection fields (RFC 9112 §6.3, §9.6) and encodes the head with them. */
    private ByteBuffer encodeHead(Response response, boolean http10, boolean close, boolean chunked) {
        long contentLength = -1;
        if (response.status().allowsBody()) {
            if (response.bodyKind() != Response.BodyKind.STREAM || response.length() >= 0) {
                contentLength = response.bodyKind() == Response.BodyKind.NONE ? 0 : response.length();
            }
        } else if (response.status().code() == 304 && response.length() > 0) {
            contentLength = response.length();
        }
        HeadEncoder.ConnectionField connectionField = close ? HeadEncoder.ConnectionField.CLOSE
                : http10 ? HeadEncoder.ConnectionField.KEEP_ALIVE : HeadEncoder.ConnectionField.NONE;
        ByteBuffer head = connection.context().heads.encode(response.status(), response.headers(), contentLength,
                chunked, connectionField, connection.transport().loop().wallTime());
        headLength = head.remaining();
        return head;
    }

    /** Queues an in-memory response behind the earlier ones, unless it would overfill the queue. */
    private boolean queue(ByteBuffer head, Response response, boolean sendBody) {
        Response.BodyKind kind = response.bodyKind();
        if ((kind != Response.BodyKind.BYTES && kind != Response.BodyKind.NONE) || interimPending()) {
            return false;
        }
        ByteBuffer body = sendBody && kind == Response.BodyKind.BYTES ? response.bytes().duplicate() : null;
        long length = body == null ? 0 : body.remaining();
        OutputQueue output = connection.output();
        if (!output.hasRoom(headLength + length)) {
            return false;
        }
        output.add(head, body);
        state = state.moveTo(ResponseState.WRITTEN);
        logAccess(length);
        return true;
    }

    private void logAccess(long bodyBytes) {
        if (request != null) {
            connection.context().accessLog.log(request, status, bodyBytes, connection.transport().loop().wallTime());
        }
    }

    /** Sends {@code 100 Continue} before anything else: the client waits for it before sending its body. */
    void queueInterim() {
        interim = ByteBuffer.wrap(HeadEncoder.CONTINUE);
        connection.updateInterest();
    }

    private boolean interimPending() {
        return interim != null && interim.hasRemaining();
    }

    /** @return true when there is something to write now (a stream waiting for its source has not) */
    boolean hasOutput() {
        return interimPending() || (state == ResponseState.WRITING && !writer.waitingForSource());
    }

    /**
     * One write: the rest of the interim response if any, else the response's next bytes; progress re-arms the send
     * timeout.
     *
     * @return true when this write completed the response, which is now {@link ResponseState#WRITTEN}
     * @throws IOException when the socket fails
     */
    boolean writeOnce() throws IOException {
        if (interimPending()) {
            connection.transport().write(new ByteBuffer[] {interim}, 0, 1);
            if (!interim.hasRemaining()) {
                interim = null;
            }
            return false;
        }
        if (state != ResponseState.WRITING) {
            return false;
        }
        long before = writer.bytesSent();
        boolean done = writer.writeOnce(connection.transport());
        if (writer.bytesSent() > before) {
            connection.arm(Deadline.SEND, connection.sendTimeout());
        }
        if (!done) {
            return false;
        }
        state = state.moveTo(ResponseState.WRITTEN);
        logAccess(writer.bytesSent() - headLength);
        return true;
    }

    private void sourceReadable() {
        writer.sourceReady();
        connection.updateInterest();
    }

    /** Gives back the writer's file or source and the stream buffer; safe to call more than once. */
    void release() {
        if (writer != null) {
            writer.release();
        }
        if (streamBuffer != null) {
            connection.context().buffers.release(streamBuffer);
            streamBuffer = null;
        }
    }
}
