package dev.solo.examples.embedded;

import dev.solo.http.Parameters;

/** The text of {@code /hello}: the {@code name} query parameter in a greeting. */
final class Greeting {

    private static final int MAX_NAME = 100;

    private Greeting() {
    }

    /**
     * The greeting for a request's query. The answer is {@code text/plain}, which no browser renders as markup, so
     * markup needs no escaping; control characters are dropped all the same (a terminal showing the answer must not
     * take orders from a query) and the length is capped.
     *
     * @param query the request's decoded query ({@code Request.parameters()}, which already answered 400 for a
     *              malformed escape or invalid UTF-8)
     * @return {@code Hello, NAME!}, or {@code Hello, world!} without a usable name
     */
    static String of(Parameters query) {
        StringBuilder name = new StringBuilder();
        query.first("name").orElse("").codePoints().filter(c -> !Character.isISOControl(c)).limit(MAX_NAME)
                .forEach(name::appendCodePoint);
        return "Hello, " + (name.toString().isBlank() ? "world" : name) + "!";
    }
}
