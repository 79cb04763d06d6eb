package dev.solo.session.internal.store;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.ToLongFunction;

/**
 * A capped map from lookup key to session, least recently used first: the bookkeeping shared by the built-in stores.
 *
 * <p>A {@link LinkedHashMap} in access order keeps the entries sorted by last use, so both questions a store asks
 * are answered at the head: "whom do I drop to stay under the cap?" and, because every use also restarts the idle
 * timeout, "who expires next?". A client minting sessions in a loop therefore only ever pushes out the oldest
 * sessions; memory stays at the configured cap.
 *
 * <p>Sessions that reach their absolute lifetime while still in use sit deeper in the list; {@link #purge} does not
 * see them, but stores refuse them on lookup, and they expire by idle time once their visitor stops.
 *
 * @param <V> what is kept per session
 */
final class LruIndex<V> {

    private final int capacity;
    private final BiConsumer<String, V> onEvict;
    private final LinkedHashMap<String, V> entries = new LinkedHashMap<>(16, 0.75f, true);

    /**
     * @param capacity the most entries kept
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
     * Looks an entry up and makes it the most recently used.
     *
     * @param key the lookup key
     * @return the entry, or null
     */
    V get(String key) {
        return entries.get(key);
    }

    /**
     * Adds or replaces an entry as the most recently used, dropping the least recently used ones beyond the capacity.
     *
     * @param key the lookup key
     * @param value the entry
     */
    void put(String key, V value) {
        entries.put(key, value);
        while (entries.size() > capacity) {
            Iterator<Map.Entry<String, V>> eldest = entries.entrySet().iterator();
            Map.Entry<String, V> dropped = eldest.next();
            eldest.remove();
            onEvict.accept(dropped.getKey(), dropped.getValue());
        }
    }

    /**
     * @param key the lookup key
     * @return the removed entry, or null
     */
    V remove(String key) {
        return entries.remove(key);
    }

    /** @return the number of entries */
    int size() {
        return entries.size();
    }

    /**
     * Removes the expired entries at the head, least recently used first, stopping at the first live one.
     *
     * @param now the time, in epoch milliseconds
     * @param deadline an entry's deadline, in epoch milliseconds
     * @param onExpire told of each removed entry, after it left the index; must not change the index
     * @return the deadline of the new head, or {@link Long#MAX_VALUE} when the index is empty
     */
    long purge(long now, ToLongFunction<V> deadline, BiConsumer<String, V> onExpire) {
        Iterator<Map.Entry<String, V>> it = entries.entrySet().iterator();
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
