package dev.solo.config;

import java.util.Objects;

/**
 * Parses sizes in bytes as written in configuration files, nginx style.
 *
 * <p>A size is a non-negative decimal number, optionally followed by one suffix, in either
 * letter case: {@code k} (×1024), {@code m} (×1024²) or {@code g} (×1024³). A bare number is a
 * count of bytes. Examples: {@code 512}, {@code 64k}, {@code 10m}, {@code 1G}.
 */
public final class Sizes {

    private static final String EXPECTED = "expected a number of bytes with an optional k, m or g suffix";

    private Sizes() {
    }

    /**
     * Parses a size.
     *
     * @param text the size as written, such as {@code "10m"}
     * @return the number of bytes, never negative
     * @throws IllegalArgumentException if the text is not a size, is negative or does not fit a {@code long};
     *         the message names the text and says what is expected
     */
    public static long parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.startsWith("-")) {
            throw new IllegalArgumentException("invalid size '" + text + "': must not be negative");
        }
        int digitsEnd = text.length();
        long multiplier = 1;
        if (!text.isEmpty()) {
            long suffix = multiplier(text.charAt(text.length() - 1));
            if (suffix > 0) {
                multiplier = suffix;
                digitsEnd--;
            }
        }
        String digits = text.substring(0, digitsEnd);
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("invalid size '" + text + "': " + EXPECTED);
        }
        try {
            return Math.multiplyExact(Long.parseLong(digits), multiplier);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("size '" + text + "' is too large", e);
        }
    }

    private static long multiplier(char suffix) {
        switch (Character.toLowerCase(suffix)) {
            case 'k':
                return 1L << 10;
            case 'm':
                return 1L << 20;
            case 'g':
                return 1L << 30;
            default:
                return 0;
        }
    }
}
