package dev.solo.http.internal.config;

import dev.solo.config.ConfigDocument;
import dev.solo.config.ConfigException;
import dev.solo.config.Directive;
import dev.solo.http.HttpLimits;
import java.util.Optional;

/**
 * The codec's {@link HttpLimits} as directives of the main context: {@code max_request_line_size} (414 beyond it),
 * {@code max_header_size} (the header block; 431) and {@code max_header_count} (431). The others keep their values
 * from the limits given.
 */
public final class LimitSettings {

    /** Bytes of the request line, terminator included. */
    public static final String REQUEST_LINE = "max_request_line_size";
    /** Bytes of the header block, terminators included. */
    public static final String HEADER_BLOCK = "max_header_size";
    /** Header field lines. */
    public static final String HEADER_COUNT = "max_header_count";

    private static final int SMALLEST = 16;

    private LimitSettings() {
    }

    /**
     * @param document a validated document
     * @param defaults the limits where the document sets none
     * @return the limits
     * @throws ConfigException at a size below 16 bytes or above 2 GiB
     */
    public static HttpLimits read(ConfigDocument document, HttpLimits defaults) throws ConfigException {
        return new HttpLimits(
                bytes(document.directive(REQUEST_LINE), defaults.maxRequestLineBytes()),
                bytes(document.directive(HEADER_BLOCK), defaults.maxHeaderBytes()),
                count(document.directive(HEADER_COUNT), defaults.maxHeaderCount()),
                defaults.maxBodyBytes(), defaults.maxChunkExtensionBytes(), defaults.maxTrailerBytes());
    }

    private static int bytes(Optional<Directive> directive, int fallback) throws ConfigException {
        if (directive.isEmpty()) {
            return fallback;
        }
        long value = directive.get().sizeArg(0);
        if (value < SMALLEST || value > Integer.MAX_VALUE) {
            throw directive.get().argError(0, "'" + directive.get().name() + "' must be between " + SMALLEST
                    + " bytes and 2g: no request fits in less, and the codec counts in an int");
        }
        return (int) value;
    }

    private static int count(Optional<Directive> directive, int fallback) throws ConfigException {
        return directive.isEmpty() ? fallback : directive.get().intArg(0);
    }
}
