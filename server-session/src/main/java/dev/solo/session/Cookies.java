package dev.solo.session;

import dev.solo.http.HeaderName;
import dev.solo.http.Headers;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The cookies a request carries, parsed from its {@code Cookie} header fields. Immutable.
 *
 * <p>The grammar is {@code cookie-string = cookie-pair *( ";" SP cookie-pair )} (RFC 6265 §4.2.1), produced by user
 * agents as RFC 6265 §5.4 describes. Parsing is lenient in what real clients send and strict in what it accepts:
 * <ul>
 *   <li>Several {@code Cookie} fields are read in order, as if joined with {@code "; "} (§5.4 forbids a user agent
 *       to send more than one, but HTTP/2 gateways split them).</li>
 *   <li>Any run of optional whitespace around {@code ;} and {@code =} is skipped, not just the one SP of §4.2.1.</li>
 *   <li>A value in double quotes is returned without them (§4.1.1 allows {@code DQUOTE *cookie-octet DQUOTE}).</li>
 *   <li>A pair whose name is not a token, that has no {@code =}, or whose value holds anything but cookie-octets
 *       is skipped; it never fails the whole header, since one bad cookie set by another application on the same
 *       host must not lock the visitor out.</li>
 * </ul>
 *
 * <p>Names are case-sensitive, and a name may appear more than once (cookies from different paths or domains);
 * RFC 6265 §5.4 orders longer paths first, so {@link #get(String)} returns the most specific one.
 */
public final class Cookies {

    private static final Cookies NONE = new Cookies(List.of());

    private final List<Cookie> cookies;

    private Cookies(List<Cookie> cookies) {
        this.cookies = cookies;
    }

    /**
     * Parses every {@code Cookie} field of a request.
     *
     * @param headers the request's header fields
     * @return the valid pairs, in order
     */
    public static Cookies parse(Headers headers) {
        return parse(headers.getAll(HeaderName.COOKIE));
    }

    /**
     * Parses {@code Cookie} field values, in order.
     *
     * @param fieldValues the values of the {@code Cookie} fields
     * @return the valid pairs, in order
     */
    public static Cookies parse(List<String> fieldValues) {
        List<Cookie> found = new ArrayList<>();
        for (String value : fieldValues) {
            parseInto(Objects.requireNonNull(value, "field value"), found);
        }
        return found.isEmpty() ? NONE : new Cookies(List.copyOf(found));
    }

    /**
     * Parses one {@code Cookie} field value.
     *
     * @param fieldValue the value, e.g. {@code "a=1; b=2"}
     * @return the valid pairs, in order
     */
    public static Cookies parse(String fieldValue) {
        return parse(List.of(fieldValue));
    }

    private static void parseInto(String text, List<Cookie> out) {
        int length = text.length();
        int start = 0;
        while (start < length) {
            int end = text.indexOf(';', start);
            if (end < 0) {
                end = length;
            }
            Cookie cookie = parsePair(text, start, end);
            if (cookie != null) {
                out.add(cookie);
            }
            start = end + 1;
        }
    }

    /** @return the pair in {@code text[from, to)}, or null when it is not a valid cookie-pair */
    private static Cookie parsePair(String text, int from, int to) {
        int equals = text.indexOf('=', from);
        if (equals < 0 || equals >= to) {
            return null;
        }
        int nameStart = skipOws(text, from, equals);
        int nameEnd = trimOws(text, nameStart, equals);
        if (!CookieSyntax.isToken(text, nameStart, nameEnd)) {
            return null;
        }
        int valueStart = skipOws(text, equals + 1, to);
        int valueEnd = trimOws(text, valueStart, to);
        if (valueEnd - valueStart >= 2 && text.charAt(valueStart) == '"' && text.charAt(valueEnd - 1) == '"') {
            valueStart++;
            valueEnd--;
        }
        if (!CookieSyntax.isCookieOctets(text, valueStart, valueEnd)) {
            return null;
        }
        return new Cookie(text.substring(nameStart, nameEnd), text.substring(valueStart, valueEnd));
    }

    private static int skipOws(String text, int from, int to) {
        while (from < to && CookieSyntax.isOws(text.charAt(from))) {
            from++;
        }
        return from;
    }

    private static int trimOws(String text, int from, int to) {
        while (to > from && CookieSyntax.isOws(text.charAt(to - 1))) {
            to--;
        }
        return to;
    }

    /**
     * @param name a cookie name (case-sensitive)
     * @return the value of the first cookie of that name
     */
    public Optional<String> get(String name) {
        Objects.requireNonNull(name, "name");
        for (Cookie cookie : cookies) {
            if (cookie.name().equals(name)) {
                return Optional.of(cookie.value());
            }
        }
        return Optional.empty();
    }

    /**
     * @param name a cookie name (case-sensitive)
     * @return the values of every cookie of that name, in order; empty when there is none
     */
    public List<String> getAll(String name) {
        Objects.requireNonNull(name, "name");
        List<String> values = new ArrayList<>(1);
        for (Cookie cookie : cookies) {
            if (cookie.name().equals(name)) {
                values.add(cookie.value());
            }
        }
        return values;
    }

    /** @return every valid pair, in the order received */
    public List<Cookie> all() {
        return cookies;
    }

    /** @return the number of valid pairs */
    public int size() {
        return cookies.size();
    }

    /** @return true when the request carried no valid cookie */
    public boolean isEmpty() {
        return cookies.isEmpty();
    }

    /**
     * Lists the names only: values may be credentials.
     *
     * @return e.g. {@code Cookies[SOLOSESSION, theme]}
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Cookies[");
        for (int i = 0; i < cookies.size(); i++) {
            text.append(i > 0 ? ", " : "").append(cookies.get(i).name());
        }
        return text.append(']').toString();
    }
}
