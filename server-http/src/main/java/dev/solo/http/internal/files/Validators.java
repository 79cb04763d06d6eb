package dev.solo.http.internal.files;

import dev.solo.http.codec.HttpDate;

/** ETag and Last-Modified of a file, and the conditional request checks on them (RFC 9110 §13). */
final class Validators {

    private Validators() {
    }

    /** A strong validator from size and modification time in nanoseconds: changes whenever either does. */
    static String etag(long size, long modifiedNanos) {
        return "\"" + Long.toHexString(modifiedNanos) + "-" + Long.toHexString(size) + "\"";
    }

    static String httpDate(long epochMillis) {
        return HttpDate.format(epochMillis);
    }

    /** If-None-Match: true when one of the listed tags (weak comparison, §13.1.2) or {@code *} matches. */
    static boolean noneMatchHits(String header, String etag) {
        if (header.strip().equals("*")) {
            return true;
        }
        String opaque = etag.substring(etag.indexOf('"'));
        for (String candidate : header.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    /** If-Modified-Since: true when the file has not changed since the date (one-second resolution). */
    static boolean notModifiedSince(String header, long modifiedMillis) {
        Long since = parseDate(header);
        return since != null && modifiedMillis / 1000 <= since / 1000;
    }

    /** If-Range: the range applies only if the validator still matches (strong comparison for tags). */
    static boolean ifRangeMatches(String header, String etag, long modifiedMillis) {
        String value = header.strip();
        if (value.startsWith("\"")) {
            return value.equals(etag);
        }
        Long date = parseDate(value);
        return date != null && date / 1000 == modifiedMillis / 1000;
    }

    private static Long parseDate(String value) {
        long millis = HttpDate.parse(value.strip());
        return millis == HttpDate.INVALID ? null : millis;
    }
}
