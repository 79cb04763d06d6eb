package dev.solo.examples.markdown;

import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a link target may become an {@code href}. Escaping stops a target from breaking out of its
 * attribute, but not from being a {@code javascript:} URL, so the scheme is checked too, the way a browser would read
 * it (WHATWG URL: a scheme is an ASCII letter followed by letters, digits, {@code + - .}, then {@code :}).
 */
final class LinkTargets {

    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");

    private LinkTargets() {
    }

    /**
     * @param escapedUrl the target as it appears in the escaped text (so {@code &amp;} stands for {@code &})
     * @return true for a relative reference or an http, https or mailto URL without control characters or spaces
     */
    static boolean isSafe(String escapedUrl) {
        String url = unescape(escapedUrl);
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            // Browsers drop tabs and newlines inside URLs, so "java\tscript:" would still run: refuse them all.
            if (c <= ' ' || c == 0x7f) {
                return false;
            }
        }
        String scheme = scheme(url);
        return scheme == null || SAFE_SCHEMES.contains(scheme.toLowerCase(Locale.ROOT));
    }

    /** @return the scheme, or null when the URL is a relative reference */
    private static String scheme(String url) {
        if (url.isEmpty() || !isAsciiLetter(url.charAt(0))) {
            return null;
        }
        for (int i = 1; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == ':') {
                return url.substring(0, i);
            }
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
                return null;
            }
        }
        return null;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Undoes {@link Html#escape}, which is all the escaping the text went through. */
    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
