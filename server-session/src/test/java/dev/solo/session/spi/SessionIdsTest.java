package dev.solo.session.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SessionIdsTest {

    private final SessionIds ids = SessionIds.create();

    @Test
    void idsAre43Base64UrlCharactersWithoutPadding() {
        for (int i = 0; i < 1000; i++) {
            String id = ids.next();
            assertEquals(SessionIds.ID_LENGTH, id.length());
            assertTrue(id.matches("[A-Za-z0-9_-]{43}"), id);
            assertTrue(SessionIds.isWellFormed(id), id);
        }
    }

    @Test
    void idsCarryAtLeast128RandomBits() {
        byte[] decoded = Base64.getUrlDecoder().decode(ids.next());

        assertTrue(decoded.length * 8 >= 128);
        assertEquals(SessionIds.ID_BYTES, decoded.length);
    }

    @Test
    void idsDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            assertTrue(seen.add(ids.next()));
        }
    }

    @Test
    void idBitsAreBalanced() {
        // 2000 ids × 256 bits: a fair source sets about half of them; 0.49..0.51 is more than 10 sigma wide.
        long ones = 0;
        int ids2000 = 2000;
        for (int i = 0; i < ids2000; i++) {
            for (byte b : Base64.getUrlDecoder().decode(ids.next())) {
                ones += Integer.bitCount(b & 0xFF);
            }
        }
        double share = ones / (double) (ids2000 * SessionIds.ID_BYTES * 8);
        assertTrue(share > 0.49 && share < 0.51, "share of one bits: " + share);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "../../../../etc/passwd",
        "..%2F..%2F..%2F..%2Fetc%2Fpasswd%2F%2F%2F%2F%2F%2F%2F%2F%2F%2F",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/../A",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\u0000",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\u00e9",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB"
    })
    void rejectsAnythingButTheIdSyntax(String candidate) {
        assertFalse(SessionIds.isWellFormed(candidate));
    }

    @Test
    void lookupKeyRefusesMalformedIdsSoNoFileNameCanBeSteered() {
        assertThrows(IllegalArgumentException.class, () -> SessionIds.lookupKey("../../etc/passwd"));
    }

    @Test
    void lookupKeyIsAStableFileNameSafeDigest() {
        String id = ids.next();

        String key = SessionIds.lookupKey(id);

        assertEquals(key, SessionIds.lookupKey(id));
        assertEquals(SessionIds.KEY_LENGTH, key.length());
        assertTrue(key.matches("[A-Za-z0-9_-]{43}"));
        assertNotEquals(id, key);
    }

    @Test
    void comparesIdsByContent() {
        String id = ids.next();

        assertTrue(SessionIds.sameId(id, new String(id.toCharArray())));
        assertFalse(SessionIds.sameId(id, ids.next()));
        assertFalse(SessionIds.sameId(id, id.substring(1)));
        assertFalse(SessionIds.sameId(id, null));
        assertFalse(SessionIds.sameId(null, id));
    }
}
