package dev.solo.http.codec;

import static dev.solo.http.codec.Wire.decode;
import static dev.solo.http.codec.Wire.head;
import static dev.solo.http.codec.Wire.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.http.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Message body framing (RFC 9112 §6), persistence (§9.3) and expectations (RFC 9110 §10.1.1). */
class FramingTest {

    @ParameterizedTest
    @MethodSource("dev.solo.http.codec.Wire#eols")
    void hasNoBodyWithoutFramingHeaders(String eol) {
        // RFC 9112 §6.3 item 7: a request with neither is length 0
        RequestHead head = decode(head(eol, "POST / HTTP/1.1", "Host: x"));
        assertEquals(BodyFraming.NONE, head.framing());
        assertEquals(0, head.contentLength());
        assertFalse(head.hasBody());
    }

    @ParameterizedTest
    @MethodSource("dev.solo.http.codec.Wire#eols")
    void readsContentLength(String eol) {
        RequestHead head = decode(head(eol, "POST / HTTP/1.1", "Host: x", "Content-Length: 0012"));
        assertEquals(BodyFraming.LENGTH, head.framing());
        assertEquals(12, head.contentLength());
        assertTrue(head.hasBody());
    }

    @ParameterizedTest
    @MethodSource("dev.solo.http.codec.Wire#eols")
    void acceptsRepeatedIdenticalContentLength(String eol) {
        // RFC 9110 §8.6: "Content-Length: 42, 42" may be taken as 42
        assertEquals(5, decode(head(eol, "POST / HTTP/1.1", "Host: x", "Content-Length: 5, 5")).contentLength());
        assertEquals(5, decode(head(eol, "POST / HTTP/1.1", "Host: x", "Content-Length: 5", "Content-Length: 5"))
                .contentLength());
    }

