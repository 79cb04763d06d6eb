package dev.solo.it.features.session;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a visitor of the session demo page sees: the counter, the greeting, the session cookie. */
final class SessionDemoPage {

    /** The cookie name when {@code session_cookie} is not set. */
    static final String COOKIE = "SOLOSESSION";

    private static final Pattern COUNT = Pattern.compile("class=\"count\">(\\d+)<");

    private SessionDemoPage() {
    }

    /**
     * A browser-like client: keeps cookies, does not follow redirects (the tests look at the 303 and its cookie).
     *
     * @param cookies the cookie jar
     * @return the client
     */
    static HttpClient browser(CookieManager cookies) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .cookieHandler(cookies)
                .build();
    }

    /**
     * @param response a response of the demo page
     * @return the visit count it shows
     */
    static int visits(HttpResponse<String> response) {
        Matcher matcher = COUNT.matcher(response.body());
        assertTrue(matcher.find(), () -> "the page shows a visit count:\n" + response.body());
        return Integer.parseInt(matcher.group(1));
    }

    /**
     * @param response any response
     * @return the session cookie it sets, if any
     */
    static Optional<HttpCookie> setCookie(HttpResponse<?> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            List<HttpCookie> cookies = HttpCookie.parse(header);
            for (HttpCookie cookie : cookies) {
                if (cookie.getName().equals(COOKIE)) {
                    return Optional.of(cookie);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * @param response any response
     * @return the raw {@code Set-Cookie} value for the session cookie, for checking its attributes
     */
    static Optional<String> setCookieHeader(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(h -> h.startsWith(COOKIE + "=")).findFirst();
    }

    /**
     * @param cookies a cookie jar
     * @return the session id it holds, if any
     */
    static Optional<String> storedId(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(COOKIE)).map(HttpCookie::getValue).findFirst();
    }
}
