package dev.solo.session;

import dev.solo.http.codec.HttpDate;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A {@code Set-Cookie} header value (RFC 6265 §4.1), checked when built so that nothing a caller passes can break the
 * header or smuggle in attributes. Immutable.
 *
 * <pre>{@code
 * String value = SetCookie.create("SOLOSESSION", id, b -> b.path("/").httpOnly(true).sameSite(SameSite.LAX))
 *         .headerValue();   // SOLOSESSION=...; Path=/; HttpOnly; SameSite=Lax
 * response.header("Set-Cookie", value);
 * }</pre>
 *
 * <p>The name must be a token and the value cookie-octets, optionally in double quotes (§4.1.1); the builder throws
 * {@link IllegalArgumentException} for anything else rather than encoding it, because the receiving code would have
 * to know the encoding. {@code SameSite=None} forces {@code Secure}, since browsers drop such a cookie otherwise.
 */
public final class SetCookie {

    /**
     * RFC 6265 §5.1.1 makes user agents reject years before 1601; IMF-fixdate has four year digits. As epoch seconds
     * (1601-01-01T00:00:00Z and 9999-12-31T23:59:59Z): parsing them would bring up java.time's parser at start-up.
     */
    private static final Instant EARLIEST_EXPIRES = Instant.ofEpochSecond(-11_644_473_600L);
    private static final Instant LATEST_EXPIRES = Instant.ofEpochSecond(253_402_300_799L);
    private static final int MAX_DOMAIN_LENGTH = 253;
    private static final int MAX_LABEL_LENGTH = 63;

    private final String name;
    private final String value;
    private final String path;
    private final String domain;
    private final Duration maxAge;
    private final Instant expires;
    private final boolean secure;
    private final boolean httpOnly;
    private final SameSite sameSite;

    private SetCookie(Builder b) {
        this.name = b.name;
        this.value = b.value;
        this.path = b.path;
        this.domain = b.domain;
        this.maxAge = b.maxAge;
        this.expires = b.expires;
        this.secure = b.secure || b.sameSite == SameSite.NONE;
        this.httpOnly = b.httpOnly;
        this.sameSite = b.sameSite;
    }

    /**
     * Starts a builder.
     *
     * @param name the cookie name; must be a token
     * @param value the value; cookie-octets, optionally in double quotes; may be empty
     * @return a builder without attributes
     * @throws IllegalArgumentException if the name or value is not allowed
     */
    public static Builder builder(String name, String value) {
        return new Builder(name, value);
    }

    /**
     * Builds a cookie in one expression.
     *
     * @param name the cookie name; must be a token
     * @param value the value; cookie-octets, optionally in double quotes
     * @param configurer sets the attributes
     * @return the cookie
     * @throws IllegalArgumentException if a part is not allowed
     */
    public static SetCookie create(String name, String value, Consumer<Builder> configurer) {
        Builder builder = builder(name, value);
        configurer.accept(builder);
        return builder.build();
    }

    /**
     * A cookie that makes the browser delete a cookie of the same name, path and domain at once: an empty value,
     * {@code Max-Age=0} (RFC 6265 §5.2.2) and, for clients that only know {@code Expires}, the epoch.
     *
     * @param name the cookie name
     * @return a builder to add the path and domain of the cookie to delete
     */
    public static Builder expiring(String name) {
        return builder(name, "").maxAge(Duration.ZERO).expires(Instant.EPOCH);
    }

    /** @return the cookie name */
    public String name() {
        return name;
    }

    /** @return the cookie value, as sent */
    public String value() {
        return value;
    }

    /** @return whether {@code Secure} is sent (always, with {@code SameSite=None}) */
    public boolean secure() {
        return secure;
    }

    /** @return whether {@code HttpOnly} is sent */
    public boolean httpOnly() {
        return httpOnly;
    }

    /** @return the {@code SameSite} attribute, or null when none is sent */
    public SameSite sameSite() {
        return sameSite;
    }

    /**
     * Renders the header value, attributes in the order of RFC 6265 §4.1.1's examples.
     *
     * @return e.g. {@code id=a3fWa; Expires=Wed, 21 Oct 2015 07:28:00 GMT; Path=/; Secure; HttpOnly}
     */
    public String headerValue() {
        StringBuilder text = new StringBuilder(64).append(name).append('=').append(value);
        if (expires != null) {
            // IMF-fixdate, the preferred sane-cookie-date (RFC 6265 §4.1.1), by the same formatter as every HTTP date.
            text.append("; Expires=").append(HttpDate.format(expires.toEpochMilli()));
        }
        if (maxAge != null) {
            text.append("; Max-Age=").append(maxAge.getSeconds());
        }
        if (domain != null) {
            text.append("; Domain=").append(domain);
        }
        if (path != null) {
            text.append("; Path=").append(path);
        }
        if (secure) {
            text.append("; Secure");
        }
        if (httpOnly) {
            text.append("; HttpOnly");
        }
        if (sameSite != null) {
            text.append("; SameSite=").append(sameSite.attributeValue());
        }
        return text.toString();
    }

    /**
     * Leaves the value out: cookies hold credentials, and this string may end up in logs.
     *
     * @return e.g. {@code SetCookie[SOLOSESSION]}
     */
    @Override
    public String toString() {
        return "SetCookie[" + name + "]";
    }

