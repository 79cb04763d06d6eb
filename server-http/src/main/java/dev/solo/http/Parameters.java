package dev.solo.http;

import dev.solo.http.codec.PathDecoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The decoded name-value pairs of a query string or of an {@code application/x-www-form-urlencoded} body, in the
 * order they were sent; a name may repeat ({@code ?tag=a&tag=b}).
 *
 * <p>Parsing follows the WHATWG URL standard's {@code application/x-www-form-urlencoded} parser: pairs split on
 * {@code &}, each on its first {@code =}, {@code +} as a space, percent-escapes as UTF-8. It is stricter in one way:
 * a malformed escape or invalid UTF-8 is a {@code 400}, not a replacement character, so a handler never works on a
 * value the client did not send. Empty pairs ({@code a=1&&b=2}) are skipped; a name without {@code =} has the
 * empty value.
 *
 * <pre>{@code
 * String name = exchange.request().parameters().first("name").orElse("world");
 * }</pre>
 */
public final class Parameters {

    private static final Parameters EMPTY = new Parameters(Map.of());

    private final Map<String, List<String>> values;

    private Parameters(Map<String, List<String>> values) {
        this.values = values;
    }

    /**
     * The parameters of no query at all.
     *
     * @return an empty instance
     */
    public static Parameters empty() {
        return EMPTY;
    }

    /**
     * Parses a query string (without {@code ?}) or the text of a form body.
     *
     * @param encoded the encoded pairs; null or empty gives {@link #empty()}. Characters 0x80-0xFF are taken as raw
     *                bytes (a body read as ISO-8859-1) and must form valid UTF-8 with their neighbours
     * @return the decoded pairs
     * @throws HttpException {@code 400} for a malformed percent-escape, invalid UTF-8, or a character above 0xFF
     */
    public static Parameters parse(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return EMPTY;
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        int start = 0;
        while (start <= encoded.length()) {
            int end = encoded.indexOf('&', start);
            if (end < 0) {
                end = encoded.length();
            }
            if (end > start) {
                String pair = encoded.substring(start, end);
                int equals = pair.indexOf('=');
                String name = PathDecoder.decodeQueryComponent(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : PathDecoder.decodeQueryComponent(pair.substring(equals + 1));
                values.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
            }
            start = end + 1;
        }
        values.replaceAll((name, list) -> List.copyOf(list));
        return new Parameters(Collections.unmodifiableMap(values));
    }

    /**
     * The first value sent for a name.
     *
     * @param name the decoded name, compared exactly (names are case-sensitive)
     * @return the first value, or empty when the name was not sent
     */
    public Optional<String> first(String name) {
        List<String> list = values.get(name);
        return list == null ? Optional.empty() : Optional.of(list.get(0));
    }

    /**
     * Every value sent for a name, in order.
     *
     * @param name the decoded name
     * @return the values, empty when the name was not sent; unmodifiable
     */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /**
     * Whether a name was sent, with or without a value.
     *
     * @param name the decoded name
     * @return true when at least one pair had this name
     */
    public boolean contains(String name) {
        return values.containsKey(name);
    }

    /**
     * The distinct names, in the order each was first sent.
     *
     * @return the names; unmodifiable
     */
    public Set<String> names() {
        return values.keySet();
    }

    /**
     * Whether nothing was sent.
     *
     * @return true when there are no pairs
     */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * All pairs as a map from each name to its values.
     *
     * @return the map, in the order names were first sent; unmodifiable
     */
    public Map<String, List<String>> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
