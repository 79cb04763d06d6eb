package dev.solo.http.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.http.HttpException;
import dev.solo.http.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Path decoding and normalisation (RFC 3986 §2.1, §5.2.4) and query component decoding. */
class PathDecoderTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "/|/",
        "/a/b|/a/b",
        "/a/b/|/a/b/",
        "/a%20b|/a b",
        "/%C3%A9t%c3%a9|/\u00e9t\u00e9",
        "/%F0%9F%98%80|/\ud83d\ude00",
        "/a/./b|/a/b",
        "/a/../b|/b",
        "/a/b/../../c|/c",
        "/a//b|/a/b",
        "//a|/a",
        "/a/b/..|/a/",
        "/a/.|/a/",
        "/./|/",
        "/.|/",
        "/a/..|/",
        "/.hidden/..x/x..|/.hidden/..x/x..",
        "/.../a|/.../a",
        "/a/%2e/b|/a/b",
        "/a/%2E%2e/b|/b",
        "/%252e%252e/x|/%2e%2e/x",
        "/a:b@c;d=e,f!$&'()*+|/a:b@c;d=e,f!$&'()*+",
        "/%41%42|/AB"})
    void decodesAndNormalises(String raw, String expected) {
        assertEquals(expected, PathDecoder.decode(raw));
    }

    @Test
    void returnsTheSameStringWhenNothingNeedsDecoding() {
        String raw = "/static/app.js";
        assertSame(raw, PathDecoder.decode(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/..", "/../", "/../etc/passwd", "/a/../..", "/a/../../b", "/./../", // climbing above the root
        "/%2e%2e/", "/%2E%2E/etc/passwd", "/a/%2e%2e/%2e%2e/b", "/%2e./x", "/.%2e/x", // encoded dots
        "/a%2fb", "/a%2Fb", "/..%2f..%2fetc", // encoded slash
        "/a%5cb", "/a%5C..%5Cb", "/a\\b", // backslash, encoded or raw
        "/%00", "/a%00.txt", "/a%0a", "/a%0D%0A", "/a%7f", "/a%1f", // control characters
        "/%c0%ae%c0%ae/", "/%c0%af", "/%e0%80%af", "/%c1%9c", "/%f0%80%80%af", // overlong UTF-8
        "/%ed%a0%80", "/%f4%90%80%80", "/%ff", "/%fe", "/%80", "/%c3", "/%e2%82", "/%c3%28", // invalid UTF-8
        "/%", "/%4", "/%zz", "/%%41", "/a%g0", // malformed escapes
        "", "a/b", "*", "example.com:443", // not a path
        "/a b", "/a?b", "/a#b", "/a\u0000", "/caf\u00e9", "/a[b]"})
    void rejectsTraversalAndMalformedPaths(String raw) {
        HttpException error = assertThrows(HttpException.class, () -> PathDecoder.decode(raw));
        assertEquals(Status.BAD_REQUEST, error.status());
    }

    @Test
    void neverProducesDotSegmentsOrEmptySegments() {
        java.util.Random random = new java.util.Random(7);
        String[] parts = {"a", ".", "..", "", "%2e", "%2E%2e", "b", "%41", "..."};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder raw = new StringBuilder();
            int count = 1 + random.nextInt(6);
            for (int k = 0; k < count; k++) {
                raw.append('/').append(parts[random.nextInt(parts.length)]);
            }
            String path;
            try {
                path = PathDecoder.decode(raw.toString());
            } catch (HttpException e) {
                continue;
            }
            assertTrue(path.startsWith("/"), path);
            String inner = path + "/";
            assertTrue(!inner.contains("/./") && !inner.contains("/../") && !path.contains("//"), raw + " -> " + path);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a+b|a b",
        "%2B|+",
        "%C3%A9|\u00e9",
        "a%20b%3D%26|a b=&",
        "plain|plain"})
    void decodesQueryComponents(String raw, String expected) {
        assertEquals(expected, PathDecoder.decodeQueryComponent(raw));
    }

    @Test
    void keepsEncodedNulInQueryDataForTheApplicationToJudge() {
        assertEquals("a\u0000b", PathDecoder.decodeQueryComponent("a%00b"));
    }

    @Test
    void takesLatin1CharactersAsRawUtf8Bytes() {
        // "é" sent unencoded in a form body, read as ISO-8859-1: two characters C3 A9
        assertEquals("\u00e9", PathDecoder.decodeQueryComponent("\u00c3\u00a9"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%", "%4", "%zz", "a%g1", "%c0%ae", "%ff", "%c3", "\u0100", "\u00e9"})
    void rejectsMalformedQueryComponents(String raw) {
        HttpException error = assertThrows(HttpException.class, () -> PathDecoder.decodeQueryComponent(raw));
        assertEquals(Status.BAD_REQUEST, error.status());
    }
}
