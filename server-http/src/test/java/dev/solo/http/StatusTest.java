package dev.solo.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatusTest {

    @ParameterizedTest
    @ValueSource(ints = {100, 101, 200, 201, 204, 206, 301, 302, 303, 304, 307, 308, 400, 403, 404, 405, 408, 409,
        411, 412, 413, 414, 415, 416, 417, 422, 429, 431, 500, 501, 502, 503, 504, 505, 507})
    void hasAConstantForEveryStandardCode(int code) {
        Status status = Status.of(code);
        assertSame(status, Status.of(code));
        assertEquals(code, status.code());
        assertFalse(status.reasonPhrase().isEmpty());
        assertFalse(status.reasonPhrase().equals("Client Error") || status.reasonPhrase().equals("Server Error"));
    }

    @Test
    void preEncodesTheStatusLine() {
        ByteBuffer out = ByteBuffer.allocate(Status.NOT_FOUND.statusLineLength());
        Status.NOT_FOUND.writeStatusLine(out);
        assertEquals("HTTP/1.1 404 Not Found\r\n", new String(out.array(), StandardCharsets.US_ASCII));
        assertEquals("413 Content Too Large", Status.CONTENT_TOO_LARGE.toString());
    }

    @Test
    void givesUnknownCodesAGenericReasonForTheirClass() {
        assertEquals("Client Error", Status.of(499).reasonPhrase());
        assertEquals("Success", Status.of(299).reasonPhrase());
        assertEquals("Unknown", Status.of(999).reasonPhrase());
        assertEquals(Status.of(499), Status.of(499));
        assertNotSame(Status.of(499), Status.of(499));
        assertThrows(IllegalArgumentException.class, () -> Status.of(99));
        assertThrows(IllegalArgumentException.class, () -> Status.of(1000));
    }

    @Test
    void knowsWhichStatusesCarryNoBody() {
        // RFC 9112 §6.3 item 1: 1xx, 204 and 304 never have content
        assertFalse(Status.CONTINUE.allowsBody());
        assertFalse(Status.NO_CONTENT.allowsBody());
        assertFalse(Status.NOT_MODIFIED.allowsBody());
        assertTrue(Status.OK.allowsBody());
        assertTrue(Status.NOT_FOUND.allowsBody());
        assertTrue(Status.CONTINUE.isInformational());
        assertTrue(Status.BAD_REQUEST.isError());
        assertFalse(Status.FOUND.isError());
    }
}
