package dev.solo.session.internal.store;

import dev.solo.session.spi.SessionSettings;
import dev.solo.session.spi.SessionStore;
import dev.solo.session.spi.SessionStoreProvider;

/** {@code session_store memory;}: sessions in memory, the default. */
public final class MemorySessionStoreProvider implements SessionStoreProvider {

    /** The name used in {@code session_store}. */
    public static final String NAME = "memory";

    /** For {@link java.util.ServiceLoader}. */
    public MemorySessionStoreProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SessionStore create(SessionSettings settings) {
        return new MemorySessionStore(settings);
    }
}
