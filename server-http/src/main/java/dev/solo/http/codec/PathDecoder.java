package dev.solo.http.codec;

import dev.solo.http.HttpException;
import java.nio.charset.StandardCharsets;

/**
 * Turns a raw request path into the path the server maps to resources, and decodes query and form components.
 *
 * <p>{@link #decode(String)} works in this order, and each step is there to close a known traversal trick:
 * <ol>
 *   <li>The raw path must start with {@code /} and hold only pchar and {@code /} (RFC 3986 §3.3); a raw
 *       {@code \}, space or control character is 400.</li>
 *   <li>Percent-decoding happens exactly once, as UTF-8 (RFC 3986 §2.1, §2.5). Double-encoded input such as
 *       {@code %252e} stays {@code %2e} literally and is never decoded again.</li>
 *   <li>Escapes that would change the path's structure or smuggle bytes are 400: {@code %2F} (an encoded {@code /}
 *       would let one segment become two after mapping to files), {@code %5C} ({@code \}, a separator on Windows),
 *       {@code %00} (truncates file names in native code) and every other control character. Malformed escapes
 *       and invalid UTF-8, overlong forms above all ({@code %C0%AE} is an overlong {@code .}), are 400.</li>
 *   <li>Dot segments are removed after decoding (RFC 3986 §5.2.4), so {@code %2e%2e} is treated as {@code ..}.
 *       Unlike §5.2.4, which stops silently at the root, a {@code ..} that would climb above {@code /} is 400:
 *       such a request is an attack or a bug, and answering it as if it were for {@code /} hides both.</li>
 *   <li>Empty segments are merged ({@code /a//b} is {@code /a/b}), so a location prefix such as {@code /admin}
 *       cannot be dodged with {@code //admin}. A trailing slash is kept; {@code .} or {@code ..} as the last
 *       segment leaves one ({@code /a/b/..} is {@code /a/}).</li>
 * </ol>
 * The result always starts with {@code /} and holds no {@code .} or {@code ..} segment, no empty segment, no
 * {@code \} and no control character.
 */
public final class PathDecoder {

    private PathDecoder() {
    }

    /**
     * Percent-decodes a raw path and removes its dot segments.
     *
     * @param rawPath the path as sent ({@link RequestHead#path()}), without query
     * @return the decoded, normalised path
     * @throws HttpException 400 when the path is invalid or climbs above the root
     */
    public static String decode(String rawPath) {
        int length = rawPath.length();
        if (length == 0 || rawPath.charAt(0) != '/') {
            throw HttpException.badRequest("Invalid request path");
        }
        boolean simple = true;
        for (int i = 0; i < length; i++) {
            char c = rawPath.charAt(i);
            if (!HttpChars.isPathChar(c)) {
                throw HttpException.badRequest("Invalid character in request path");
            }
            if (c == '%' || c == '/' && i + 1 < length && (rawPath.charAt(i + 1) == '/' || rawPath.charAt(i + 1) == '.')) {
                simple = false;
            }
        }
        if (simple) {
            return rawPath;
        }
        byte[] bytes = new byte[length];
        int decodedLength = percentDecodePath(rawPath, bytes);
        int normalisedLength = removeDotSegments(bytes, decodedLength);
        return new String(bytes, 0, normalisedLength, StandardCharsets.UTF_8);
    }

    private static int percentDecodePath(String rawPath, byte[] out) {
        int length = rawPath.length();
        int count = 0;
        boolean nonAscii = false;
        for (int i = 0; i < length; i++) {
            char c = rawPath.charAt(i);
            if (c != '%') {
                out[count++] = (byte) c;
                continue;
            }
            int b = escapedByte(rawPath, i);
            i += 2;
            if (b == '/' || b == '\\') {
                throw HttpException.badRequest("Encoded path separator");
            }
            if (b < 0x20 || b == 0x7F) {
                throw HttpException.badRequest("Encoded control character in path");
            }
            nonAscii |= b >= 0x80;
            out[count++] = (byte) b;
        }
        if (nonAscii && !Utf8.isValid(out, count)) {
            throw HttpException.badRequest("Invalid UTF-8 in path");
        }
        return count;
    }

    /** @return the byte of the escape at {@code percent}, which holds '%' */
    private static int escapedByte(String text, int percent) {
        if (percent + 2 >= text.length()) {
            throw HttpException.badRequest("Invalid percent-encoding");
        }
        int high = HttpChars.hexValue(text.charAt(percent + 1));
        int low = HttpChars.hexValue(text.charAt(percent + 2));
        if (high < 0 || low < 0) {
            throw HttpException.badRequest("Invalid percent-encoding");
        }
        return high << 4 | low;
    }

    /**
     * Removes dot segments and merges empty ones, in place. Works on bytes: '.' and '/' never occur inside a UTF-8
     * multi-byte sequence.
     *
     * @param path bytes starting with '/'
     * @param length number of bytes
     * @return the new length
     */
    private static int removeDotSegments(byte[] path, int length) {
        int written = 0; // output is a sequence of "/segment", empty for the root
        boolean trailingSlash = false;
        int read = 0; // always at a '/'
        while (read < length) {
            int start = read + 1;
            int end = start;
            while (end < length && path[end] != '/') {
                end++;
            }
            int segment = end - start;
            boolean last = end == length;
            if (segment == 0 || segment == 1 && path[start] == '.') {
                trailingSlash = last;
            } else if (segment == 2 && path[start] == '.' && path[start + 1] == '.') {
                if (written == 0) {
                    throw HttpException.badRequest("Path climbs above the root");
                }
                do {
                    written--;
                } while (path[written] != '/');
                trailingSlash = last;
            } else {
                System.arraycopy(path, read, path, written, end - read);
                written += end - read;
                trailingSlash = false;
            }
            read = end;
        }
        if (written == 0 || trailingSlash) {
            path[written++] = '/';
        }
        return written;
    }

    /**
     * Decodes one component of a query string or of an {@code application/x-www-form-urlencoded} body (a name or a
     * value, already split on {@code &} and {@code =}): {@code +} becomes a space and percent-escapes are decoded
     * as UTF-8 (WHATWG URL, application/x-www-form-urlencoded parsing). Characters 0x80-0xFF in the input are taken
     * as raw bytes, as when the text was read as ISO-8859-1, and must form valid UTF-8 with the rest.
     *
     * @param raw the encoded component
     * @return the decoded text
     * @throws HttpException 400 for a malformed escape, invalid UTF-8, or a character above 0xFF
     */
    public static String decodeQueryComponent(String raw) {
        int length = raw.length();
        boolean plain = true;
        for (int i = 0; i < length && plain; i++) {
            char c = raw.charAt(i);
            plain = c != '%' && c != '+' && c < 0x80;
        }
        if (plain) {
            return raw;
        }
        byte[] bytes = new byte[length];
        int count = 0;
        boolean nonAscii = false;
        for (int i = 0; i < length; i++) {
            char c = raw.charAt(i);
            int b;
            if (c == '%') {
                b = escapedByte(raw, i);
                i += 2;
            } else if (c == '+') {
                b = ' ';
            } else if (c > 0xFF) {
                throw HttpException.badRequest("Invalid character in query");
            } else {
                b = c;
            }
            nonAscii |= b >= 0x80;
            bytes[count++] = (byte) b;
        }
        if (nonAscii && !Utf8.isValid(bytes, count)) {
            throw HttpException.badRequest("Invalid UTF-8 in query");
        }
        return new String(bytes, 0, count, StandardCharsets.UTF_8);
    }
}
