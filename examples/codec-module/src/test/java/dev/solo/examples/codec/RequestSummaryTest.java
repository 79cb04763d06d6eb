package dev.solo.examples.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.http.HttpLimits;
import dev.solo.http.codec.RequestDecoder;
import org.junit.jupiter.api.Test;

class RequestSummaryTest {

    @Test
    void decodesAHeadFromANamedModule() {
        assertTrue(RequestSummary.class.getModule().isNamed(), "the test must run on the module path");
        assertTrue(RequestDecoder.class.getModule().isExported("dev.solo.http.codec"));
        assertEquals("GET /a?b host=example.com headers=2", RequestSummary.of(
                "GET /a?b HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\n\r\n", HttpLimits.DEFAULTS));
    }

    @Test
    void answersTheStatusOfABrokenLimit() {
        HttpLimits twoFields = new HttpLimits(8192, 16384, 2, 1 << 20, 1024, 8192);
        assertTrue(RequestSummary.of("GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\n\r\n", twoFields)
                .startsWith("431 "));
        assertEquals("incomplete", RequestSummary.of("GET / HTTP/1.1\r\nHost: a\r\n", HttpLimits.DEFAULTS));
    }
}
