package dev.solo.session.internal.demo;

import dev.solo.http.Exchange;
import dev.solo.http.Handler;
import dev.solo.http.HeaderName;
import dev.solo.http.Method;
import dev.solo.http.Request;
import dev.solo.http.Response;
import dev.solo.http.Session;
import dev.solo.http.Status;
import java.util.Locale;
import java.util.Optional;

/**
 * The session demo of one location with prefix {@code P}:
 * <ul>
 *   <li>{@code GET P}: a page with the session's visit counter (attribute {@code visits}), a greeting when logged in
 *       (attribute {@code user}), and log-in and log-out forms;</li>
 *   <li>{@code POST P/login} with a form field {@code name}: renews the session id (against fixation), stores the
 *       name and redirects to the page (303, so reloading does not post again);</li>
 *   <li>{@code POST P/logout}: ends the session and redirects to the page.</li>
 * </ul>
 * Anything else is declined so that static files under the prefix still work. The forms carry no CSRF token: the
 * session cookie is {@code SameSite=Lax}, which browsers do not send with cross-site POSTs.
 */
final class SessionDemoHandler implements Handler {

    /** The session attribute holding the visit count. */
    static final String VISITS = "visits";
    /** The session attribute holding the logged-in name. */
    static final String USER = "user";

    private static final String FORM_TYPE = "application/x-www-form-urlencoded";

    private final String pagePath;
    private final String loginPath;
    private final String logoutPath;

    /** @param prefix the location's prefix, e.g. {@code /session/} */
    SessionDemoHandler(String prefix) {
        String base = prefix.endsWith("/") ? prefix : prefix + "/";
        this.pagePath = prefix;
        this.loginPath = base + "login";
        this.logoutPath = base + "logout";
    }

    @Override
    public boolean handle(Exchange exchange) {
        Request request = exchange.request();
        String path = request.path();
        Method method = request.method();
        if (path.equals(pagePath) && (method == Method.GET || method == Method.HEAD)) {
            showPage(exchange);
            return true;
        }
        if (path.equals(loginPath) && method == Method.POST) {
            receiveLogin(exchange);
            return true;
        }
        if (path.equals(logoutPath) && method == Method.POST) {
            exchange.session(false).ifPresent(Session::invalidate);
            redirectToPage(exchange);
            return true;
        }
        return false;
    }

    private void showPage(Exchange exchange) {
        Optional<Session> session = exchange.session(true);
        String html;
        if (session.isEmpty()) {
            html = DemoPage.unavailable();
        } else {
            int visits = countVisit(session.get());
            html = DemoPage.render(pagePath, loginPath, logoutPath, visits, session.get().get(USER).orElse(null));
        }
        exchange.respond(Response.of(Status.OK)
                .header(HeaderName.CACHE_CONTROL.canonical(), "no-store")
                .body("text/html; charset=utf-8", html));
    }

    private static int countVisit(Session session) {
        int visits;
        try {
            visits = Integer.parseInt(session.get(VISITS).orElse("0"));
        } catch (NumberFormatException e) {
            visits = 0;
        }
        visits = visits < 0 || visits == Integer.MAX_VALUE ? 1 : visits + 1;
        session.set(VISITS, Integer.toString(visits));
        return visits;
    }

    private void receiveLogin(Exchange exchange) {
        String contentType = exchange.request().headers().get(HeaderName.CONTENT_TYPE);
        if (contentType == null || !mediaType(contentType).equals(FORM_TYPE)) {
            exchange.sendError(Status.UNSUPPORTED_MEDIA_TYPE);
            return;
        }
        if (exchange.request().contentLength() > LoginForm.MAX_BYTES) {
            exchange.sendError(Status.CONTENT_TOO_LARGE);
            return;
        }
        exchange.receiveBody(new LoginForm(form -> logIn(exchange, form)));
    }

    private void logIn(Exchange exchange, LoginForm.Result form) {
        if (form.status() != null) {
            exchange.sendError(form.status());
            return;
        }
        if (!form.name().isEmpty()) {
            Optional<Session> session = exchange.session(true);
            if (session.isPresent()) {
                // A new id for the new privilege level: an id planted before the log-in is worthless after it.
                session.get().renewId();
                session.get().set(USER, form.name());
            }
        }
        redirectToPage(exchange);
    }

    private void redirectToPage(Exchange exchange) {
        // 303: the browser follows with a GET, so reloading the page does not send the form again (RFC 9110 §15.4.4).
        exchange.respond(Response.of(Status.SEE_OTHER)
                .header(HeaderName.LOCATION.canonical(), pagePath)
                .header(HeaderName.CACHE_CONTROL.canonical(), "no-store")
                .body("text/plain; charset=utf-8", "See " + pagePath + "\n"));
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.trim().toLowerCase(Locale.ROOT);
    }
}
