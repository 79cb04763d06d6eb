package dev.solo.http.codec;

import dev.solo.http.Headers;
import dev.solo.http.Method;
import dev.solo.http.Version;

/**
 * A decoded and checked request head: request line, header fields and what they imply for framing and the
 * connection.
 *
 * <p>Lifetime: the {@link RequestDecoder} owns one instance and fills it again for each request, so a head (and its
 * {@link #headers()}) is valid until the decoder's next {@link RequestDecoder#reset()}. Copy what must outlive the
 * request ({@link Headers#copy()}).
 *
 * <p>Strings are made lazily where cheap: {@link #path()} and {@link #query()} are cut from {@link #rawTarget()} on
 * first use, and for an origin-form target without query the path is the raw target itself.
 */
public final class RequestHead {

    /** The four forms of request-target (RFC 9112 §3.2). */
    public enum TargetForm {
        /** {@code /path?query}, the usual form (RFC 9112 §3.2.1). */
        ORIGIN,
        /** {@code http://host:port/path?query}, as sent to proxies (RFC 9112 §3.2.2). */
        ABSOLUTE,
        /** {@code host:port}, only with CONNECT (RFC 9112 §3.2.3). */
        AUTHORITY,
        /** {@code *}, only with OPTIONS (RFC 9112 §3.2.4). */
        ASTERISK
    }

    private final Headers headers = new Headers();
    private Method method;
    private String methodToken;
    private String rawTarget;
    private TargetForm targetForm;
    private int pathStart;
    private int pathEnd;
    private String path;
    private String query;
    private boolean queryCut;
    private Version version;
    private String host;
    private int port;
    private BodyFraming framing;
    private long contentLength;
    private boolean keepAlive;
    private boolean expectsContinue;
    private boolean unsupportedExpectation;

    RequestHead() {
    }

    void clear() {
        headers.clear();
        method = null;
        methodToken = null;
        rawTarget = null;
        targetForm = null;
        pathStart = 0;
        pathEnd = 0;
        path = null;
        query = null;
        queryCut = false;
        version = null;
        host = null;
        port = -1;
        framing = BodyFraming.NONE;
        contentLength = 0;
        keepAlive = false;
        expectsContinue = false;
        unsupportedExpectation = false;
    }

    void setRequestLine(Method method, String methodToken, Version version) {
        this.method = method;
        this.methodToken = methodToken;
        this.version = version;
    }

    /** Sets the target; the path is {@code rawTarget[pathStart, pathEnd)}, a query follows a '?' at pathEnd. */
    void setTarget(String rawTarget, TargetForm form, int pathStart, int pathEnd) {
        this.rawTarget = rawTarget;
        this.targetForm = form;
        this.pathStart = pathStart;
        this.pathEnd = pathEnd;
    }

    void setAuthority(String host, int port) {
        this.host = host;
        this.port = port;
    }

    void setFraming(BodyFraming framing, long contentLength) {
        this.framing = framing;
        this.contentLength = contentLength;
    }

    void setConnection(boolean keepAlive, boolean expectsContinue, boolean unsupportedExpectation) {
        this.keepAlive = keepAlive;
        this.expectsContinue = expectsContinue;
        this.unsupportedExpectation = unsupportedExpectation;
    }

    /** @return the method, or null for a valid method token the server does not know (answer 501) */
    public Method method() {
        return method;
    }

    /** @return the method token as sent, e.g. {@code "GET"} (known methods share their constant's String) */
    public String methodToken() {
        return methodToken;
    }

    /** @return the request-target exactly as sent (ASCII, still percent-encoded) */
    public String rawTarget() {
        return rawTarget;
    }

    /** @return which form the request-target has */
    public TargetForm targetForm() {
        return targetForm;
    }

    /**
     * The raw path: undecoded, without query. For the origin and absolute forms it starts with {@code /} (an
     * absolute-form target without path gives {@code /}); decode it with {@link PathDecoder#decode(String)}.
     * For the asterisk form it is {@code *}; for the authority form (CONNECT) it is the raw target
     * {@code host:port}, which {@link PathDecoder} rejects.
     *
     * @return the raw path
     */
    public String path() {
        if (path == null) {
            if (targetForm == TargetForm.ABSOLUTE && pathStart == pathEnd) {
                path = "/";
            } else if (pathStart == 0 && pathEnd == rawTarget.length()) {
                path = rawTarget;
            } else {
                path = rawTarget.substring(pathStart, pathEnd);
            }
        }
        return path;
    }

    /** @return the raw query after {@code ?}, still percent-encoded (possibly empty), or null without {@code ?} */
    public String query() {
        if (!queryCut) {
            queryCut = true;
            if (pathEnd < rawTarget.length() && rawTarget.charAt(pathEnd) == '?') {
                query = rawTarget.substring(pathEnd + 1);
            }
        }
        return query;
    }

    /** @return the protocol version */
    public Version version() {
        return version;
    }

    /** @return the header fields in order received; valid until the decoder's next reset */
    public Headers headers() {
        return headers;
    }

    /**
     * The host the request is for (RFC 9110 §7.2), in lower case and without port: from the absolute-form or
     * authority-form target when there is one (RFC 9112 §3.2.2: the server MUST then ignore {@code Host}), else from
     * the {@code Host} header. An IPv6 literal keeps its brackets.
     *
     * @return the host, or null for an HTTP/1.0 origin-form request without {@code Host}
     */
    public String host() {
        return host;
    }

    /**
     * The port that came with {@link #host()}. The server itself chooses a virtual host by name alone, as nginx's
     * {@code server_name} does, so only programs that use the codec on their own (a proxy routing by authority, for
     * instance) read it; it costs nothing, since the {@code Host} value must be parsed to its end to be checked.
     *
     * @return the port, or -1 when none was given
     */
    public int port() {
        return port;
    }

    /** @return how the body is delimited */
    public BodyFraming framing() {
        return framing;
    }

    /** @return the body length for {@link BodyFraming#LENGTH}, -1 for chunked, 0 when there is no body */
    public long contentLength() {
        return contentLength;
    }

    /** @return true when the framing says a body follows (chunked, or a non-zero Content-Length) */
    public boolean hasBody() {
        return framing == BodyFraming.CHUNKED || contentLength > 0;
    }

    /**
     * Whether the client wants the connection kept open after the response (RFC 9112 §9.3): HTTP/1.1 unless
     * {@code Connection} lists {@code close}; HTTP/1.0 only when it lists {@code keep-alive} and not {@code close}.
     * The server may still close.
     *
     * @return true when the connection may persist
     */
    public boolean keepAlive() {
        return keepAlive;
    }

    /**
     * Whether the client sent {@code Expect: 100-continue} and waits for {@code 100 Continue} before the body
     * (RFC 9110 §10.1.1). Always false for HTTP/1.0, where the server MUST ignore it.
     *
     * @return true when a 100 response is expected before the body is read
     */
    public boolean expectsContinue() {
        return expectsContinue;
    }

    /**
     * Whether {@code Expect} holds an expectation other than {@code 100-continue}; the server answers 417
     * (RFC 9110 §10.1.1).
     *
     * @return true when the request carries an expectation the server cannot meet
     */
    public boolean hasUnsupportedExpectation() {
        return unsupportedExpectation;
    }

    @Override
    public String toString() {
        return methodToken + ' ' + rawTarget + ' ' + version;
    }
}
