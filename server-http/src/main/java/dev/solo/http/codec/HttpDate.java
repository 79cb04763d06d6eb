package dev.solo.http.codec;

/**
 * HTTP dates (RFC 9110 §5.6.7): formatting as IMF-fixdate and parsing of the three formats a recipient must accept.
 *
 * <pre>
 * IMF-fixdate   Sun, 06 Nov 1994 08:49:37 GMT
 * rfc850-date   Sunday, 06-Nov-94 08:49:37 GMT   (obsolete)
 * asctime-date  Sun Nov  6 08:49:37 1994         (obsolete)
 * </pre>
 *
 * Hand-written rather than {@code java.time.format}: it runs for every conditional request, and these fixed-width
 * formats need no more than digit arithmetic. Parsing is exact (HTTP-date is case-sensitive, RFC 9110 §5.6.7) and
 * returns {@link #INVALID} rather than throwing, because an invalid date in a conditional header is to be ignored,
 * not refused (RFC 9110 §13.1.3).
 */
public final class HttpDate {

    /** Returned by the parsers for text that is not an HTTP-date. No valid date maps to it. */
    public static final long INVALID = Long.MIN_VALUE;

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] LONG_DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
        "Sunday"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};
    private static final long SECONDS_PER_DAY = 86_400;
    /** Years 0000-9999 only: IMF-fixdate has four year digits. */
    private static final long MIN_SECONDS = -62_167_219_200L;
    private static final long MAX_SECONDS = 253_402_300_799L;

    private HttpDate() {
    }

    /**
     * Formats an instant as IMF-fixdate, the format senders must use (RFC 9110 §5.6.7).
     *
     * @param epochMillis milliseconds since 1970-01-01T00:00:00Z; the fraction of a second is dropped
     * @return e.g. {@code "Sun, 06 Nov 1994 08:49:37 GMT"}
     * @throws IllegalArgumentException outside years 0000..9999
     */
    public static String format(long epochMillis) {
        long seconds = Math.floorDiv(epochMillis, 1000);
        if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException("date outside years 0000..9999");
        }
        long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        long[] civil = civilFromDays(days);
        int dayOfWeek = Math.floorMod(days + 3, 7); // 1970-01-01 was a Thursday (index 3)
        char[] text = new char[29];
        put(text, 0, DAYS[dayOfWeek]);
        text[3] = ',';
        text[4] = ' ';
        twoDigits(text, 5, (int) civil[2]);
        text[7] = ' ';
        put(text, 8, MONTHS[(int) civil[1] - 1]);
        text[11] = ' ';
        int year = (int) civil[0];
        twoDigits(text, 12, year / 100);
        twoDigits(text, 14, year % 100);
        text[16] = ' ';
        twoDigits(text, 17, secondOfDay / 3600);
        text[19] = ':';
        twoDigits(text, 20, secondOfDay / 60 % 60);
        text[22] = ':';
        twoDigits(text, 23, secondOfDay % 60);
        put(text, 25, " GMT");
        return new String(text);
    }

    /**
     * Parses any of the three HTTP-date formats. A two-digit rfc850 year is taken as the most recent year with those
     * digits that is not more than 50 years after {@code nowMillis} (RFC 9110 §5.6.7, a MUST).
     *
     * @param text the field value
     * @param nowMillis the current time, for two-digit years
     * @return milliseconds since the epoch (a whole number of seconds), or {@link #INVALID}
     */
    public static long parse(CharSequence text, long nowMillis) {
        if (text == null) {
            return INVALID;
        }
        int length = text.length();
        if (length == 29 && text.charAt(3) == ',') {
            return parseImfFixdate(text);
        }
        if (length == 24) {
            return parseAsctime(text);
        }
        return parseRfc850(text, nowMillis);
    }

    /**
     * Parses any of the three HTTP-date formats, reading the clock only for a two-digit rfc850 year.
     *
     * @param text the field value
     * @return milliseconds since the epoch, or {@link #INVALID}
     */
    public static long parse(CharSequence text) {
        return parse(text, text != null && text.length() != 29 && text.length() != 24 ? System.currentTimeMillis() : 0);
    }

    private static long parseImfFixdate(CharSequence t) {
        // Sun, 06 Nov 1994 08:49:37 GMT
        if (dayIndex(t, 0, DAYS) < 0 || t.charAt(4) != ' ' || t.charAt(7) != ' ' || t.charAt(11) != ' '
                || t.charAt(16) != ' ' || !matches(t, 25, " GMT")) {
            return INVALID;
        }
        int year = digits(t, 12, 4);
        return toEpochMillis(year, month(t, 8), digits(t, 5, 2), t, 17);
    }

    private static long parseAsctime(CharSequence t) {
        // Sun Nov  6 08:49:37 1994
        if (dayIndex(t, 0, DAYS) < 0 || t.charAt(3) != ' ' || t.charAt(7) != ' ' || t.charAt(10) != ' '
                || t.charAt(19) != ' ') {
            return INVALID;
        }
        int day = t.charAt(8) == ' ' ? digits(t, 9, 1) : digits(t, 8, 2);
        return toEpochMillis(digits(t, 20, 4), month(t, 4), day, t, 11);
    }

    private static long parseRfc850(CharSequence t, long nowMillis) {
        // Sunday, 06-Nov-94 08:49:37 GMT
        int comma = -1;
        for (int i = 0; i < t.length() && i < 10; i++) {
            if (t.charAt(i) == ',') {
                comma = i;
                break;
            }
        }
        if (comma < 0 || dayIndex(t, 0, LONG_DAYS) < 0 || LONG_DAYS[dayIndex(t, 0, LONG_DAYS)].length() != comma
                || t.length() != comma + 24) {
            return INVALID;
        }
        int p = comma + 1;
        if (t.charAt(p) != ' ' || t.charAt(p + 3) != '-' || t.charAt(p + 7) != '-' || t.charAt(p + 10) != ' '
                || !matches(t, p + 19, " GMT")) {
            return INVALID;
        }
        int twoDigitYear = digits(t, p + 8, 2);
        if (twoDigitYear < 0) {
            return INVALID;
        }
        int nowYear = (int) civilFromDays(Math.floorDiv(nowMillis, SECONDS_PER_DAY * 1000))[0];
        int year = nowYear - Math.floorMod(nowYear, 100) + twoDigitYear;
        if (year > nowYear + 50) {
            year -= 100;
        }
        return toEpochMillis(year, month(t, p + 4), digits(t, p + 1, 2), t, p + 11);
    }

    /** Reads {@code HH:MM:SS} at {@code timeAt} and combines it with the date, or returns INVALID. */
    private static long toEpochMillis(int year, int month, int day, CharSequence t, int timeAt) {
        if (t.charAt(timeAt + 2) != ':' || t.charAt(timeAt + 5) != ':') {
            return INVALID;
        }
        int hour = digits(t, timeAt, 2);
        int minute = digits(t, timeAt + 3, 2);
        int second = digits(t, timeAt + 6, 2);
        if (year < 0 || month < 1 || day < 1 || day > daysInMonth(year, month) || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 60) {
            return INVALID;
        }
        long days = daysFromCivil(year, month, day);
        return ((days * SECONDS_PER_DAY) + hour * 3600L + minute * 60L + second) * 1000;
    }

    private static int dayIndex(CharSequence t, int at, String[] names) {
        for (int i = 0; i < names.length; i++) {
            if (matches(t, at, names[i])) {
                return i;
            }
        }
        return -1;
    }

    /** @return 1..12, or -1 */
    private static int month(CharSequence t, int at) {
        int index = dayIndex(t, at, MONTHS);
        return index < 0 ? -1 : index + 1;
    }

    private static boolean matches(CharSequence t, int at, String expected) {
        if (at + expected.length() > t.length()) {
            return false;
        }
        for (int i = 0; i < expected.length(); i++) {
            if (t.charAt(at + i) != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** @return the value of {@code count} decimal digits, or -1 when one is not a digit */
    private static int digits(CharSequence t, int at, int count) {
        int value = 0;
        for (int i = at; i < at + count; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int daysInMonth(int year, int month) {
        if (month == 2) {
            boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            return leap ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms"). */
    private static long daysFromCivil(long year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    /** @return {year, month 1..12, day 1..31} of a day count since 1970-01-01 (same source as above) */
    private static long[] civilFromDays(long days) {
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return new long[] {year, month, day};
    }

    private static void put(char[] text, int at, String part) {
        part.getChars(0, part.length(), text, at);
    }

    private static void twoDigits(char[] text, int at, int value) {
        text[at] = (char) ('0' + value / 10);
        text[at + 1] = (char) ('0' + value % 10);
    }
}
