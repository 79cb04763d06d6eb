package dev.solo.session.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SessionCookieTest {

    @Test
    void aCookieIssuedOverHttpsIsSecureEvenWhenTheSettingIsOff() {
        SessionCookie cookie = new SessionCookie("SOLOSESSION", false);
        assertEquals("SOLOSESSION=abc; Path=/; Secure; HttpOnly; SameSite=Lax", cookie.issue("abc", true));
        assertEquals("SOLOSESSION=abc; Path=/; HttpOnly; SameSite=Lax", cookie.issue("abc", false));
        assertEquals(true, cookie.expire(true).contains("; Secure"));
    }
}
