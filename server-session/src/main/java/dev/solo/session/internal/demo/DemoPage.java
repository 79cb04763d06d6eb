package dev.solo.session.internal.demo;

/** The HTML of the session demo. Every piece of text that is not a literal here goes through {@link #escape}. */
final class DemoPage {

    private static final String STYLE = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;"
            + "max-width:34rem;margin:3rem auto;padding:0 1rem;color:#1f2328;line-height:1.5;background:#fafafa}"
            + "h1{font-weight:600;margin-bottom:.25rem}"
            + ".sub{color:#656d76;margin-top:0}"
            + ".card{background:#fff;border:1px solid #d0d7de;border-radius:10px;padding:1rem 1.5rem;margin:1rem 0}"
            + ".count{font-size:2.75rem;font-weight:700;color:#0969da}"
            + "input,button{font:inherit;padding:.35rem .7rem;border-radius:6px;border:1px solid #d0d7de}"
            + "button{background:#0969da;color:#fff;border-color:#0969da;cursor:pointer}"
            + "form{display:inline}"
            + "a{color:#0969da}";

    private DemoPage() {
    }

    /**
     * @param pagePath where the page lives
     * @param loginPath where the log-in form posts
     * @param logoutPath where the log-out form posts
     * @param visits the visit count of this session
     * @param user the logged-in name, or null
     * @return the page
     */
    static String render(String pagePath, String loginPath, String logoutPath, int visits, String user) {
        StringBuilder html = head();
        html.append("<h1>Session demo</h1>\n<p class=\"sub\">Served by Solo, kept in a cookie-backed session.</p>\n")
                .append("<div class=\"card\"><div>Visits in this session</div><div class=\"count\">")
                .append(visits).append("</div></div>\n<div class=\"card\">\n");
        if (user != null) {
            html.append("<p>Hello, <strong>").append(escape(user)).append("</strong></p>\n")
                    .append("<form method=\"post\" action=\"").append(escape(logoutPath))
                    .append("\"><button type=\"submit\">Log out</button></form>\n");
        } else {
            html.append("<p>You are not logged in.</p>\n")
                    .append("<form method=\"post\" action=\"").append(escape(loginPath)).append("\">")
                    .append("<label>Name <input name=\"name\" maxlength=\"").append(LoginForm.MAX_NAME_LENGTH)
                    .append("\" required autocomplete=\"username\"></label> ")
                    .append("<button type=\"submit\">Log in</button></form>\n");
        }
        html.append("</div>\n<p><a href=\"").append(escape(pagePath)).append("\">Reload</a> &middot; ")
                .append("<a href=\"/\">Back to the home page</a></p>\n");
        return tail(html);
    }

    /** @return the page shown when the server runs without session support */
    static String unavailable() {
        StringBuilder html = head();
        html.append("<h1>Session demo</h1>\n<div class=\"card\"><p>Sessions are not available on this server.</p>")
                .append("</div>\n<p><a href=\"/\">Back to the home page</a></p>\n");
        return tail(html);
    }

    private static StringBuilder head() {
        return new StringBuilder(2048).append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Session demo</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n");
    }

    private static String tail(StringBuilder html) {
        return html.append("</body>\n</html>\n").toString();
    }

    /**
     * Escapes text for HTML element content and double- or single-quoted attribute values.
     *
     * @param text any text
     * @return the text with {@code & < > " '} replaced by character references
     */
    static String escape(String text) {
        return dev.solo.http.Html.escape(text);
    }
}
