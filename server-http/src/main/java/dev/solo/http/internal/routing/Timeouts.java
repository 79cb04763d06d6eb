package dev.solo.http.internal.routing;

/**
 * The timeouts of a server block, in milliseconds.
 *
 * @param header from the first byte of a request to the end of its head (slowloris ends here: not reset per byte)
 * @param body between two reads of a request body
 * @param keepAlive idle time between requests on a persistent connection
 * @param send between two writes that made progress to a client that stopped reading
 * @param request how long a handler may take to respond once the request (and its body) arrived: a backstop for
 *                handlers that never answer; after the response starts, the send timeout applies
 * @param keepAliveRequests requests served on one connection before it is closed
 * @param bodyTotal from the end of a request's head to the end of its body, however steadily the bytes come: the
 *                  per-read {@code body} timeout alone lets a client that sends a byte now and then hold the request
 *                  (and whatever waits for its body) for ever
 */
public record Timeouts(long header, long body, long keepAlive, long send, long request, int keepAliveRequests,
        long bodyTotal) {

    /** nginx's defaults for the first four; five minutes overall; 1000 requests per connection; ten minutes a body. */
    public static final Timeouts DEFAULTS = new Timeouts(60_000, 60_000, 75_000, 60_000, 300_000, 1000, 600_000);
}
