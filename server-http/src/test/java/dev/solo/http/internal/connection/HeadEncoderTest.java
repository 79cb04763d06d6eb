package dev.solo.http.internal.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.http.Headers;
import dev.solo.http.Status;
import dev.solo.http.internal.connection.HeadEncoder.ConnectionField;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HeadEncoderTest {

    /** 1994-11-06T08:49:37Z, the date of RFC 9110's example. */
    private static final long RFC_EXAMPLE = 784_111_777_000L;

    private final HeadEncoder encoder = new HeadEncoder();

    private static String text(ByteBuffer head) {
        byte[] bytes = new byte[head.remaining()];
        head.duplicate().get(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Test
    void writesHandlerFieldsThenLengthDateAndServer() {
        Headers headers = new Headers().add("ETag", "\"5f-1234\"").add("X-Trace", "abc");
        String head = text(encoder.encode(Status.OK, headers, 95, false, ConnectionField.NONE, RFC_EXAMPLE));
        assertEquals("HTTP/1.1 200 OK\r\nETag: \"5f-1234\"\r\nX-Trace: abc\r\nContent-Length: 95\r\n"
                + "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\nServer: Solo\r\n\r\n", head);
    }

    @Test
    void writesChunkedAndConnectionFieldsInsteadOfALength() {
        String head = text(encoder.encode(Status.OK, new Headers(), -1, true, ConnectionField.CLOSE, RFC_EXAMPLE));
        assertEquals("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n"
                + "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\nServer: Solo\r\n\r\n", head);
        String kept = text(encoder.encode(Status.NO_CONTENT, new Headers(), -1, false, ConnectionField.KEEP_ALIVE,
                RFC_EXAMPLE));
        assertTrue(kept.contains("\r\nConnection: keep-alive\r\n"), kept);
        assertFalse(kept.contains("Content-Length"), kept);
    }

    @Test
    void leavesOutTheHandlersOwnFramingConnectionDateAndServer() {
        Headers headers = new Headers().add("content-length", "7").add("Transfer-Encoding", "gzip")
                .add("Connection", "upgrade").add("Date", "yesterday").add("SERVER", "other").add("Vary", "Accept");
        String head = text(encoder.encode(Status.OK, headers, 0, false, ConnectionField.NONE, RFC_EXAMPLE));
        assertEquals("HTTP/1.1 200 OK\r\nVary: Accept\r\nContent-Length: 0\r\n"
                + "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\nServer: Solo\r\n\r\n", head);
    }

    @Test
    void writesLengthsOfEveryMagnitude() {
        for (long length : new long[] {0, 9, 10, 99, 100, 65_536, 1L << 40, Long.MAX_VALUE}) {
            String head = text(encoder.encode(Status.OK, new Headers(), length, false, ConnectionField.NONE,
                    RFC_EXAMPLE));
            assertTrue(head.contains("\r\nContent-Length: " + length + "\r\n"), head);
        }
    }

    @Test
    void formatsTheDateAgainWhenTheSecondChanges() {
        encoder.encode(Status.OK, new Headers(), 0, false, ConnectionField.NONE, RFC_EXAMPLE);
        String later = text(encoder.encode(Status.OK, new Headers(), 0, false, ConnectionField.NONE,
                RFC_EXAMPLE + 1_000));
        assertTrue(later.contains("Date: Sun, 06 Nov 1994 08:49:38 GMT\r\n"), later);
    }

    @Test
    void refusesAValueThatWouldSplitTheResponseEvenAfterASafeOneOfTheSameLength() {
        String safe = "text/html; charset=utf-8";
        encoder.encode(Status.OK, new Headers().add("Content-Type", safe), 0, false, ConnectionField.NONE,
                RFC_EXAMPLE);
        String injected = "text/html\r\nSet-Cookie: x";
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(Status.OK,
                new Headers().add("Content-Type", injected), 0, false, ConnectionField.NONE, RFC_EXAMPLE));
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(Status.OK,
                new Headers().add("Bad Name", "value"), 0, false, ConnectionField.NONE, RFC_EXAMPLE));
    }

    @Test
    void remembersOnlyValuesThatPassedTheCheck() {
        EncodedValues values = new EncodedValues();
        String etag = "\"abcdef-123456\"";
        byte[] out = new byte[64];
        int end = values.copyValue("ETag", etag, out, 0);
        assertEquals(etag, new String(out, 0, end, StandardCharsets.ISO_8859_1));
        assertFalse(values.remembers(etag), "a value seen once may never come back: its bytes are not kept");
        values.copyValue("ETag", etag, out, 0);
        assertTrue(values.remembers(etag));
        int again = values.copyValue("ETag", etag, out, 3);
        assertEquals(etag, new String(out, 3, again - 3, StandardCharsets.ISO_8859_1));

        String bad = "value with a \n newline";
        assertThrows(IllegalArgumentException.class, () -> values.copyValue("X", bad, out, 0));
        assertThrows(IllegalArgumentException.class, () -> values.copyValue("X", bad, out, 0));
        assertFalse(values.remembers(bad));
        assertThrows(IllegalArgumentException.class, () -> values.copyValue("X", bad, out, 0));
    }

    @Test
    void refusesCharactersBeyondLatin1() {
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(Status.OK,
                new Headers().add("X-Name", "caf\u00e9 \u20ac symbol"), 0, false, ConnectionField.NONE, RFC_EXAMPLE));
    }
}
