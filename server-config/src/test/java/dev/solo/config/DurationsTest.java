package dev.solo.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "30, 30000",
        "0ms, 0",
        "500ms, 500",
        "5s, 5000",
        "5m, 300000",
        "2h, 7200000",
        "1d, 86400000",
        "1h30m, 5400000",
        "1m30s, 90000",
        "2s500ms, 2500",
        "1d2h3m4s5ms, 93784005",
        "9223372036854775807ms, 9223372036854775807"
    })
    void parsesDurationsInMilliseconds(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), Durations.parse(text));
    }

    @Test
    void bareNumberIsSeconds() {
        assertEquals(Duration.ofSeconds(75), Durations.parse("75"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "s", "5x", "5S", "1.5s", "+5s", "1h30", "ms5", "5 s", "5sec", "m"})
    void rejectsGarbageNamingTheText(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));

        assertEquals("invalid duration '" + text + "': expected a number with a unit ms, s, m, h or d"
                + " (a bare number is seconds)", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"30m1h", "1m1m", "5ms1s"})
    void rejectsUnitsOutOfOrderOrRepeated(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));

        assertTrue(e.getMessage().endsWith("units must go from largest to smallest, each at most once"));
    }

    @Test
    void rejectsNegativeDuration() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse("-5s"));

        assertEquals("invalid duration '-5s': must not be negative", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775808ms", "106751991168d", "9223372036854775807s",
        "106751991167d8h", "99999999999999999999"})
    void rejectsDurationsThatOverflow(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));

        assertEquals("duration '" + text + "' is too large", e.getMessage());
    }
}
