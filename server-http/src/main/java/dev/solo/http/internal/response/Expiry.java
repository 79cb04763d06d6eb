package dev.solo.http.internal.response;

import dev.solo.config.ConfigException;
import dev.solo.config.Directive;
import dev.solo.config.Durations;

/**
 * {@code expires TIME|epoch|max|off;} as nginx sets it: {@code Expires} (RFC 9111 §5.3) and the {@code Cache-Control}
 * that says the same to HTTP/1.1 caches (§5.2.2.1 {@code max-age}; {@code no-cache} for a time in the past).
 *
 * @param kind which form
 * @param seconds for {@link Kind#RELATIVE}: seconds from the response's date, may be negative
 * @param cacheControl the {@code Cache-Control} value to send, or null for {@link Kind#OFF}
 */
record Expiry(Kind kind, long seconds, String cacheControl) {

    /** nginx's {@code expires max}: {@code Expires} far in the future and ten years of {@code max-age}. */
    static final String MAX_EXPIRES = "Thu, 31 Dec 2037 23:55:55 GMT";
    /** nginx's {@code expires epoch}: one second after the epoch. */
    static final String EPOCH_EXPIRES = "Thu, 01 Jan 1970 00:00:01 GMT";
    static final long MAX_AGE = 315_360_000L;

    /** The forms of {@code expires}. */
    enum Kind {
        /** No {@code expires}: the response's own fields are left alone. */
        OFF,
        /** {@code expires epoch}. */
        EPOCH,
        /** {@code expires max}. */
        MAX,
        /** {@code expires 30d} or {@code expires -1}. */
        RELATIVE
    }

    static final Expiry OFF = new Expiry(Kind.OFF, 0, null);

    static Expiry parse(Directive directive) throws ConfigException {
        String text = directive.arg(0);
        switch (text) {
            case "off":
                return OFF;
            case "epoch":
                return new Expiry(Kind.EPOCH, 0, "no-cache");
            case "max":
                return new Expiry(Kind.MAX, 0, "max-age=" + MAX_AGE);
            default:
                break;
        }
        if (text.startsWith("@") || text.equals("modified")) {
            throw directive.argError(0, "expires '" + text + "' is not supported; use a time (30d, 1h, -1), "
                    + "epoch, max or off");
        }
        boolean negative = text.startsWith("-");
        String amount = negative || text.startsWith("+") ? text.substring(1) : text;
        long seconds;
        try {
            seconds = seconds(amount);
        } catch (IllegalArgumentException e) {
            throw directive.argError(0, "expires needs a time (30d, 12h, -1), epoch, max or off, not '" + text + "'");
        }
        return negative && seconds > 0 ? new Expiry(Kind.RELATIVE, -seconds, "no-cache")
                : new Expiry(Kind.RELATIVE, seconds, "max-age=" + seconds);
    }

    /** nginx's time units: the config's own ({@code 30d}, {@code 1h30m}) and {@code w}, {@code M}, {@code y}. */
    private static long seconds(String amount) {
        char unit = amount.isEmpty() ? ' ' : amount.charAt(amount.length() - 1);
        long days = unit == 'y' ? 365 : unit == 'M' ? 30 : unit == 'w' ? 7 : 0;
        String digits = amount.substring(0, Math.max(0, amount.length() - 1));
        if (days > 0 && !digits.isEmpty() && digits.length() < 7
                && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Long.parseLong(digits) * days * 86_400L;
        }
        return Durations.parse(amount).toSeconds();
    }
}
