package dev.solo.http;

import java.nio.charset.StandardCharsets;

/**
 * The request methods the server knows (RFC 9110 §9 and RFC 5789 for PATCH).
 *
 * <p>Method names are case-sensitive (RFC 9110 §9.1): {@code get} is not {@code GET}. A request whose method is a
 * valid token but not listed here still parses; its {@link dev.solo.http.Request#method()} is null and the server
 * answers 501 (RFC 9110 §9.1: "An origin server that receives a request method that is unrecognized or not
 * implemented SHOULD respond with the 501 (Not Implemented) status code").
 */
public enum Method {
    /** Transfer a current representation of the target resource (RFC 9110 §9.3.1). */
    GET,
    /** Same as GET, but do not transfer the response content (RFC 9110 §9.3.2). */
    HEAD,
    /** Process the enclosed representation (RFC 9110 §9.3.3). */
    POST,
    /** Replace the target resource with the enclosed representation (RFC 9110 §9.3.4). */
    PUT,
    /** Remove the target resource (RFC 9110 §9.3.5). */
    DELETE,
    /** Establish a tunnel (RFC 9110 §9.3.6); parsed, then refused by the server. */
    CONNECT,
    /** Describe the communication options (RFC 9110 §9.3.7). */
    OPTIONS,
    /** Perform a message loop-back test (RFC 9110 §9.3.8). */
    TRACE,
    /** Apply partial modifications (RFC 5789). */
    PATCH;

    private static final Method[] ALL = values();

    private final byte[] bytes = name().getBytes(StandardCharsets.US_ASCII);

    /** @return the method name as it appears on the wire, e.g. {@code "GET"} */
    public String token() {
        return name();
    }

    /**
     * Finds a method by its exact (case-sensitive) name.
     *
     * @param token the method name as sent
     * @return the method, or null when the name is not one of these
     */
    public static Method lookup(CharSequence token) {
        int length = token.length();
        for (Method method : ALL) {
            byte[] name = method.bytes;
            if (name.length == length && matches(name, token)) {
                return method;
            }
        }
        return null;
    }

    /**
     * Finds a method by its exact (case-sensitive) name, without allocating.
     *
     * @param buffer bytes holding the name
     * @param offset index of the first byte
     * @param length number of bytes
     * @return the method, or null when the bytes do not name one of these
     */
    public static Method lookup(byte[] buffer, int offset, int length) {
        for (Method method : ALL) {
            byte[] name = method.bytes;
            if (name.length == length && matches(name, buffer, offset)) {
                return method;
            }
        }
        return null;
    }

    private static boolean matches(byte[] name, CharSequence token) {
        for (int i = 0; i < name.length; i++) {
            if (name[i] != token.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(byte[] name, byte[] buffer, int offset) {
        for (int i = 0; i < name.length; i++) {
            if (name[i] != buffer[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
