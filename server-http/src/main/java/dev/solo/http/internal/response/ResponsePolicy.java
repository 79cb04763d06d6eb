package dev.solo.http.internal.response;

import java.util.List;

/**
 * What one location does to its responses on their way out: {@code add_header}, {@code expires}, {@code etag} and
 * the {@code gzip} settings, resolved at start with nginx's inheritance. Immutable.
 */
public final class ResponsePolicy {

    /** No added headers, no expiry, ETags kept, no compression: a location outside any config (tests, OPTIONS *). */
    public static final ResponsePolicy NONE = new ResponsePolicy(List.of(), Expiry.OFF, true, GzipSettings.OFF, "");

    private final List<AddedHeader> headers;
    private final Expiry expiry;
    private final boolean etag;
    private final GzipSettings gzip;
    private final String serverName;
    private final boolean passive;

    ResponsePolicy(List<AddedHeader> headers, Expiry expiry, boolean etag, GzipSettings gzip, String serverName) {
        this.headers = List.copyOf(headers);
        this.expiry = expiry;
        this.etag = etag;
        this.gzip = gzip;
        this.serverName = serverName;
        this.passive = this.headers.isEmpty() && expiry.kind() == Expiry.Kind.OFF && etag && !gzip.enabled();
    }

    List<AddedHeader> headers() {
        return headers;
    }

    Expiry expiry() {
        return expiry;
    }

    boolean etag() {
        return etag;
    }

    GzipSettings gzip() {
        return gzip;
    }

    String serverName() {
        return serverName;
    }

    /** @return true when the policy changes nothing: the response filter then costs one branch */
    boolean passive() {
        return passive;
    }
}
