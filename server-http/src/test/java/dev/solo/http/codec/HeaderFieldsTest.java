package dev.solo.http.codec;

import static dev.solo.http.codec.Wire.decode;
import static dev.solo.http.codec.Wire.head;
import static dev.solo.http.codec.Wire.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.solo.http.HeaderName;
import dev.solo.http.Headers;
import dev.solo.http.HttpLimits;
import dev.solo.http.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Header field lines (RFC 9112 §5, RFC 9110 §5) and the Host rules (RFC 9112 §3.2, RFC 9110 §7.2). */
class HeaderFieldsTest {

    @ParameterizedTest
    @MethodSource("dev.solo.http.codec.Wire#eols")
    void keepsFieldsInOrderWithCanonicalNamesForKnownHeaders(String eol) {
        Headers headers = decode(head(eol, "GET / HTTP/1.1", "host: x", "X-Custom: 1", "ACCEPT: */*", "x-custom: 2"))
                .headers();
        assertEquals(4, headers.size());
        assertSame(HeaderName.HOST.canonical(), headers.name(0), "known names share one String");
        assertEquals("X-Custom", headers.name(1));
        assertEquals("Accept", headers.name(2));
        assertEquals("x-custom", headers.name(3));
        assertEquals("1", headers.get("X-CUSTOM"));
        assertEquals(java.util.List.of("1", "2"), headers.getAll("x-custom"));
    }

    @ParameterizedTest
    @MethodSource("dev.solo.http.codec.Wire#eols")
    void stripsOptionalWhitespaceAroundValues(String eol) {
        // RFC 9112 §5.1: OWS before and after the value is not part of it
        Headers headers = decode(head(eol, "GET / HTTP/1.1", "Host:x", "A: \t one two \t ", "B:", "C:   ")).headers();
        assertEquals("x", headers.get("Host"));
        assertEquals("one two", headers.get("A"));
        assertEquals("", headers.get("B"));
        assertEquals("", headers.get("C"));
    }

