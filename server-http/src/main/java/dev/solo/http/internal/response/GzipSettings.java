package dev.solo.http.internal.response;

import java.util.List;

/**
 * The {@code gzip*} directives of one location.
 *
 * @param enabled {@code gzip on}
 * @param types media types to compress, lower case, without parameters; {@code *} for any
 * @param minLength {@code gzip_min_length}: bodies of known length below it go out as they are
 * @param level {@code gzip_comp_level}, 1 to 9
 * @param vary {@code gzip_vary}: send {@code Vary: Accept-Encoding} on compressible responses
 */
record GzipSettings(boolean enabled, List<String> types, long minLength, int level, boolean vary) {

    /** nginx's types plus the text formats a site serves; {@code text/html} is always among them, as in nginx. */
    static final List<String> DEFAULT_TYPES = List.of("text/html", "text/css", "text/plain", "text/xml",
            "application/javascript", "application/json", "image/svg+xml");
    static final long DEFAULT_MIN_LENGTH = 1024;
    /** Level 1, as nginx: against 6 it costs a third of the CPU, for 4-27 % more bytes (docs/performance.md). */
    static final int DEFAULT_LEVEL = 1;

    static final GzipSettings OFF = new GzipSettings(false, DEFAULT_TYPES, DEFAULT_MIN_LENGTH, DEFAULT_LEVEL, true);

    /**
     * @param contentType a {@code Content-Type} value, parameters allowed
     * @return whether it names one of {@link #types()}
     */
    boolean compresses(String contentType) {
        if (contentType == null) {
            return false;
        }
        int end = contentType.indexOf(';');
        if (end < 0) {
            end = contentType.length();
        }
        while (end > 0 && contentType.charAt(end - 1) == ' ') {
            end--;
        }
        for (int i = 0, n = types.size(); i < n; i++) {
            String type = types.get(i);
            if (type.equals("*") || (type.length() == end && contentType.regionMatches(true, 0, type, 0, end))) {
                return true;
            }
        }
        return false;
    }
}
