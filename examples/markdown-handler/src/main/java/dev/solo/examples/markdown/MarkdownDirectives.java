package dev.solo.examples.markdown;

import static dev.solo.config.spi.ArgumentChecks.flag;

import dev.solo.config.ConfigException;
import dev.solo.config.Directive;
import dev.solo.config.spi.ArgumentCheck;
import dev.solo.config.spi.DirectiveProvider;
import dev.solo.config.spi.DirectiveSpec;
import java.util.List;
import java.util.Locale;

/**
 * Declares {@code markdown on|off;} and {@code markdown_css URL;}, so that the server validates them (context,
 * argument count, value) with every other directive, and {@code solo --check} reports a mistake as
 * {@code file:line:col} before any handler is built.
 */
public final class MarkdownDirectives implements DirectiveProvider {

    /** {@code markdown on|off;} in a server or location. */
    public static final String MARKDOWN = "markdown";
    /** {@code markdown_css URL;} in a server or location. */
    public static final String MARKDOWN_CSS = "markdown_css";

    private static final String SERVER = "server";
    private static final String LOCATION = "location";

    /** Creates the provider (ServiceLoader needs a public no-argument constructor). */
    public MarkdownDirectives() {
    }

    @Override
    public List<DirectiveSpec> directives() {
        return List.of(
                DirectiveSpec.create(MARKDOWN, b -> b.contexts(SERVER, LOCATION).args(1).check(flag(0))),
                DirectiveSpec.create(MARKDOWN_CSS, b -> b.contexts(SERVER, LOCATION).args(1).check(styleSheet(0))));
    }

    /**
     * The style sheet goes into an attribute of every page, so only the two harmless shapes are accepted: a path on
     * this server or an http(s) URL. Anything else ({@code javascript:}, {@code data:}, a relative path that would
     * change meaning from page to page) is a configuration error pointing at the argument.
     */
    static ArgumentCheck styleSheet(int index) {
        return d -> {
            String url = d.arg(index);
            String lower = url.toLowerCase(Locale.ROOT);
            boolean shape = (url.startsWith("/") && !url.startsWith("//"))
                    || lower.startsWith("http://") || lower.startsWith("https://");
            if (!shape || hasSpaceOrControl(url)) {
                throw argError(d, index, url);
            }
        };
    }

    private static ConfigException argError(Directive d, int index, String url) {
        return d.argError(index, "'" + MARKDOWN_CSS + "' expects a path starting with '/' or an http(s) URL, got '"
                + url + "'");
    }

    private static boolean hasSpaceOrControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
