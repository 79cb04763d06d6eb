/**
 * A third-party handler module for Solo: renders Markdown files as HTML pages.
 *
 * <p>Usage: put this module's jar on the server's module path and turn the handler on where it should apply.
 * <pre>{@code
 * server {
 *     root site;
 *     markdown on;                        # server or location; inherited downward
 *     markdown_css /css/site.css;         # optional style sheet for the rendered pages
 * }
 * }</pre>
 * A GET or HEAD of {@code /docs/guide.md} then answers an HTML page; {@code /docs/guide.md?raw} answers the text as
 * {@code text/markdown}. See the {@link dev.solo.examples.markdown package documentation} for the rules.
 *
 * <p>It uses only the exported API of {@code dev.solo.http} (which reads {@code dev.solo.config} and
 * {@code dev.solo.core} transitively) and no internal package, which is what makes it a plugin rather than a part of
 * the server.
 */
module dev.solo.examples.markdown {
    requires dev.solo.http;
    // It logs; dev.solo.core no longer passes SLF4J on to every reader, so each module declares what it uses.
    requires org.slf4j;

    // Nothing is exported: the module has no API of its own. ServiceLoader instantiates the two providers below
    // although their package is not exported, so the renderer and the handler stay invisible to other modules.

    // markdown and markdown_css: declared so that "solo --check" validates them before any handler is built.
    provides dev.solo.config.spi.DirectiveProvider with dev.solo.examples.markdown.MarkdownDirectives;
    // The handler type "markdown": dev.solo.http asks it for a handler in every location.
    provides dev.solo.http.spi.HandlerProvider with dev.solo.examples.markdown.MarkdownHandlerProvider;
}
