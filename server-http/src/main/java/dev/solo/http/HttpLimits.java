package dev.solo.http;

/**
 * Size limits the codec enforces while reading a request, so that memory is bounded by configuration and never by
 * what a client sends. Each limit maps to the status the server answers when it is exceeded.
 *
 * @param maxRequestLineBytes bytes in the request line, line terminator included; beyond it 414
 * @param maxHeaderBytes bytes in the whole header section (all field lines and the empty line that ends it,
 *     terminators included, request line excluded); beyond it 431
 * @param maxHeaderCount number of header field lines; beyond it 431
 * @param maxBodyBytes default limit on decoded body bytes (the server may set another per location); beyond it 413
 * @param maxChunkExtensionBytes bytes of chunk extensions accepted in one chunked body, summed over all chunks;
 *     beyond it 400
 * @param maxTrailerBytes bytes in the trailer section of a chunked body, terminators included; beyond it 431
 */
public record HttpLimits(
        int maxRequestLineBytes,
        int maxHeaderBytes,
        int maxHeaderCount,
        long maxBodyBytes,
        int maxChunkExtensionBytes,
        int maxTrailerBytes) {

    /** 8 KiB request line, 16 KiB headers, 100 header fields, 1 MiB body, 1 KiB chunk extensions, 8 KiB trailers. */
    public static final HttpLimits DEFAULTS = new HttpLimits(8 * 1024, 16 * 1024, 100, 1024 * 1024, 1024, 8 * 1024);

    /**
     * Checks the limits.
     *
     * @param maxRequestLineBytes bytes in the request line, terminator included
     * @param maxHeaderBytes bytes in the header section
     * @param maxHeaderCount header field lines
     * @param maxBodyBytes default limit on decoded body bytes
     * @param maxChunkExtensionBytes chunk extension bytes per body
     * @param maxTrailerBytes bytes in the trailer section
     * @throws IllegalArgumentException when a limit is too small to parse any request (line and header sizes below
     *     16 bytes, counts or body sizes below 0)
     */
    public HttpLimits {
        requireAtLeast("maxRequestLineBytes", maxRequestLineBytes, 16);
        requireAtLeast("maxHeaderBytes", maxHeaderBytes, 16);
        requireAtLeast("maxHeaderCount", maxHeaderCount, 1);
        requireAtLeast("maxBodyBytes", maxBodyBytes, 0);
        requireAtLeast("maxChunkExtensionBytes", maxChunkExtensionBytes, 0);
        requireAtLeast("maxTrailerBytes", maxTrailerBytes, 2);
    }

    private static void requireAtLeast(String name, long value, long minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ": " + value);
        }
    }

    /**
     * @param bytes the new default body limit
     * @return a copy with another body limit
     */
    public HttpLimits withMaxBodyBytes(long bytes) {
        return new HttpLimits(maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, bytes, maxChunkExtensionBytes,
                maxTrailerBytes);
    }
}
