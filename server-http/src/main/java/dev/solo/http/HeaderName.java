package dev.solo.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Common header field names with their canonical spelling and the pre-encoded {@code Name: } prefix the response
 * encoder writes.
 *
 * <p>Field names are case-insensitive (RFC 9110 §5.1). The decoder stores a known name as its {@link #canonical()}
 * string, so requests carry one shared String per known name instead of a new one per request, and so comparisons
 * against these constants usually succeed on identity. The lookups compare ASCII letters case-insensitively and do
 * not allocate.
 */
public enum HeaderName {
    /** {@code Accept} (RFC 9110 §12.5.1). */
    ACCEPT("Accept"),
    /** {@code Accept-Charset} (RFC 9110 §12.5.2). */
    ACCEPT_CHARSET("Accept-Charset"),
    /** {@code Accept-Encoding} (RFC 9110 §12.5.3). */
    ACCEPT_ENCODING("Accept-Encoding"),
    /** {@code Accept-Language} (RFC 9110 §12.5.4). */
    ACCEPT_LANGUAGE("Accept-Language"),
    /** {@code Accept-Ranges} (RFC 9110 §14.3). */
    ACCEPT_RANGES("Accept-Ranges"),
    /** {@code Access-Control-Allow-Origin} (Fetch standard). */
    ACCESS_CONTROL_ALLOW_ORIGIN("Access-Control-Allow-Origin"),
    /** {@code Age} (RFC 9111 §5.1). */
    AGE("Age"),
    /** {@code Allow} (RFC 9110 §10.2.1). */
    ALLOW("Allow"),
    /** {@code Authorization} (RFC 9110 §11.6.2). */
    AUTHORIZATION("Authorization"),
    /** {@code Cache-Control} (RFC 9111 §5.2). */
    CACHE_CONTROL("Cache-Control"),
    /** {@code Connection} (RFC 9110 §7.6.1). */
    CONNECTION("Connection"),
    /** {@code Content-Disposition} (RFC 6266). */
    CONTENT_DISPOSITION("Content-Disposition"),
    /** {@code Content-Encoding} (RFC 9110 §8.4). */
    CONTENT_ENCODING("Content-Encoding"),
    /** {@code Content-Language} (RFC 9110 §8.5). */
    CONTENT_LANGUAGE("Content-Language"),
    /** {@code Content-Length} (RFC 9110 §8.6). */
    CONTENT_LENGTH("Content-Length"),
    /** {@code Content-Location} (RFC 9110 §8.7). */
    CONTENT_LOCATION("Content-Location"),
    /** {@code Content-Range} (RFC 9110 §14.4). */
    CONTENT_RANGE("Content-Range"),
    /** {@code Content-Security-Policy} (CSP Level 3). */
    CONTENT_SECURITY_POLICY("Content-Security-Policy"),
    /** {@code Content-Type} (RFC 9110 §8.3). */
    CONTENT_TYPE("Content-Type"),
    /** {@code Cookie} (RFC 6265 §5.4). */
    COOKIE("Cookie"),
    /** {@code Date} (RFC 9110 §6.6.1). */
    DATE("Date"),
    /** {@code ETag} (RFC 9110 §8.8.3). */
    ETAG("ETag"),
    /** {@code Expect} (RFC 9110 §10.1.1). */
    EXPECT("Expect"),
    /** {@code Expires} (RFC 9111 §5.3). */
    EXPIRES("Expires"),
    /** {@code Forwarded} (RFC 7239). */
    FORWARDED("Forwarded"),
    /** {@code From} (RFC 9110 §10.1.2). */
    FROM("From"),
    /** {@code Host} (RFC 9110 §7.2). */
    HOST("Host"),
    /** {@code If-Match} (RFC 9110 §13.1.1). */
    IF_MATCH("If-Match"),
    /** {@code If-Modified-Since} (RFC 9110 §13.1.3). */
    IF_MODIFIED_SINCE("If-Modified-Since"),
    /** {@code If-None-Match} (RFC 9110 §13.1.2). */
    IF_NONE_MATCH("If-None-Match"),
    /** {@code If-Range} (RFC 9110 §13.1.5). */
    IF_RANGE("If-Range"),
    /** {@code If-Unmodified-Since} (RFC 9110 §13.1.4). */
    IF_UNMODIFIED_SINCE("If-Unmodified-Since"),
    /** {@code Keep-Alive} (RFC 2068 §19.7.1.1, obsolete but still sent). */
    KEEP_ALIVE("Keep-Alive"),
    /** {@code Last-Modified} (RFC 9110 §8.8.2). */
    LAST_MODIFIED("Last-Modified"),
    /** {@code Location} (RFC 9110 §10.2.2). */
    LOCATION("Location"),
    /** {@code Max-Forwards} (RFC 9110 §7.6.2). */
    MAX_FORWARDS("Max-Forwards"),
    /** {@code Origin} (RFC 6454 §7). */
    ORIGIN("Origin"),
    /** {@code Pragma} (RFC 9111 §5.4). */
    PRAGMA("Pragma"),
    /** {@code Proxy-Authenticate} (RFC 9110 §11.7.1). */
    PROXY_AUTHENTICATE("Proxy-Authenticate"),
    /** {@code Proxy-Authorization} (RFC 9110 §11.7.2). */
    PROXY_AUTHORIZATION("Proxy-Authorization"),
    /** {@code Range} (RFC 9110 §14.2). */
    RANGE("Range"),
    /** {@code Referer} (RFC 9110 §10.1.3). */
    REFERER("Referer"),
    /** {@code Retry-After} (RFC 9110 §10.2.3). */
    RETRY_AFTER("Retry-After"),
    /** {@code Sec-Fetch-Dest} (Fetch Metadata). */
    SEC_FETCH_DEST("Sec-Fetch-Dest"),
    /** {@code Sec-Fetch-Mode} (Fetch Metadata). */
    SEC_FETCH_MODE("Sec-Fetch-Mode"),
    /** {@code Sec-Fetch-Site} (Fetch Metadata). */
    SEC_FETCH_SITE("Sec-Fetch-Site"),
    /** {@code Server} (RFC 9110 §10.2.4). */
    SERVER("Server"),
    /** {@code Set-Cookie} (RFC 6265 §4.1). */
    SET_COOKIE("Set-Cookie"),
    /** {@code Strict-Transport-Security} (RFC 6797). */
    STRICT_TRANSPORT_SECURITY("Strict-Transport-Security"),
    /** {@code TE} (RFC 9110 §10.1.4). */
    TE("TE"),
    /** {@code Trailer} (RFC 9110 §6.6.2). */
    TRAILER("Trailer"),
    /** {@code Transfer-Encoding} (RFC 9112 §6.1). */
    TRANSFER_ENCODING("Transfer-Encoding"),
    /** {@code Upgrade} (RFC 9110 §7.8). */
    UPGRADE("Upgrade"),
    /** {@code Upgrade-Insecure-Requests} (W3C Upgrade Insecure Requests). */
    UPGRADE_INSECURE_REQUESTS("Upgrade-Insecure-Requests"),
    /** {@code User-Agent} (RFC 9110 §10.1.5). */
    USER_AGENT("User-Agent"),
    /** {@code Vary} (RFC 9110 §12.5.5). */
    VARY("Vary"),
    /** {@code Via} (RFC 9110 §7.6.3). */
    VIA("Via"),
    /** {@code WWW-Authenticate} (RFC 9110 §11.6.1). */
    WWW_AUTHENTICATE("WWW-Authenticate"),
    /** {@code X-Content-Type-Options} (Fetch standard). */
    X_CONTENT_TYPE_OPTIONS("X-Content-Type-Options"),
    /** {@code X-Forwarded-For} (de facto). */
    X_FORWARDED_FOR("X-Forwarded-For"),
    /** {@code X-Forwarded-Host} (de facto). */
    X_FORWARDED_HOST("X-Forwarded-Host"),
    /** {@code X-Forwarded-Proto} (de facto). */
    X_FORWARDED_PROTO("X-Forwarded-Proto"),
    /** {@code X-Frame-Options} (RFC 7034). */
    X_FRAME_OPTIONS("X-Frame-Options"),
    /** {@code X-Requested-With} (de facto). */
    X_REQUESTED_WITH("X-Requested-With");

    /** Names bucketed by length, so a lookup compares only the few names of the right length. */
    private static final HeaderName[][] BY_LENGTH = byLength();

    private final String canonical;
    /** Lower-case ASCII bytes of the name, compared against lower-cased input. */
    private final byte[] lower;
    /** {@code Name: } as written in a response head. */
    private final byte[] prefix;

    HeaderName(String canonical) {
        this.canonical = canonical;
        this.lower = canonical.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        this.prefix = (canonical + ": ").getBytes(StandardCharsets.US_ASCII);
    }

    private static HeaderName[][] byLength() {
        int max = 0;
        for (HeaderName name : values()) {
            max = Math.max(max, name.lower.length);
        }
        int[] counts = new int[max + 1];
        for (HeaderName name : values()) {
            counts[name.lower.length]++;
        }
        HeaderName[][] table = new HeaderName[max + 1][];
        for (int i = 0; i <= max; i++) {
            table[i] = new HeaderName[counts[i]];
            counts[i] = 0;
        }
        for (HeaderName name : values()) {
            int length = name.lower.length;
            table[length][counts[length]++] = name;
        }
        return table;
    }

    /** @return the canonical spelling, e.g. {@code "Content-Length"}; always the same String instance */
    public String canonical() {
        return canonical;
    }

    /** @return the length in bytes of the pre-encoded {@code Name: } prefix */
    public int prefixLength() {
        return prefix.length;
    }

    /**
     * Writes the pre-encoded {@code Name: } prefix (canonical name, colon, one space).
     *
     * @param out the buffer; needs {@link #prefixLength()} bytes of room
     */
    public void writePrefix(ByteBuffer out) {
        out.put(prefix);
    }

    /**
     * Copies the pre-encoded {@code Name: } prefix (canonical name, colon, one space) into an array.
     *
     * @param out the array; needs {@link #prefixLength()} bytes of room from {@code at}
     * @param at where to write
     * @return the offset after the prefix
     */
    public int writePrefix(byte[] out, int at) {
        System.arraycopy(prefix, 0, out, at, prefix.length);
        return at + prefix.length;
    }

    /**
     * Tests whether a name is this header, ignoring ASCII case.
     *
     * @param name a field name
     * @return true when {@code name} spells this header in any case
     */
    public boolean is(String name) {
        return canonical.equalsIgnoreCase(name);
    }

    /**
     * Finds a header name ignoring ASCII case.
     *
     * @param name a field name
     * @return the constant, or null when the name is not a listed one
     */
    public static HeaderName lookup(CharSequence name) {
        int length = name.length();
        if (length >= BY_LENGTH.length) {
            return null;
        }
        for (HeaderName candidate : BY_LENGTH[length]) {
            if (matches(candidate.lower, name)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Finds a header name ignoring ASCII case, without allocating.
     *
     * @param bytes bytes holding the name (ISO-8859-1)
     * @param offset index of the first byte
     * @param length number of bytes
     * @return the constant, or null when the bytes are not a listed name
     */
    public static HeaderName lookup(byte[] bytes, int offset, int length) {
        if (length >= BY_LENGTH.length) {
            return null;
        }
        for (HeaderName candidate : BY_LENGTH[length]) {
            if (matches(candidate.lower, bytes, offset)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Finds a header name ignoring ASCII case, reading the buffer by absolute index (its position is unchanged).
     *
     * @param buffer bytes holding the name (ISO-8859-1)
     * @param start absolute index of the first byte
     * @param length number of bytes
     * @return the constant, or null when the bytes are not a listed name
     */
    public static HeaderName lookup(ByteBuffer buffer, int start, int length) {
        if (length >= BY_LENGTH.length) {
            return null;
        }
        for (HeaderName candidate : BY_LENGTH[length]) {
            byte[] lower = candidate.lower;
            int i = 0;
            while (i < length && toLower(buffer.get(start + i)) == lower[i]) {
                i++;
            }
            if (i == length) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean matches(byte[] lower, CharSequence name) {
        for (int i = 0; i < lower.length; i++) {
            char c = name.charAt(i);
            if (c > 0x7F || toLower((byte) c) != lower[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(byte[] lower, byte[] bytes, int offset) {
        for (int i = 0; i < lower.length; i++) {
            if (toLower(bytes[offset + i]) != lower[i]) {
                return false;
            }
        }
        return true;
    }

    /** Lower-cases A-Z only; a bit trick would also map CR (0x0D) to '-' (0x2D). */
    private static byte toLower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
    }

    @Override
    public String toString() {
        return canonical;
    }
}
