package dev.solo.app;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Sessions (module {@code server-session}), for the whole program or one server.
 *
 * @param <T> the builder, returned for chaining
 */
public interface SessionSettings<T> extends Settings<T> {

    /**
     * {@code session_store memory|file|...;}
     *
     * @param store the store's name
     * @return this builder
     */
    default T sessionStore(String store) {
        return directive("session_store", store);
    }

    /**
     * {@code session_dir DIR;} for the file store.
     *
     * @param directory the directory
     * @return this builder
     */
    default T sessionDir(Path directory) {
        return directive("session_dir", Emitted.path(directory));
    }

    /**
     * {@code session_timeout T;}
     *
     * @param idle how long an unused session lives
     * @return this builder
     */
    default T sessionTimeout(Duration idle) {
        return directive("session_timeout", Emitted.duration(idle));
    }

    /**
     * {@code session_lifetime T;}
     *
     * @param lifetime how long a session lives at most
     * @return this builder
     */
    default T sessionLifetime(Duration lifetime) {
        return directive("session_lifetime", Emitted.duration(lifetime));
    }

    /**
     * {@code session_max N;}
     *
     * @param sessions sessions kept at most (the least recently used goes first)
     * @return this builder
     */
    default T sessionMax(int sessions) {
        return directive("session_max", Integer.toString(sessions));
    }

    /**
     * {@code session_cookie NAME;}
     *
     * @param name the cookie's name
     * @return this builder
     */
    default T sessionCookie(String name) {
        return directive("session_cookie", name);
    }

    /**
     * {@code session_cookie_secure on|off;}
     *
     * @param on whether the cookie says {@code Secure}
     * @return this builder
     */
    default T sessionCookieSecure(boolean on) {
        return directive("session_cookie_secure", Emitted.flag(on));
    }

    /**
     * {@code session_redis redis://[:password@]HOST:PORT[/DB];} for {@code session_store redis;}.
     *
     * @param url where Redis listens
     * @return this builder
     */
    default T sessionRedis(String url) {
        return directive("session_redis", url);
    }

    /**
     * {@code session_redis_connect_timeout T;}
     *
     * @param timeout how long a connection to Redis may take
     * @return this builder
     */
    default T sessionRedisConnectTimeout(Duration timeout) {
        return directive("session_redis_connect_timeout", Emitted.duration(timeout));
    }

    /**
     * {@code session_redis_command_timeout T;}
     *
     * @param timeout how long Redis may take to answer one command
     * @return this builder
     */
    default T sessionRedisCommandTimeout(Duration timeout) {
        return directive("session_redis_command_timeout", Emitted.duration(timeout));
    }
}
