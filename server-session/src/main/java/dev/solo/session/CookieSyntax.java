package dev.solo.session;

/**
 * The character classes of RFC 6265 §4.1.1, shared by the {@code Cookie} parser and the {@code Set-Cookie} builder so
 * both agree on what a cookie may hold.
 */
final class CookieSyntax {

    private CookieSyntax() {
    }

    /**
     * A cookie name is a token (RFC 6265 §4.1.1, via RFC 2616 §2.2; the same set as RFC 9110 §5.6.2 tchar).
     *
     * @param name the candidate
     * @return true when it is a non-empty token
     */
    static boolean isToken(CharSequence name) {
        return isToken(name, 0, name.length());
    }

    static boolean isToken(CharSequence text, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!isTchar(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * cookie-octet = %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E (RFC 6265 §4.1.1): US-ASCII without controls,
     * whitespace, DQUOTE, comma, semicolon and backslash.
     *
     * @param c the character
     * @return true when it may appear in a cookie value
     */
    static boolean isCookieOctet(char c) {
        return c >= 0x21 && c <= 0x7E && c != '"' && c != ',' && c != ';' && c != '\\';
    }

    static boolean isCookieOctets(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isCookieOctet(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * cookie-value = *cookie-octet / ( DQUOTE *cookie-octet DQUOTE ) (RFC 6265 §4.1.1).
     *
     * @param value the candidate, quotes included when it has them
     * @return true when the value may be sent as is
     */
    static boolean isCookieValue(String value) {
        int length = value.length();
        if (length >= 2 && value.charAt(0) == '"' && value.charAt(length - 1) == '"') {
            return isCookieOctets(value, 1, length - 1);
        }
        return isCookieOctets(value, 0, length);
    }

    /** tchar (RFC 9110 §5.6.2). */
    static boolean isTchar(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return true;
        }
        return "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    /** SP or HTAB: optional whitespace (RFC 9110 §5.6.3). */
    static boolean isOws(char c) {
        return c == ' ' || c == '\t';
    }
}
