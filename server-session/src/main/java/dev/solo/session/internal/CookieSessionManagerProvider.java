package dev.solo.session.internal;

import dev.solo.config.ConfigException;
import dev.solo.config.Directive;
import dev.solo.config.SourcePosition;
import dev.solo.config.spi.Plugins;
import dev.solo.http.spi.SessionManager;
import dev.solo.http.spi.SessionManagerProvider;
import dev.solo.session.internal.store.MemorySessionStoreProvider;
import dev.solo.session.spi.SessionIds;
import dev.solo.session.spi.SessionSettings;
import dev.solo.session.spi.SessionStore;
import dev.solo.session.spi.SessionStoreProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Session support for the HTTP module: builds a {@link CookieSessionManager} per server block from the
 * {@code session_*} directives, over the store {@code session_store} names.
 *
 * <p>Stores are found with {@link Plugins#load(Class)}; this module declares
 * {@code uses dev.solo.session.spi.SessionStoreProvider} so that JPMS resolves the modules that provide them.
 */
public final class CookieSessionManagerProvider implements SessionManagerProvider {

    private final List<SessionStoreProvider> stores;
    private final LongSupplier clock;

    /** For {@link java.util.ServiceLoader}: finds the installed stores, with the system clock. */
    public CookieSessionManagerProvider() {
        this(Plugins.load(SessionStoreProvider.class), System::currentTimeMillis);
    }

    /**
     * @param stores the store kinds to choose from
     * @param clock the stores' clock, in epoch milliseconds
     */
    CookieSessionManagerProvider(List<SessionStoreProvider> stores, LongSupplier clock) {
        this.stores = List.copyOf(stores);
        this.clock = clock;
    }

    @Override
    public SessionManager create(Directive server, Function<String, Optional<Directive>> inherited)
            throws ConfigException {
        Optional<Directive> storeDirective = inherited.apply(SessionDirectives.STORE);
        SessionStoreProvider provider = chooseStore(storeDirective, server);
        SessionSettings settings = settings(server, inherited, storeDirective);
        SessionStore store = provider.create(settings);
        return new CookieSessionManager(store, cookie(inherited), SessionIds.create());
    }

    private SessionStoreProvider chooseStore(Optional<Directive> storeDirective, Directive server)
            throws ConfigException {
        // Two stores with one name are a fault of the installation, not of this block: a whole-config error.
        Map<String, SessionStoreProvider> byName = Plugins.byName("session store", stores, SessionStoreProvider::name,
                SourcePosition.ofFile(server.position().file()));
        String name = storeDirective.isPresent() ? storeDirective.get().arg(0) : MemorySessionStoreProvider.NAME;
        SessionStoreProvider chosen = byName.get(name);
        if (chosen == null) {
            String known = String.join(", ", byName.keySet());
            if (storeDirective.isEmpty()) {
                throw server.error("no '" + name + "' session store is installed; known: " + known);
            }
            throw storeDirective.get().argError(0, "unknown session store '" + name + "'; known: " + known);
        }
        return chosen;
    }

    private SessionSettings settings(Directive server, Function<String, Optional<Directive>> inherited,
                                     Optional<Directive> storeDirective) throws ConfigException {
        Duration idle = duration(inherited, SessionDirectives.TIMEOUT, SessionSettings.DEFAULT_IDLE_TIMEOUT);
        Duration lifetime = duration(inherited, SessionDirectives.LIFETIME, SessionSettings.DEFAULT_LIFETIME);
        Optional<Directive> max = inherited.apply(SessionDirectives.MAX);
        // The directive's check bounds it to 1..Integer.MAX_VALUE.
        int maxSessions = max.isPresent() ? (int) max.get().sizeArg(0) : SessionSettings.DEFAULT_MAX_SESSIONS;
        Optional<Directive> dir = inherited.apply(SessionDirectives.DIR);
        Path directory = dir.isPresent() ? dir.get().resolvePath(0) : null;
        SourcePosition position = storeDirective.map(Directive::position).orElse(server.position());
        return SessionSettings.create(b -> b.idleTimeout(idle).lifetime(lifetime).maxSessions(maxSessions)
                .directory(directory).clock(clock).position(position).directives(inherited));
    }

    private static Duration duration(Function<String, Optional<Directive>> inherited, String name, Duration fallback)
            throws ConfigException {
        Optional<Directive> directive = inherited.apply(name);
        return directive.isPresent() ? directive.get().durationArg(0) : fallback;
    }

    private static SessionCookie cookie(Function<String, Optional<Directive>> inherited) throws ConfigException {
        Optional<Directive> name = inherited.apply(SessionDirectives.COOKIE);
        Optional<Directive> secure = inherited.apply(SessionDirectives.COOKIE_SECURE);
        boolean isSecure = secure.isPresent() && secure.get().flagArg(0);
        try {
            return new SessionCookie(name.isPresent() ? name.get().arg(0) : SessionCookie.DEFAULT_NAME, isSecure);
        } catch (IllegalArgumentException e) {
            Directive at = name.orElseGet(() -> secure.orElseThrow());
            throw at.error(e.getMessage());
        }
    }
}
