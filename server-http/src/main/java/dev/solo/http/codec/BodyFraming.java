package dev.solo.http.codec;

/**
 * How the body of a request is delimited (RFC 9112 §6.3).
 */
public enum BodyFraming {
    /** No body: neither {@code Transfer-Encoding} nor {@code Content-Length} (RFC 9112 §6.3 item 7). */
    NONE,
    /** Exactly {@link RequestHead#contentLength()} bytes follow the head (RFC 9112 §6.3 item 6). */
    LENGTH,
    /** The chunked transfer coding; the length is known only at the end (RFC 9112 §7.1). */
    CHUNKED
}
