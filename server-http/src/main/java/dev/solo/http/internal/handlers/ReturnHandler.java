package dev.solo.http.internal.handlers;

import dev.solo.http.Exchange;
import dev.solo.http.Handler;
import dev.solo.http.Response;
import dev.solo.http.Status;
import dev.solo.http.internal.response.ValueTemplate;

/** {@code return CODE [URL-OR-TEXT];}: a redirect with {@code Location}, a text or an error page, with variables. */
final class ReturnHandler implements Handler {

    private final Status status;
    private final ValueTemplate argument;

    ReturnHandler(Status status, ValueTemplate argument) {
        this.status = status;
        this.argument = argument;
    }

    static boolean isRedirect(int code) {
        return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
    }

    @Override
    public boolean handle(Exchange exchange) {
        String value = argument == null ? null : argument.expand(exchange.request(), exchange.location().serverName());
        if (isRedirect(status.code())) {
            exchange.respond(Response.of(status).header("Location", value)
                    .body("text/html; charset=utf-8", "<a href=\"" + escape(value) + "\">"
                            + status.reasonPhrase() + "</a>\n"));
        } else if (value != null) {
            exchange.respond(Response.of(status).body("text/plain; charset=utf-8", value));
        } else if (status.code() >= 400) {
            exchange.sendError(status);
        } else {
            exchange.respond(Response.of(status));
        }
        return true;
    }

    private static String escape(String text) {
        return dev.solo.http.Html.escape(text);
    }
}
