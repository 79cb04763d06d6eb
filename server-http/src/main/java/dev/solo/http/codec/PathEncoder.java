package dev.solo.http.codec;

import java.nio.charset.StandardCharsets;

/**
 * Turns a decoded path back into the path of a URI, for a {@code Location} the server makes itself.
 *
 * <p>The input is a path as {@link PathDecoder#decode(String)} returns it. The output is an absolute path that can
 * only name this server: every byte outside pchar and {@code /} (RFC 3986 §3.3) is percent-encoded as UTF-8, so a
 * {@code ?}, {@code #}, {@code %}, space or non-ASCII character in a file name survives the round trip, and leading
 * slashes are merged into one, because {@code //host/...} is a network-path reference (RFC 3986 §4.2) that a browser
 * follows to another host. Building a {@code Location} from the raw target as sent instead would echo such a
 * reference back (an open redirect).
 */
public final class PathEncoder {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathEncoder() {
    }

    /**
     * @param path a decoded path
     * @return the percent-encoded path, starting with exactly one {@code /}
     */
    public static String encode(String path) {
        int start = 0;
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        byte[] bytes = path.substring(start).getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 16).append('/');
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c != '%' && HttpChars.isPathChar(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }
}
