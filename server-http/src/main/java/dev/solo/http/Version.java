package dev.solo.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP versions the server accepts (RFC 9112 §2.3). A higher {@code HTTP/1.x} is read as HTTP/1.1
 * (RFC 9110 §2.5); any other {@code HTTP/x.y} is answered with 505.
 */
public enum Version {
    /** HTTP/1.0 (RFC 1945): connections close after each response unless the client asks for keep-alive. */
    HTTP_1_0("HTTP/1.0", 0),
    /** HTTP/1.1 (RFC 9112): persistent connections by default. */
    HTTP_1_1("HTTP/1.1", 1);

    private final String text;
    private final int minor;
    private final byte[] bytes;

    Version(String text, int minor) {
        this.text = text;
        this.minor = minor;
        this.bytes = text.getBytes(StandardCharsets.US_ASCII);
    }

    /** @return the version as it appears on the wire, e.g. {@code "HTTP/1.1"} */
    public String text() {
        return text;
    }

    /** @return the major version number, always 1 */
    public int major() {
        return 1;
    }

    /** @return the minor version number */
    public int minor() {
        return minor;
    }

    /**
     * Writes the pre-encoded version (e.g. {@code HTTP/1.1}, without any separator) into a buffer.
     *
     * @param out the buffer; needs 8 bytes of room
     */
    public void writeTo(ByteBuffer out) {
        out.put(bytes);
    }

    /**
     * @param major the major version digit
     * @param minor the minor version digit
     * @return the version, or null when the server does not support it
     */
    public static Version of(int major, int minor) {
        if (major != 1) {
            return null;
        }
        if (minor == 1) {
            return HTTP_1_1;
        }
        return minor == 0 ? HTTP_1_0 : null;
    }

    @Override
    public String toString() {
        return text;
    }
}
