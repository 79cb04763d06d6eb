package dev.solo.http.spi;

import dev.solo.config.ConfigException;
import dev.solo.http.Handler;
import java.util.Optional;

/**
 * A handler type: the {@link java.util.ServiceLoader} entry a module provides to answer requests in locations.
 * Providers are stateless and built once at start; the handlers they create run on the loop.
 *
 * <p>The directives a handler type reads are declared separately, by the same module, as a
 * {@link dev.solo.config.spi.DirectiveProvider}, so the config is validated before any handler is built.
 */
public interface HandlerProvider {

    /** @return the type's name, as used by {@code handler NAME;} (e.g. {@code static}, {@code cgi}) */
    String name();

    /**
     * Where this type's handler sits in a location's chain: lower runs first. Built-ins use 10 (return),
     * 50 (cgi), 60 (upload), 1000 (static files, which take everything left).
     *
     * @return the order
     */
    int order();

    /**
     * Builds this type's handler for one location, if the location's settings ask for it.
     *
     * @param location the location's settings, with inheritance applied
     * @return the handler, or empty when the location does not use this type
     * @throws ConfigException with the position of the offending directive
     */
    Optional<Handler> create(LocationContext location) throws ConfigException;

    /**
     * @param location the location's settings
     * @return the handler, even when the location does not ask for it by its directives: used for {@code handler
     *         NAME;}
     * @throws ConfigException with the position of the offending directive
     */
    default Handler createExplicit(LocationContext location) throws ConfigException {
        Optional<Handler> handler = create(location);
        if (handler.isEmpty()) {
            throw new ConfigException(new dev.solo.config.ConfigError(location.block().position(),
                    "handler '" + name() + "' needs its own directives in this location"));
        }
        return handler.get();
    }

    /**
     * Where this type's handler in a location runs files as programs. The server asks every type whose handler is in
     * a location's chain, and then refuses any upload store inside such an area (at load time) and any write of a
     * covered file (403 at request time), so that no request can ever create a file the server would execute.
     * A handler type that executes files must override this.
     *
     * @param location the location's settings, with inheritance applied
     * @return the executable area, or empty (the default) when the handler runs no files
     * @throws ConfigException with the position of the offending directive
     */
    default Optional<ExecutableFiles> executables(LocationContext location) throws ConfigException {
        return Optional.empty();
    }
}
