package dev.solo.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Parses durations as written in configuration files, nginx style.
 *
 * <p>A duration is a non-negative decimal number with a unit: {@code ms}, {@code s}, {@code m},
 * {@code h} or {@code d} (lower case, as in nginx). A bare number is seconds. Several parts may be
 * joined from the largest unit to the smallest, each unit at most once: {@code 1h30m},
 * {@code 1m30s}, {@code 2s500ms}.
 */
public final class Durations {

    /** Units from largest to smallest; a compound duration must follow this order. */
    private static final List<String> UNITS = List.of("d", "h", "m", "s", "ms");
    private static final long[] UNIT_MILLIS = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
    private static final String EXPECTED = "expected a number with a unit ms, s, m, h or d (a bare number is seconds)";

    private Durations() {
    }

    /**
     * Parses a duration.
     *
     * @param text the duration as written, such as {@code "30s"} or {@code "1h30m"}
     * @return the duration, never negative
     * @throws IllegalArgumentException if the text is not a duration, is negative or is too large
     *         (more than {@code Long.MAX_VALUE} milliseconds); the message names the text
     */
    public static Duration parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.startsWith("-")) {
            throw new IllegalArgumentException("invalid duration '" + text + "': must not be negative");
        }
        if (!text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Duration.ofMillis(scale(text, text, 1_000L));
        }
        long total = 0;
        int lastUnit = -1;
        int i = 0;
        while (i < text.length()) {
            int numberStart = i;
            while (i < text.length() && isDigit(text.charAt(i))) {
                i++;
            }
            int unitStart = i;
            while (i < text.length() && !isDigit(text.charAt(i))) {
                i++;
            }
            int unit = UNITS.indexOf(text.substring(unitStart, i));
            if (numberStart == unitStart || unit < 0) {
                throw new IllegalArgumentException("invalid duration '" + text + "': " + EXPECTED);
            }
            if (unit <= lastUnit) {
                throw new IllegalArgumentException("invalid duration '" + text
                        + "': units must go from largest to smallest, each at most once");
            }
            lastUnit = unit;
            long part = scale(text, text.substring(numberStart, unitStart), UNIT_MILLIS[unit]);
            try {
                total = Math.addExact(total, part);
            } catch (ArithmeticException e) {
                throw tooLarge(text, e);
            }
        }
        if (lastUnit < 0) {
            throw new IllegalArgumentException("invalid duration '" + text + "': " + EXPECTED);
        }
        return Duration.ofMillis(total);
    }

    private static long scale(String text, String digits, long millisPerUnit) {
        try {
            return Math.multiplyExact(Long.parseLong(digits), millisPerUnit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw tooLarge(text, e);
        }
    }

    private static IllegalArgumentException tooLarge(String text, RuntimeException cause) {
        return new IllegalArgumentException("duration '" + text + "' is too large", cause);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
