package dev.solo.http.codec;

import dev.solo.http.HeaderName;
import dev.solo.http.Headers;
import dev.solo.http.HttpException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads a field section (header or trailer lines ending with an empty line) from buffers, resumably, validating each
 * {@code Name: value} line. The request decoder uses it for request headers and chunked trailers; the CGI module
 * uses it for script output (RFC 3875 §6.2, whose lines may end in LF alone).
 *
 * <p>Rules, each a MUST of RFC 9112 or RFC 9110 or the safe side of a choice they leave open:
 * <ul>
 *   <li>The field name is a non-empty token (RFC 9110 §5.1, §5.6.2), followed directly by the colon. Whitespace
 *       between name and colon is rejected with 400 (RFC 9112 §5.1: a server MUST reject it).</li>
 *   <li>A line starting with SP or HTAB is rejected with 400: after another field it is obs-fold (RFC 9112 §5.2: a
 *       server MUST reject it or replace it; joining lines is how parsers disagree), before the first field it is
 *       whitespace after the start-line (RFC 9112 §2.2: reject or ignore; rejecting is the safe choice).</li>
 *   <li>Optional whitespace around the value is removed (RFC 9112 §5.1). CR, LF and NUL in a value are rejected
 *       (RFC 9110 §5.5: reject or replace; rejecting is safe), and so are the other control characters and DEL,
 *       which the field-value grammar excludes. Bytes 0x80-0xFF (obs-text) are kept, read as ISO-8859-1.</li>
 *   <li>Lines end in CRLF. With {@code allowBareLf} a lone LF also ends a line (RFC 9112 §2.2 MAY); a lone CR is
 *       always rejected (RFC 9112 §2.2).</li>
 *   <li>The section, terminators and the final empty line included, must fit in {@code maxBytes}, and hold at most
 *       {@code maxFields} fields; otherwise 431 (RFC 6585 §5). Memory use is bounded by these limits.</li>
 * </ul>
 *
 * <p>Known names are stored as the {@link HeaderName#canonical()} String, so they cost no allocation; other names
 * and all values become one String each. One instance per stream; call {@link #reset()} between sections.
 */
public final class HeaderLineParser {

    private final int maxBytes;
    private final int maxFields;
    private final boolean allowBareLf;
    private final LineReader lines = new LineReader();
    private int bytesRead;
    /** Bytes of the lines completed so far: the current line may take what the section has left after them. */
    private int completeLinesBytes;
    private int fields;
    private boolean complete;

    /**
     * @param maxBytes the most bytes the section may have, terminators and the final empty line included
     * @param maxFields the most field lines the section may have
     * @param allowBareLf whether a lone LF ends a line (true for request heads and CGI output)
     */
    public HeaderLineParser(int maxBytes, int maxFields, boolean allowBareLf) {
        if (maxBytes < 1 || maxFields < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxBytes = maxBytes;
        this.maxFields = maxFields;
        this.allowBareLf = allowBareLf;
    }

    /**
     * Reads as many lines as the input holds, up to and including the empty line that ends the section.
     *
     * @param in the input; its position advances past the bytes taken, and stops right after the section's end
     * @param target where fields go, in order; null to validate and drop them (trailers)
     * @return true when the section is complete; false when more input is needed
     * @throws HttpException 400 for a malformed line, 431 when the section exceeds the limits
     */
    public boolean parse(ByteBuffer in, Headers target) {
        if (complete) {
            throw new IllegalStateException("section already complete; call reset()");
        }
        while (true) {
            int before = in.position();
            // The reader counts the part of the line it already holds against the limit it is given, so the limit
            // is what the section has left before this line began, not after the part of it already read: a line
            // split across reads must not have its first part counted twice.
            int state = lines.read(in, maxBytes - completeLinesBytes);
            bytesRead += in.position() - before;
            if (state == LineReader.MORE) {
                return false;
            }
            if (state == LineReader.TOO_LONG) {
                throw HttpException.headerFieldsTooLarge("Header section too large");
            }
            completeLinesBytes = bytesRead;
            int length = lines.contentLength(allowBareLf);
            if (length == 0) {
                complete = true;
                return true;
            }
            if (++fields > maxFields) {
                throw HttpException.headerFieldsTooLarge("Too many header fields");
            }
            parseField(lines.bytes(), length, target);
        }
    }

    /**
     * Validates one field line and adds it.
     *
     * @param line the line, from index 0, without terminator
     * @param length bytes in the line
     * @param target where the field goes, or null to drop it
     */
    static void parseField(byte[] line, int length, Headers target) {
        if (HttpChars.isOws(line[0])) {
            throw HttpException.badRequest("Header line starts with whitespace (obs-fold)");
        }
        int colon = 0;
        while (colon < length && line[colon] != ':') {
            byte b = line[colon];
            if (!HttpChars.isTchar(b)) {
                throw HttpException.badRequest(HttpChars.isOws(b)
                        ? "Whitespace in or after header field name" : "Invalid character in header field name");
            }
            colon++;
        }
        if (colon == length) {
            throw HttpException.badRequest("Header line without colon");
        }
        if (colon == 0) {
            throw HttpException.badRequest("Empty header field name");
        }
        int start = colon + 1;
        int end = length;
        while (start < end && HttpChars.isOws(line[start])) {
            start++;
        }
        while (end > start && HttpChars.isOws(line[end - 1])) {
            end--;
        }
        for (int i = start; i < end; i++) {
            if (!HttpChars.isFieldValueChar(line[i])) {
                throw HttpException.badRequest("Invalid character in header field value");
            }
        }
        if (target == null) {
            return;
        }
        HeaderName known = HeaderName.lookup(line, 0, colon);
        String name = known != null ? known.canonical() : new String(line, 0, colon, StandardCharsets.ISO_8859_1);
        String value = start == end ? "" : new String(line, start, end - start, StandardCharsets.ISO_8859_1);
        target.add(name, value);
    }

    /** @return bytes of the section consumed so far, terminators included */
    public int bytesRead() {
        return bytesRead;
    }

    /** @return true when bytes of the section have been consumed but it is not complete */
    public boolean inProgress() {
        return !complete && bytesRead > 0;
    }

    /** Prepares for a new section. */
    public void reset() {
        lines.reset();
        bytesRead = 0;
        completeLinesBytes = 0;
        fields = 0;
        complete = false;
    }
}