    /** Collects the attributes of a {@link SetCookie}. Each setter checks its argument at once. */
    public static final class Builder {

        private final String name;
        private final String value;
        private String path;
        private String domain;
        private Duration maxAge;
        private Instant expires;
        private boolean secure;
        private boolean httpOnly;
        private SameSite sameSite;

        private Builder(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (!CookieSyntax.isToken(name)) {
                throw new IllegalArgumentException("cookie name is not a token (RFC 6265 §4.1.1)");
            }
            if (!CookieSyntax.isCookieValue(value)) {
                throw new IllegalArgumentException("cookie value holds characters other than cookie-octets"
                        + " (RFC 6265 §4.1.1)");
            }
            this.name = name;
            this.value = value;
        }

        /**
         * Sets {@code Path}: the cookie is sent for this path and below (RFC 6265 §5.1.4).
         *
         * @param value starts with {@code /}; printable US-ASCII without {@code ;} (§4.1.1 path-value)
         * @return this builder
         * @throws IllegalArgumentException if the path is not allowed
         */
        public Builder path(String value) {
            Objects.requireNonNull(value, "path");
            if (!value.startsWith("/") || !value.chars().allMatch(c -> c >= 0x20 && c <= 0x7E && c != ';')) {
                throw new IllegalArgumentException("cookie path must start with '/' and hold printable US-ASCII"
                        + " without ';' (RFC 6265 §4.1.1)");
            }
            this.path = value;
            return this;
        }

        /**
         * Sets {@code Domain}: the cookie is also sent to subdomains (RFC 6265 §5.2.3). Leave it unset to keep the
         * cookie on the exact host, which is safer.
         *
         * @param value a host name: dot-separated labels of letters, digits and inner hyphens (RFC 1034 §3.5 as
         *              amended by RFC 1123 §2.1), without a leading dot
         * @return this builder
         * @throws IllegalArgumentException if the domain is not a host name
         */
        public Builder domain(String value) {
            Objects.requireNonNull(value, "domain");
            if (!isHostName(value)) {
                throw new IllegalArgumentException("cookie domain is not a host name (RFC 6265 §4.1.2.3)");
            }
            this.domain = value;
            return this;
        }

        /**
         * Sets {@code Max-Age}, which wins over {@code Expires} in every current browser (RFC 6265 §5.3 step 3).
         * Zero deletes the cookie at once; fractions of a second are dropped.
         *
         * @param value zero or more
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder maxAge(Duration value) {
            Objects.requireNonNull(value, "maxAge");
            if (value.isNegative()) {
                throw new IllegalArgumentException("cookie Max-Age must not be negative");
            }
            this.maxAge = value;
            return this;
        }

        /**
         * Sets {@code Expires}, written as an IMF-fixdate in GMT (RFC 6265 §4.1.1 sane-cookie-date); fractions of a
         * second are dropped.
         *
         * @param value from 1601 to 9999
         * @return this builder
         * @throws IllegalArgumentException if outside that range
         */
        public Builder expires(Instant value) {
            Objects.requireNonNull(value, "expires");
            if (value.isBefore(EARLIEST_EXPIRES) || value.isAfter(LATEST_EXPIRES)) {
                throw new IllegalArgumentException("cookie Expires must lie between the years 1601 and 9999");
            }
            this.expires = value;
            return this;
        }

        /**
         * Sets {@code Secure}: the cookie travels over HTTPS only (RFC 6265 §4.1.2.5).
         *
         * @param value whether to send it
         * @return this builder
         */
        public Builder secure(boolean value) {
            this.secure = value;
            return this;
        }

        /**
         * Sets {@code HttpOnly}: scripts in the page cannot read the cookie (RFC 6265 §4.1.2.6).
         *
         * @param value whether to send it
         * @return this builder
         */
        public Builder httpOnly(boolean value) {
            this.httpOnly = value;
            return this;
        }

        /**
         * Sets {@code SameSite}; {@link SameSite#NONE} also turns on {@code Secure}.
         *
         * @param value the policy, or null to send none
         * @return this builder
         */
        public Builder sameSite(SameSite value) {
            this.sameSite = value;
            return this;
        }

        /** @return the cookie */
        public SetCookie build() {
            return new SetCookie(this);
        }

        private static boolean isHostName(String host) {
            if (host.isEmpty() || host.length() > MAX_DOMAIN_LENGTH) {
                return false;
            }
            int start = 0;
            while (start <= host.length()) {
                int end = host.indexOf('.', start);
                if (end < 0) {
                    end = host.length();
                }
                if (!isLabel(host, start, end)) {
                    return false;
                }
                start = end + 1;
            }
            return true;
        }

        private static boolean isLabel(String host, int from, int to) {
            int length = to - from;
            if (length < 1 || length > MAX_LABEL_LENGTH || host.charAt(from) == '-' || host.charAt(to - 1) == '-') {
                return false;
            }
            for (int i = from; i < to; i++) {
                char c = host.charAt(i);
                boolean letterOrDigit = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
                if (!letterOrDigit && c != '-') {
                    return false;
                }
            }
            return true;
        }
    }
}
