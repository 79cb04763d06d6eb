package dev.solo.http;

import java.net.InetSocketAddress;

/** The head of a request, as parsed and checked by the codec. */
public interface Request {

    /** @return the method, or null for a syntactically valid method the server does not know */
    Method method();

    /** @return the method as sent */
    String methodToken();

    /** @return the request-target as sent (origin-form path and query, or absolute-form, or {@code *}) */
    String target();

    /** @return the percent-decoded path with dot segments removed; always starts with {@code /} */
    String path();

    /** @return the raw path as sent, still percent-encoded, without the query */
    String rawPath();

    /** @return the raw query string without {@code ?}, or null when there is none */
    String query();

    /**
     * The query's name-value pairs, decoded.
     *
     * @return the parameters of {@link #query()}; empty when there is no query
     * @throws HttpException {@code 400} for a malformed percent-escape or invalid UTF-8: thrown from a handler, it
     *         becomes that error response
     */
    default Parameters parameters() {
        return Parameters.parse(query());
    }

    /** @return the protocol version */
    Version version();

    /** @return the header fields */
    Headers headers();

    /** @return the host the request is for, without port, lower case (from {@code Host} or the absolute target) */
    String host();

    /** @return the body length from {@code Content-Length}, -1 when chunked, 0 when there is no body */
    long contentLength();

    /** @return true when a body follows the head (by length or chunked) */
    boolean hasBody();

    /** @return the client's address */
    InetSocketAddress remoteAddress();

    /** @return the address the request arrived on */
    InetSocketAddress localAddress();

    /** @return the TLS session the request came over, or null when it came as plain HTTP */
    default TlsInfo tls() {
        return null;
    }

    /** @return true when the request came over TLS */
    default boolean secure() {
        return tls() != null;
    }

    /** @return {@code https} or {@code http}, as nginx's {@code $scheme} */
    default String scheme() {
        return secure() ? "https" : "http";
    }
}
