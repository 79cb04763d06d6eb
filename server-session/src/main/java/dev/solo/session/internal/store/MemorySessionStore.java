package dev.solo.session.internal.store;

import dev.solo.core.EventLoop;
import dev.solo.session.spi.SessionData;
import dev.solo.session.spi.SessionIds;
import dev.solo.session.spi.SessionSettings;
import dev.solo.session.spi.SessionStore;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions in memory: the default store. Fast and simple; sessions end with the process.
 *
 * <p>Holds the {@link SessionData} objects themselves, so {@link #save} has nothing to do. Bounded by
 * {@link SessionSettings#maxSessions()} with least-recently-used eviction ({@link LruIndex}: sessions whose client
 * never came back go first) and expired by one loop timer ({@link ExpiryTimer}).
 */
final class MemorySessionStore implements SessionStore {

    private static final Logger LOG = LoggerFactory.getLogger(MemorySessionStore.class);

    private final SessionSettings settings;
    private final LongSupplier clock;
    private final LruIndex<SessionData> sessions;
    private final ExpiryTimer expiry;
    private boolean capReported;

    /** @param settings limits and clock */
    MemorySessionStore(SessionSettings settings) {
        this.settings = settings;
        this.clock = settings.clock();
        this.sessions = new LruIndex<>(settings.maxSessions(), (key, data) -> evicted());
        this.expiry = new ExpiryTimer(clock, this::purge);
    }

    @Override
    public void attach(EventLoop loop) {
        expiry.attach(loop);
    }

    @Override
    public SessionData create(String id) {
        long now = clock.getAsLong();
        SessionData data = new SessionData(id, now, now);
        sessions.put(SessionIds.lookupKey(id), data, false);
        expiry.sessionAdded(settings.deadline(data));
        return data;
    }

    @Override
    public CompletionStage<Optional<SessionData>> find(String id) {
        return CompletableFuture.completedFuture(lookup(id));
    }

    private Optional<SessionData> lookup(String id) {
        String key = SessionIds.lookupKey(id);
        SessionData data = sessions.get(key);
        if (data == null || !SessionIds.sameId(data.id(), id)) {
            return Optional.empty();
        }
        if (settings.isExpired(data, clock.getAsLong())) {
            sessions.remove(key);
            return Optional.empty();
        }
        // The client came back with the cookie: from now on a flood of new sessions cannot push this one out.
        sessions.promote(key);
        return Optional.of(data);
    }

    @Override
    public void touch(SessionData session) {
        session.lastAccessedAt(clock.getAsLong());
        sessions.get(SessionIds.lookupKey(session.id()));
    }

    @Override
    public void save(SessionData session) {
        // The store holds this very object: its attributes are already kept.
    }

    @Override
    public void changeId(SessionData session, String newId) {
        String oldKey = SessionIds.lookupKey(session.id());
        boolean wasEstablished = !sessions.isFresh(oldKey);
        SessionData kept = sessions.remove(oldKey);
        session.id(newId);
        if (kept != null) {
            sessions.put(SessionIds.lookupKey(newId), session, wasEstablished);
        }
    }

    @Override
    public void remove(String id) {
        sessions.remove(SessionIds.lookupKey(id));
    }

    @Override
    public int count() {
        return sessions.size();
    }

    @Override
    public void close() {
        expiry.cancel();
    }

    private long purge(long now) {
        return sessions.purge(now, settings::deadline, (key, data) -> { });
    }

    private void evicted() {
        if (!capReported) {
            capReported = true;
            LOG.warn("Session cap of {} reached: dropping the least recently used sessions, those never used"
                    + " twice first (see session_max)", settings.maxSessions());
        } else {
            LOG.debug("Session cap of {} reached: dropped the least recently used session", settings.maxSessions());
        }
    }
}
