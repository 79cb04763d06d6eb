package dev.solo.http.codec;

import static dev.solo.http.codec.Wire.buffer;
import static dev.solo.http.codec.Wire.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.http.HttpException;
import dev.solo.http.HttpLimits;
import dev.solo.http.Status;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Content-Length and chunked bodies (RFC 9112 §6, §7.1), and the body limit. */
class BodyDecoderTest {

    private final BodyDecoder body = new BodyDecoder(HttpLimits.DEFAULTS);

    @Test
    void returnsLengthDelimitedContentAndLeavesWhatFollows() {
        body.start(BodyFraming.LENGTH, 5);
        ByteBuffer in = buffer("helloGET / HTTP/1.1");
        assertEquals("hello", drain(body, in));
        assertTrue(body.isComplete());
        assertEquals("GET / HTTP/1.1", rest(in), "the next request is left in the buffer");
    }

    @Test
    void returnsSlicesThatShareTheInputWithoutCopying() {
        body.start(BodyFraming.LENGTH, 3);
        ByteBuffer in = buffer("abc");
        ByteBuffer slice = body.next(in);
        assertSame(in.array(), slice.array());
        assertEquals(3, slice.remaining());
    }

    @Test
    void waitsForTheRestOfALengthDelimitedBody() {
        body.start(BodyFraming.LENGTH, 6);
        assertEquals("abc", drain(body, buffer("abc")));
        assertFalse(body.isComplete());
        assertNull(body.next(buffer("")));
        assertEquals("def", drain(body, buffer("defXYZ")));
        assertTrue(body.isComplete());
    }

    @Test
    void isCompleteAtOnceWithoutBody() {
        body.start(BodyFraming.NONE, 0);
        assertTrue(body.isComplete());
        assertNull(body.next(buffer("GET")));
        body.start(BodyFraming.LENGTH, 0);
        assertTrue(body.isComplete());
    }

    @Test
    void decodesChunkedBodyWithExtensionsAndTrailers() {
        // RFC 9112 §7.1: hex sizes in either case, extensions skipped, trailers dropped
        body.start(BodyFraming.CHUNKED, -1);
        ByteBuffer in = buffer("5;name=value\r\nhello\r\nA ; a=\"q;uoted\"\r\n0123456789\r\na\r\nABCDEFGHIJ\r\n"
                + "0;last\r\nTrailer: x\r\nOther: y\r\n\r\nNEXT");
        assertEquals("hello0123456789ABCDEFGHIJ", drain(body, in));
        assertTrue(body.isComplete());
        assertEquals("NEXT", rest(in));
    }

    @Test
    void decodesLastChunkWithoutTrailers() {
        body.start(BodyFraming.CHUNKED, -1);
        assertEquals("", drain(body, buffer("0\r\n\r\n")));
        assertTrue(body.isComplete());
    }

