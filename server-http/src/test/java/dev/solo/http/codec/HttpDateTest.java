package dev.solo.http.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HTTP-date formatting and parsing (RFC 9110 §5.6.7) and the per-second cache. */
class HttpDateTest {

    /** The example instant of RFC 9110 §5.6.7: Sun, 06 Nov 1994 08:49:37 GMT. */
    private static final long EXAMPLE = 784_111_777_000L;
    private static final long NOW_2025 = Instant.parse("2025-06-01T00:00:00Z").toEpochMilli();

    @Test
    void formatsImfFixdate() {
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", HttpDate.format(EXAMPLE));
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", HttpDate.format(EXAMPLE + 999));
        assertEquals("Thu, 01 Jan 1970 00:00:00 GMT", HttpDate.format(0));
        assertEquals("Wed, 31 Dec 1969 23:59:59 GMT", HttpDate.format(-1));
        assertEquals("Tue, 29 Feb 2000 12:00:00 GMT", HttpDate.format(Instant.parse("2000-02-29T12:00:00Z")
                .toEpochMilli()));
    }

    @Test
    void formatsLikeJavaTimeForRandomInstants() {
        DateTimeFormatter reference = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT)
                .withZone(ZoneOffset.UTC);
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            long seconds = random.nextLong() % 253_402_300_799L;
            if (seconds < -62_135_596_800L) {
                continue; // year 0 and before: java.time's yyyy differs from the proleptic year
            }
            long millis = seconds * 1000;
            String text = HttpDate.format(millis);
            assertEquals(reference.format(Instant.ofEpochMilli(millis)), text);
            assertEquals(millis, HttpDate.parse(text, NOW_2025), text);
        }
    }

    @Test
    void refusesYearsOutsideFourDigits() {
        assertThrows(IllegalArgumentException.class, () -> HttpDate.format(Long.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> HttpDate.format(-62_167_219_201_000L));
    }

    @Test
    void parsesAllThreeFormats() {
        // RFC 9110 §5.6.7: recipients MUST accept all three
        assertEquals(EXAMPLE, HttpDate.parse("Sun, 06 Nov 1994 08:49:37 GMT", NOW_2025));
        assertEquals(EXAMPLE, HttpDate.parse("Sunday, 06-Nov-94 08:49:37 GMT", NOW_2025));
        assertEquals(EXAMPLE, HttpDate.parse("Sun Nov  6 08:49:37 1994", NOW_2025));
        assertEquals(EXAMPLE, HttpDate.parse("Sun, 06 Nov 1994 08:49:37 GMT"));
        assertEquals(EXAMPLE + 3 * 86_400_000L, HttpDate.parse("Wed Nov  9 08:49:37 1994"));
        assertEquals(EXAMPLE + 4 * 86_400_000L, HttpDate.parse("Thu Nov 10 08:49:37 1994"));
    }

    @Test
    void readsTwoDigitYearsAsNoMoreThanFiftyYearsAhead() {
        // RFC 9110 §5.6.7: a year more than 50 years in the future MUST be read as the most recent past one
        assertEquals(Instant.parse("2075-01-01T00:00:00Z").toEpochMilli(),
                HttpDate.parse("Tuesday, 01-Jan-75 00:00:00 GMT", NOW_2025));
        assertEquals(Instant.parse("1976-01-01T00:00:00Z").toEpochMilli(),
                HttpDate.parse("Thursday, 01-Jan-76 00:00:00 GMT", NOW_2025));
        assertEquals(Instant.parse("2001-01-01T00:00:00Z").toEpochMilli(),
                HttpDate.parse("Monday, 01-Jan-01 00:00:00 GMT", NOW_2025));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "Sun, 06 Nov 1994 08:49:37 UTC", "sun, 06 Nov 1994 08:49:37 GMT",
        "Sun, 06 nov 1994 08:49:37 GMT", "Sun, 6 Nov 1994 08:49:37 GMT", "Sun, 31 Feb 1994 08:49:37 GMT",
        "Sun, 29 Feb 1900 08:49:37 GMT", "Sun, 06 Nov 1994 24:00:00 GMT", "Sun, 06 Nov 1994 08:60:00 GMT",
        "Sun, 06 Nov 1994 08:49:61 GMT", "Sun, 00 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 08-49-37 GMT",
        "Sun, 06 Nov 19a4 08:49:37 GMT", "Xyz, 06 Nov 1994 08:49:37 GMT", "Sun,  06 Nov 1994 08:49:37 GMT",
        "Sundae, 06-Nov-94 08:49:37 GMT", "Sun, 06-Nov-94 08:49:37 GMT", "Sunday, 06-Nov-1994 08:49:37 GMT",
        "Sunday, 06 Nov 94 08:49:37 GMT", "Sun Nov 6 08:49:37 1994", "Sun Nov  6 08:49:37 94",
        "Sun Nov 06 08:49:37 1994 ", "1994-11-06T08:49:37Z", "Sun, 06 Nov 1994 08:49:37 GMT "})
    void returnsInvalidForAnythingElse(String text) {
        assertEquals(HttpDate.INVALID, HttpDate.parse(text, NOW_2025));
    }

    @Test
    void returnsInvalidForNull() {
        assertEquals(HttpDate.INVALID, HttpDate.parse(null));
    }

    @Test
    void cachesTheFormattedDateForOneSecond() {
        DateCache cache = new DateCache();
        String first = cache.format(EXAMPLE);
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", first);
        assertSame(first, cache.format(EXAMPLE + 999));
        assertEquals("Sun, 06 Nov 1994 08:49:38 GMT", cache.format(EXAMPLE + 1000));
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", cache.format(EXAMPLE + 1), "time may go back");
    }
}
