package dev.solo.session.spi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * Session ids: how they are made, what they look like, and how stores look them up and compare them.
 *
 * <p>An id is {@value #ID_BYTES} bytes ({@value #ID_BYTES}×8 = 256 bits, above the 128 bits OWASP asks for) from
 * {@link SecureRandom}, in base64url without padding (RFC 4648 §5): {@value #ID_LENGTH} characters of
 * {@code [A-Za-z0-9_-]}. Anything else a client sends is rejected by {@link #isWellFormed(String)} before it reaches
 * a map or the file system, so an id can never carry {@code /}, {@code ..} or control characters.
 *
 * <p>Stores index sessions by {@link #lookupKey(String)}, a SHA-256 digest of the id, rather than by the id: the time a
 * hash-map probe or a file lookup takes then depends on digest bits an attacker cannot steer, and a leaked session
 * directory listing reveals no usable id. The final check that the stored id is the presented one uses
 * {@link #sameId(String, String)}, which runs in constant time ({@link MessageDigest#isEqual}).
 *
 * <p>Instances generate ids and are not thread-safe in spirit (loop thread only), though {@link SecureRandom} is.
 */
public final class SessionIds {

    /** Random bytes per id. */
    public static final int ID_BYTES = 32;
    /** Characters per id: base64url of {@value #ID_BYTES} bytes without padding. */
    public static final int ID_LENGTH = 43;
    /** Characters per lookup key: base64url of a 32-byte SHA-256 digest without padding. */
    public static final int KEY_LENGTH = 43;

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** Null until the first id: creating one loads the security providers, about 10 ms a start would wait for. */
    private SecureRandom random;

    private SessionIds(SecureRandom random) {
        this.random = random;
    }

    /**
     * A generator over the platform's default {@link SecureRandom}, which on Linux reads the non-blocking
     * {@code /dev/urandom} pool; {@code SecureRandom.getInstanceStrong()} could block the loop. It is created with
     * the first id, not at configuration time.
     *
     * @return a generator
     */
    public static SessionIds create() {
        return new SessionIds(null);
    }

    /**
     * @param random the source of randomness (tests pass a seeded one to check the format, never production)
     * @return a generator
     */
    public static SessionIds create(SecureRandom random) {
        return new SessionIds(Objects.requireNonNull(random, "random"));
    }

    /** @return a fresh, well-formed id */
    public String next() {
        if (random == null) {
            random = new SecureRandom();
        }
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    /**
     * Checks an id's syntax without touching any store: exactly {@value #ID_LENGTH} base64url characters.
     *
     * @param id what the client sent, possibly null
     * @return true when it could be an id this server made
     */
    public static boolean isWellFormed(String id) {
        if (id == null || id.length() != ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < ID_LENGTH; i++) {
            char c = id.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        // 43 characters carry 258 bits; the last one may only use the values whose low 2 bits are 0 (RFC 4648 §3.5)
        // so that each 32-byte id has exactly one spelling.
        return (base64Value(id.charAt(ID_LENGTH - 1)) & 0b11) == 0;
    }

    /**
     * The key a store files a session under: base64url of SHA-256 of the id, {@value #KEY_LENGTH} characters, safe
     * as a file name.
     *
     * @param id a well-formed id
     * @return the lookup key
     * @throws IllegalArgumentException if the id is not well formed
     */
    public static String lookupKey(String id) {
        if (!isWellFormed(id)) {
            throw new IllegalArgumentException("not a session id");
        }
        return BASE64URL.encodeToString(sha256().digest(id.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * Compares two ids in time that does not depend on where they differ.
     *
     * @param expected the id a store holds
     * @param presented the id a client sent
     * @return true when they are the same
     */
    public static boolean sameId(String expected, String presented) {
        if (expected == null || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    private static int base64Value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : 63;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (MessageDigest Javadoc).
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
