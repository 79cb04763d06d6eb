package dev.solo.http.codec;

import dev.solo.http.HttpException;
import dev.solo.http.Method;
import java.nio.charset.StandardCharsets;

/**
 * Checks a request-target and recognises its form (RFC 9112 §3.2).
 *
 * <p>Every byte must be one RFC 3986 allows in a URI (§2: unreserved, sub-delims, gen-delims, and {@code %} followed
 * by two hex digits). Control characters, spaces, non-ASCII bytes and {@code " < > \ ^ ` { | } #} are rejected with
 * 400: they are not part of any URI, and a fragment is never sent (RFC 9112 §3.2). Browsers percent-encode all of
 * them. Path and query are then held to the stricter pchar sets (RFC 3986 §3.3, §3.4), so {@code [} and {@code ]}
 * appear only in an IP literal.
 *
 * <ul>
 *   <li>CONNECT takes the authority-form only, {@code host:port} (RFC 9112 §3.2.3).</li>
 *   <li>{@code /...} is the origin-form (RFC 9112 §3.2.1).</li>
 *   <li>{@code *} is the asterisk-form, and only OPTIONS may use it (RFC 9112 §3.2.4).</li>
 *   <li>Anything else must be an absolute-form {@code http} or {@code https} URI (RFC 9112 §3.2.2), which a server
 *       MUST accept. Its authority becomes the request's host. Userinfo is rejected (RFC 9110 §4.2.4: a recipient
 *       SHOULD treat it as an error); the host is checked by {@link HostParser}.</li>
 * </ul>
 */
final class TargetParser {

    private TargetParser() {
    }

    /**
     * @param line the request line
     * @param from index of the target's first byte
     * @param to index after its last byte
     * @param method the parsed method, or null when unknown
     * @param head receives target, form and, for absolute and authority forms, the host
     */
    static void parse(byte[] line, int from, int to, Method method, RequestHead head) {
        for (int i = from; i < to; i++) {
            byte b = line[i];
            if (!HttpChars.isTargetChar(b)) {
                throw HttpException.badRequest("Invalid character in request target");
            }
            if (b == '%' && (i + 2 >= to || HttpChars.hexValue(line[i + 1]) < 0 || HttpChars.hexValue(line[i + 2]) < 0)) {
                throw HttpException.badRequest("Invalid percent-encoding in request target");
            }
        }
        String target = new String(line, from, to - from, StandardCharsets.ISO_8859_1);
        if (method == Method.CONNECT) {
            head.setTarget(target, RequestHead.TargetForm.AUTHORITY, 0, target.length());
            HostParser.parse(target, 0, target.length(), true, head);
        } else if (target.charAt(0) == '/') {
            head.setTarget(target, RequestHead.TargetForm.ORIGIN, 0, pathAndQuery(target, 0));
        } else if (target.length() == 1 && target.charAt(0) == '*') {
            if (method != Method.OPTIONS) {
                throw HttpException.badRequest("Asterisk target is only allowed with OPTIONS");
            }
            head.setTarget(target, RequestHead.TargetForm.ASTERISK, 0, 1);
        } else {
            parseAbsolute(target, head);
        }
    }

    private static void parseAbsolute(String target, RequestHead head) {
        int authorityStart;
        if (target.regionMatches(true, 0, "http://", 0, 7)) {
            authorityStart = 7;
        } else if (target.regionMatches(true, 0, "https://", 0, 8)) {
            authorityStart = 8;
        } else {
            throw HttpException.badRequest("Invalid request target");
        }
        int authorityEnd = authorityStart;
        while (authorityEnd < target.length()) {
            char c = target.charAt(authorityEnd);
            if (c == '/' || c == '?') {
                break;
            }
            if (c == '@') {
                throw HttpException.badRequest("User information in request target");
            }
            authorityEnd++;
        }
        HostParser.parse(target, authorityStart, authorityEnd, false, head);
        int pathEnd = authorityEnd;
        if (authorityEnd < target.length() && target.charAt(authorityEnd) == '/') {
            pathEnd = pathAndQuery(target, authorityEnd);
        } else {
            checkQuery(target, authorityEnd);
        }
        // without a path (pathEnd == authorityEnd) RequestHead.path() answers "/" (RFC 9112 §3.2.1)
        head.setTarget(target, RequestHead.TargetForm.ABSOLUTE, authorityEnd, pathEnd);
    }

    /** Checks path and query characters; returns the index of the '?' or the end. */
    private static int pathAndQuery(String target, int pathStart) {
        int i = pathStart;
        int length = target.length();
        while (i < length) {
            char c = target.charAt(i);
            if (c == '?') {
                break;
            }
            if (!HttpChars.isPathChar(c)) {
                throw HttpException.badRequest("Invalid character in request path");
            }
            i++;
        }
        checkQuery(target, i);
        return i;
    }

    /** Checks the query that starts with '?' at {@code from}, if any. */
    private static void checkQuery(String target, int from) {
        for (int i = from + 1; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c != '?' && !HttpChars.isPathChar(c)) {
                throw HttpException.badRequest("Invalid character in request query");
            }
        }
    }
}
