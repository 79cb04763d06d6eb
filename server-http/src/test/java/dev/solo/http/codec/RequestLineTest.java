package dev.solo.http.codec;

import static dev.solo.http.codec.Wire.decode;
import static dev.solo.http.codec.Wire.head;
import static dev.solo.http.codec.Wire.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.http.HttpException;
import dev.solo.http.HttpLimits;
import dev.solo.http.Method;
import dev.solo.http.Status;
import dev.solo.http.Version;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The request line: method, request-target and version (RFC 9112 §3). */
class RequestLineTest {

    @ParameterizedTest
    @MethodSource("dev.solo.http.codec.Wire#eols")
    void parsesOriginFormRequest(String eol) {
        RequestHead head = decode(head(eol, "GET /index.html?a=1&b=2 HTTP/1.1", "Host: example.com"));
        assertSame(Method.GET, head.method());
        assertSame("GET", head.methodToken());
        assertEquals("/index.html?a=1&b=2", head.rawTarget());
        assertEquals(RequestHead.TargetForm.ORIGIN, head.targetForm());
        assertEquals("/index.html", head.path());
        assertEquals("a=1&b=2", head.query());
        assertEquals(Version.HTTP_1_1, head.version());
    }

    @ParameterizedTest
    @MethodSource("dev.solo.http.codec.Wire#eols")
    void givesRawTargetAsPathWhenThereIsNoQuery(String eol) {
        RequestHead head = decode(head(eol, "GET /a/b HTTP/1.1", "Host: x"));
        assertSame(head.rawTarget(), head.path(), "no copy for the common case");
        assertNull(head.query());
    }

    @ParameterizedTest
    @MethodSource("dev.solo.http.codec.Wire#eols")
    void distinguishesEmptyQueryFromNone(String eol) {
        assertEquals("", decode(head(eol, "GET /a? HTTP/1.1", "Host: x")).query());
    }

    @ParameterizedTest
    @MethodSource("dev.solo.http.codec.Wire#eols")
    void keepsUnknownMethodTokenSoTheServerCanAnswer501(String eol) {
        // RFC 9110 §9.1: an unrecognized method SHOULD get 501, so it must parse
        RequestHead head = decode(head(eol, "BREW /pot HTTP/1.1", "Host: x"));
        assertNull(head.method());
        assertEquals("BREW", head.methodToken());
    }

    @ParameterizedTest
    @MethodSource("dev.solo.http.codec.Wire#eols")
    void treatsMethodNamesCaseSensitively(String eol) {
        // RFC 9110 §9.1: the method token is case-sensitive
        RequestHead head = decode(head(eol, "get / HTTP/1.1", "Host: x"));
        assertNull(head.method());
        assertEquals("get", head.methodToken());
    }

    @ParameterizedTest
    @ValueSource(strings = {"GE(T / HTTP/1.1", "GE\"T / HTTP/1.1", "G@T / HTTP/1.1", "GET\u0000 / HTTP/1.1"})
    void rejectsMethodThatIsNotAToken(String line) {
        // RFC 9110 §9.1, §5.6.2: method = token
        rejects(Status.BAD_REQUEST, line + "\r\nHost: x\r\n\r\n");
    }

