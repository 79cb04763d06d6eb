package dev.solo.http;

/**
 * Escaping for the HTML pages handlers generate (listings, error and upload pages, demos): one implementation, so a
 * fix reaches every page.
 */
public final class Html {

    private Html() {
    }

    /**
     * Escapes the five characters that could start markup or end an attribute, so the result is safe both as element
     * text and inside a double- or single-quoted attribute. NUL, which browsers turn into U+FFFD anyway, is replaced.
     *
     * @param text any text
     * @return the text with {@code & < > " '} as character references
     */
    public static String escape(CharSequence text) {
        StringBuilder out = null;
        for (int i = 0, n = text.length(); i < n; i++) {
            String replacement = replacement(text.charAt(i));
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(n + 16).append(text, 0, i);
                }
                out.append(replacement);
            } else if (out != null) {
                out.append(text.charAt(i));
            }
        }
        return out == null ? text.toString() : out.toString();
    }

    private static String replacement(char c) {
        switch (c) {
            case '&':
                return "&amp;";
            case '<':
                return "&lt;";
            case '>':
                return "&gt;";
            case '"':
                return "&quot;";
            case '\'':
                return "&#39;";
            case '\0':
                return "\uFFFD";
            default:
                return null;
        }
    }
}
