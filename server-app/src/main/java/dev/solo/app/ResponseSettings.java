package dev.solo.app;

/**
 * The response filter, allowed at every level: {@code add_header}, {@code expires}, {@code etag} and compression.
 *
 * @param <T> the builder, returned for chaining
 */
public interface ResponseSettings<T> extends Settings<T> {

    /**
     * {@code add_header NAME VALUE;} on successful and redirect responses.
     *
     * @param name the header name
     * @param value its value (variables such as {@code $host} allowed)
     * @return this builder
     */
    default T addHeader(String name, String value) {
        return directive("add_header", name, value);
    }

    /**
     * {@code add_header NAME VALUE always;} on every response, errors included.
     *
     * @param name the header name
     * @param value its value
     * @return this builder
     */
    default T addHeaderAlways(String name, String value) {
        return directive("add_header", name, value, "always");
    }

    /**
     * {@code expires TIME;} as in nginx: {@code 1h}, {@code -1}, {@code epoch}, {@code max}, {@code off}.
     *
     * @param time the expiry
     * @return this builder
     */
    default T expires(String time) {
        return directive("expires", time);
    }

    /**
     * {@code etag on|off;}
     *
     * @param on whether static files carry an ETag
     * @return this builder
     */
    default T etag(boolean on) {
        return directive("etag", Emitted.flag(on));
    }

    /**
     * {@code gzip on|off;} compression on the fly.
     *
     * @param on whether responses of {@link #gzipTypes} are compressed
     * @return this builder
     */
    default T gzip(boolean on) {
        return directive("gzip", Emitted.flag(on));
    }

    /**
     * {@code gzip_types TYPE...;}
     *
     * @param types media types compressed besides {@code text/html}
     * @return this builder
     */
    default T gzipTypes(String... types) {
        return directive("gzip_types", types);
    }

    /**
     * {@code gzip_min_length N;}
     *
     * @param bytes the smallest body compressed
     * @return this builder
     */
    default T gzipMinLength(long bytes) {
        return directive("gzip_min_length", Long.toString(bytes));
    }

    /**
     * {@code gzip_comp_level N;}
     *
     * @param level 1 to 9
     * @return this builder
     */
    default T gzipCompLevel(int level) {
        return directive("gzip_comp_level", Integer.toString(level));
    }

    /**
     * {@code gzip_vary on|off;}
     *
     * @param on whether compressible responses say {@code Vary: Accept-Encoding}
     * @return this builder
     */
    default T gzipVary(boolean on) {
        return directive("gzip_vary", Emitted.flag(on));
    }

    /**
     * {@code gzip_static on|off;}
     *
     * @param on whether a file's {@code .gz} copy is sent to clients that accept it
     * @return this builder
     */
    default T gzipStatic(boolean on) {
        return directive("gzip_static", Emitted.flag(on));
    }

    /**
     * {@code brotli_static on|off;}
     *
     * @param on whether a file's {@code .br} copy is sent to clients that accept it
     * @return this builder
     */
    default T brotliStatic(boolean on) {
        return directive("brotli_static", Emitted.flag(on));
    }
}
