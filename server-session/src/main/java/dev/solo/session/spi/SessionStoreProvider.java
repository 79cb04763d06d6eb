package dev.solo.session.spi;

import dev.solo.config.ConfigException;

/**
 * A kind of session store: the {@link java.util.ServiceLoader} entry chosen by {@code session_store NAME;}.
 * Providers are stateless and have a public no-argument constructor; the built-ins are {@code memory} (the default),
 * {@code file} and {@code redis}.
 *
 * <pre>{@code
 * // module-info.java of a module adding a store
 * provides dev.solo.session.spi.SessionStoreProvider with com.example.RedisStoreProvider;
 * }</pre>
 */
public interface SessionStoreProvider {

    /** @return the name used in {@code session_store NAME;}, e.g. {@code memory} */
    String name();

    /**
     * Builds the store of one server block. Called at start, before the loop runs, so it may do blocking work such
     * as reading a directory.
     *
     * @param settings limits, clock and directive access
     * @return the store
     * @throws ConfigException when the settings do not suit this store (pointing at {@link SessionSettings#position()}
     *         or at the offending directive)
     */
    SessionStore create(SessionSettings settings) throws ConfigException;
}
