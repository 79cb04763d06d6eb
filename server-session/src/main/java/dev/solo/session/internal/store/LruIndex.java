package dev.solo.session.internal.store;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.ToLongFunction;

/**
 * A capped map from lookup key to session, in two tiers each least recently used first: the bookkeeping shared by the
 * built-in stores.
 *
 * <p>A session starts <em>fresh</em>: the server made it, but its client has not yet sent its cookie back. It becomes
 * <em>established</em> with {@link #promote} when the store finds it for a returning client. When the cap is passed
 * the least recently used fresh session goes first, and an established one only when no fresh one is left: a client
 * minting sessions in a loop (every cookieless request of a session page starts one) only ever pushes out other
 * sessions that were never used twice, so it can no longer log real visitors out (issue 15, item 5).
 *
 * <p>Each tier is a {@link LinkedHashMap} in access order, so both questions a store asks are answered at the heads:
 * "whom do I drop to stay under the cap?" and, because every use also restarts the idle timeout, "who expires next?"
 * (the earlier of the two heads). Sessions that reach their absolute lifetime while still in use sit deeper in a
 * list; {@link #purge} does not see them, but stores refuse them on lookup, and they expire by idle time once their
 * visitor stops.
 *
 * @param <V> what is kept per session
 */
final class LruIndex<V> {

    private final int capacity;
    private final BiConsumer<String, V> onEvict;
    private final LinkedHashMap<String, V> fresh = new LinkedHashMap<>(16, 0.75f, true);
    private final LinkedHashMap<String, V> established = new LinkedHashMap<>(16, 0.75f, true);

    /**
     * @param capacity the most entries kept, both tiers together
     * @param onEvict told of each entry dropped to stay under the capacity, after it left the index
     */
    LruIndex(int capacity, BiConsumer<String, V> onEvict) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        this.onEvict = onEvict;
    }

    /**
     * Looks an entry up, in either tier, and makes it the most recently used of its tier.
     *
     * @param key the lookup key
     * @return the entry, or null
     */
    V get(String key) {
        V value = established.get(key);
        return value != null ? value : fresh.get(key);
    }

    /**
     * @param key the lookup key
     * @return true when the entry is in the fresh tier: its client never sent its cookie back
     */
    boolean isFresh(String key) {
        return fresh.containsKey(key);
    }

    /**
     * Adds or replaces an entry as the most recently used of a tier, dropping entries beyond the capacity: the least
     * recently used fresh ones first.
     *
     * @param key the lookup key
     * @param value the entry
     * @param isEstablished false for a session just made, true for one its client already came back with
     */
    void put(String key, V value, boolean isEstablished) {
        if (isEstablished) {
            fresh.remove(key);
            established.put(key, value);
        } else {
            established.remove(key);
            fresh.put(key, value);
        }
        while (size() > capacity) {
            // Never the entry just added: a new session must survive its own creation even when the cap is full of
            // established ones (it then pushes out the least recently used of those, once).
            boolean freshToSpare = fresh.size() > (isEstablished ? 0 : 1);
            Map<String, V> tier = freshToSpare || established.isEmpty() ? fresh : established;
            Iterator<Map.Entry<String, V>> eldest = tier.entrySet().iterator();
            Map.Entry<String, V> dropped = eldest.next();
            eldest.remove();
            onEvict.accept(dropped.getKey(), dropped.getValue());
        }
    }

    /**
     * Moves a fresh entry to the established tier, as its most recently used.
     *
     * @param key the lookup key
     * @return true when the entry was fresh (and is now established)
     */
    boolean promote(String key) {
        V value = fresh.remove(key);
        if (value == null) {
            return false;
        }
        established.put(key, value);
        return true;
    }

    /**
     * @param key the lookup key
     * @return the removed entry, or null
     */
    V remove(String key) {
        V value = established.remove(key);
        return value != null ? value : fresh.remove(key);
    }

    /** @return the number of entries in both tiers */
    int size() {
        return fresh.size() + established.size();
    }

    /**
     * Removes the expired entries at the head of each tier, least recently used first, stopping at the first live one.
     *
     * @param now the time, in epoch milliseconds
     * @param deadline an entry's deadline, in epoch milliseconds
     * @param onExpire told of each removed entry, after it left the index; must not change the index
     * @return the earliest deadline of the new heads, or {@link Long#MAX_VALUE} when the index is empty
     */
    long purge(long now, ToLongFunction<V> deadline, BiConsumer<String, V> onExpire) {
        return Math.min(purge(fresh, now, deadline, onExpire), purge(established, now, deadline, onExpire));
    }

    private static <V> long purge(Map<String, V> tier, long now, ToLongFunction<V> deadline,
                                  BiConsumer<String, V> onExpire) {
        Iterator<Map.Entry<String, V>> it = tier.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, V> head = it.next();
            long due = deadline.applyAsLong(head.getValue());
            if (due > now) {
                return due;
            }
            it.remove();
            onExpire.accept(head.getKey(), head.getValue());
        }
        return Long.MAX_VALUE;
    }
}
