package dev.solo.http;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A response to send: status, header fields and one kind of body. The server adds {@code Date}, {@code Server},
 * framing ({@code Content-Length} or chunked) and {@code Connection}; it drops the body for HEAD, 1xx, 204 and 304.
 */
public final class Response {

    /** The kinds of body a response can carry. */
    public enum BodyKind {
        /** No body. */
        NONE,
        /** Bytes in memory. */
        BYTES,
        /** A region of an open file, sent without copying. */
        FILE,
        /** Bytes produced over time by a {@link BodySource}. */
        STREAM
    }

    private final Status status;
    private final Headers headers = new Headers();
    private BodyKind bodyKind = BodyKind.NONE;
    private ByteBuffer bytes;
    private FileChannel file;
    private long filePosition;
    private long length;
    private BodySource source;

    private Response(Status status) {
        this.status = Objects.requireNonNull(status);
    }

    /**
     * @param status the status
     * @return a response without body
     */
    public static Response of(Status status) {
        return new Response(status);
    }

    /**
     * Adds a header field.
     *
     * @param name field name
     * @param value field value; must not hold CR or LF
     * @return this response
     */
    public Response header(String name, String value) {
        headers.add(name, value);
        return this;
    }

    /**
     * @param contentType the media type
     * @param text the body, sent as UTF-8
     * @return this response
     */
    public Response body(String contentType, String text) {
        return body(contentType, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * @param contentType the media type
     * @param content the body; its remaining bytes are sent and it must not change afterwards
     * @return this response
     */
    public Response body(String contentType, ByteBuffer content) {
        headers.set("Content-Type", contentType);
        bodyKind = BodyKind.BYTES;
        bytes = content;
        length = content.remaining();
        return this;
    }

    /**
     * @param channel an open file; the server closes it when the response ends
     * @param position first byte to send
     * @param count bytes to send
     * @return this response
     */
    public Response file(FileChannel channel, long position, long count) {
        bodyKind = BodyKind.FILE;
        file = channel;
        filePosition = position;
        length = count;
        return this;
    }

    /**
     * @param body produces the body; framed with {@code Content-Length} when {@code knownLength >= 0}, else chunked
     * @param knownLength the body length if known, else -1
     * @return this response
     */
    public Response stream(BodySource body, long knownLength) {
        bodyKind = BodyKind.STREAM;
        source = body;
        length = knownLength;
        return this;
    }

    /** @return the status */
    public Status status() {
        return status;
    }

    /** @return the header fields set so far (mutable) */
    public Headers headers() {
        return headers;
    }

    /** @return what kind of body this response has */
    public BodyKind bodyKind() {
        return bodyKind;
    }

    /** @return the in-memory body, for {@link BodyKind#BYTES} */
    public ByteBuffer bytes() {
        return bytes;
    }

    /** @return the file, for {@link BodyKind#FILE} */
    public FileChannel file() {
        return file;
    }

    /** @return the first file byte to send, for {@link BodyKind#FILE} */
    public long filePosition() {
        return filePosition;
    }

    /** @return the body length, or -1 when a stream's length is unknown */
    public long length() {
        return length;
    }

    /** @return the body source, for {@link BodyKind#STREAM} */
    public BodySource source() {
        return source;
    }
}
