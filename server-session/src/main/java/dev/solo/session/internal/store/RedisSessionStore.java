package dev.solo.session.internal.store;

import dev.solo.core.EventLoop;
import dev.solo.session.internal.redis.RedisClient;
import dev.solo.session.spi.SessionData;
import dev.solo.session.spi.SessionIds;
import dev.solo.session.spi.SessionSettings;
import dev.solo.session.spi.SessionStore;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions in Redis, shared by every process and host that uses the same server: a log-in made through one is seen
 * by all. Lookups go over the network, so they are asynchronous ({@link #answersAtOnce()} false); writes are sent
 * without waiting (pipelined by {@link RedisClient}), and their failures only logged.
 *
 * <p><b>Keys.</b> A session is one string key holding the {@link SessionFileFormat} text (id, times, attributes), named
 * by its {@link SessionIds#lookupKey lookup key}, so that listing the keys reveals no usable id:
 * <ul>
 *   <li>{@code solo:session:KEY} for an established session (its client came back with the cookie), with a TTL that
 *       ends it at the earlier of its idle timeout and its absolute lifetime. Each use moves the TTL
 *       ({@code PEXPIRE}), so Redis expires idle sessions on its own; the creation time in the value keeps the
 *       absolute lifetime.</li>
 *   <li>{@code solo:fresh:KEY} for a session just made whose client has not come back yet. Each process remembers
 *       the fresh keys it wrote in an {@link LruIndex} capped at {@code session_max}, and deletes the oldest beyond
 *       it. A flood of cookieless requests thus holds at most {@code session_max} fresh keys per process and never
 *       touches an established session; the first lookup of a fresh key (from any process) moves it to
 *       {@code solo:session:}.</li>
 * </ul>
 * {@code SET ... XX} saves only a session that still exists, so saving never brings back one that expired or ended
 * meanwhile. Redis may evict keys of its own accord under {@code maxmemory}; give it room, or a {@code volatile-*}
 * policy so that only keys with a TTL (these) can go.
 */
final class RedisSessionStore implements SessionStore {

    private static final Logger LOG = LoggerFactory.getLogger(RedisSessionStore.class);
    /** The prefix of established sessions' keys. */
    static final String SESSION_PREFIX = "solo:session:";
    /** The prefix of fresh sessions' keys. */
    static final String FRESH_PREFIX = "solo:fresh:";

    private final RedisClient redis;
    private final SessionSettings settings;
    private final LongSupplier clock;
    /** The fresh keys this process wrote, least recently used first. */
    private final LruIndex<Boolean> fresh;

    /**
     * @param redis the client, not started yet
     * @param settings limits and clock
     */
    RedisSessionStore(RedisClient redis, SessionSettings settings) {
        this.redis = redis;
        this.settings = settings;
        this.clock = settings.clock();
        this.fresh = new LruIndex<>(settings.maxSessions(), (key, unused) -> fireAndForget("DEL", FRESH_PREFIX + key));
    }

    @Override
    public void attach(EventLoop loop) {
        redis.start(loop);
    }

    @Override
    public boolean answersAtOnce() {
        return false;
    }

    @Override
    public boolean isAvailable() {
        return redis.isAvailable();
    }

    @Override
    public SessionData create(String id) {
        long now = clock.getAsLong();
        SessionData data = new SessionData(id, now, now);
        String key = SessionIds.lookupKey(id);
        fresh.put(key, Boolean.TRUE, false);
        write(FRESH_PREFIX + key, data, "NX");
        return data;
    }

    @Override
    public CompletionStage<Optional<SessionData>> find(String id) {
        String key = SessionIds.lookupKey(id);
        return redis.send("GET", SESSION_PREFIX + key).thenCompose(value -> {
            if (value != null) {
                // Known as established here, whichever process made it.
                fresh.remove(key);
                return CompletableFuture.completedFuture(parse(value, id, SESSION_PREFIX + key));
            }
            return redis.send("GET", FRESH_PREFIX + key).thenApply(freshValue -> establish(key, id, freshValue));
        });
    }

    /** The client came back with a fresh session: it moves to the established keys, with its full TTL. */
    private Optional<SessionData> establish(String key, String id, Object value) {
        Optional<SessionData> found = parse(value, id, FRESH_PREFIX + key);
        if (found.isPresent()) {
            fresh.remove(key);
            write(SESSION_PREFIX + key, found.get(), null);
            fireAndForget("DEL", FRESH_PREFIX + key);
        }
        return found;
    }

    private Optional<SessionData> parse(Object value, String id, String redisKey) {
        if (!(value instanceof byte[])) {
            return Optional.empty();
        }
        SessionData data;
        try {
            data = SessionFileFormat.read((byte[]) value);
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring corrupt session in Redis key {}: {}", redisKey, e.getMessage());
            return Optional.empty();
        }
        if (!SessionIds.sameId(data.id(), id)) {
            return Optional.empty();
        }
        long now = clock.getAsLong();
        // Redis expires idle sessions by TTL; the absolute lifetime counts from the creation time kept in the value.
        if (settings.isExpired(new SessionData(id, data.createdAt(), now), now)) {
            fireAndForget("DEL", redisKey);
            return Optional.empty();
        }
        return Optional.of(data);
    }

    @Override
    public void touch(SessionData session) {
        long now = clock.getAsLong();
        session.lastAccessedAt(now);
        String key = SessionIds.lookupKey(session.id());
        if (fresh.get(key) == null) {
            fireAndForget("PEXPIRE", SESSION_PREFIX + key, Long.toString(ttl(session, now)));
        }
    }

    @Override
    public void save(SessionData session) {
        String key = SessionIds.lookupKey(session.id());
        write(redisKey(key), session, "XX");
    }

    @Override
    public void changeId(SessionData session, String newId) {
        String oldKey = SessionIds.lookupKey(session.id());
        String newKey = SessionIds.lookupKey(newId);
        boolean isFresh = fresh.remove(oldKey) != null;
        String prefix = isFresh ? FRESH_PREFIX : SESSION_PREFIX;
        // Delete before writing, as the file store does: the old id must stop working whatever happens next.
        fireAndForget("DEL", prefix + oldKey);
        session.id(newId);
        if (isFresh) {
            fresh.put(newKey, Boolean.TRUE, false);
        }
        write(prefix + newKey, session, null);
    }

    @Override
    public void remove(String id) {
        String key = SessionIds.lookupKey(id);
        fresh.remove(key);
        fireAndForget("DEL", SESSION_PREFIX + key, FRESH_PREFIX + key);
    }

    /** @return the fresh sessions this process made and still tracks; established ones are counted by Redis only */
    @Override
    public int count() {
        return fresh.size();
    }

    @Override
    public void close() {
        redis.stop();
    }

    private String redisKey(String key) {
        return (fresh.get(key) != null ? FRESH_PREFIX : SESSION_PREFIX) + key;
    }

    /** {@code SET key value PX ttl [NX|XX]}. */
    private void write(String redisKey, SessionData data, String condition) {
        long now = clock.getAsLong();
        byte[] value = SessionFileFormat.write(data, data.lastAccessedAt());
        byte[] ttl = ascii(Long.toString(ttl(data, now)));
        byte[][] args = condition == null
                ? new byte[][] {ascii("SET"), ascii(redisKey), value, ascii("PX"), ttl}
                : new byte[][] {ascii("SET"), ascii(redisKey), value, ascii("PX"), ttl, ascii(condition)};
        redis.send(args).whenComplete((reply, failure) -> logFailure("SET", failure));
    }

    /** The time the session has left, in milliseconds: the earlier of idle timeout and absolute lifetime. */
    private long ttl(SessionData data, long now) {
        return Math.max(1, settings.deadline(data.createdAt(), now) - now);
    }

    private void fireAndForget(String... args) {
        redis.send(args).whenComplete((reply, failure) -> logFailure(args[0], failure));
    }

    private static void logFailure(String command, Throwable failure) {
        // The client logs each outage once; single failures are details.
        if (failure != null) {
            LOG.debug("Redis {} failed: {}", command, failure.getMessage());
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
