package dev.solo.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class HeaderNameTest {

    @Test
    void looksUpEveryNameInAnyCaseFromStringsBytesAndBuffers() {
        for (HeaderName name : HeaderName.values()) {
            for (String spelling : new String[] {name.canonical(), name.canonical().toLowerCase(Locale.ROOT),
                name.canonical().toUpperCase(Locale.ROOT)}) {
                assertSame(name, HeaderName.lookup(spelling));
                byte[] bytes = (">" + spelling + ":").getBytes(StandardCharsets.US_ASCII);
                assertSame(name, HeaderName.lookup(bytes, 1, spelling.length()));
                ByteBuffer buffer = ByteBuffer.allocateDirect(bytes.length).put(bytes);
                assertSame(name, HeaderName.lookup(buffer, 1, spelling.length()));
            }
        }
    }

    @Test
    void findsNothingForUnknownOrAlmostMatchingNames() {
        assertNull(HeaderName.lookup("X-Unknown"));
        assertNull(HeaderName.lookup("Hos"));
        assertNull(HeaderName.lookup("Hostt"));
        assertNull(HeaderName.lookup(""));
        assertNull(HeaderName.lookup("H\u00f6st"));
        assertNull(HeaderName.lookup("x".repeat(100)));
        // CR | 0x20 is '-': a careless case fold would take this for Content-Length
        byte[] tricky = "Content\rLength".getBytes(StandardCharsets.ISO_8859_1);
        assertNull(HeaderName.lookup(tricky, 0, tricky.length));
    }

    @Test
    void writesPreEncodedPrefix() {
        ByteBuffer out = ByteBuffer.allocate(HeaderName.CONTENT_TYPE.prefixLength());
        HeaderName.CONTENT_TYPE.writePrefix(out);
        assertEquals("Content-Type: ", new String(out.array(), StandardCharsets.US_ASCII));
        assertTrue(HeaderName.ETAG.is("etag"));
        assertEquals("WWW-Authenticate", HeaderName.WWW_AUTHENTICATE.toString());
    }
}