    @Test
    void acceptsLeadingZerosInChunkSize() {
        body.start(BodyFraming.CHUNKED, -1);
        assertEquals("abc", drain(body, buffer("0003\r\nabc\r\n000\r\n\r\n")));
        assertTrue(body.isComplete());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "5\nhello\r\n0\r\n\r\n", // bare LF after size: the RFC 9112 §2.2 leniency is for head lines only
        "5\r\nhello\n0\r\n\r\n", // bare LF after data
        "5\r\nhelloX\r\n0\r\n\r\n", // data longer than the size
        "5\r\nhello\r\r\n0\r\n\r\n", // CR CR LF
        "5\rhello\r\n0\r\n\r\n", // CR not followed by LF
        "5 \r\nhello\r\n0\r\n\r\n", // whitespace without extension
        "\r\nhello\r\n0\r\n\r\n", // empty size
        " 5\r\nhello\r\n0\r\n\r\n", // whitespace before size
        "+5\r\nhello\r\n0\r\n\r\n", "-5\r\n", "0x5\r\nhello\r\n0\r\n\r\n", "g\r\n", "5;a\nb\r\nhello\r\n",
        "5;a\u0000\r\nhello\r\n", "5;a\rb\r\n", // control characters in an extension
        "0\r\n\n", // bare LF ending the trailer section
        "0\r\nA: b\n\r\n", // bare LF in a trailer
        "0\r\nA : b\r\n\r\n", "0\r\n b\r\n\r\n", // invalid trailers
        "0\r\n\r\r\n"})
    void rejectsMalformedChunkedFraming(String raw) {
        body.start(BodyFraming.CHUNKED, -1);
        HttpException error = assertThrows(HttpException.class, () -> drain(body, buffer(raw)));
        assertEquals(Status.BAD_REQUEST, error.status(), error.safeMessage());
        assertTrue(error.closeConnection());
    }

    @Test
    void rejectsChunkSizeThatOverflows() {
        body.start(BodyFraming.CHUNKED, -1);
        assertThrows(HttpException.class, () -> drain(body, buffer("8000000000000000\r\n")));
        body.start(BodyFraming.CHUNKED, -1);
        assertThrows(HttpException.class, () -> drain(body, buffer("00000000000000001\r\n")));
    }

    @Test
    void boundsChunkExtensionsOverTheWholeBody() {
        BodyDecoder small = new BodyDecoder(new HttpLimits(1024, 1024, 10, 1024, 8, 64));
        small.start(BodyFraming.CHUNKED, -1);
        assertEquals("ab", drain(small, buffer("1;1234\r\na\r\n1;56\r\nb\r\n")));
        HttpException error = assertThrows(HttpException.class, () -> drain(small, buffer("1;7\r\nc\r\n")));
        assertEquals(Status.BAD_REQUEST, error.status());
    }

    @Test
    void answers431ForOversizedTrailers() {
        BodyDecoder small = new BodyDecoder(new HttpLimits(1024, 1024, 10, 1024, 8, 16));
        small.start(BodyFraming.CHUNKED, -1);
        HttpException error = assertThrows(HttpException.class,
                () -> drain(small, buffer("0\r\nTrailer: " + "x".repeat(20) + "\r\n\r\n")));
        assertEquals(Status.REQUEST_HEADER_FIELDS_TOO_LARGE, error.status());
    }

    @Test
    void answers413AsSoonAsAChunkWouldPassTheLimit() {
        body.start(BodyFraming.CHUNKED, -1);
        body.setMaxBodyBytes(8);
        assertEquals("hello", drain(body, buffer("5\r\nhello\r\n")));
        HttpException error = assertThrows(HttpException.class, () -> drain(body, buffer("4\r\n")));
        assertEquals(Status.CONTENT_TOO_LARGE, error.status());
        assertTrue(error.closeConnection());
    }

    @Test
    void acceptsChunkedBodyOfExactlyTheLimit() {
        body.start(BodyFraming.CHUNKED, -1);
        body.setMaxBodyBytes(8);
        assertEquals("hellowor", drain(body, buffer("5\r\nhello\r\n3\r\nwor\r\n0\r\n\r\n")));
        assertTrue(body.isComplete());
    }

    @Test
    void answers413ForDeclaredLengthOverTheLimitBeforeAnyContent() {
        body.start(BodyFraming.LENGTH, 11);
        body.setMaxBodyBytes(10);
        HttpException error = assertThrows(HttpException.class, () -> body.next(buffer("x")));
        assertEquals(Status.CONTENT_TOO_LARGE, error.status());
        assertTrue(error.closeConnection());
    }

    @Test
    void acceptsDeclaredLengthOfExactlyTheLimit() {
        body.start(BodyFraming.LENGTH, 10);
        body.setMaxBodyBytes(10);
        assertEquals("0123456789", drain(body, buffer("0123456789")));
        assertTrue(body.isComplete());
    }

    @Test
    void resetsTheLimitToTheDefaultForEachBody() {
        body.start(BodyFraming.LENGTH, 3);
        body.setMaxBodyBytes(1);
        body.start(BodyFraming.LENGTH, 3);
        assertEquals("abc", drain(body, buffer("abc")));
    }

    @Test
    void startsFromAHeadWithItsOwnLimit() {
        RequestHead head = Wire.decode("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\n");
        body.start(head, 3);
        assertThrows(HttpException.class, () -> body.next(buffer("abcd")));
    }

    @Test
    void decodesChunkedBodyFedOneByteAtATime() {
        String raw = "3;x=y\r\nabc\r\n10\r\n0123456789abcdef\r\n0\r\nT: v\r\n\r\n";
        body.start(BodyFraming.CHUNKED, -1);
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            assertFalse(body.isComplete());
            ByteBuffer in = buffer(raw.substring(i, i + 1));
            content.append(drain(body, in));
            assertFalse(in.hasRemaining());
        }
        assertTrue(body.isComplete());
        assertEquals("abc0123456789abcdef", content.toString());
    }

    private static String rest(ByteBuffer in) {
        return StandardCharsets.ISO_8859_1.decode(in).toString();
    }
}
