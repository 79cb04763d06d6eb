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

    /**
     * The preconditions evaluated before the method (RFC 9110 §13.2.2 steps 1 and 2): If-Match, or when it is absent
     * If-Unmodified-Since.
     *
     * @param ifMatch the If-Match value, or null
     * @param ifUnmodifiedSince the If-Unmodified-Since value, or null
     * @param etag the file's (strong) entity tag
     * @param modifiedMillis the file's modification time
     * @return true when the request must be answered 412 Precondition Failed
     */
    static boolean preconditionFails(String ifMatch, String ifUnmodifiedSince, String etag, long modifiedMillis) {
        if (ifMatch != null) {
            return ifMatchFails(ifMatch, etag);
        }
        return ifUnmodifiedSince != null && modifiedSince(ifUnmodifiedSince, modifiedMillis);
    }

    /**
     * If-Match (RFC 9110 §13.1.1): {@code *} matches any current representation; otherwise one of the listed tags
     * must match by strong comparison, so a weak tag never does.
     *
     * @param header the If-Match value, or null
     * @param etag the representation's entity tag, or null when it has none (a listing)
     * @return true when the header is present and does not match
     */
    static boolean ifMatchFails(String header, String etag) {
        if (header == null || header.strip().equals("*")) {
            return false;
        }
        if (etag == null) {
            return true;
        }
        for (String candidate : header.split(",")) {
            if (candidate.strip().equals(etag)) {
                return false;
            }
        }
        return true;
    }

    /**
     * If-Unmodified-Since (RFC 9110 §13.1.4): false, so 412, when the file changed after the date (one-second
     * resolution). A value that is not one valid HTTP-date, a list of dates included, is ignored.
     */
    private static boolean modifiedSince(String header, long modifiedMillis) {
        Long since = parseDate(header);
        return since != null && modifiedMillis / 1000 > since / 1000;
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
