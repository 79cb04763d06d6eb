package dev.solo.http.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.solo.http.HeaderName;
import dev.solo.http.Headers;
import dev.solo.http.Status;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Response heads, byte for byte (RFC 9112 §2.1, §4, §5). */
class ResponseHeadEncoderTest {

    @Test
    void onePassEncodingMatchesTheBufferEncodingByteForByte() {
        Headers headers = new Headers()
                .add("content-type", "text/html; charset=utf-8")
                .add("X-Custom-Thing", "a\tb ÿ")
                .add("ETag", "\"abc-12\"")
                .add("Content-Length", "0");
        ByteBuffer twoPass = ByteBuffer.allocate(ResponseHeadEncoder.encodedLength(Status.OK, headers));
        ResponseHeadEncoder.encode(Status.OK, headers, twoPass);
        ByteBuffer onePass = ResponseHeadEncoder.encode(Status.OK, headers);
        assertEquals(new String(twoPass.array(), StandardCharsets.ISO_8859_1),
                StandardCharsets.ISO_8859_1.decode(onePass).toString());
    }

    @Test
    void onePassEncodingRefusesAValueWithALineBreak() {
        Headers headers = new Headers().add("Location", "/a\r\nSet-Cookie: x=1");
        assertThrows(IllegalArgumentException.class, () -> ResponseHeadEncoder.encode(Status.FOUND, headers));
    }

    @Test
    void onePassEncodingRefusesANameThatIsNotAToken() {
        Headers headers = new Headers().add("Bad Name", "x");
        assertThrows(IllegalArgumentException.class, () -> ResponseHeadEncoder.encode(Status.OK, headers));
    }

    @Test
    void writesStatusLineFieldsAndEmptyLine() {
        Headers headers = new Headers()
                .add(HeaderName.DATE, "Sun, 06 Nov 1994 08:49:37 GMT")
                .add("content-type", "text/plain; charset=utf-8")
                .add("X-Custom", "a\tb \u00e9")
                .add(HeaderName.SET_COOKIE, "a=1")
                .add(HeaderName.SET_COOKIE, "b=2")
                .add("Content-Length", "0");
        String expected = "HTTP/1.1 404 Not Found\r\n"
                + "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "X-Custom: a\tb \u00e9\r\n"
                + "Set-Cookie: a=1\r\n"
                + "Set-Cookie: b=2\r\n"
                + "Content-Length: 0\r\n"
                + "\r\n";
        assertEquals(expected.length(), ResponseHeadEncoder.encodedLength(Status.NOT_FOUND, headers));
        assertEquals(expected, encode(Status.NOT_FOUND, headers, 512));
    }

    @Test
    void writesBareHeadForStatusWithoutFields() {
        assertEquals("HTTP/1.1 100 Continue\r\n\r\n", encode(Status.CONTINUE, new Headers(), 64));
        assertEquals("HTTP/1.1 599 Server Error\r\n\r\n", encode(Status.of(599), new Headers(), 64));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\r\nSet-Cookie: evil=1", "a\nb", "a\rb", "a\u0000b", "\u0007", "a\u007fb", "\u20ac"})
    void refusesValuesThatCouldInjectOrCannotBeEncoded(String value) {
        // RFC 9110 §5.5: CR, LF and NUL must never be sent in a field value
        Headers headers = new Headers().add("X-Ok", "fine").add("Location", value);
        ByteBuffer out = ByteBuffer.allocate(256);
        assertThrows(IllegalArgumentException.class, () -> ResponseHeadEncoder.encode(Status.FOUND, headers, out));
        assertEquals(0, out.position(), "nothing written");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bad Name", "Bad:Name", "X\r\nY", "N\u00e4me", "a(b)"})
    void refusesNamesThatAreNotTokens(String name) {
        Headers headers = new Headers().add(name, "v");
        assertThrows(IllegalArgumentException.class, () -> ResponseHeadEncoder.encodedLength(Status.OK, headers));
    }

    @Test
    void writesNothingWhenTheBufferIsTooSmall() {
        Headers headers = new Headers().add("Server", "solo");
        int length = ResponseHeadEncoder.encodedLength(Status.OK, headers);
        ByteBuffer out = ByteBuffer.allocate(length - 1);
        assertThrows(BufferOverflowException.class, () -> ResponseHeadEncoder.encode(Status.OK, headers, out));
        assertEquals(0, out.position());
        assertEquals("HTTP/1.1 200 OK\r\nServer: solo\r\n\r\n", encode(Status.OK, headers, length));
    }

    private static String encode(Status status, Headers headers, int capacity) {
        ByteBuffer out = ByteBuffer.allocate(capacity);
        ResponseHeadEncoder.encode(status, headers, out);
        out.flip();
        return StandardCharsets.ISO_8859_1.decode(out).toString();
    }
}
