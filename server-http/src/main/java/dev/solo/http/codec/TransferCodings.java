package dev.solo.http.codec;

import dev.solo.http.HeaderName;
import dev.solo.http.Headers;
import dev.solo.http.HttpException;

/**
 * Checks the {@code Transfer-Encoding} list of a request (RFC 9112 §6.1), over all its field lines in order.
 *
 * <p>The server decodes one transfer coding, {@code chunked}. The rules, in the order they are checked:
 * <ol>
 *   <li>Each member is a token, optionally with parameters (RFC 9112 §7: {@code transfer-coding = token *( OWS ";"
 *       OWS transfer-parameter )}); anything else is 400. Empty members are skipped (RFC 9110 §5.6.1), but a list
 *       with no coding at all is 400. Quoted parameter values are not unpicked: a comma inside one splits the
 *       member and the leftover fails the token check, which errs on the side of refusing.</li>
 *   <li>{@code chunked} more than once is 400 (RFC 9112 §7.1: a sender MUST NOT apply chunked more than once), and
 *       {@code chunked} with parameters is 400 (it defines none).</li>
 *   <li>If {@code chunked} is not the final coding the body length cannot be determined: 400 and close (RFC 9112
 *       §6.3 item 4, a MUST).</li>
 *   <li>Any other coding before it is one the server does not decode: 501 (RFC 9112 §6.1: a server SHOULD respond
 *       501 to a transfer coding it does not understand), and close, since the body cannot be read.</li>
 * </ol>
 * Coding names are case-insensitive (RFC 9112 §7).
 */
final class TransferCodings {

    private static final String TRANSFER_ENCODING = HeaderName.TRANSFER_ENCODING.canonical();
    private static final String CHUNKED = "chunked";

    private TransferCodings() {
    }

    static void checkChunkedLast(Headers headers) {
        int codings = 0;
        int chunked = 0;
        boolean lastIsChunked = false;
        boolean unknown = false;
        for (int i = 0; i < headers.size(); i++) {
            if (!headers.name(i).equalsIgnoreCase(TRANSFER_ENCODING)) {
                continue;
            }
            String value = headers.value(i);
            int start = 0;
            while (start <= value.length()) {
                int end = value.indexOf(',', start);
                end = end < 0 ? value.length() : end;
                int from = ListSyntax.skipOws(value, start, end);
                int to = ListSyntax.trimOws(value, from, end);
                start = end + 1;
                if (from == to) {
                    continue;
                }
                int nameEnd = tokenEnd(value, from, to);
                boolean parameters = nameEnd < to;
                if (nameEnd == from || parameters && value.charAt(ListSyntax.skipOws(value, nameEnd, to)) != ';') {
                    throw HttpException.badRequest("Invalid Transfer-Encoding");
                }
                codings++;
                lastIsChunked = nameEnd - from == CHUNKED.length()
                        && value.regionMatches(true, from, CHUNKED, 0, CHUNKED.length());
                if (lastIsChunked) {
                    if (++chunked > 1 || parameters) {
                        throw HttpException.badRequest("Invalid chunked transfer coding");
                    }
                } else {
                    unknown = true;
                }
            }
        }
        if (codings == 0) {
            throw HttpException.badRequest("Empty Transfer-Encoding");
        }
        if (!lastIsChunked) {
            throw HttpException.badRequest("Transfer-Encoding does not end with chunked");
        }
        if (unknown) {
            throw HttpException.notImplemented("Transfer coding not implemented");
        }
    }

    private static int tokenEnd(String value, int from, int to) {
        int i = from;
        while (i < to && HttpChars.isTchar(value.charAt(i))) {
            i++;
        }
        return i;
    }
}
