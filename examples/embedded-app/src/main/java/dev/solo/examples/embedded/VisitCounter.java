package dev.solo.examples.embedded;

import dev.solo.http.Exchange;
import dev.solo.http.Session;
import dev.solo.http.Status;

/** {@code GET /counter}: {@code {"visits":N}}, N counted in the visitor's session (Solo's session module). */
final class VisitCounter {

    private static final String VISITS = "visits";

    private VisitCounter() {
    }

    /**
     * The handler: starts a session on the first visit (its cookie goes out with the answer) and counts.
     *
     * @param exchange the request
     */
    static void count(Exchange exchange) {
        Session session = exchange.session(true).orElseThrow(
                () -> new IllegalStateException("no session module on the class path"));
        int visits = session.get(VISITS).map(Integer::parseInt).orElse(0) + 1;
        session.set(VISITS, Integer.toString(visits));
        exchange.respond(Status.OK, "application/json", "{\"visits\":" + visits + "}");
    }
}
