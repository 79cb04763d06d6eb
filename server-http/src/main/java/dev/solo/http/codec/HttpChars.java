package dev.solo.http.codec;

/**
 * Character classes of the HTTP and URI grammars as lookup tables, indexed by unsigned byte value.
 */
final class HttpChars {

    /** tchar (RFC 9110 §5.6.2): the characters of a token such as a method or field name. */
    private static final boolean[] TCHAR = new boolean[256];
    /** Characters allowed in a request-target: RFC 3986 §2 unreserved, sub-delims, gen-delims but '#', and '%'. */
    private static final boolean[] TARGET = new boolean[256];
    /** pchar (RFC 3986 §3.3) plus '/': what a path may hold, '%' included for pct-encoded. */
    private static final boolean[] PATH = new boolean[256];
    /** Hex digit values, -1 for non-hex. */
    private static final byte[] HEX = new byte[256];

    static {
        for (int c = 'a'; c <= 'z'; c++) {
            mark(c, TCHAR, TARGET, PATH);
            mark(c - 32, TCHAR, TARGET, PATH);
        }
        for (int c = '0'; c <= '9'; c++) {
            mark(c, TCHAR, TARGET, PATH);
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            mark(c, TCHAR);
        }
        // unreserved and sub-delims (RFC 3986 §2.2, §2.3), plus ':' '@' (pchar) and '%' (pct-encoded)
        for (char c : "-._~!$&'()*+,;=:@%".toCharArray()) {
            mark(c, TARGET, PATH);
        }
        for (char c : "/?[]".toCharArray()) {
            mark(c, TARGET);
        }
        mark('/', PATH);
        java.util.Arrays.fill(HEX, (byte) -1);
        for (int c = '0'; c <= '9'; c++) {
            HEX[c] = (byte) (c - '0');
        }
        for (int c = 'a'; c <= 'f'; c++) {
            HEX[c] = (byte) (c - 'a' + 10);
            HEX[c - 32] = (byte) (c - 'a' + 10);
        }
    }

    private HttpChars() {
    }

    private static void mark(int c, boolean[]... tables) {
        for (boolean[] table : tables) {
            table[c] = true;
        }
    }

    static boolean isTchar(int b) {
        return TCHAR[b & 0xFF];
    }

    static boolean isTchar(char c) {
        return c < 256 && TCHAR[c];
    }

    static boolean isTargetChar(int b) {
        return TARGET[b & 0xFF];
    }

    static boolean isPathChar(int b) {
        return PATH[b & 0xFF];
    }

    static boolean isPathChar(char c) {
        return c < 256 && PATH[c];
    }

    /** @return 0..15, or -1 when the byte is not a hex digit */
    static int hexValue(int b) {
        return HEX[b & 0xFF];
    }

    /** @return 0..15, or -1 when the character is not a hex digit */
    static int hexValue(char c) {
        return c < 256 ? HEX[c] : -1;
    }

    static boolean isDigit(int b) {
        return b >= '0' && b <= '9';
    }

    /** SP or HTAB: optional whitespace (RFC 9110 §5.6.3). */
    static boolean isOws(int b) {
        return b == ' ' || b == '\t';
    }

    /**
     * field-vchar, SP or HTAB (RFC 9110 §5.5): anything but the control characters and DEL. obs-text (0x80-0xFF) is
     * allowed and read as ISO-8859-1.
     */
    static boolean isFieldValueChar(int b) {
        int u = b & 0xFF;
        return u >= 0x20 ? u != 0x7F : u == '\t';
    }
}
