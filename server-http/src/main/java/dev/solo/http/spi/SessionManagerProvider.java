package dev.solo.http.spi;

import dev.solo.config.ConfigException;
import dev.solo.config.Directive;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@link java.util.ServiceLoader} entry of a session module. At most one may be installed: two are a config error.
 */
public interface SessionManagerProvider {

    /**
     * Builds the session manager of one server block.
     *
     * @param server the {@code server} block
     * @param inherited looks a directive up in the server block, then the top level
     * @return the manager
     * @throws ConfigException for invalid session settings
     */
    SessionManager create(Directive server, Function<String, Optional<Directive>> inherited)
            throws ConfigException;
}
