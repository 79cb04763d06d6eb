package dev.solo.examples.markdown;

import dev.solo.config.ConfigException;
import dev.solo.config.Directive;
import dev.solo.http.Handler;
import dev.solo.http.spi.HandlerProvider;
import dev.solo.http.spi.LocationContext;
import java.util.Optional;

/**
 * The handler type {@code markdown}: builds a {@link MarkdownHandler} for every location where {@code markdown on;}
 * is in effect and that maps paths to files. Stateless, as {@link HandlerProvider} requires: everything a handler
 * needs is read from the location once, at start.
 */
public final class MarkdownHandlerProvider implements HandlerProvider {

    /** The handler type's name, for {@code handler markdown;}. */
    public static final String NAME = "markdown";

    /**
     * After {@code return} (10), before CGI (50), uploads (60) and static files (1000): a {@code .md} file is
     * rendered before the static handler could send it as it is. The session demo also uses 40; ties go by name.
     */
    private static final int ORDER = 40;

    /** Creates the provider (ServiceLoader needs a public no-argument constructor). */
    public MarkdownHandlerProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int order() {
        return ORDER;
    }

    /**
     * A location without {@code root} or {@code alias} has no files, so it gets no handler rather than an error: a
     * server-wide {@code markdown on;} must not fail on the locations that only redirect or run scripts.
     */
    @Override
    public Optional<Handler> create(LocationContext location) throws ConfigException {
        Optional<Directive> markdown = location.inherited(MarkdownDirectives.MARKDOWN);
        if (markdown.isEmpty() || !markdown.get().flagArg(0) || location.location().root().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(build(location));
    }

    /** {@code handler markdown;} turns rendering on without {@code markdown on;}, but not against {@code markdown off;}. */
    @Override
    public Handler createExplicit(LocationContext location) throws ConfigException {
        Optional<Directive> markdown = location.inherited(MarkdownDirectives.MARKDOWN);
        if (markdown.isPresent() && !markdown.get().flagArg(0)) {
            throw markdown.get().error("'handler markdown' conflicts with 'markdown off'");
        }
        if (location.location().root().isEmpty()) {
            throw location.block().error("the markdown handler needs a root or an alias in this location");
        }
        return build(location);
    }

    private static Handler build(LocationContext location) {
        Optional<String> css = location.inherited(MarkdownDirectives.MARKDOWN_CSS).map(d -> d.arg(0));
        return new MarkdownHandler(css, MarkdownHandler.MAX_FILE_BYTES);
    }
}