    @ParameterizedTest
    @MethodSource("dev.solo.http.codec.Wire#eols")
    void readsObsTextAsLatin1(String eol) {
        // RFC 9110 §5.5: obs-text is allowed in values
        assertEquals("caf\u00e9", decode(head(eol, "GET / HTTP/1.1", "Host: x", "A: caf\u00e9")).headers().get("A"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Host : x", "Host\t: x", "X-A : b"})
    void rejectsWhitespaceBetweenNameAndColon(String line) {
        // RFC 9112 §5.1: a server MUST reject a request with whitespace between field name and colon with 400
        rejects(Status.BAD_REQUEST, "GET / HTTP/1.1\r\n" + line + "\r\n\r\n");
        rejects(Status.BAD_REQUEST, "GET / HTTP/1.1\n" + line + "\n\n");
    }

    @ParameterizedTest
    @MethodSource("dev.solo.http.codec.Wire#eols")
    void rejectsObsoleteLineFolding(String eol) {
        // RFC 9112 §5.2: a server MUST reject obs-fold with 400 or replace it; we reject
        rejects(Status.BAD_REQUEST, head(eol, "GET / HTTP/1.1", "Host: x", "A: one", " two"));
        rejects(Status.BAD_REQUEST, head(eol, "GET / HTTP/1.1", "Host: x", "A: one", "\ttwo"));
    }

    @ParameterizedTest
    @MethodSource("dev.solo.http.codec.Wire#eols")
    void rejectsWhitespaceLineAfterRequestLine(String eol) {
        // RFC 9112 §2.2: whitespace between start-line and first field: reject or ignore the line; we reject
        rejects(Status.BAD_REQUEST, head(eol, "GET / HTTP/1.1", " Host: x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"A: x\u0000y", "A: x\ry", "A: \u0001", "A: x\u007f", "A: \u001b[31m"})
    void rejectsControlCharactersInValues(String line) {
        // RFC 9110 §5.5: CR, LF and NUL are invalid and dangerous (MUST reject or replace); other CTLs are not
        // field-vchar either
        rejects(Status.BAD_REQUEST, "GET / HTTP/1.1\r\nHost: x\r\n" + line + "\r\n\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NoColon", ": empty-name", "A(b): c", "A\"b: c", "\u00c4: x", "A/B: c", "A@: x", "{}: x"})
    void rejectsMalformedFieldNames(String line) {
        // RFC 9110 §5.1: field-name = token
        rejects(Status.BAD_REQUEST, "GET / HTTP/1.1\r\nHost: x\r\n" + line + "\r\n\r\n");
    }

    @Test
    void rejectsBareCarriageReturnAsLineTerminator() {
        // RFC 9112 §2.2: a bare CR MUST be considered invalid (or replaced with SP)
        rejects(Status.BAD_REQUEST, "GET / HTTP/1.1\r\nHost: x\rA: b\r\n\r\n");
        rejects(Status.BAD_REQUEST, "GET / HTTP/1.1\r\nHost: x\r\n\r\r\n");
    }

    @Test
    void acceptsMixedLineTerminators() {
        // RFC 9112 §2.2: LF alone MAY be recognised; we do so everywhere in the head
        RequestHead head = decode("GET / HTTP/1.1\nHost: x\r\nA: b\n\r\n");
        assertEquals("b", head.headers().get("A"));
    }

    @Test
    void answers431WhenTooManyFields() {
        HttpLimits limits = Wire.limits(1024, 4096, 3);
        decode("GET / HTTP/1.1\r\nHost: x\r\nA: 1\r\nB: 2\r\n\r\n", limits);
        rejects(Status.REQUEST_HEADER_FIELDS_TOO_LARGE, "GET / HTTP/1.1\r\nHost: x\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n",
                limits);
    }

    @Test
    void answers431WhenHeaderSectionTooLarge() {
        // the section counts field lines, terminators and the final empty line: 9 + 2 bytes here, then the filler
        String section = "Host: x\r\nA: " + "a".repeat(50 - 9 - 2 - 5) + "\r\n\r\n";
        assertEquals(50, section.length());
        HttpLimits limits = Wire.limits(1024, 50, 10);
        decode("GET / HTTP/1.1\r\n" + section, limits);
        rejects(Status.REQUEST_HEADER_FIELDS_TOO_LARGE, "GET / HTTP/1.1\r\nHost: x\r\nA: " + "a".repeat(50 - 9 - 2 - 4)
                + "\r\n\r\n", limits);
    }

    @Test
    void answers431ForOneEndlessFieldWithoutBufferingIt() {
        RequestDecoder decoder = new RequestDecoder(Wire.limits(1024, 64, 10));
        decoder.decode(Wire.buffer("GET / HTTP/1.1\r\nA: "));
        java.nio.ByteBuffer more = Wire.buffer("b".repeat(1000));
        dev.solo.http.HttpException error = org.junit.jupiter.api.Assertions.assertThrows(
                dev.solo.http.HttpException.class, () -> decoder.decode(more));
        assertEquals(Status.REQUEST_HEADER_FIELDS_TOO_LARGE, error.status());
    }

    @ParameterizedTest
    @MethodSource("dev.solo.http.codec.Wire#eols")
    void rejectsHttp11RequestWithoutHost(String eol) {
        // RFC 9112 §3.2: a server MUST respond 400 to an HTTP/1.1 request that lacks Host
        rejects(Status.BAD_REQUEST, head(eol, "GET / HTTP/1.1", "A: b"));
    }

    @ParameterizedTest
    @MethodSource("dev.solo.http.codec.Wire#eols")
    void rejectsMoreThanOneHost(String eol) {
        // RFC 9112 §3.2: MUST respond 400 to more than one Host field line, whatever the version
        rejects(Status.BAD_REQUEST, head(eol, "GET / HTTP/1.1", "Host: a", "Host: a"));
        rejects(Status.BAD_REQUEST, head(eol, "GET / HTTP/1.0", "Host: a", "host: b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "a/b", "a@b", "user@host", "[::1", "[::1]x", "a:99999", "a:", "a:b", "a:1:2",
        "[v1.x]", "[1.2.3.4]", "ex%61mple.com", "a,b", "a;b", "[::1]:", ":80", "a:123456"})
    void rejectsInvalidHost(String value) {
        // RFC 9112 §3.2: MUST respond 400 to a Host header field with an invalid value
        rejects(Status.BAD_REQUEST, "GET / HTTP/1.1\r\nHost: " + value + "\r\n\r\n");
    }

    @ParameterizedTest
    @MethodSource("dev.solo.http.codec.Wire#eols")
    void splitsHostIntoLowerCaseNameAndPort(String eol) {
        RequestHead head = decode(head(eol, "GET / HTTP/1.1", "Host: WWW.Example.com:8080"));
        assertEquals("www.example.com", head.host());
        assertEquals(8080, head.port());
        assertEquals("WWW.Example.com:8080", head.headers().get("Host"), "Host is kept as sent");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[::1]", "[2001:db8::1]:443", "127.0.0.1:80", "my_host.local", "localhost:0"})
    void acceptsValidHosts(String value) {
        RequestHead head = decode("GET / HTTP/1.1\r\nHost: " + value + "\r\n\r\n");
        assertEquals(value.startsWith("[") ? value.substring(0, value.indexOf(']') + 1) : value.split(":")[0],
                head.host());
    }

    @ParameterizedTest
    @MethodSource("dev.solo.http.codec.Wire#eols")
    void leavesHostNullForHttp10WithoutHost(String eol) {
        RequestHead head = decode(head(eol, "GET / HTTP/1.0"));
        assertNull(head.host());
        assertNull(head.headers().get("Host"));
        assertEquals(-1, head.port());
    }

    @Test
    void checksHostHeaderEvenWhenAbsoluteFormSuppliesTheHost() {
        rejects(Status.BAD_REQUEST, "GET http://a/ HTTP/1.1\r\nHost: a b\r\n\r\n");
        rejects(Status.BAD_REQUEST, "GET http://a/ HTTP/1.1\r\n\r\n");
    }
}
