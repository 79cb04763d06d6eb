package dev.solo.http.codec;

import dev.solo.http.HeaderName;
import dev.solo.http.Headers;
import dev.solo.http.Status;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;

/**
 * Writes a response head: status line, header fields, and the empty line, from pre-encoded parts where there are
 * some ({@link Status} lines, {@link HeaderName} prefixes) and ISO-8859-1 text otherwise.
 *
 * <p>It never emits a field that could split the response: a name that is not a token, or a value holding CR, LF,
 * NUL or another control character other than HTAB, or a character above 0xFF, is refused with
 * {@link IllegalArgumentException} before anything is written (RFC 9110 §5.5: field values MUST NOT contain CR, LF
 * or NUL; §5.1: names are tokens). Names of known headers are written in canonical spelling.
 *
 * <p>Why the server keeps it although its connections write heads with an encoder of their own (which adds the
 * framing, {@code Date} and {@code Server} fields from pre-encoded bytes and remembers the checked bytes of values it
 * has seen): that encoder checks and copies every field of a handler through {@link #writeName} and
 * {@link #writeValue}, so what may not be sent is decided in this one place; and {@link #encode(Status, Headers)} and
 * {@link #encode(Status, Headers, ByteBuffer)} are the exported codec's half that writes, for programs that use the
 * codec without the server ({@code docs/extending.md} shows them, and {@code StandaloneCodecTest} runs that example).
 *
 * <p>Stateless.
 */
public final class ResponseHeadEncoder {

    private ResponseHeadEncoder() {
    }

    /**
     * Computes the size of the head, checking every field.
     *
     * @param status the status
     * @param headers the fields
     * @return the number of bytes {@link #encode(Status, Headers, ByteBuffer)} writes
     * @throws IllegalArgumentException for a field that must not be sent
     */
    public static int encodedLength(Status status, Headers headers) {
        int length = status.statusLineLength() + 2;
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            HeaderName known = HeaderName.lookup(name);
            if (known != null) {
                length += known.prefixLength();
            } else {
                checkName(name);
                length += name.length() + 2;
            }
            String value = headers.value(i);
            checkValue(name, value);
            length += value.length() + 2;
        }
        return length;
    }

    /**
     * Writes {@code status-line *( field-line CRLF ) CRLF} (RFC 9112 §2.1). Nothing is written when a field is
     * invalid or the buffer lacks room.
     *
     * @param status the status
     * @param headers the fields, in order
     * @param out the buffer
     * @throws IllegalArgumentException for a field that must not be sent
     * @throws BufferOverflowException when {@code out} has less room than {@link #encodedLength(Status, Headers)}
     */
    public static void encode(Status status, Headers headers, ByteBuffer out) {
        if (encodedLength(status, headers) > out.remaining()) {
            throw new BufferOverflowException();
        }
        status.writeStatusLine(out);
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            HeaderName known = HeaderName.lookup(name);
            if (known != null) {
                known.writePrefix(out);
            } else {
                writeLatin1(name, out);
                out.put((byte) ':').put((byte) ' ');
            }
            writeLatin1(headers.value(i), out);
            out.put((byte) '\r').put((byte) '\n');
        }
        out.put((byte) '\r').put((byte) '\n');
    }

    /**
     * Encodes the head into a new buffer of exactly its size, checking and writing each field in one pass over its
     * characters, where {@link #encodedLength} followed by {@link #encode(Status, Headers, ByteBuffer)} makes two.
     *
     * @param status the status
     * @param headers the fields, in order
     * @return the head, ready to read
     * @throws IllegalArgumentException for a field that must not be sent
     */
    public static ByteBuffer encode(Status status, Headers headers) {
        int size = status.statusLineLength() + 2;
        for (int i = 0, n = headers.size(); i < n; i++) {
            size += headers.name(i).length() + headers.value(i).length() + 4;
        }
        byte[] out = new byte[size];
        ByteBuffer head = ByteBuffer.wrap(out);
        status.writeStatusLine(head);
        int at = head.position();
        for (int i = 0, n = headers.size(); i < n; i++) {
            String name = headers.name(i);
            at = writeName(HeaderName.lookup(name), name, out, at);
            at = writeValue(name, headers.value(i), out, at);
            out[at++] = '\r';
            out[at++] = '\n';
        }
        out[at++] = '\r';
        out[at++] = '\n';
        return head.position(0).limit(at);
    }

    /**
     * Writes a field name and its {@code ": "} separator: the pre-encoded prefix of a known name, or the checked
     * characters of another.
     *
     * @param known what {@link HeaderName#lookup(CharSequence)} found for {@code name}, or null
     * @param name the name
     * @param out where to write; needs {@code name.length() + 2} bytes of room from {@code at}
     * @param at the offset to write at
     * @return the offset after the separator
     * @throws IllegalArgumentException for an empty name or one that is not a token
     */
    public static int writeName(HeaderName known, String name, byte[] out, int at) {
        if (known != null) {
            return known.writePrefix(out, at);
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty header name");
        }
        for (int i = 0, n = name.length(); i < n; i++) {
            char c = name.charAt(i);
            if (!HttpChars.isTchar(c)) {
                throw new IllegalArgumentException("header name is not a token: " + printable(name));
            }
            out[at++] = (byte) c;
        }
        out[at++] = ':';
        out[at++] = ' ';
        return at;
    }

    /**
     * Copies a field value as ISO-8859-1 bytes, refusing one that could split the response.
     *
     * @param name the field's name, for the error message
     * @param value the value
     * @param out where to write; needs {@code value.length()} bytes of room from {@code at}
     * @param at the offset to write at
     * @return the offset after the value
     * @throws IllegalArgumentException for a control character other than HTAB, or a character above 0xFF
     */
    public static int writeValue(String name, String value, byte[] out, int at) {
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (c > 0xFF || !HttpChars.isFieldValueChar(c)) {
                throw new IllegalArgumentException("invalid character in value of header " + printable(name));
            }
            out[at++] = (byte) c;
        }
        return at;
    }

    private static void checkName(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty header name");
        }
        for (int i = 0; i < name.length(); i++) {
            if (!HttpChars.isTchar(name.charAt(i))) {
                throw new IllegalArgumentException("header name is not a token: " + printable(name));
            }
        }
    }

    private static void checkValue(String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF || !HttpChars.isFieldValueChar(c)) {
                throw new IllegalArgumentException("invalid character in value of header " + printable(name));
            }
        }
    }

    /** Keeps exception messages free of control characters (they end up in logs). */
    private static String printable(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        for (int i = 0; i < text.length() && i < 64; i++) {
            char c = text.charAt(i);
            safe.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return safe.toString();
    }

    private static void writeLatin1(String text, ByteBuffer out) {
        for (int i = 0; i < text.length(); i++) {
            out.put((byte) text.charAt(i));
        }
    }
}
