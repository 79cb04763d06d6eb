package dev.solo.session.internal;

import static dev.solo.config.spi.ArgumentChecks.flag;

import dev.solo.config.spi.ArgumentCheck;
import dev.solo.config.spi.DirectiveProvider;
import dev.solo.config.spi.DirectiveSpec;
import dev.solo.session.SetCookie;
import dev.solo.session.internal.redis.RedisAddress;
import java.util.List;

/**
 * The directives of the session module. Session settings apply per server block and may be set once at the top
 * level for all of them; {@code session_demo} switches the demo handler on in a location.
 *
 * <pre>
 * session_store memory;            # or: file (with session_dir), redis (with session_redis), or a store added
 *                                  # by another module
 * session_dir /var/lib/solo/sessions;
 * session_redis redis://:secret@10.0.0.5:6379/0;
 * session_redis_connect_timeout 2s;
 * session_redis_command_timeout 2s;
 * session_timeout 30m;             # idle timeout
 * session_lifetime 24h;            # absolute lifetime
 * session_max 100000;              # live sessions; 100k also works
 * session_cookie SOLOSESSION;
 * session_cookie_secure off;
 * location /session/ { session_demo on; }
 * </pre>
 */
public final class SessionDirectives implements DirectiveProvider {

    /** {@code session_store NAME;}: which {@link dev.solo.session.spi.SessionStoreProvider} keeps the sessions. */
    public static final String STORE = "session_store";
    /** {@code session_dir DIR;}: the directory of the {@code file} store, relative to the configuration file. */
    public static final String DIR = "session_dir";
    /** {@code session_redis URL;}: the Redis server of the {@code redis} store. */
    public static final String REDIS = "session_redis";
    /** {@code session_redis_connect_timeout DURATION;}: how long connecting to Redis may take. */
    public static final String REDIS_CONNECT_TIMEOUT = "session_redis_connect_timeout";
    /** {@code session_redis_command_timeout DURATION;}: how long any Redis command may wait for its answer. */
    public static final String REDIS_COMMAND_TIMEOUT = "session_redis_command_timeout";
    /** {@code session_timeout DURATION;}: how long an unused session lives. */
    public static final String TIMEOUT = "session_timeout";
    /** {@code session_lifetime DURATION;}: how long any session lives at most. */
    public static final String LIFETIME = "session_lifetime";
    /** {@code session_max N;}: the most live sessions per server block. */
    public static final String MAX = "session_max";
    /** {@code session_cookie NAME;}: the session cookie's name. */
    public static final String COOKIE = "session_cookie";
    /** {@code session_cookie_secure on|off;}: whether the cookie is HTTPS-only. */
    public static final String COOKIE_SECURE = "session_cookie_secure";
    /** {@code session_demo on|off;}: the demo pages in a location. */
    public static final String DEMO = "session_demo";

    private static final String MAIN = DirectiveSpec.MAIN_CONTEXT;
    private static final String SERVER = "server";
    private static final String LOCATION = "location";

    /** For {@link java.util.ServiceLoader}. */
    public SessionDirectives() {
    }

    @Override
    public List<DirectiveSpec> directives() {
        return List.of(
                DirectiveSpec.create(STORE, b -> b.contexts(MAIN, SERVER).args(1)),
                DirectiveSpec.create(DIR, b -> b.contexts(MAIN, SERVER).args(1)),
                DirectiveSpec.create(REDIS, b -> b.contexts(MAIN, SERVER).args(1).check(redisUrl())),
                DirectiveSpec.create(REDIS_CONNECT_TIMEOUT,
                        b -> b.contexts(MAIN, SERVER).args(1).check(positiveDuration())),
                DirectiveSpec.create(REDIS_COMMAND_TIMEOUT,
                        b -> b.contexts(MAIN, SERVER).args(1).check(positiveDuration())),
                DirectiveSpec.create(TIMEOUT, b -> b.contexts(MAIN, SERVER).args(1).check(positiveDuration())),
                DirectiveSpec.create(LIFETIME, b -> b.contexts(MAIN, SERVER).args(1).check(positiveDuration())),
                DirectiveSpec.create(MAX, b -> b.contexts(MAIN, SERVER).args(1).check(sessionCount())),
                DirectiveSpec.create(COOKIE, b -> b.contexts(MAIN, SERVER).args(1).check(cookieName())),
                DirectiveSpec.create(COOKIE_SECURE, b -> b.contexts(MAIN, SERVER).args(1).check(flag(0))),
                DirectiveSpec.create(DEMO, b -> b.contexts(LOCATION).args(1).check(flag(0))));
    }

    private static ArgumentCheck positiveDuration() {
        return d -> {
            if (d.durationArg(0).isZero()) {
                throw d.argError(0, "'" + d.name() + "' must be longer than zero");
            }
        };
    }

    private static ArgumentCheck redisUrl() {
        return d -> {
            try {
                RedisAddress.parse(d.arg(0));
            } catch (IllegalArgumentException e) {
                throw d.argError(0, "'" + d.name() + "': " + e.getMessage());
            }
        };
    }

    private static ArgumentCheck sessionCount() {
        return d -> {
            long count = d.sizeArg(0);
            if (count < 1 || count > Integer.MAX_VALUE) {
                throw d.argError(0, "'" + d.name() + "' expects a count from 1 to " + Integer.MAX_VALUE);
            }
        };
    }

    private static ArgumentCheck cookieName() {
        return d -> {
            try {
                SetCookie.builder(d.arg(0), "");
            } catch (IllegalArgumentException e) {
                throw d.argError(0, "'" + d.name() + "': '" + d.arg(0) + "' is not a valid cookie name (a token,"
                        + " RFC 6265 §4.1.1)");
            }
        };
    }
}
