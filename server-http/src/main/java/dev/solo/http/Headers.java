package dev.solo.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Header fields: an insertion-ordered multimap from name to value, with case-insensitive names (RFC 9110 §5.1).
 *
 * <p>Stored as two parallel arrays searched linearly. Requests carry a dozen fields or so, where a scan over a few
 * cache lines beats hashing, and the arrays are cleared and reused for the next request on a keep-alive connection
 * ({@link #clear()}). The decoder bounds the number of fields ({@link HttpLimits#maxHeaderCount()}).
 *
 * <p>Values are kept as received, one String per field line; lines are not merged. This class does not validate
 * names or values: the decoder validates what it reads, and the response encoder refuses names that are not tokens
 * and values holding CR, LF or other control characters, so no header can be injected into a response.
 *
 * <p>Not thread-safe; a request's headers belong to the loop thread.
 */
public final class Headers {

    /** Responses carry about eight fields; requests from browsers a dozen: the arrays grow when needed. */
    private static final int INITIAL_CAPACITY = 8;

    private String[] names;
    private String[] values;
    private int size;

    /** Creates an empty set of header fields. */
    public Headers() {
        names = new String[INITIAL_CAPACITY];
        values = new String[INITIAL_CAPACITY];
    }

    /**
     * Appends a field, keeping any existing fields of the same name.
     *
     * @param name field name
     * @param value field value
     * @return this
     */
    public Headers add(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        names[size] = name;
        values[size] = value;
        size++;
        return this;
    }

    /**
     * Appends a field, keeping any existing fields of the same name.
     *
     * @param name field name
     * @param value field value
     * @return this
     */
    public Headers add(HeaderName name, String value) {
        return add(name.canonical(), value);
    }

    /**
     * Sets a field to a single value: replaces the first field of that name (keeping its position) and removes the
     * others, or appends the field when there is none.
     *
     * @param name field name
     * @param value field value
     * @return this
     */
    public Headers set(String name, String value) {
        Objects.requireNonNull(value, "value");
        int first = indexOf(name, 0);
        if (first < 0) {
            return add(name, value);
        }
        values[first] = value;
        removeFrom(name, first + 1);
        return this;
    }

    /**
     * Sets a field to a single value, as {@link #set(String, String)}.
     *
     * @param name field name
     * @param value field value
     * @return this
     */
    public Headers set(HeaderName name, String value) {
        return set(name.canonical(), value);
    }

    /**
     * Removes every field of a name.
     *
     * @param name field name
     * @return true when at least one field was removed
     */
    public boolean remove(String name) {
        return removeFrom(name, 0);
    }

    /**
     * Removes every field of a name.
     *
     * @param name field name
     * @return true when at least one field was removed
     */
    public boolean remove(HeaderName name) {
        return removeFrom(name.canonical(), 0);
    }

    private boolean removeFrom(String name, int from) {
        int kept = from;
        for (int i = from; i < size; i++) {
            if (!names[i].equalsIgnoreCase(name)) {
                names[kept] = names[i];
                values[kept] = values[i];
                kept++;
            }
        }
        boolean removed = kept < size;
        Arrays.fill(names, kept, size, null);
        Arrays.fill(values, kept, size, null);
        size = kept;
        return removed;
    }

    /**
     * @param name field name
     * @return the value of the first field of that name, or null
     */
    public String get(String name) {
        int index = indexOf(name, 0);
        return index < 0 ? null : values[index];
    }

    /**
     * @param name field name
     * @return the value of the first field of that name, or null
     */
    public String get(HeaderName name) {
        return get(name.canonical());
    }

    /**
     * @param name field name
     * @return the values of all fields of that name in order received; empty when there is none
     */
    public List<String> getAll(String name) {
        int index = indexOf(name, 0);
        if (index < 0) {
            return Collections.emptyList();
        }
        List<String> all = new ArrayList<>(2);
        while (index >= 0) {
            all.add(values[index]);
            index = indexOf(name, index + 1);
        }
        return all;
    }

    /**
     * @param name field name
     * @return the values of all fields of that name in order received; empty when there is none
     */
    public List<String> getAll(HeaderName name) {
        return getAll(name.canonical());
    }

    /**
     * @param name field name
     * @return true when at least one field has that name
     */
    public boolean contains(String name) {
        return indexOf(name, 0) >= 0;
    }

    /**
     * @param name field name
     * @return true when at least one field has that name
     */
    public boolean contains(HeaderName name) {
        return indexOf(name.canonical(), 0) >= 0;
    }

    /**
     * @param name field name
     * @return how many fields have that name
     */
    public int count(String name) {
        int count = 0;
        for (int i = 0; i < size; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Tests whether a comma-separated list field holds a token, ignoring ASCII case and optional whitespace around
     * list members (RFC 9110 §5.6.1), over all fields of that name. For example {@code Connection: keep-alive, close}
     * holds {@code close}. Quoted strings and parameters are not interpreted, which suits token-only fields such as
     * {@code Connection}, {@code Transfer-Encoding} and {@code Expect}.
     *
     * @param name field name
     * @param token the token to find
     * @return true when some list member equals the token
     */
    public boolean containsToken(String name, String token) {
        for (int i = 0; i < size; i++) {
            if (names[i].equalsIgnoreCase(name) && listContains(values[i], token)) {
                return true;
            }
        }
        return false;
    }

    /**
     * As {@link #containsToken(String, String)}.
     *
     * @param name field name
     * @param token the token to find
     * @return true when some list member equals the token
     */
    public boolean containsToken(HeaderName name, String token) {
        return containsToken(name.canonical(), token);
    }

    private static boolean listContains(String list, String token) {
        int length = list.length();
        int start = 0;
        while (start <= length) {
            int end = list.indexOf(',', start);
            if (end < 0) {
                end = length;
            }
            int from = start;
            int to = end;
            while (from < to && isOws(list.charAt(from))) {
                from++;
            }
            while (to > from && isOws(list.charAt(to - 1))) {
                to--;
            }
            if (to - from == token.length() && list.regionMatches(true, from, token, 0, token.length())) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    private static boolean isOws(char c) {
        return c == ' ' || c == '\t';
    }

    private int indexOf(String name, int from) {
        Objects.requireNonNull(name, "name");
        for (int i = from; i < size; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** @return the number of fields (field lines, not distinct names) */
    public int size() {
        return size;
    }

    /** @return true when there are no fields */
    public boolean isEmpty() {
        return size == 0;
    }

    /**
     * @param index 0 .. size()-1, in order received or added
     * @return the name of that field as stored (canonical spelling for known names read by the decoder)
     */
    public String name(int index) {
        Objects.checkIndex(index, size);
        return names[index];
    }

    /**
     * @param index 0 .. size()-1, in order received or added
     * @return the value of that field
     */
    public String value(int index) {
        Objects.checkIndex(index, size);
        return values[index];
    }

    /** Removes all fields, keeping the arrays for reuse. */
    public void clear() {
        Arrays.fill(names, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
    }

    /** @return an independent copy, for callers that keep headers beyond the request that carried them */
    public Headers copy() {
        Headers copy = new Headers();
        copy.names = Arrays.copyOf(names, Math.max(size, INITIAL_CAPACITY));
        copy.values = Arrays.copyOf(values, Math.max(size, INITIAL_CAPACITY));
        copy.size = size;
        return copy;
    }

    /**
     * Lists the field names only: values may hold credentials or cookies, and this string ends up in logs.
     *
     * @return e.g. {@code Headers[Host, Accept, Cookie]}
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Headers[");
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(names[i]);
        }
        return text.append(']').toString();
    }
}