    @Test
    void rejectsBinaryGarbageWithoutWaitingForALineEnd() {
        // a TLS ClientHello on the plain port: not a token character, so no need to buffer 8 KiB first
        RequestDecoder decoder = new RequestDecoder(HttpLimits.DEFAULTS);
        ByteBuffer in = ByteBuffer.wrap(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00});
        HttpException error = assertThrows(HttpException.class, () -> decoder.decode(in));
        assertEquals(Status.BAD_REQUEST, error.status());
    }

    @ParameterizedTest
    @MethodSource("dev.solo.http.codec.Wire#eols")
    void ignoresEmptyLinesBeforeRequestLine(String eol) {
        // RFC 9112 §2.2: a server SHOULD ignore at least one empty line before the request-line
        RequestHead head = decode(eol + eol + head(eol, "GET / HTTP/1.1", "Host: x"));
        assertEquals("/", head.path());
    }

    @ParameterizedTest
    @MethodSource("dev.solo.http.codec.Wire#eols")
    void rejectsEndlessEmptyLines(String eol) {
        rejects(Status.BAD_REQUEST, eol.repeat(RequestLineParser.MAX_EMPTY_LINES + 1) + head(eol, "GET / HTTP/1.1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "GET  / HTTP/1.1", "GET /  HTTP/1.1", " GET / HTTP/1.1", "GET / HTTP/1.1 ", "GET\t/ HTTP/1.1",
        "GET /\tHTTP/1.1", "GET /", "GET", "GET / ", "/ HTTP/1.1", "GET /a b HTTP/1.1"})
    void rejectsRequestLineNotSeparatedBySingleSpaces(String line) {
        // RFC 9112 §3: exactly one SP between the parts; whitespace splitting is the lenient choice we refuse
        rejects(Status.BAD_REQUEST, line + "\r\nHost: x\r\n\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http/1.1", "HTTP/1", "HTTP/1.10", "HTTP/11", "HTTP/1.x", "HTTPS/1.1", "HTTP/ 1.1", "H"})
    void rejectsMalformedVersion(String version) {
        // RFC 9112 §2.3: HTTP-version = HTTP-name "/" DIGIT "." DIGIT, HTTP-name case-sensitive
        rejects(Status.BAD_REQUEST, "GET / " + version + "\r\nHost: x\r\n\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/2.0", "HTTP/0.9", "HTTP/0.0", "HTTP/3.0", "HTTP/9.9"})
    void answers505ToWellFormedUnsupportedVersion(String version) {
        // RFC 9110 §15.6.6
        rejects(Status.HTTP_VERSION_NOT_SUPPORTED, "GET / " + version + "\r\nHost: x\r\n\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.2", "HTTP/1.9"})
    void readsHigherMinorVersionsAsHttp11(String version) {
        // RFC 9110 §2.5: process a higher minor version as the highest one within the major version we conform to
        RequestHead head = decode("GET / " + version + "\r\nHost: x\r\n\r\n");
        assertEquals(Version.HTTP_1_1, head.version());
        assertTrue(head.keepAlive());
    }

    @ParameterizedTest
    @MethodSource("dev.solo.http.codec.Wire#eols")
    void acceptsHttp10(String eol) {
        RequestHead head = decode(head(eol, "GET / HTTP/1.0"));
        assertEquals(Version.HTTP_1_0, head.version());
    }

    @ParameterizedTest
    @MethodSource("dev.solo.http.codec.Wire#eols")
    void takesHostFromAbsoluteFormTarget(String eol) {
        // RFC 9112 §3.2.2: a server MUST accept absolute-form and use its host, ignoring Host
        RequestHead head = decode(head(eol, "GET http://Example.COM:8080/a/b?q=1 HTTP/1.1", "Host: other"));
        assertEquals(RequestHead.TargetForm.ABSOLUTE, head.targetForm());
        assertEquals("example.com", head.host());
        assertEquals(8080, head.port());
        assertEquals("other", head.headers().get("Host"), "Host is kept as sent");
        assertEquals("/a/b", head.path());
        assertEquals("q=1", head.query());
    }

    @ParameterizedTest
    @MethodSource("dev.solo.http.codec.Wire#eols")
    void givesRootPathForAbsoluteFormWithoutPath(String eol) {
        RequestHead head = decode(head(eol, "GET HTTPS://example.com?x HTTP/1.1", "Host: example.com"));
        assertEquals("/", head.path());
        assertEquals("x", head.query());
        assertEquals(-1, head.port());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://user:pw@example.com/", "http:///a", "http://", "ftp://example.com/",
        "http:/example.com/", "example.com/a", "http://exa mple.com/", "http://[::1/", "http://a:b/"})
    void rejectsBadAbsoluteFormTarget(String target) {
        // RFC 9110 §4.2.4 (userinfo), §4.2.1 (empty host MUST be rejected), RFC 9112 §3.2
        rejects(Status.BAD_REQUEST, "GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n");
    }

    @ParameterizedTest
    @MethodSource("dev.solo.http.codec.Wire#eols")
    void acceptsAsteriskFormWithOptions(String eol) {
        // RFC 9112 §3.2.4
        RequestHead head = decode(head(eol, "OPTIONS * HTTP/1.1", "Host: x"));
        assertEquals(RequestHead.TargetForm.ASTERISK, head.targetForm());
        assertEquals("*", head.path());
    }

    @Test
    void rejectsAsteriskFormWithOtherMethods() {
        rejects(Status.BAD_REQUEST, "GET * HTTP/1.1\r\nHost: x\r\n\r\n");
    }

    @ParameterizedTest
    @MethodSource("dev.solo.http.codec.Wire#eols")
    void parsesAuthorityFormOfConnect(String eol) {
        // RFC 9112 §3.2.3: authority-form = uri-host ":" port, only for CONNECT
        RequestHead head = decode(head(eol, "CONNECT Example.com:443 HTTP/1.1", "Host: example.com:443"));
        assertSame(Method.CONNECT, head.method());
        assertEquals(RequestHead.TargetForm.AUTHORITY, head.targetForm());
        assertEquals("example.com", head.host());
        assertEquals(443, head.port());
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "/", "http://example.com/", "example.com:443/x", "*"})
    void rejectsConnectWithoutAuthorityForm(String target) {
        rejects(Status.BAD_REQUEST, "CONNECT " + target + " HTTP/1.1\r\nHost: x\r\n\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a\u0001b", "/a\u007fb", "/caf\u00e9", "/a\\b", "/a#frag", "/a\"b", "/a<b>", "/a{b}",
        "/a|b", "/a^b", "/a`b", "/a[b]", "/a?b[", "/%zz", "/%4", "/a%", "/a%g1"})
    void rejectsCharactersThatAreNotPartOfAUri(String target) {
        // RFC 3986 §2, RFC 9112 §3.2: no control characters, spaces, non-ASCII, fragment or bad escapes
        rejects(Status.BAD_REQUEST, "GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n");
    }

    @ParameterizedTest
    @MethodSource("dev.solo.http.codec.Wire#eols")
    void acceptsAllUriCharactersInPathAndQuery(String eol) {
        String target = "/a-._~!$&'()*+,;=:@%20/?q=/?:@!$&'()*+,;=%2F";
        assertEquals(target, decode(head(eol, "GET " + target + " HTTP/1.1", "Host: x")).rawTarget());
    }

    @Test
    void rejectsBareCarriageReturnInRequestLine() {
        // RFC 9112 §2.2: a bare CR MUST be treated as invalid (or replaced)
        rejects(Status.BAD_REQUEST, "GET /\r HTTP/1.1\r\nHost: x\r\n\r\n");
        rejects(Status.BAD_REQUEST, "GET / HTTP/1.1\r\rHost: x\r\n\r\n");
    }

    @Test
    void answers414WhenRequestLineExceedsLimit() {
        // RFC 9112 §3: a server MUST answer 414 to a request-target longer than it wishes to parse
        HttpLimits limits = Wire.limits(64, 1024, 10);
        String fits = "GET /" + "a".repeat(64 - 16) + " HTTP/1.1\r\n"; // exactly 64 bytes with CRLF
        assertEquals(64, fits.length());
        decode(fits + "Host: x\r\n\r\n", limits);
        rejects(Status.URI_TOO_LONG, "GET /" + "a".repeat(64 - 15) + " HTTP/1.1\r\nHost: x\r\n\r\n", limits);
    }

    @Test
    void answers414BeforeTheWholeLongLineArrives() {
        RequestDecoder decoder = new RequestDecoder(Wire.limits(64, 1024, 10));
        ByteBuffer in = Wire.buffer("GET /" + "a".repeat(100));
        HttpException error = assertThrows(HttpException.class, () -> decoder.decode(in));
        assertEquals(Status.URI_TOO_LONG, error.status());
    }
}
