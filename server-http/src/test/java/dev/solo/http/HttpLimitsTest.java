package dev.solo.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HttpLimitsTest {

    @Test
    void hasDocumentedDefaults() {
        HttpLimits limits = HttpLimits.DEFAULTS;
        assertEquals(8192, limits.maxRequestLineBytes());
        assertEquals(16384, limits.maxHeaderBytes());
        assertEquals(100, limits.maxHeaderCount());
        assertEquals(1_048_576, limits.maxBodyBytes());
        assertEquals(1024, limits.maxChunkExtensionBytes());
        assertEquals(8192, limits.maxTrailerBytes());
    }

    @Test
    void rejectsLimitsTooSmallToParseAnything() {
        assertThrows(IllegalArgumentException.class, () -> new HttpLimits(8, 1024, 10, 0, 0, 16));
        assertThrows(IllegalArgumentException.class, () -> new HttpLimits(1024, 1024, 0, 0, 0, 16));
        assertThrows(IllegalArgumentException.class, () -> new HttpLimits(1024, 1024, 10, -1, 0, 16));
    }

    @Test
    void copiesWithAnotherBodyLimit() {
        assertEquals(5, HttpLimits.DEFAULTS.withMaxBodyBytes(5).maxBodyBytes());
        assertEquals(8192, HttpLimits.DEFAULTS.withMaxBodyBytes(5).maxRequestLineBytes());
    }
}
