package dev.solo.http.codec;

/**
 * Helpers for comma-separated list fields (RFC 9110 §5.6.1): trimming optional whitespace around members.
 */
final class ListSyntax {

    private ListSyntax() {
    }

    /** @return the first index in [from, to) that is not SP or HTAB, or {@code to} */
    static int skipOws(String text, int from, int to) {
        int i = from;
        while (i < to && HttpChars.isOws(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** @return the index after the last character in [from, to) that is not SP or HTAB, or {@code from} */
    static int trimOws(String text, int from, int to) {
        int i = to;
        while (i > from && HttpChars.isOws(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }
}
