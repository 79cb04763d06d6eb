package dev.solo.http.codec;

/**
 * The {@code Date} header value (RFC 9110 §6.6.1), formatted at most once per second.
 *
 * <p>Every response carries a {@code Date}; with many responses per second, formatting each would be wasted work.
 * The caller passes the current time (the loop's clock), which keeps this class free of clocks and easy to test.
 * One instance per loop; not thread-safe.
 */
public final class DateCache {

    private long cachedSecond = Long.MIN_VALUE;
    private String cached;

    /** Creates an empty cache. */
    public DateCache() {
    }

    /**
     * @param nowMillis the current time in milliseconds since the epoch
     * @return the IMF-fixdate for that second, e.g. {@code "Sun, 06 Nov 1994 08:49:37 GMT"}
     */
    public String format(long nowMillis) {
        long second = Math.floorDiv(nowMillis, 1000);
        if (second != cachedSecond) {
            cached = HttpDate.format(nowMillis);
            cachedSecond = second;
        }
        return cached;
    }
}
