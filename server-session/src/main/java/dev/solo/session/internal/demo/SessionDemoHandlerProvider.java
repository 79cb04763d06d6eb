package dev.solo.session.internal.demo;

import dev.solo.config.ConfigException;
import dev.solo.config.Directive;
import dev.solo.http.Handler;
import dev.solo.http.spi.HandlerProvider;
import dev.solo.http.spi.LocationContext;
import dev.solo.session.internal.SessionDirectives;
import java.util.Optional;

/**
 * The {@code session_demo} handler type: a visit counter with log-in and log-out, switched on in a location with
 * {@code session_demo on;}. It runs before CGI and static files (order 40) and takes only its own three URLs.
 */
public final class SessionDemoHandlerProvider implements HandlerProvider {

    /** The handler type's name. */
    public static final String NAME = "session_demo";
    /** Before CGI (50) and static files (1000), after {@code return} (10). */
    static final int ORDER = 40;

    /** For {@link java.util.ServiceLoader}. */
    public SessionDemoHandlerProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public Optional<Handler> create(LocationContext location) throws ConfigException {
        Optional<Directive> demo = location.inherited(SessionDirectives.DEMO);
        if (demo.isEmpty() || !demo.get().flagArg(0)) {
            return Optional.empty();
        }
        return Optional.of(createExplicit(location));
    }

    @Override
    public Handler createExplicit(LocationContext location) {
        return new SessionDemoHandler(location.location().prefix());
    }
}
