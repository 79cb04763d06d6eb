package dev.solo.http;

import java.util.Objects;

/**
 * A request the server answers with an error status: thrown by the codec on malformed or over-limit input and by
 * handlers, caught by the connection, and rendered as an error page.
 *
 * <p>It carries what the renderer needs and nothing a client could inject: the {@link #status()}, a
 * {@link #safeMessage()} that is fixed text written by the server (never bytes from the request, so it may be shown
 * to the client), whether the connection must close afterwards, and optional extra response headers (for instance
 * {@code Allow} for 405). Codec errors always close: after a framing error the server cannot tell where the next
 * request starts (RFC 9112 §6.3, §9.6).
 *
 * <p>Hostile input throws these at will, so the exception is stackless: building stack traces would let a client
 * spend the server's CPU cheaply, and the trace of a control-flow signal says nothing anyway.
 */
public final class HttpException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Status status;
    /** Text safe to show the client. */
    private final String safeMessage;
    /** Whether the connection closes after the error response. */
    private final boolean closeConnection;
    private transient Headers headers;

    /**
     * @param status the response status
     * @param safeMessage fixed text that is safe to show to the client; null for the reason phrase
     * @param closeConnection true when the connection must close after the response
     */
    public HttpException(Status status, String safeMessage, boolean closeConnection) {
        this(status, safeMessage, closeConnection, null);
    }

    /**
     * @param status the response status
     * @param safeMessage fixed text that is safe to show to the client; null for the reason phrase
     * @param closeConnection true when the connection must close after the response
     * @param cause the underlying failure, kept for logs; never shown to the client
     */
    public HttpException(Status status, String safeMessage, boolean closeConnection, Throwable cause) {
        super(Objects.requireNonNull(status, "status") + ": "
                + (safeMessage != null ? safeMessage : status.reasonPhrase()), cause, false, false);
        this.status = status;
        this.safeMessage = safeMessage != null ? safeMessage : status.reasonPhrase();
        this.closeConnection = closeConnection;
    }

    /**
     * 400 Bad Request and close: the request is malformed (RFC 9110 §15.5.1).
     *
     * @param safeMessage fixed text that is safe to show to the client
     * @return the exception
     */
    public static HttpException badRequest(String safeMessage) {
        return new HttpException(Status.BAD_REQUEST, safeMessage, true);
    }

    /**
     * 413 Content Too Large and close: the body exceeds the limit; the rest of it is not read (RFC 9110 §15.5.14).
     *
     * @param safeMessage fixed text that is safe to show to the client
     * @return the exception
     */
    public static HttpException contentTooLarge(String safeMessage) {
        return new HttpException(Status.CONTENT_TOO_LARGE, safeMessage, true);
    }

    /**
     * 414 URI Too Long and close: the request line exceeds the limit (RFC 9110 §15.5.15).
     *
     * @param safeMessage fixed text that is safe to show to the client
     * @return the exception
     */
    public static HttpException uriTooLong(String safeMessage) {
        return new HttpException(Status.URI_TOO_LONG, safeMessage, true);
    }

    /**
     * 431 Request Header Fields Too Large and close (RFC 6585 §5).
     *
     * @param safeMessage fixed text that is safe to show to the client
     * @return the exception
     */
    public static HttpException headerFieldsTooLarge(String safeMessage) {
        return new HttpException(Status.REQUEST_HEADER_FIELDS_TOO_LARGE, safeMessage, true);
    }

    /**
     * 501 Not Implemented and close: used by the codec for a transfer coding it cannot decode, so the body cannot be
     * skipped (RFC 9112 §6.1).
     *
     * @param safeMessage fixed text that is safe to show to the client
     * @return the exception
     */
    public static HttpException notImplemented(String safeMessage) {
        return new HttpException(Status.NOT_IMPLEMENTED, safeMessage, true);
    }

    /**
     * 505 HTTP Version Not Supported and close (RFC 9110 §15.6.6).
     *
     * @param safeMessage fixed text that is safe to show to the client
     * @return the exception
     */
    public static HttpException versionNotSupported(String safeMessage) {
        return new HttpException(Status.HTTP_VERSION_NOT_SUPPORTED, safeMessage, true);
    }

    /**
     * 405 Method Not Allowed with the {@code Allow} header the status requires (RFC 9110 §15.5.6); the connection
     * stays open.
     *
     * @param allow the methods the resource supports, e.g. {@code "GET, HEAD"}
     * @return the exception
     */
    public static HttpException methodNotAllowed(String allow) {
        return new HttpException(Status.METHOD_NOT_ALLOWED, null, false).header(HeaderName.ALLOW.canonical(), allow);
    }

    /**
     * Adds a header to the error response.
     *
     * @param name field name
     * @param value field value
     * @return this
     */
    public HttpException header(String name, String value) {
        if (headers == null) {
            headers = new Headers();
        }
        headers.add(name, value);
        return this;
    }

    /** @return the response status */
    public Status status() {
        return status;
    }

    /** @return fixed text that is safe to show to the client; the reason phrase when none was given */
    public String safeMessage() {
        return safeMessage;
    }

    /** @return true when the connection must close after the error response */
    public boolean closeConnection() {
        return closeConnection;
    }

    /** @return extra headers for the error response; empty when there are none */
    public Headers headers() {
        if (headers == null) {
            headers = new Headers();
        }
        return headers;
    }
}
