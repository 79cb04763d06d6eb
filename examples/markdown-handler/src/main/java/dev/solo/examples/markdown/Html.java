package dev.solo.examples.markdown;

import java.util.Optional;

/** HTML escaping and the page around a rendered document. */
final class Html {

    /** Enough to read comfortably when no {@code markdown_css} is configured. */
    private static final String BUILT_IN_STYLE = "body{font:16px/1.5 system-ui,sans-serif;max-width:46em;"
            + "margin:2em auto;padding:0 1em;color:#222}pre{background:#f4f4f4;padding:.8em;overflow:auto}"
            + "code{font-family:ui-monospace,monospace;font-size:.9em}footer{margin-top:3em;font-size:.85em}";

    private Html() {
    }

    /**
     * Escapes the five characters that could start markup or end an attribute, so the result is safe both as text
     * and inside a double- or single-quoted attribute. NUL, which browsers turn into U+FFFD anyway, is replaced here.
     *
     * @param text any text
     * @return the text with {@code & < > " '} as character references
     */
    static String escape(CharSequence text) {
        return dev.solo.http.Html.escape(text);
    }

    /**
     * Wraps a rendered document in a complete page.
     *
     * @param title the page title, already escaped
     * @param body the rendered document
     * @param css the style sheet to link (raw, escaped here), or empty for the built-in style
     * @return the page
     */
    static String page(String title, String body, Optional<String> css) {
        StringBuilder out = new StringBuilder(body.length() + 512);
        out.append("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(title).append("</title>\n");
        if (css.isPresent()) {
            out.append("<link rel=\"stylesheet\" href=\"").append(escape(css.get())).append("\">\n");
        } else {
            out.append("<style>").append(BUILT_IN_STYLE).append("</style>\n");
        }
        out.append("</head>\n<body>\n<main>\n").append(body).append("</main>\n")
                .append("<footer><a href=\"?raw\">Markdown source</a></footer>\n</body>\n</html>\n");
        return out.toString();
    }
}
