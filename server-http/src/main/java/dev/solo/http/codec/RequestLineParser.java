package dev.solo.http.codec;

import dev.solo.http.HttpException;
import dev.solo.http.Method;
import dev.solo.http.Version;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads the request line {@code method SP request-target SP HTTP-version} (RFC 9112 §3), resumably.
 *
 * <ul>
 *   <li>Empty lines before the request line are skipped (RFC 9112 §2.2: a server SHOULD ignore at least one), at most
 *       {@value #MAX_EMPTY_LINES} of them; more is 400, so a client cannot keep the connection busy with them.</li>
 *   <li>The three parts are separated by exactly one SP. RFC 9112 §3 lets a recipient split on any whitespace
 *       instead; we do not, because a parser that splits differently from the one in front of it reads a different
 *       target.</li>
 *   <li>The method is a token (RFC 9110 §9.1, §5.6.2), checked byte by byte as it arrives, so binary garbage (a TLS
 *       handshake on the plain port, say) is refused at once rather than after a full line.</li>
 *   <li>The version is {@code HTTP/} DIGIT {@code .} DIGIT, case-sensitive (RFC 9112 §2.3); HTTP/1.0 and HTTP/1.1
 *       are accepted, and so is a higher 1.x, read as HTTP/1.1 (RFC 9110 §2.5: a recipient SHOULD process a higher
 *       minor version as the highest one it conforms to). Any other well-formed version gets 505, anything else
 *       400. A missing version (HTTP/0.9) is 400.</li>
 *   <li>The whole line, terminator included, must fit in {@code maxLineBytes}, else 414 (RFC 9112 §3: a server
 *       that receives a request-target longer than it wishes to parse MUST respond 414).</li>
 * </ul>
 */
final class RequestLineParser {

    /** Empty lines tolerated before the request line. */
    static final int MAX_EMPTY_LINES = 16;

    private static final byte[] HTTP_SLASH = "HTTP/".getBytes(StandardCharsets.US_ASCII);

    private final int maxLineBytes;
    private final LineReader lines = new LineReader();
    private int emptyLines;
    /** How many bytes of a partial line have been checked as method characters; -1 once the method is complete. */
    private int methodChecked;

    RequestLineParser(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * @param in the input; its position advances past the bytes taken
     * @param head receives method, target and version
     * @return true when the request line was parsed; false when more input is needed
     */
    boolean parse(ByteBuffer in, RequestHead head) {
        while (true) {
            int state = lines.read(in, maxLineBytes);
            if (state != LineReader.LINE) {
                checkMethodSoFar();
                if (state == LineReader.MORE) {
                    return false;
                }
                throw HttpException.uriTooLong("Request line too long");
            }
            int length = lines.contentLength(true);
            methodChecked = 0;
            if (length > 0) {
                parseLine(lines.bytes(), length, head);
                return true;
            }
            if (++emptyLines > MAX_EMPTY_LINES) {
                throw HttpException.badRequest("Too many empty lines before request line");
            }
        }
    }

    /** Fails early when the bytes so far cannot start a request line. */
    private void checkMethodSoFar() {
        if (methodChecked < 0) {
            return;
        }
        byte[] bytes = lines.bytes();
        int end = lines.length();
        if (end > 0 && bytes[end - 1] == '\r') {
            end--; // may be the CR of a CRLF
        }
        for (int i = methodChecked; i < end; i++) {
            if (bytes[i] == ' ' && i > 0) {
                methodChecked = -1;
                return;
            }
            if (!HttpChars.isTchar(bytes[i])) {
                throw HttpException.badRequest("Malformed request line");
            }
        }
        methodChecked = end;
    }

    private static void parseLine(byte[] line, int length, RequestHead head) {
        int methodEnd = 0;
        while (methodEnd < length && line[methodEnd] != ' ') {
            if (!HttpChars.isTchar(line[methodEnd])) {
                throw HttpException.badRequest("Malformed request line");
            }
            methodEnd++;
        }
        int targetStart = methodEnd + 1;
        int targetEnd = targetStart;
        while (targetEnd < length && line[targetEnd] != ' ') {
            targetEnd++;
        }
        if (methodEnd == 0 || targetEnd >= length || targetEnd == targetStart) {
            throw HttpException.badRequest("Malformed request line");
        }
        Version version = parseVersion(line, targetEnd + 1, length);
        Method method = Method.lookup(line, 0, methodEnd);
        String token = method != null ? method.token() : new String(line, 0, methodEnd, StandardCharsets.US_ASCII);
        head.setRequestLine(method, token, version);
        TargetParser.parse(line, targetStart, targetEnd, method, head);
    }

    private static Version parseVersion(byte[] line, int from, int to) {
        if (to - from != 8) {
            throw HttpException.badRequest("Malformed HTTP version");
        }
        for (int i = 0; i < HTTP_SLASH.length; i++) {
            if (line[from + i] != HTTP_SLASH[i]) {
                throw HttpException.badRequest("Malformed HTTP version");
            }
        }
        byte major = line[from + 5];
        byte minor = line[from + 7];
        if (!HttpChars.isDigit(major) || line[from + 6] != '.' || !HttpChars.isDigit(minor)) {
            throw HttpException.badRequest("Malformed HTTP version");
        }
        // RFC 9110 §2.5: HTTP/1.2 and above are answered as HTTP/1.1, the highest 1.x we conform to.
        Version version = Version.of(major - '0', Math.min(minor - '0', 1));
        if (version == null) {
            throw HttpException.versionNotSupported("HTTP version not supported");
        }
        return version;
    }

    void reset() {
        lines.reset();
        emptyLines = 0;
        methodChecked = 0;
    }
}
