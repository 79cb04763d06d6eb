package dev.solo.http.internal.connection;

import dev.solo.http.Headers;
import dev.solo.http.Status;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Encodes response heads: the pre-encoded status line, the server's own fields ({@code Date} cached per second,
 * {@code Server}), then the response's fields. Values holding CR or LF are refused (no header injection).
 */
final class HeadEncoder {

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final byte[] SERVER = "Server: Solo\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CRLF = {'\r', '\n'};
    /** Sent before the final response when the client asked for {@code Expect: 100-continue} (RFC 9110 §10.1.1). */
    static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private long dateSecond = Long.MIN_VALUE;
    private byte[] dateLine;

    /**
     * @param status the status
     * @param headers the response's fields, framing and connection fields included
     * @param wallMillis the loop's wall clock
     * @param out where to write; must have room (see {@link #estimate})
     * @throws BufferOverflowException when out is too small
     */
    void encode(Status status, Headers headers, long wallMillis, ByteBuffer out) {
        status.writeStatusLine(out);
        out.put(dateLine(wallMillis));
        out.put(SERVER);
        for (int i = 0, n = headers.size(); i < n; i++) {
            putLatin1(out, headers.name(i));
            out.put((byte) ':').put((byte) ' ');
            String value = headers.value(i);
            checkValue(headers.name(i), value);
            putLatin1(out, value);
            out.put(CRLF);
        }
        out.put(CRLF);
    }

    /** @return an upper bound of the encoded size */
    static int estimate(Status status, Headers headers) {
        int size = status.statusLineLength() + 64 + SERVER.length + 2 + CONTINUE.length;
        for (int i = 0, n = headers.size(); i < n; i++) {
            size += headers.name(i).length() + headers.value(i).length() + 4;
        }
        return size;
    }

    private byte[] dateLine(long wallMillis) {
        long second = wallMillis / 1000;
        if (second != dateSecond) {
            dateSecond = second;
            dateLine = ("Date: " + IMF_FIXDATE.format(Instant.ofEpochSecond(second)) + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
        }
        return dateLine;
    }

    private static void checkValue(String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IllegalArgumentException("header " + name + " holds a line break");
            }
        }
    }

    private static void putLatin1(ByteBuffer out, String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            out.put(c < 256 ? (byte) c : (byte) '?');
        }
    }
}
