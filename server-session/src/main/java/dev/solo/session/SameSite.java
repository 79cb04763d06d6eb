package dev.solo.session;

/**
 * The {@code SameSite} cookie attribute, which tells the browser when to send a cookie with requests started by
 * another site (RFC 6265bis, draft-ietf-httpbis-rfc6265bis §4.1.2.7; not in RFC 6265 itself, but honoured by every
 * current browser).
 */
public enum SameSite {
    /** Sent only with requests from the same site: the strongest protection against cross-site request forgery. */
    STRICT("Strict"),
    /** Also sent on top-level cross-site navigations with a safe method (following a link), not with POSTs. */
    LAX("Lax"),
    /** Sent with every request; browsers accept it only together with {@code Secure}. */
    NONE("None");

    private final String attributeValue;

    SameSite(String attributeValue) {
        this.attributeValue = attributeValue;
    }

    /** @return the value as written in {@code Set-Cookie}, e.g. {@code Lax} */
    public String attributeValue() {
        return attributeValue;
    }
}
