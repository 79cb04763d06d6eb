package dev.solo.http.internal.response;

/**
 * Reads {@code Accept-Encoding} (RFC 9110 §12.5.3) without allocating: the quality the client gives one content
 * coding, from its own member, else from {@code *}. {@code gzip;q=0} refuses gzip even when {@code *} accepts
 * everything; {@code x-gzip} is gzip (§8.4.1.3). Qualities are in thousandths (§12.4.2: at most three decimals).
 */
public final class AcceptEncoding {

    /** The quality of a coding the client does not accept. */
    public static final int REFUSED = 0;
    /** The quality of a coding accepted without reservation. */
    public static final int FULL = 1000;

    private AcceptEncoding() {
    }

    /**
     * @param header the field value, or null when the request has none
     * @param coding a lower-case coding name: {@code gzip}, {@code br}, {@code identity}
     * @return its quality, 0 to 1000. Without the field no coding is used (as nginx does), so only {@code identity}
     *         gets 1000; {@code identity} is acceptable unless refused by name or by {@code *;q=0}
     */
    public static int quality(String header, String coding) {
        boolean identity = coding.equals("identity");
        if (header == null) {
            return identity ? FULL : REFUSED;
        }
        int star = -1;
        int length = header.length();
        int start = 0;
        while (start < length) {
            int end = header.indexOf(',', start);
            if (end < 0) {
                end = length;
            }
            int semicolon = header.indexOf(';', start);
            int tokenEnd = semicolon >= 0 && semicolon < end ? semicolon : end;
            int from = skipSpace(header, start, tokenEnd);
            int to = trimEnd(header, from, tokenEnd);
            int q = tokenEnd < end ? parseQuality(header, tokenEnd + 1, end) : FULL;
            if (q >= 0) {
                if (matches(header, from, to, coding)
                        || (coding.equals("gzip") && matches(header, from, to, "x-gzip"))) {
                    return q;
                }
                if (to - from == 1 && header.charAt(from) == '*') {
                    star = q;
                }
            }
            start = end + 1;
        }
        if (star >= 0) {
            return star;
        }
        return identity ? FULL : REFUSED;
    }

    /**
     * @param header the field value, or null
     * @param coding a coding name
     * @return whether the client accepts the coding at all
     */
    public static boolean accepts(String header, String coding) {
        return quality(header, coding) > REFUSED;
    }

    private static boolean matches(String header, int from, int to, String coding) {
        return to - from == coding.length() && header.regionMatches(true, from, coding, 0, coding.length());
    }

    /** The {@code q} parameter among {@code ;}-separated parameters, in thousandths; -1 when it is malformed. */
    private static int parseQuality(String header, int from, int end) {
        int at = from;
        while (at < end) {
            int next = header.indexOf(';', at);
            if (next < 0 || next > end) {
                next = end;
            }
            int p = skipSpace(header, at, next);
            int pEnd = trimEnd(header, p, next);
            if (pEnd - p >= 2 && (header.charAt(p) == 'q' || header.charAt(p) == 'Q') && header.charAt(p + 1) == '=') {
                return weight(header, p + 2, pEnd);
            }
            at = next + 1;
        }
        return FULL;
    }

    /** {@code qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )}. */
    private static int weight(String text, int from, int to) {
        if (from >= to) {
            return -1;
        }
        char first = text.charAt(from);
        if (first != '0' && first != '1') {
            return -1;
        }
        int value = (first - '0') * 1000;
        if (from + 1 == to) {
            return value;
        }
        if (text.charAt(from + 1) != '.' || to - from - 2 > 3) {
            return -1;
        }
        int scale = 100;
        for (int i = from + 2; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value += (c - '0') * scale;
            scale /= 10;
        }
        return value > FULL ? -1 : value;
    }

    private static int skipSpace(String text, int from, int to) {
        while (from < to && (text.charAt(from) == ' ' || text.charAt(from) == '\t')) {
            from++;
        }
        return from;
    }

    private static int trimEnd(String text, int from, int to) {
        while (to > from && (text.charAt(to - 1) == ' ' || text.charAt(to - 1) == '\t')) {
            to--;
        }
        return to;
    }
}
