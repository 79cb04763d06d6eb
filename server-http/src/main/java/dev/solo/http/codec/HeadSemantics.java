package dev.solo.http.codec;

import dev.solo.http.HeaderName;
import dev.solo.http.Headers;
import dev.solo.http.HttpException;
import dev.solo.http.Version;

/**
 * Derives from a complete head what the connection needs before it can read the body: the host, the body framing,
 * persistence and expectations. This is where request smuggling is stopped: every ambiguous framing is refused and
 * closes the connection.
 */
final class HeadSemantics {

    private static final String HOST = HeaderName.HOST.canonical();
    private static final String CONTENT_LENGTH = HeaderName.CONTENT_LENGTH.canonical();
    private static final String TRANSFER_ENCODING = HeaderName.TRANSFER_ENCODING.canonical();
    private static final String EXPECT = HeaderName.EXPECT.canonical();
    /** The only expectation defined (RFC 9110 §10.1.1); compared case-insensitively, as the spec requires. */
    private static final String CONTINUE = "100-continue";

    /** Content-Length values with more digits than this could overflow a long. */
    private static final int MAX_LENGTH_DIGITS = 18;

    private HeadSemantics() {
    }

    static void complete(RequestHead head) {
        checkHost(head);
        resolveFraming(head);
        resolveConnection(head);
    }

    /**
     * RFC 9112 §3.2: a server MUST respond 400 to an HTTP/1.1 request without {@code Host}, to any request with more
     * than one {@code Host} line, and to a {@code Host} with an invalid value. The value is checked even when an
     * absolute-form target supplies the host, which the server then MUST use instead (RFC 9112 §3.2.2).
     */
    private static void checkHost(RequestHead head) {
        Headers headers = head.headers();
        String value = null;
        for (int i = 0; i < headers.size(); i++) {
            if (headers.name(i).equalsIgnoreCase(HOST)) {
                if (value != null) {
                    throw HttpException.badRequest("More than one Host header");
                }
                value = headers.value(i);
            }
        }
        if (value == null) {
            if (head.version() == Version.HTTP_1_1) {
                throw HttpException.badRequest("Missing Host header");
            }
            return;
        }
        RequestHead.TargetForm form = head.targetForm();
        if (form == RequestHead.TargetForm.ORIGIN || form == RequestHead.TargetForm.ASTERISK) {
            HostParser.parse(value, 0, value.length(), false, head);
        } else {
            HostParser.check(value, 0, value.length(), false);
        }
    }

    /** Message body length per RFC 9112 §6.3, refusing every case where two parsers could disagree. */
    private static void resolveFraming(RequestHead head) {
        Headers headers = head.headers();
        long length = -1;
        boolean transferEncoding = false;
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            if (name.equalsIgnoreCase(CONTENT_LENGTH)) {
                length = parseContentLength(headers.value(i), length);
            } else if (name.equalsIgnoreCase(TRANSFER_ENCODING)) {
                transferEncoding = true;
            }
        }
        if (transferEncoding) {
            // RFC 9112 §6.1: a server that receives Transfer-Encoding in an HTTP/1.0 message MUST treat the framing as
            // faulty and close; we refuse it outright.
            if (head.version() == Version.HTTP_1_0) {
                throw HttpException.badRequest("Transfer-Encoding in an HTTP/1.0 request");
            }
            // RFC 9112 §6.1: a server MAY reject a request with both, and MUST close the connection regardless; §6.3
            // item 3 calls it a possible smuggling attempt.
            if (length >= 0) {
                throw HttpException.badRequest("Both Transfer-Encoding and Content-Length");
            }
            TransferCodings.checkChunkedLast(headers);
            head.setFraming(BodyFraming.CHUNKED, -1);
        } else if (length >= 0) {
            head.setFraming(BodyFraming.LENGTH, length);
        } else {
            head.setFraming(BodyFraming.NONE, 0);
        }
    }

    /**
     * {@code Content-Length = 1*DIGIT} (RFC 9110 §8.6). A list of identical values ({@code 5, 5}), on one line or
     * several, may be taken as that value (RFC 9110 §8.6 allows either rejecting or that); differing values, empty
     * members, signs, whitespace inside a number and values too large for a long are 400 (RFC 9112 §6.3 item 5: an
     * invalid Content-Length MUST be answered with 400 and the connection closed).
     *
     * @param value one field value
     * @param previous the length from earlier lines, or -1
     * @return the length
     */
    private static long parseContentLength(String value, long previous) {
        long length = previous;
        int i = 0;
        int end = value.length();
        do {
            while (i < end && HttpChars.isOws(value.charAt(i))) {
                i++;
            }
            int digits = i;
            long member = 0;
            while (i < end && HttpChars.isDigit(value.charAt(i))) {
                member = member * 10 + (value.charAt(i) - '0');
                i++;
            }
            if (i == digits || i - digits > MAX_LENGTH_DIGITS) {
                throw HttpException.badRequest("Invalid Content-Length");
            }
            while (i < end && HttpChars.isOws(value.charAt(i))) {
                i++;
            }
            if (i < end && value.charAt(i) != ',') {
                throw HttpException.badRequest("Invalid Content-Length");
            }
            if (length >= 0 && member != length) {
                throw HttpException.badRequest("Conflicting Content-Length values");
            }
            length = member;
        } while (i++ < end);
        return length;
    }

    /** Persistence (RFC 9112 §9.3) and expectations (RFC 9110 §10.1.1). */
    private static void resolveConnection(RequestHead head) {
        Headers headers = head.headers();
        boolean close = headers.containsToken(HeaderName.CONNECTION, "close");
        boolean keepAlive = head.version() == Version.HTTP_1_1
                ? !close
                : !close && headers.containsToken(HeaderName.CONNECTION, "keep-alive");
        boolean expectsContinue = false;
        boolean unsupported = false;
        for (int i = 0; i < headers.size(); i++) {
            if (headers.name(i).equalsIgnoreCase(EXPECT)) {
                String value = headers.value(i);
                int start = 0;
                while (start <= value.length()) {
                    int end = value.indexOf(',', start);
                    end = end < 0 ? value.length() : end;
                    int from = ListSyntax.skipOws(value, start, end);
                    int to = ListSyntax.trimOws(value, from, end);
                    if (to - from == CONTINUE.length() && value.regionMatches(true, from, CONTINUE, 0, to - from)) {
                        expectsContinue = true;
                    } else if (to > from) {
                        unsupported = true; // RFC 9110 §10.1.1: the server MAY answer 417
                    }
                    start = end + 1;
                }
            }
        }
        // RFC 9110 §10.1.1: a server that receives 100-continue in an HTTP/1.0 request MUST ignore it.
        if (head.version() == Version.HTTP_1_0) {
            expectsContinue = false;
        }
        head.setConnection(keepAlive, expectsContinue, unsupported);
    }
}
