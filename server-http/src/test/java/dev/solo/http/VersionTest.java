package dev.solo.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VersionTest {

    @Test
    void knowsOnlyHttp10And11() {
        assertSame(Version.HTTP_1_0, Version.of(1, 0));
        assertSame(Version.HTTP_1_1, Version.of(1, 1));
        assertNull(Version.of(1, 2));
        assertNull(Version.of(2, 0));
        assertNull(Version.of(0, 9));
    }

    @Test
    void writesPreEncodedBytes() {
        ByteBuffer out = ByteBuffer.allocate(8);
        Version.HTTP_1_1.writeTo(out);
        assertEquals("HTTP/1.1", new String(out.array(), StandardCharsets.US_ASCII));
        assertEquals("HTTP/1.0", Version.HTTP_1_0.toString());
        assertEquals(0, Version.HTTP_1_0.minor());
        assertEquals(1, Version.HTTP_1_0.major());
    }
}
