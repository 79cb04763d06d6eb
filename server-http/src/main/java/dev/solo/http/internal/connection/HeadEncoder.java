package dev.solo.http.internal.connection;

import dev.solo.http.HeaderName;
import dev.solo.http.Headers;
import dev.solo.http.Status;
import dev.solo.http.codec.DateCache;
import dev.solo.http.codec.ResponseHeadEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Encodes response heads on the hot path: every response goes through here.
 *
 * <p>What the server adds itself never passes through {@link Headers} or a {@code String}: the status line and the
 * names of known fields are pre-encoded, {@code Content-Length} is written as digits straight from the length, the
 * whole {@code Date} line is formatted once per second, and {@code Server} and {@code Connection} lines are
 * constants. The handler's own fields are checked so that none can split the response (RFC 9110 §5.5: no CR, LF or
 * NUL in a value; §5.1: names are tokens) and are copied through {@link EncodedValues}, which remembers the bytes of
 * values it has already checked: the ETag, Last-Modified and Content-Type of a cached file are the same strings on
 * every response.
 *
 * <p>One per loop; not thread-safe.
 */
final class HeadEncoder {

    /** Sent before the final response when the client asked for {@code Expect: 100-continue} (RFC 9110 §10.1.1). */
    static final byte[] CONTINUE = ascii("HTTP/1.1 100 Continue\r\n\r\n");

    private static final byte[] CONTENT_LENGTH = ascii("Content-Length: ");
    private static final byte[] CHUNKED = ascii("Transfer-Encoding: chunked\r\n");
    private static final byte[] CONNECTION_CLOSE = ascii("Connection: close\r\n");
    private static final byte[] CONNECTION_KEEP_ALIVE = ascii("Connection: keep-alive\r\n");
    private static final byte[] SERVER = ascii("Server: Solo\r\n");
    /** {@code "Date: "}, the 29 characters of an IMF-fixdate, CRLF. */
    private static final int DATE_LINE_LENGTH = 6 + 29 + 2;
    /** Room for {@code Content-Length: } and the digits of any {@code long}, CRLF. */
    private static final int MAX_CONTENT_LENGTH_LINE = 16 + 19 + 2;

    /** How the connection field is set on a response (RFC 9112 §9.6). */
    enum ConnectionField { NONE, CLOSE, KEEP_ALIVE }

    private final EncodedValues values = new EncodedValues();
    private final DateCache dates = new DateCache();
    private final byte[] dateLine = new byte[DATE_LINE_LENGTH];
    /** The date {@link #dateLine} holds; DateCache hands out the same string for the whole second. */
    private String encodedDate;

    /**
     * Writes {@code status-line *( field-line CRLF ) CRLF} (RFC 9112 §2.1): the handler's fields in their order, then
     * the framing and connection fields, {@code Date} and {@code Server}. The handler's own fields of those names are
     * left out: the server decides them.
     *
     * @param status the status
     * @param headers the handler's fields
     * @param contentLength the value of {@code Content-Length}, or -1 for none
     * @param chunked whether to send {@code Transfer-Encoding: chunked}
     * @param connection the {@code Connection} field to send
     * @param wallMillis the loop's wall clock, for {@code Date}
     * @return the head, ready to read
     * @throws IllegalArgumentException for a field that must not be sent
     */
    ByteBuffer encode(Status status, Headers headers, long contentLength, boolean chunked,
            ConnectionField connection, long wallMillis) {
        int size = status.statusLineLength() + DATE_LINE_LENGTH + SERVER.length + 2;
        for (int i = 0, n = headers.size(); i < n; i++) {
            // A known name's canonical spelling has the same length: this bounds the size either way.
            size += headers.name(i).length() + headers.value(i).length() + 4;
        }
        if (contentLength >= 0) {
            size += MAX_CONTENT_LENGTH_LINE;
        }
        if (chunked) {
            size += CHUNKED.length;
        }
        if (connection != ConnectionField.NONE) {
            size += CONNECTION_KEEP_ALIVE.length;
        }
        byte[] out = new byte[size];
        ByteBuffer head = ByteBuffer.wrap(out);
        status.writeStatusLine(head);
        int at = head.position();
        for (int i = 0, n = headers.size(); i < n; i++) {
            String name = headers.name(i);
            HeaderName known = HeaderName.lookup(name);
            if (known != null && decidedByServer(known)) {
                continue;
            }
            at = ResponseHeadEncoder.writeName(known, name, out, at);
            at = values.copyValue(name, headers.value(i), out, at);
            out[at++] = '\r';
            out[at++] = '\n';
        }
        if (contentLength >= 0) {
            at = put(CONTENT_LENGTH, out, at);
            at = putDigits(contentLength, out, at);
            out[at++] = '\r';
            out[at++] = '\n';
        }
        if (chunked) {
            at = put(CHUNKED, out, at);
        }
        if (connection == ConnectionField.CLOSE) {
            at = put(CONNECTION_CLOSE, out, at);
        } else if (connection == ConnectionField.KEEP_ALIVE) {
            at = put(CONNECTION_KEEP_ALIVE, out, at);
        }
        at = put(dateLine(wallMillis), out, at);
        at = put(SERVER, out, at);
        out[at++] = '\r';
        out[at++] = '\n';
        return head.position(0).limit(at);
    }

    private static boolean decidedByServer(HeaderName name) {
        return name == HeaderName.CONTENT_LENGTH || name == HeaderName.TRANSFER_ENCODING
                || name == HeaderName.CONNECTION || name == HeaderName.DATE || name == HeaderName.SERVER;
    }

    /** The {@code Date} line for this second (RFC 9110 §6.6.1), encoded when the second changes. */
    private byte[] dateLine(long wallMillis) {
        String date = dates.format(wallMillis);
        if (date != encodedDate) {
            byte[] line = ascii("Date: " + date + "\r\n");
            System.arraycopy(line, 0, dateLine, 0, DATE_LINE_LENGTH);
            encodedDate = date;
        }
        return dateLine;
    }

    private static int put(byte[] bytes, byte[] out, int at) {
        System.arraycopy(bytes, 0, out, at, bytes.length);
        return at + bytes.length;
    }

    /** Writes a non-negative number in decimal, without making a {@code String} of it. */
    static int putDigits(long value, byte[] out, int at) {
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        long rest = value;
        for (int i = at + digits - 1; i >= at; i--) {
            out[i] = (byte) ('0' + (int) (rest % 10));
            rest /= 10;
        }
        return at + digits;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
