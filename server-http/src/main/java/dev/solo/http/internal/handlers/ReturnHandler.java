package dev.solo.http.internal.handlers;

import dev.solo.http.Exchange;
import dev.solo.http.Handler;
import dev.solo.http.Response;
import dev.solo.http.Status;

/** {@code return CODE [URL-OR-TEXT];}: a redirect with {@code Location}, a fixed text, or an error page. */
final class ReturnHandler implements Handler {

    private final Status status;
    private final String argument;

    ReturnHandler(Status status, String argument) {
        this.status = status;
        this.argument = argument;
    }

    static boolean isRedirect(int code) {
        return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
    }

    @Override
    public boolean handle(Exchange exchange) {
        if (isRedirect(status.code())) {
            exchange.respond(Response.of(status).header("Location", argument)
                    .body("text/html; charset=utf-8", "<a href=\"" + escape(argument) + "\">"
                            + status.reasonPhrase() + "</a>\n"));
        } else if (argument != null) {
            exchange.respond(Response.of(status).body("text/plain; charset=utf-8", argument));
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
