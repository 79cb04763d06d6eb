package dev.solo.app;

import dev.solo.config.Directive;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One {@code location} block written in code, inside {@link ServerSpec#location} or another location. Every setting
 * is the directive of the same name; anything else a config file can say in a location, {@link #directive} says.
 */
public final class LocationSpec implements FileSettings<LocationSpec>, ResponseSettings<LocationSpec>,
        RouteSettings<LocationSpec>, CgiSettings<LocationSpec> {

    private final String where;
    private final List<ExchangeHandler> lambdas;
    private final List<Directive> children = new ArrayList<>();

    LocationSpec(String where, List<ExchangeHandler> lambdas) {
        this.where = where;
        this.lambdas = lambdas;
    }

    @Override
    public LocationSpec directive(String name, String... args) {
        children.add(Emitted.simple(where, name, args));
        return this;
    }

    /**
     * Answers every request of this location with code: the handler gets the same exchange as a plugin handler.
     *
     * @param handler the handler
     * @return this builder
     */
    public LocationSpec handler(ExchangeHandler handler) {
        lambdas.add(handler);
        return directive(LambdaHandlers.DIRECTIVE, Integer.toString(lambdas.size() - 1));
    }

    /**
     * {@code handler TYPE;} only this handler type runs here.
     *
     * @param type a handler type's name, e.g. {@code static}
     * @return this builder
     */
    public LocationSpec handler(String type) {
        return directive("handler", type);
    }

    /**
     * {@code alias DIR;} the location's prefix maps to this directory.
     *
     * @param directory an existing directory
     * @return this builder
     */
    public LocationSpec alias(Path directory) {
        return directive("alias", Emitted.path(directory));
    }

    /**
     * {@code cgi EXT INTERPRETER;} runs files with this extension as CGI scripts (module {@code server-cgi}).
     *
     * @param extension with its dot, e.g. {@code .py}
     * @param interpreter a program name looked up on PATH, or an absolute path
     * @return this builder
     */
    public LocationSpec cgi(String extension, String interpreter) {
        return directive("cgi", extension, interpreter);
    }

    /**
     * {@code cgi EXT;} runs files with this extension themselves, as programs.
     *
     * @param extension with its dot, e.g. {@code .sh}
     * @return this builder
     */
    public LocationSpec cgi(String extension) {
        return directive("cgi", extension);
    }

    /**
     * {@code upload_inline on|off;}
     *
     * @param on whether uploaded active content (HTML, SVG) is served inline rather than as an attachment
     * @return this builder
     */
    public LocationSpec uploadInline(boolean on) {
        return directive("upload_inline", Emitted.flag(on));
    }

    /**
     * {@code session_demo on|off;} the session demo pages (module {@code server-session}).
     *
     * @param on whether they are served here
     * @return this builder
     */
    public LocationSpec sessionDemo(boolean on) {
        return directive("session_demo", Emitted.flag(on));
    }

    /**
     * A nested {@code location PREFIX { ... }}.
     *
     * @param prefix a path prefix inside this location's
     * @param settings its settings
     * @return this builder
     */
    public LocationSpec location(String prefix, Consumer<LocationSpec> settings) {
        children.add(nested(where, lambdas, prefix, false, settings));
        return this;
    }

    /**
     * A nested {@code location = PATH { ... }}.
     *
     * @param path the exact path
     * @param settings its settings
     * @return this builder
     */
    public LocationSpec exactLocation(String path, Consumer<LocationSpec> settings) {
        children.add(nested(where, lambdas, path, true, settings));
        return this;
    }

    /** Builds a location block under {@code parent}. */
    static Directive nested(String parent, List<ExchangeHandler> lambdas, String path, boolean exact,
            Consumer<LocationSpec> settings) {
        String where = parent + " > location " + (exact ? "= " : "") + '"' + path + '"';
        LocationSpec spec = new LocationSpec(where, lambdas);
        settings.accept(spec);
        return exact ? Emitted.block(where, "location", spec.children, "=", path)
                : Emitted.block(where, "location", spec.children, path);
    }
}
