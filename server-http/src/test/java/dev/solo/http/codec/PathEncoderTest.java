package dev.solo.http.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decoded paths back to URI paths for the Location headers the server makes itself. */
class PathEncoderTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "/|/", "/a/b/|/a/b/", "//evil.example/x|/evil.example/x", "///x|/x",
        "/a b|/a%20b", "/a?b#c|/a%3Fb%23c", "/100%|/100%25", "/caf\u00e9|/caf%C3%A9", "/a\"<>|/a%22%3C%3E",
        "/a\\b|/a%5Cb", "/-._~!$&'()*+,;=:@|/-._~!$&'()*+,;=:@"})
    void encodesWhatIsNotPcharAndMergesLeadingSlashes(String decoded, String encoded) {
        assertEquals(encoded, PathEncoder.encode(decoded));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"/a%20b/%C3%A9/", "/x%3Fy", "/%25"})
    void roundTripsThroughTheDecoder(String raw) {
        assertEquals(raw, PathEncoder.encode(PathDecoder.decode(raw)));
    }
}
