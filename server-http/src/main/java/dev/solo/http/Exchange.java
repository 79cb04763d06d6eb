package dev.solo.http;

import dev.solo.core.EventLoop;
import java.util.Optional;

/**
 * One request and its response, handed to a {@link Handler}. Loop thread only.
 *
 * <p>Lifecycle: the head has arrived; the body, if any, is still on the wire. A handler that wants the body calls
 * {@link #receiveBody(BodyConsumer)} (the server sends {@code 100 Continue} then, if the client asked for it); one
 * that does not is answered at once and the server discards the body. The handler responds exactly once, with
 * {@link #respond(Response)} or {@link #sendError(Status)}.
 */
public interface Exchange {

    /** @return the request head */
    Request request();

    /** @return the location that matched, with its file mapping and limits */
    Location location();

    /** @return the loop, for timers and for work handed back from other threads */
    EventLoop loop();

    /**
     * Starts delivering the request body. The consumer sees de-chunked content, at most the location's
     * {@code client_max_body_size} in total (beyond it the server answers 413 and calls {@code onAbort}). Call it
     * from {@link Handler#handle} itself: when a handler returns without claiming the body, the server drops it.
     *
     * @param consumer where the body goes; called on the loop thread
     */
    void receiveBody(BodyConsumer consumer);

    /**
     * Sends a response. Its body may be bytes, a file region or a {@link BodySource} that produces over time.
     *
     * @param response status, headers and body
     */
    void respond(Response response);

    /**
     * Responds with a text body: {@code respond(Response.of(status).body(contentType, text))}.
     *
     * @param status the status
     * @param contentType the media type, e.g. {@code text/plain}
     * @param text the body, sent as UTF-8
     */
    default void respond(Status status, String contentType, String text) {
        respond(Response.of(status).body(contentType, text));
    }

    /**
     * Sends the error page for a status: the location's {@code error_page} if one is configured, else the built-in page.
     *
     * @param status a 4xx or 5xx status
     */
    void sendError(Status status);

    /**
     * Sends the error page for a failure, with its extra headers (for instance {@code Allow} for 405).
     *
     * @param error the status, the safe message and whether to close
     */
    void sendError(HttpException error);

    /** @return true once a response was given */
    boolean isResponded();

    /**
     * Registers work to run if the exchange ends before its response was fully sent: the client went away, a timeout
     * fired, or the server is shutting down. Used to kill a CGI process or remove a half-written upload.
     *
     * @param cleanup what to undo; runs at most once, on the loop thread
     */
    void onAbort(Runnable cleanup);

    /**
     * The visitor's session, when a session module is installed.
     *
     * @param create whether to create a session when the request carries none
     * @return the session, or empty when there is none (or no session support)
     */
    Optional<Session> session(boolean create);

    /**
     * Hands the request to another path inside the same server, as for a CGI local redirect ({@code Location: /x}).
     * The new request is a GET without a body.
     *
     * @param path an absolute path, optionally with a query
     */
    void redirectInternally(String path);
}
