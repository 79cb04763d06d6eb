package dev.solo.examples.embedded;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** The text of {@code /hello}: the {@code name} query parameter, decoded, in a greeting. */
final class Greeting {

    private static final int MAX_NAME = 100;

    private Greeting() {
    }

    /**
     * @param query the raw query string, or null
     * @return {@code Hello, NAME!}, or {@code Hello, world!} without a usable name
     */
    static String of(String query) {
        String name = parameter(query, "name");
        return "Hello, " + (name == null || name.isBlank() ? "world" : name) + "!";
    }

    /**
     * The first value of a parameter, percent-decoded as UTF-8 ({@code +} is a space). The answer is
     * {@code text/plain}, which no browser renders as markup, so markup needs no escaping; control characters are
     * dropped all the same (a terminal showing the answer must not take orders from a query) and the length is
     * capped.
     */
    private static String parameter(String query, String wanted) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (decode(key).equals(wanted)) {
                String value = decode(eq < 0 ? "" : pair.substring(eq + 1));
                StringBuilder clean = new StringBuilder();
                value.codePoints().filter(c -> !Character.isISOControl(c)).limit(MAX_NAME)
                        .forEach(clean::appendCodePoint);
                return clean.toString();
            }
        }
        return null;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text; // a stray '%': taken literally rather than refused
        }
    }
}
