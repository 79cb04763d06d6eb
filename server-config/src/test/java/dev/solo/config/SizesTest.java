package dev.solo.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SizesTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "512, 512",
        "1k, 1024",
        "1K, 1024",
        "64k, 65536",
        "10m, 10485760",
        "10M, 10485760",
        "1g, 1073741824",
        "2G, 2147483648",
        "007, 7",
        "8589934591g, 9223372035781033984",
        "9223372036854775807, 9223372036854775807"
    })
    void parsesBytesWithOptionalSuffix(String text, long expected) {
        assertEquals(expected, Sizes.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "k", "10kb", "1.5m", "+1", " 1", "1 ", "0x10", "m10", "10t", "ten"})
    void rejectsGarbageNamingTheText(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sizes.parse(text));

        assertEquals("invalid size '" + text + "': expected a number of bytes with an optional k, m or g suffix",
                e.getMessage());
    }

    @Test
    void rejectsNegativeSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sizes.parse("-1k"));

        assertEquals("invalid size '-1k': must not be negative", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"8589934592g", "9223372036854775808", "99999999999999999999k"})
    void rejectsSizesThatOverflow(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sizes.parse(text));

        assertEquals("size '" + text + "' is too large", e.getMessage());
    }
}
