package dev.solo.http.internal.files;

/**
 * One byte range of a {@code Range: bytes=...} header, resolved against a file size (RFC 9110 §14.1.2).
 *
 * @param first first byte, inclusive
 * @param last last byte, inclusive
 */
public record ByteRange(long first, long last) {

    /** Returned when the header asks for no byte inside the file (416). */
    public static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);

    /** @return the number of bytes in the range */
    public long length() {
        return last - first + 1;
    }

    /**
     * @param header the Range header value
     * @param size the file size
     * @return the range; null to ignore the header and send the whole file (malformed, or several ranges, which we
     *         answer with 200 as the RFC allows); {@link #UNSATISFIABLE} for 416
     */
    public static ByteRange parse(String header, long size) {
        if (header == null || !header.regionMatches(true, 0, "bytes=", 0, 6)) {
            return null;
        }
        String spec = header.substring(6).strip();
        if (spec.indexOf(',') >= 0) {
            return null;
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        String from = spec.substring(0, dash).strip();
        String to = spec.substring(dash + 1).strip();
        try {
            if (from.isEmpty()) {
                if (to.isEmpty()) {
                    return null;
                }
                long suffix = parseDigits(to);
                if (suffix == 0 || size == 0) {
                    return UNSATISFIABLE;
                }
                return new ByteRange(Math.max(0, size - suffix), size - 1);
            }
            long first = parseDigits(from);
            long last = to.isEmpty() ? size - 1 : parseDigits(to);
            if (first >= size) {
                return UNSATISFIABLE;
            }
            if (last < first) {
                return null;
            }
            return new ByteRange(first, Math.min(last, size - 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long parseDigits(String text) {
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new NumberFormatException(text);
        }
        return Long.parseLong(text);
    }
}
