package dev.solo.session.internal.store;

import dev.solo.config.ConfigException;
import dev.solo.config.Directive;
import dev.solo.session.internal.SessionDirectives;
import dev.solo.session.internal.redis.RedisAddress;
import dev.solo.session.internal.redis.RedisClient;
import dev.solo.session.spi.SessionSettings;
import dev.solo.session.spi.SessionStore;
import dev.solo.session.spi.SessionStoreProvider;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code session_store redis;}: sessions in the Redis server {@code session_redis} names, shared by every process and
 * host that uses it. The host name is resolved here, at start, so that the loop never waits for DNS.
 */
public final class RedisSessionStoreProvider implements SessionStoreProvider {

    /** The name used in {@code session_store}. */
    public static final String NAME = "redis";
    /** Default for {@code session_redis_connect_timeout}. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Default for {@code session_redis_command_timeout}. */
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(2);
    /** The most commands waiting for Redis at once, per server block. */
    static final int MAX_PENDING = 10_000;
    /** The longest reply accepted: a session holds at most 64 Ki characters, at most 9 bytes each when encoded. */
    static final int MAX_REPLY_BYTES = 1 << 20;

    /** For {@link java.util.ServiceLoader}. */
    public RedisSessionStoreProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SessionStore create(SessionSettings settings) throws ConfigException {
        Optional<Directive> url = settings.directive(SessionDirectives.REDIS);
        if (url.isEmpty()) {
            throw new ConfigException(settings.position(),
                    "'session_store redis' needs 'session_redis redis://[:PASSWORD@]HOST:PORT[/DB];'");
        }
        RedisAddress address;
        try {
            address = RedisAddress.parse(url.get().arg(0));
        } catch (IllegalArgumentException e) {
            throw url.get().argError(0, "'" + SessionDirectives.REDIS + "': " + e.getMessage());
        }
        InetSocketAddress socketAddress;
        try {
            socketAddress = new InetSocketAddress(InetAddress.getByName(address.host()), address.port());
        } catch (UnknownHostException e) {
            throw url.get().argError(0, "'" + SessionDirectives.REDIS + "': unknown host '" + address.host() + "'");
        }
        long connect = millis(settings, SessionDirectives.REDIS_CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT);
        long command = millis(settings, SessionDirectives.REDIS_COMMAND_TIMEOUT, DEFAULT_COMMAND_TIMEOUT);
        RedisClient client = new RedisClient(address, socketAddress,
                new RedisClient.Settings(connect, command, MAX_PENDING, MAX_REPLY_BYTES));
        return new RedisSessionStore(client, settings);
    }

    private static long millis(SessionSettings settings, String name, Duration fallback) throws ConfigException {
        Optional<Directive> directive = settings.directive(name);
        return (directive.isPresent() ? directive.get().durationArg(0) : fallback).toMillis();
    }
}
