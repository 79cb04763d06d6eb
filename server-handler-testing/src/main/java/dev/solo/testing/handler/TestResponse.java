package dev.solo.testing.handler;

import dev.solo.http.Headers;
import dev.solo.http.HttpException;
import dev.solo.http.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The response a handler gave a {@link TestExchange}, as its client would read it: the status, the handler's header
 * fields, and the body the server would send, whatever its kind (bytes, a file region, or a
 * {@link dev.solo.http.BodySource} pulled on the loop as a socket would drain it). As on the wire, there is no body
 * for HEAD, 1xx, 204 and 304.
 *
 * <p>What the server adds around a handler is not here: {@code Date}, {@code Server}, framing and {@code Connection},
 * the location's response filters ({@code add_header}, {@code gzip}, ETags) and error pages. An error response
 * ({@link dev.solo.http.Exchange#sendError}) carries its status and extra headers, an empty body, and
 * {@link #error()}.
 */
public final class TestResponse {

    /** A stream that never ends would fill the heap: a test fails at this many body bytes instead. */
    static final int MAX_BODY_BYTES = 64 * 1024 * 1024;
    private static final int PULL_BYTES = 16 * 1024;

    private final Response response;
    private final HttpException error;
    private final Runnable onCut;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private boolean complete;
    private boolean clientGone;
    private IOException failure;

    /**
     * Starts sending: the body of bytes or a file is read at once, a stream is pulled on the loop's next turns.
     *
     * @param onCut runs when a stream fails, as the server closes the connection and aborts the exchange then
     */
    TestResponse(Response response, HttpException error, boolean headRequest, TestLoop loop, Runnable onCut) {
        this.response = response;
        this.error = error;
        this.onCut = onCut;
        boolean sendBody = !headRequest && response.status().allowsBody();
        switch (response.bodyKind()) {
            case BYTES:
                if (sendBody) {
                    ByteBuffer bytes = response.bytes().duplicate();
                    append(bytes);
                }
                complete = true;
                break;
            case FILE:
                sendFile(response.file(), sendBody);
                break;
            case STREAM:
                if (sendBody) {
                    response.source().onReadable(() -> loop.execute(this::pull));
                    loop.execute(this::pull);
                } else {
                    response.source().close();
                    complete = true;
                }
                break;
            default:
                complete = true;
                break;
        }
    }

    private void sendFile(FileChannel file, boolean sendBody) {
        try (FileChannel channel = file) { // the server closes the file when the response ends
            if (sendBody) {
                ByteBuffer buffer = ByteBuffer.allocate(PULL_BYTES);
                long position = response.filePosition();
                long end = position + response.length();
                while (position < end) {
                    buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
                    int read = channel.read(buffer, position);
                    if (read < 0) {
                        throw new IOException("the file ended " + (end - position) + " bytes early");
                    }
                    position += read;
                    append(buffer.flip());
                }
            }
            complete = true;
        } catch (IOException e) {
            cut(e);
        }
    }

    /** Takes what the source has, as the server does each time the socket can take more. */
    private void pull() {
        if (complete || clientGone || failure != null) {
            return;
        }
        ByteBuffer buffer = ByteBuffer.allocate(PULL_BYTES);
        try {
            while (true) {
                buffer.clear();
                int read = response.source().read(buffer);
                if (read < 0) {
                    complete = true;
                    response.source().close();
                    return;
                }
                if (read == 0) {
                    return; // the source calls its listener when it has more
                }
                append(buffer.flip());
            }
        } catch (IOException e) {
            response.source().close();
            cut(e);
        }
    }

    /** The client went away: a stream still producing is closed and pulled no more, as when the server releases it. */
    void clientGone() {
        if (!complete && failure == null && response.bodyKind() == Response.BodyKind.STREAM) {
            clientGone = true;
            response.source().close();
        }
    }

    private void append(ByteBuffer bytes) {
        if (body.size() + bytes.remaining() > MAX_BODY_BYTES) {
            throw new AssertionError("the response body passed " + MAX_BODY_BYTES + " bytes");
        }
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        body.writeBytes(copy);
    }

    private void cut(IOException cause) {
        failure = cause;
        onCut.run();
    }

    /** @return the status code */
    public int status() {
        return response.status().code();
    }

    /**
     * @param name a header name, any case
     * @return the value of its first field, if the handler set one
     */
    public Optional<String> header(String name) {
        return Optional.ofNullable(response.headers().get(name));
    }

    /** @return a copy of the header fields the handler set */
    public Headers headers() {
        return response.headers().copy();
    }

    /**
     * The {@code Content-Length} the server would send with this response (RFC 9112 §6.3): the body's length, also
     * for HEAD, where the body itself is left out (RFC 9110 §9.3.2); 0 without body; none for a stream of unknown
     * length (sent chunked) or a status that has no content.
     *
     * @return the length the head announces, if it announces one
     */
    public OptionalLong contentLength() {
        if (response.status().allowsBody()) {
            if (response.bodyKind() == Response.BodyKind.STREAM && response.length() < 0) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(response.bodyKind() == Response.BodyKind.NONE ? 0 : response.length());
        }
        if (response.status().code() == 304 && response.length() > 0) {
            return OptionalLong.of(response.length()); // the length of what a 200 would have sent (RFC 9110 §8.6)
        }
        return OptionalLong.empty();
    }

    /**
     * The body the client has received so far: all of it once {@link #isComplete()}; for a stream that waits for
     * more, what it produced until now ({@link TestExchange#runPending()} pulls again).
     *
     * @return a copy of the body bytes
     */
    public byte[] body() {
        return body.toByteArray();
    }

    /** @return {@link #body()} as UTF-8 text */
    public String text() {
        return new String(body.toByteArray(), StandardCharsets.UTF_8);
    }

    /** @return true when the whole body was produced (at once for bytes and files; a stream reached its end) */
    public boolean isComplete() {
        return complete;
    }

    /** @return the failure that cut the body (a stream's or a file's read failed), if any: the client saw it cut */
    public Optional<IOException> failure() {
        return Optional.ofNullable(failure);
    }

    /** @return the error the handler sent with {@link dev.solo.http.Exchange#sendError}, if it did */
    public Optional<HttpException> error() {
        return Optional.ofNullable(error);
    }

    /** @return the response object the handler passed to {@link dev.solo.http.Exchange#respond(Response)} */
    public Response response() {
        return response;
    }

    @Override
    public String toString() {
        return "TestResponse[" + status() + ", " + body.size() + " body bytes" + (complete ? "" : ", incomplete") + "]";
    }
}
