package dev.solo.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SetCookieTest {

    @Test
    void writesNameAndValueAlone() {
        assertEquals("a=1", SetCookie.builder("a", "1").build().headerValue());
    }

    @Test
    void writesEveryAttributeInOrder() {
        SetCookie cookie = SetCookie.create("id", "a3fWa", b -> b.path("/docs").domain("example.com")
                .maxAge(Duration.ofHours(1)).expires(Instant.parse("2015-10-21T07:28:00Z"))
                .secure(true).httpOnly(true).sameSite(SameSite.STRICT));

        assertEquals("id=a3fWa; Expires=Wed, 21 Oct 2015 07:28:00 GMT; Max-Age=3600; Domain=example.com;"
                + " Path=/docs; Secure; HttpOnly; SameSite=Strict", cookie.headerValue());
    }

    @Test
    void writesExpiresAsImfFixdateWithTwoDigitDays() {
        String value = SetCookie.create("a", "1", b -> b.expires(Instant.parse("2024-03-05T01:02:03.999Z")))
                .headerValue();

        assertEquals("a=1; Expires=Tue, 05 Mar 2024 01:02:03 GMT", value);
    }

    @Test
    void sameSiteNoneForcesSecure() {
        SetCookie cookie = SetCookie.create("a", "1", b -> b.sameSite(SameSite.NONE).secure(false));

        assertTrue(cookie.secure());
        assertEquals("a=1; Secure; SameSite=None", cookie.headerValue());
    }

    @Test
    void writesLaxSameSite() {
        assertEquals("a=1; HttpOnly; SameSite=Lax",
                SetCookie.create("a", "1", b -> b.httpOnly(true).sameSite(SameSite.LAX)).headerValue());
    }

    @Test
    void expiringCookieHasEmptyValueZeroMaxAgeAndEpochExpiry() {
        assertEquals("gone=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/",
                SetCookie.expiring("gone").path("/").build().headerValue());
    }

    @Test
    void acceptsAQuotedValue() {
        assertEquals("a=\"x\"", SetCookie.builder("a", "\"x\"").build().headerValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "a;b", "a=b", "a,b", "(a)", "a\r\nSet-Cookie: x", "\u00e9", "a\"", "a/b"})
    void rejectsNamesThatAreNotTokens(String name) {
        assertThrows(IllegalArgumentException.class, () -> SetCookie.builder(name, "v"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "a;b", "a,b", "a\\b", "a\"b", "\"", "\"a", "a\r\nX: y", "caf\u00e9", "tab\t"})
    void rejectsValuesThatAreNotCookieOctets(String value) {
        assertThrows(IllegalArgumentException.class, () -> SetCookie.builder("a", value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"relative", "/a;b", "/a\r\n", "/caf\u00e9", ""})
    void rejectsBadPaths(String path) {
        SetCookie.Builder builder = SetCookie.builder("a", "1");

        assertThrows(IllegalArgumentException.class, () -> builder.path(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".example.com", "example.com.", "-bad.com", "bad-.com", "a..b", "ex ample.com",
        "example.com;x", "ex_ample.com"})
    void rejectsBadDomains(String domain) {
        SetCookie.Builder builder = SetCookie.builder("a", "1");

        assertThrows(IllegalArgumentException.class, () -> builder.domain(domain));
    }

    @Test
    void acceptsMultiLabelDomains() {
        assertEquals("a=1; Domain=www.Example-1.co.uk",
                SetCookie.create("a", "1", b -> b.domain("www.Example-1.co.uk")).headerValue());
    }

    @Test
    void rejectsNegativeMaxAgeAndOutOfRangeExpiry() {
        SetCookie.Builder builder = SetCookie.builder("a", "1");

        assertThrows(IllegalArgumentException.class, () -> builder.maxAge(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> builder.expires(Instant.parse("1600-12-31T23:59:59Z")));
        assertThrows(IllegalArgumentException.class, () -> builder.expires(Instant.parse("+10000-01-01T00:00:00Z")));
    }

    @Test
    void acceptsExpiryOnBothBoundsOfTheFourDigitYears() {
        assertEquals("a=1; Expires=Mon, 01 Jan 1601 00:00:00 GMT",
                SetCookie.create("a", "1", b -> b.expires(Instant.parse("1601-01-01T00:00:00Z"))).headerValue());
        assertEquals("a=1; Expires=Fri, 31 Dec 9999 23:59:59 GMT",
                SetCookie.create("a", "1", b -> b.expires(Instant.parse("9999-12-31T23:59:59Z"))).headerValue());
    }

    @Test
    void toStringDoesNotRevealTheValue() {
        assertEquals("SetCookie[SOLOSESSION]", SetCookie.builder("SOLOSESSION", "secret").build().toString());
    }
}
