package dev.solo.http.internal.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AcceptEncodingTest {

    @ParameterizedTest(name = "[{index}] Accept-Encoding: {0} gives gzip q={1}")
    @CsvSource(delimiter = '|', value = {
        "gzip, deflate, br|1000",
        "br;q=1.0, gzip;q=0.8, *;q=0.1|800",
        "gzip;q=0|0",
        "GZIP|1000",
        "x-gzip|1000",
        "*|1000",
        "*;q=0.5|500",
        "gzip;q=0, *|0",
        "*, gzip;q=0|0",
        "deflate|0",
        "identity|0",
        "gzip ; q=0.001|1",
        "gzip;level=1;q=0.3|300",
        "gzip;q=2|0",
        "gzip;q=0.1234|0",
        "gzip;q=abc, *;q=0.2|200",
        "  gzip  |1000"})
    void readsTheQualityOfGzip(String header, int quality) {
        assertEquals(quality, AcceptEncoding.quality(header, "gzip"));
    }

    @Test
    void withoutTheFieldNothingButIdentityIsUsed() {
        assertEquals(0, AcceptEncoding.quality(null, "gzip"));
        assertEquals(1000, AcceptEncoding.quality(null, "identity"));
    }

    @Test
    void identityIsAcceptableUnlessRefusedByNameOrByStar() {
        assertTrue(AcceptEncoding.accepts("gzip", "identity"));
        assertFalse(AcceptEncoding.accepts("gzip, identity;q=0", "identity"));
        assertFalse(AcceptEncoding.accepts("gzip, *;q=0", "identity"));
        assertTrue(AcceptEncoding.accepts("*;q=0, identity", "identity"));
    }

    @Test
    void anEmptyFieldAcceptsOnlyIdentity() {
        assertFalse(AcceptEncoding.accepts("", "gzip"));
        assertTrue(AcceptEncoding.accepts("", "identity"));
    }
}
