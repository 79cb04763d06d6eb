package dev.solo.http.internal.upload;

import java.nio.charset.StandardCharsets;

/** Builds URL paths for stored files from decoded names, percent-encoding what a path segment may not hold. */
final class UrlPaths {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UrlPaths() {
    }

    /**
     * Encodes one path segment: every byte of its UTF-8 form that is not a {@code pchar} of RFC 3986 §3.3 (and
     * {@code /}, which would split it) becomes {@code %XX}.
     *
     * @param segment decoded text, such as a file name
     * @return the encoded segment, plain ASCII without CR, LF or spaces, so it is safe in a header
     */
    static String encodeSegment(String segment) {
        StringBuilder out = new StringBuilder(segment.length() + 8);
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isPathChar(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    /**
     * Encodes a decoded path segment by segment, keeping its slashes.
     *
     * @param path a decoded path starting with {@code /}
     * @return the encoded path
     */
    static String encodePath(String path) {
        StringBuilder out = new StringBuilder(path.length() + 8);
        int start = 0;
        while (true) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? path.length() : slash;
            out.append(encodeSegment(path.substring(start, end)));
            if (slash < 0) {
                return out.toString();
            }
            out.append('/');
            start = slash + 1;
        }
    }

    /** RFC 3986 §3.3 {@code pchar}: unreserved, sub-delims, ':' and '@'. */
    private static boolean isPathChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || "-._~!$&'()*+,;=:@".indexOf(c) >= 0;
    }
}
