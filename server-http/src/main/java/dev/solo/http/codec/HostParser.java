package dev.solo.http.codec;

import dev.solo.http.HttpException;
import java.util.Locale;

/**
 * Checks a {@code uri-host [ ":" port ]} (RFC 9110 §7.2, RFC 3986 §3.2.2) from a {@code Host} header or from an
 * absolute-form or authority-form target, and splits it into a lower-case host and a port.
 *
 * <p>Stricter than the URI grammar, on purpose; a host that passes ends up in virtual-host selection, logs, CGI
 * variables and redirect URLs, so it is kept to what DNS names and IP literals can be:
 * <ul>
 *   <li>A name or IPv4 address holds only letters, digits, {@code -}, {@code .} and {@code _}. The other characters
 *       reg-name allows (sub-delims, percent-encoding) are rejected: no real host name needs them and they are the
 *       raw material of host-header injection.</li>
 *   <li>An IP literal is {@code [} hex digits, {@code :} and {@code .} {@code ]}; IPvFuture and zone identifiers are
 *       rejected.</li>
 *   <li>The host is never empty. RFC 9110 §7.2 allows an empty {@code Host} only when the target URI has no
 *       authority, which no request to an origin server's {@code http} resource has; RFC 9110 §4.2.1 says a
 *       recipient MUST reject an {@code http} URI with an empty host.</li>
 *   <li>A port, if present, is 1 to 5 digits no greater than 65535. An empty port ({@code host:}) is allowed by the
 *       grammar but rejected here: it never comes from a real client and only adds a spelling to normalise.</li>
 * </ul>
 * Violations throw 400 (RFC 9112 §3.2: a server MUST respond 400 to a {@code Host} with an invalid value).
 */
final class HostParser {

    private static final int MAX_IP_LITERAL = 47;

    private HostParser() {
    }

    /**
     * @param text holds the authority
     * @param from index of its first character
     * @param to index after its last character
     * @param portRequired true for the authority-form of CONNECT (RFC 9112 §3.2.3)
     * @param head receives the lower-case host and the port (-1 when none)
     */
    static void parse(String text, int from, int to, boolean portRequired, RequestHead head) {
        int hostEnd = check(text, from, to, portRequired);
        int port = hostEnd < to ? parsePort(text, hostEnd + 1, to) : -1;
        head.setAuthority(lowerCase(text, from, hostEnd), port);
    }

    /**
     * Checks the syntax only.
     *
     * @param text holds the authority
     * @param from index of its first character
     * @param to index after its last character
     * @param portRequired whether a port must be present
     * @return the index after the host, which is {@code to} or the index of the ':' before the port
     */
    static int check(String text, int from, int to, boolean portRequired) {
        if (from == to) {
            throw invalid();
        }
        int hostEnd = text.charAt(from) == '[' ? ipLiteralEnd(text, from, to) : regNameEnd(text, from, to);
        if (hostEnd < to) {
            // the character after the host is ':' (checked by the scanners)
            parsePort(text, hostEnd + 1, to);
        } else if (portRequired) {
            throw invalid();
        }
        return hostEnd;
    }

    private static int regNameEnd(String text, int from, int to) {
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c == ':') {
                break;
            }
            if (!isNameChar(c)) {
                throw invalid();
            }
            i++;
        }
        if (i == from) {
            throw invalid();
        }
        return i;
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                || c == '_';
    }

    private static int ipLiteralEnd(String text, int from, int to) {
        int i = from + 1;
        boolean colon = false;
        while (i < to && text.charAt(i) != ']') {
            char c = text.charAt(i);
            if (c == ':') {
                colon = true;
            } else if (HttpChars.hexValue(c) < 0 && c != '.') {
                throw invalid();
            }
            i++;
        }
        if (i == to || !colon || i - from > MAX_IP_LITERAL) {
            throw invalid();
        }
        int end = i + 1;
        if (end < to && text.charAt(end) != ':') {
            throw invalid();
        }
        return end;
    }

    private static int parsePort(String text, int from, int to) {
        int length = to - from;
        if (length < 1 || length > 5) {
            throw invalid();
        }
        int port = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!HttpChars.isDigit(c)) {
                throw invalid();
            }
            port = port * 10 + (c - '0');
        }
        if (port > 65535) {
            throw invalid();
        }
        return port;
    }

    private static String lowerCase(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                return text.substring(from, to).toLowerCase(Locale.ROOT);
            }
        }
        return from == 0 && to == text.length() ? text : text.substring(from, to);
    }

    private static HttpException invalid() {
        return HttpException.badRequest("Invalid host");
    }
}