    @ParameterizedTest
    @MethodSource("dev.solo.http.codec.Wire#eols")
    void rejectsDifferingContentLengths(String eol) {
        // RFC 9112 §6.3 item 5: an invalid Content-Length MUST be answered with 400 and close
        rejects(Status.BAD_REQUEST, head(eol, "POST / HTTP/1.1", "Host: x", "Content-Length: 5, 6"));
        rejects(Status.BAD_REQUEST, head(eol, "POST / HTTP/1.1", "Host: x", "Content-Length: 5", "Content-Length: 6"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-1", "+5", "5a", "0x10", "1 2", "5,", ",5", "5,,5", "1e3", "5.0",
        "9223372036854775808", "99999999999999999999", "0000000000000000000001", "\u00bd"})
    void rejectsInvalidContentLength(String value) {
        // RFC 9110 §8.6: Content-Length = 1*DIGIT; RFC 9112 §6.3 item 5: 400 and close
        rejects(Status.BAD_REQUEST, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: " + value + "\r\n\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"chunked", "Chunked", "CHUNKED", " chunked ", ", chunked", "chunked,"})
    void readsChunkedTransferCoding(String value) {
        // RFC 9112 §7: coding names are case-insensitive; RFC 9110 §5.6.1: empty list members are ignored
        RequestHead head = decode("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: " + value + "\r\n\r\n");
        assertEquals(BodyFraming.CHUNKED, head.framing());
        assertEquals(-1, head.contentLength());
        assertTrue(head.hasBody());
    }

    @ParameterizedTest
    @MethodSource("dev.solo.http.codec.Wire#eols")
    void rejectsTransferEncodingWithContentLength(String eol) {
        // RFC 9112 §6.1: MAY reject, and MUST close the connection regardless; §6.3 item 3: smuggling
        rejects(Status.BAD_REQUEST, head(eol, "POST / HTTP/1.1", "Host: x", "Transfer-Encoding: chunked",
                "Content-Length: 5"));
        rejects(Status.BAD_REQUEST, head(eol, "POST / HTTP/1.1", "Host: x", "Content-Length: 5",
                "Transfer-Encoding: chunked"));
    }

    @ParameterizedTest
    @MethodSource("dev.solo.http.codec.Wire#eols")
    void rejectsTransferEncodingInHttp10(String eol) {
        // RFC 9112 §6.1: HTTP/1.0 with Transfer-Encoding MUST be treated as faulty framing
        rejects(Status.BAD_REQUEST, head(eol, "POST / HTTP/1.0", "Transfer-Encoding: chunked"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "chunked, gzip", "identity", "chunked, chunked", "chunked;ext=1", "", " , ",
        "chun ked", "chunked\"", "gzip chunked", ";chunked"})
    void rejectsTransferEncodingThatDoesNotEndInOneChunked(String value) {
        // RFC 9112 §6.3 item 4: chunked not final MUST get 400 and close; §7.1: chunked MUST NOT be applied twice
        rejects(Status.BAD_REQUEST, "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: " + value + "\r\n\r\n");
    }

    @ParameterizedTest
    @MethodSource("dev.solo.http.codec.Wire#eols")
    void rejectsChunkedTwiceAcrossFieldLines(String eol) {
        rejects(Status.BAD_REQUEST, head(eol, "POST / HTTP/1.1", "Host: x", "Transfer-Encoding: chunked",
                "Transfer-Encoding: chunked"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip, chunked", "deflate,chunked", "x-custom;q=1, chunked"})
    void answers501ToUnknownCodingBeforeChunked(String value) {
        // RFC 9112 §6.1: a server SHOULD respond 501 to a transfer coding it does not understand
        rejects(Status.NOT_IMPLEMENTED, "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: " + value + "\r\n\r\n");
    }

    @ParameterizedTest
    @MethodSource("dev.solo.http.codec.Wire#eols")
    void readsCodingsAcrossFieldLinesInOrder(String eol) {
        rejects(Status.NOT_IMPLEMENTED, head(eol, "POST / HTTP/1.1", "Host: x", "Transfer-Encoding: gzip",
                "Transfer-Encoding: chunked"));
        rejects(Status.BAD_REQUEST, head(eol, "POST / HTTP/1.1", "Host: x", "Transfer-Encoding: chunked",
                "Transfer-Encoding: gzip"));
    }

    @ParameterizedTest
    @MethodSource("dev.solo.http.codec.Wire#eols")
    void keepsHttp11ConnectionsAliveUnlessClosed(String eol) {
        // RFC 9112 §9.3: HTTP/1.1 persists unless "close" is among the Connection options
        assertTrue(decode(head(eol, "GET / HTTP/1.1", "Host: x")).keepAlive());
        assertFalse(decode(head(eol, "GET / HTTP/1.1", "Host: x", "Connection: close")).keepAlive());
        assertFalse(decode(head(eol, "GET / HTTP/1.1", "Host: x", "Connection: keep-alive, Close")).keepAlive());
        assertFalse(decode(head(eol, "GET / HTTP/1.1", "Host: x", "Connection: upgrade", "Connection: close"))
                .keepAlive());
    }

    @ParameterizedTest
    @MethodSource("dev.solo.http.codec.Wire#eols")
    void keepsHttp10ConnectionsAliveOnlyWhenAsked(String eol) {
        // RFC 9112 §9.3: HTTP/1.0 persists only with "keep-alive"
        assertFalse(decode(head(eol, "GET / HTTP/1.0")).keepAlive());
        assertTrue(decode(head(eol, "GET / HTTP/1.0", "Connection: Keep-Alive")).keepAlive());
        assertFalse(decode(head(eol, "GET / HTTP/1.0", "Connection: keep-alive, close")).keepAlive());
    }

    @ParameterizedTest
    @MethodSource("dev.solo.http.codec.Wire#eols")
    void recognisesExpectContinue(String eol) {
        // RFC 9110 §10.1.1: the value is case-insensitive
        RequestHead head = decode(head(eol, "PUT / HTTP/1.1", "Host: x", "Content-Length: 5", "Expect: 100-Continue"));
        assertTrue(head.expectsContinue());
        assertFalse(head.hasUnsupportedExpectation());
    }

    @ParameterizedTest
    @MethodSource("dev.solo.http.codec.Wire#eols")
    void ignoresExpectContinueInHttp10(String eol) {
        // RFC 9110 §10.1.1: a server MUST ignore 100-continue in an HTTP/1.0 request
        assertFalse(decode(head(eol, "PUT / HTTP/1.0", "Content-Length: 5", "Expect: 100-continue"))
                .expectsContinue());
    }

    @ParameterizedTest
    @MethodSource("dev.solo.http.codec.Wire#eols")
    void flagsUnsupportedExpectations(String eol) {
        // RFC 9110 §10.1.1: the server MAY answer 417 to any other expectation
        RequestHead head = decode(head(eol, "PUT / HTTP/1.1", "Host: x", "Expect: 100-continue, x-foo=1"));
        assertTrue(head.expectsContinue());
        assertTrue(head.hasUnsupportedExpectation());
        assertTrue(decode(head(eol, "GET / HTTP/1.1", "Host: x", "Expect: 200-ok")).hasUnsupportedExpectation());
        assertFalse(decode(head(eol, "GET / HTTP/1.1", "Host: x", "Expect: ")).hasUnsupportedExpectation());
    }
}
