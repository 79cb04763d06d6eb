package dev.solo.http.internal.connection;

import dev.solo.http.codec.ResponseHeadEncoder;

/**
 * The checked ISO-8859-1 bytes of header values seen recently, found by the identity of their
 * {@code String}.
 *
 * <p>Most values on a busy server are the same objects response after response: a cached file's ETag,
 * Last-Modified and Content-Type, a location's constant headers. Checking every character for CR, LF and other
 * controls, one {@code charAt} at a time, was the largest item of a profile of small static files; a string checked
 * once needs no second check, since strings are immutable, so its bytes are copied with one {@code arraycopy}.
 * Direct-mapped by identity hash, so a lookup is one probe and a new string simply replaces the old one in its slot;
 * only strings that passed the check are remembered, and their bytes only once the same string comes back. Bounded at {@link #SLOTS} entries. Loop thread only.
 */
final class EncodedValues {

    /** Enough for the distinct values of the files and locations a busy loop serves at once. */
    static final int SLOTS = 256;
    /** Values shorter than this are copied with the check: remembering them would save nothing. */
    private static final int MIN_LENGTH = 8;

    private final String[] strings = new String[SLOTS];
    private final byte[][] bytes = new byte[SLOTS][];

    /**
     * Copies a checked field value.
     *
     * @throws IllegalArgumentException for a value that could split the response
     */
    int copyValue(String name, String value, byte[] out, int at) {
        if (value.length() < MIN_LENGTH) {
            return ResponseHeadEncoder.writeValue(name, value, out, at);
        }
        int slot = System.identityHashCode(value) & (SLOTS - 1);
        if (strings[slot] != value) {
            // First sighting: remember the string only. Values built for one response (a Location, a Set-Cookie)
            // are never seen again, and keeping their bytes would cost an allocation and a copy for nothing.
            int end = ResponseHeadEncoder.writeValue(name, value, out, at);
            strings[slot] = value;
            bytes[slot] = null;
            return end;
        }
        byte[] known = bytes[slot];
        if (known == null) {
            // Seen twice: worth keeping the checked bytes.
            int end = ResponseHeadEncoder.writeValue(name, value, out, at);
            known = new byte[end - at];
            System.arraycopy(out, at, known, 0, known.length);
            bytes[slot] = known;
            return end;
        }
        System.arraycopy(known, 0, out, at, known.length);
        return at + known.length;
    }

    /** @return whether the checked bytes of this very string are remembered (for tests) */
    boolean remembers(String value) {
        int slot = System.identityHashCode(value) & (SLOTS - 1);
        return strings[slot] == value && bytes[slot] != null;
    }
}
