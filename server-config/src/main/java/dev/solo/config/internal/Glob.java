package dev.solo.config.internal;

/**
 * The small file-name pattern language of {@code include}: {@code *} matches any run of characters,
 * {@code ?} exactly one, everything else itself. As in a shell, wildcards do not match a leading dot,
 * so {@code *.conf} skips hidden files such as editor backups.
 */
final class Glob {

    private Glob() {
    }

    static boolean hasWildcards(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }

    static boolean matches(String pattern, String name) {
        if (name.startsWith(".") && !pattern.startsWith(".")) {
            return false;
        }
        // Classic linear matcher: on a mismatch, let the last '*' swallow one more character.
        int p = 0;
        int n = 0;
        int star = -1;
        int starMatch = 0;
        while (n < name.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == name.charAt(n))) {
                p++;
                n++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                starMatch = n;
            } else if (star >= 0) {
                p = star + 1;
                n = ++starMatch;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
