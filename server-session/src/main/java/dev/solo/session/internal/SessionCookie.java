package dev.solo.session.internal;

import dev.solo.session.SameSite;
import dev.solo.session.SetCookie;
import java.util.Locale;
import java.util.Objects;

/**
 * The session cookie of one server block: its name and whether it is {@code Secure}. Always {@code Path=/} (one
 * session per site, whichever page started it), {@code HttpOnly} (scripts cannot steal it) and {@code SameSite=Lax}
 * (not sent with cross-site POSTs, which blunts request forgery), and without {@code Max-Age}: the browser drops it
 * when it closes, and the server enforces idle timeout and lifetime anyway.
 *
 * @param name the cookie name, a token
 * @param secure whether to send {@code Secure}
 */
record SessionCookie(String name, boolean secure) {

    /** The cookie name when {@code session_cookie} is not set. */
    static final String DEFAULT_NAME = "SOLOSESSION";

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException if the name is not a token, or has a {@code __Secure-}/{@code __Host-} prefix
     *         without {@code secure} (browsers refuse those cookies: RFC 6265bis §4.1.3)
     */
    SessionCookie {
        Objects.requireNonNull(name, "name");
        SetCookie.builder(name, "");
        String lower = name.toLowerCase(Locale.ROOT);
        if ((lower.startsWith("__secure-") || lower.startsWith("__host-")) && !secure) {
            throw new IllegalArgumentException("a cookie named __Secure-* or __Host-* needs session_cookie_secure on");
        }
    }

    /**
     * @param id the session id
     * @return the {@code Set-Cookie} value that hands the id to the browser
     */
    String issue(String id) {
        return issue(id, false);
    }

    /**
     * @param id the session id
     * @param overTls whether the request came over HTTPS: the cookie is then {@code Secure} whatever the setting, so
     *                it never travels in the clear afterwards
     * @return the {@code Set-Cookie} value that hands the id to the browser
     */
    String issue(String id, boolean overTls) {
        return attributes(SetCookie.builder(name, id), overTls).build().headerValue();
    }

    /** @return the {@code Set-Cookie} value that makes the browser forget the session cookie */
    String expire() {
        return expire(false);
    }

    /**
     * @param overTls whether the request came over HTTPS
     * @return the {@code Set-Cookie} value that makes the browser forget the session cookie
     */
    String expire(boolean overTls) {
        return attributes(SetCookie.expiring(name), overTls).build().headerValue();
    }

    private SetCookie.Builder attributes(SetCookie.Builder builder, boolean overTls) {
        return builder.path("/").secure(secure || overTls).httpOnly(true).sameSite(SameSite.LAX);
    }
}
