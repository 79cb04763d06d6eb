package dev.solo.session;

import java.util.Objects;

/**
 * One {@code name=value} pair from a request's {@code Cookie} header (RFC 6265 §4.2.1). The client sends no
 * attributes (path, domain, expiry), only pairs.
 *
 * @param name the cookie name, a token
 * @param value the value, cookie-octets only, without the surrounding double quotes it may have been sent with
 */
public record Cookie(String name, String value) {

    /**
     * Checks the components.
     *
     * @param name the cookie name
     * @param value the value
     * @throws NullPointerException if a component is null
     */
    public Cookie {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /**
     * Leaves the value out: cookies hold credentials, and this string may end up in logs.
     *
     * @return e.g. {@code Cookie[SOLOSESSION]}
     */
    @Override
    public String toString() {
        return "Cookie[" + name + "]";
    }
}
