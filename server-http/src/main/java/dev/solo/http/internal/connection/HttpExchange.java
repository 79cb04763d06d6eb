package dev.solo.http.internal.connection;

import dev.solo.core.EventLoop;
import dev.solo.http.BodyConsumer;
import dev.solo.http.Exchange;
import dev.solo.http.Handler;
import dev.solo.http.HttpException;
import dev.solo.http.Location;
import dev.solo.http.Method;
import dev.solo.http.Request;
import dev.solo.http.Response;
import dev.solo.http.Session;
import dev.solo.http.Status;
import dev.solo.http.codec.PathDecoder;
import dev.solo.http.codec.RequestHead;
import dev.solo.http.internal.connection.HttpConnection.Deadline;
import dev.solo.http.internal.errors.ErrorPages;
import dev.solo.http.internal.response.ResponsePolicy;
import dev.solo.http.internal.routing.RouteLocation;
import dev.solo.http.internal.routing.VirtualServer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request and its response on a connection. In the order of this file: routes the request (virtual host,
 * location), applies the checks that come before any handler ({@link RequestChecks}), runs the location's handler
 * chain (after the session is loaded, see {@link SessionGate}), responds, and finishes.
 *
 * <p>Its state is two state machines and one flag. The request body's, a {@link RequestBodyState} held by the
 * {@link RequestBodyReader}, which feeds it to the handler that claimed it or drops it; the response's, a
 * {@link ResponseState} held by the {@link ResponseSender}, which encodes and writes it. The exchange is complete
 * when the response is {@link ResponseState#WRITTEN written} and the body {@link RequestBodyState#isDone done}; only
 * then does the connection parse the next request, so responses go out in request order. {@code closeAfter} says
 * whether the connection ends with this exchange.
 */
final class HttpExchange implements Exchange {

    private static final Logger LOG = LoggerFactory.getLogger(HttpExchange.class);
    /** At most this many internal redirects per request, so a redirect loop ends in a 500. */
    private static final int MAX_REDIRECTS = 5;

    private final HttpConnection connection;
    /** The parsed head; null for a malformed request. */
    private final RequestHead head;
    /** What the handlers asked to undo if the exchange ends without its response written. */
    private final List<Runnable> abortActions = new ArrayList<>(1);
    /** The request as handlers see it, after any internal redirect; null for a malformed request. */
    private RequestView request;
    private VirtualServer server;
    private RouteLocation location;
    /** The request body: who gets it, and how far it was read. Replaced once, when a body is framed. */
    private RequestBodyReader requestBody;
    /** Encodes and writes the response, and knows where it stands. */
    private final ResponseSender sender;
    /**
     * The connection must close after this exchange (the client asked, an error left the stream unsynchronised, the
     * client half-closed, the server shuts down). A boolean, not a state: it only ever turns on, from either side,
     * and each of the states above may hold with it or without it.
     */
    private boolean closeAfter;
    /**
     * The connection was told the exchange is complete. Guards against telling it twice: the body and the response
     * may each end last, and a failure while finishing one may end the other.
     */
    private boolean finished;
    /**
     * The connection closed under the exchange ({@link #abort}), which released it. A handler that answers later (on
     * a timer, from a backend) is not told to stop, so its answer is dropped here: it must not throw into the handler,
     * nor finish the exchange on the closed connection and re-arm its timer.
     */
    private boolean aborted;
    /** The routed server's session manager, for this request; null when the server has none. */
    private SessionGate sessions;
    /** Why a malformed request was refused before it became an exchange; null for a parsed one. */
    private final HttpException earlyError;
    private int redirects;

    private HttpExchange(HttpConnection connection, RequestHead head, HttpException earlyError) {
        this.connection = connection;
        this.head = head;
        this.earlyError = earlyError;
        this.requestBody = new RequestBodyReader(connection);
        this.sender = new ResponseSender(connection);
    }

    /**
     * An exchange for a parsed request head; {@link #start} runs it.
     *
     * @param connection the connection the request came on
     * @param head the complete head
     */
    HttpExchange(HttpConnection connection, RequestHead head) {
        this(connection, head, null);
    }

    /**
     * An exchange that only answers a request whose head could not be parsed, with the default server's error page,
     * and closes the connection.
     *
     * @param connection the connection the request came on
     * @param error the status and message for the answer
     * @return the exchange; {@link #start} answers
     */
    static HttpExchange forMalformedRequest(HttpConnection connection, HttpException error) {
        return new HttpExchange(connection, null, error);
    }

    /** Routes the request and runs its handlers; every failure becomes an error response. */
    void start() {
        if (earlyError != null) {
            server = connection.defaultServer();
            connection.routedTo(server);
            closeAfter = true;
            sendError(earlyError);
            return;
        }
        // Not through runGuarded: a method reference here would cost every request an allocation.
        try {
            route();
        } catch (HttpException e) {
            fail(e);
        } catch (IOException | RuntimeException e) {
            LOG.error("{}: {} failed", connection.transport(), describe(), e);
            fail(new HttpException(Status.INTERNAL_SERVER_ERROR, "internal error", false));
        }
        afterHandlers();
    }

    /** Routes the request to its server, and so its timeouts and sessions, frames its body, then dispatches it. */
    private void route() throws IOException {
        try {
            routeToServer();
        } catch (RuntimeException e) {
            if (head.hasBody()) {
                // Refused before its body was framed (CONNECT, 421): the body is never read, so the connection must
                // close, or its bytes would be parsed as the next request.
                closeAfter = true;
                requestBody.cutShort(new IOException("refused before the body was read"));
            }
            throw e;
        }
        dispatch();
    }

    private void routeToServer() {
        String path = RequestChecks.decodedPath(head);
        request = new RequestView(head, path, connection.transport().remoteAddress(),
                connection.transport().localAddress(), connection.tls());
        server = connection.hosts().select(head.host());
        connection.routedTo(server);
        if (server.sessions() != null) {
            // Keyed by the request as it arrived, even after an internal redirect.
            sessions = new SessionGate(server.sessions(), request);
        }
        // Until dispatch knows whether a body comes, the handler's deadline stands: never the header timer.
        connection.arm(Deadline.REQUEST, server.timeouts().request());
        RequestChecks.checkCertificate(connection.tls(), connection.hosts(), server);
        if (head.hasBody()) {
            requestBody = new RequestBodyReader(connection, head, server.timeouts());
        }
        if (!head.keepAlive()) {
            closeAfter = true;
        }
    }

    /**
     * Runs a step of handling, as {@link #start} runs the first; every failure becomes an error response, or cuts the
     * connection when the response is under way.
     *
     * @param redirectTarget the target of the internal redirect the step makes, for the log; null for the handlers
     */
    private void runGuarded(Step step, String redirectTarget) {
        try {
            step.run();
        } catch (HttpException e) {
            fail(e);
        } catch (IOException | RuntimeException e) {
            if (redirectTarget == null) {
                LOG.error("{}: {} failed", connection.transport(), describe(), e);
            } else {
                LOG.error("{}: internal redirect to {} failed", connection.transport(), redirectTarget, e);
            }
            fail(new HttpException(Status.INTERNAL_SERVER_ERROR, "internal error", false));
        }
    }

    /** A step of handling after the first: the handlers once the session is loaded, an internal redirect. */
    private interface Step {
        void run() throws IOException;
    }

    private void afterHandlers() {
        boolean waiting = sessions != null && sessions.isWaiting();
        if (!isResponded() && requestBody.state() == RequestBodyState.UNCLAIMED && !waiting) {
            // The handler took the request but not its body: read and drop it so the next request can follow.
            discardBody();
        }
        connection.updateInterest();
    }

    private void dispatch() throws IOException {
        Method method = request.method();
        RequestChecks.checkMethod(head, method);
        if ("*".equals(request.path())) {
            // OPTIONS * asks about the server as a whole (RFC 9110 §9.3.7).
            respond(Response.of(Status.OK).header("Allow", "GET, HEAD, POST, PUT, DELETE, OPTIONS"));
            return;
        }
        location = server.locations().match(request.path());
        RequestChecks.checkFound(location);
        if (method == Method.OPTIONS) {
            // OPTIONS asks what the location accepts; it is always answered (RFC 9110 §9.3.7).
            respond(Response.of(Status.NO_CONTENT).header("Allow", location.allowHeader()));
            return;
        }
        RequestChecks.checkAccepted(head, method, location);
        requestBody.limitTo(location.maxBodySize());
        if (!requestBody.state().isDone() && !requestBody.awaitsContinue()) {
            requestBody.armTimer();
        } else {
            // No body, (after an internal redirect) one read already, or one the client sends only when a handler
            // claims it (RFC 9110 §10.1.1): the handler's deadline, not the body's.
            connection.arm(Deadline.REQUEST, server.timeouts().request());
        }
        if (sessions != null && sessions.mustWait(loop(), this::resumeAfterSession)) {
            // A store across the network answers later: the handlers run when it has (resumeAfterSession).
            return;
        }
        runHandlers();
    }

    private void resumeAfterSession() {
        if (isResponded()) {
            return; // timed out meanwhile (an aborted exchange is never resumed: see abort)
        }
        runGuarded(this::runHandlers, null);
        afterHandlers();
        if (wantsBody()) {
            // Body bytes that arrived while the exchange waited sit in the read buffer: feed them now.
            connection.process();
        }
    }

    private void runHandlers() throws IOException {
        for (Handler handler : location.handlers()) {
            if (handler.handle(this)) {
                return;
            }
        }
        throw new HttpException(Status.NOT_FOUND, "not found", false);
    }

    /** The answering location's, else the server's own (as for error pages), else none. */
    private ResponsePolicy responsePolicy() {
        RouteLocation source = location != null ? location : server != null ? server.locations().match("/") : null;
        return source != null ? source.responsePolicy() : ResponsePolicy.NONE;
    }

    // ---- request body ----

    /**
     * Whether the connection should read body bytes for this exchange. Once the response is under way the body is
     * read to its end or given up, so a client that half-closes then never leaves it waiting.
     *
     * @return true while the body is read from the connection (to a handler's consumer, or dropped)
     */
    boolean wantsBody() {
        return requestBody.state().isReading();
    }

    @Override
    public void receiveBody(BodyConsumer bodyConsumer) {
        if (isResponded() || !requestBody.isClaimable()) {
            // The body is claimed inside handle(); once it returned without, the server drops the body.
            throw new IllegalStateException("the body was already claimed, dropped, or the exchange answered");
        }
        if (requestBody.state().isDone()) {
            try {
                bodyConsumer.onComplete();
            } catch (IOException e) {
                fail(RequestBodyReader.storageFailure(e));
            }
            return;
        }
        requestBody.claim(bodyConsumer);
        if (head.expectsContinue()) {
            sender.queueInterim();
            // The client sends once told to: from now on its body is timed (dispatch left the handler's deadline).
            requestBody.armTimer();
        }
    }

    private void discardBody() {
        if (requestBody.discard()) {
            closeAfter = true;
        }
    }

    /**
     * Feeds the next body bytes from the read buffer to the consumer (or drops them); a failure is answered, if
     * nothing was yet, and ends the connection after the response.
     *
     * @param in the connection's read buffer
     */
    void readBody(ByteBuffer in) {
        try {
            if (requestBody.read(in)) {
                if (requestBody.state() == RequestBodyState.DROPPED && !isResponded()) {
                    // Dropped for a handler that answers later: the body timer must not outlive the body and answer
                    // 408 first. The handler's deadline stands, as for a body delivered to it.
                    connection.arm(Deadline.REQUEST, server.timeouts().request());
                }
                finishIfDone();
            }
        } catch (HttpException e) {
            giveUpBody(e, e);
            // Answered already (a 405 while its body was being dropped): the next request cannot be found, so the
            // connection ends right after the response instead of waiting for a timeout.
            finishIfDone();
        } catch (IOException e) {
            giveUpBody(e, RequestBodyReader.storageFailure(e));
            finishIfDone();
        } catch (RuntimeException e) {
            // A bug in the handler's body consumer (or the continuation it runs at the end of the body): 500, as for
            // a handler that throws, rather than a connection cut without an answer.
            LOG.error("{}: {} failed while reading the body", connection.transport(), describe(), e);
            giveUpBody(e, new HttpException(Status.INTERNAL_SERVER_ERROR, "internal error", true));
            finishIfDone();
        }
    }

    /**
     * Gives the body up: the connection closes after the response, which is {@code answer} unless one is under way.
     *
     * @return whether {@code answer} was sent
     */
    private boolean giveUpBody(Throwable cause, HttpException answer) {
        closeAfter = true;
        requestBody.cutShort(cause);
        if (isResponded()) {
            return false;
        }
        sendError(answer);
        return true;
    }

    /**
     * The client half-closed after its request, with the response under way and the body read or given up (see
     * {@link HttpConnection}): finish the response, then close.
     */
    void clientClosedInput() {
        closeAfter = true;
    }

    // ---- response ----

    @Override
    public void respond(Response response) {
        if (aborted) {
            LOG.debug("{}: response to {} dropped: the exchange was aborted", connection.transport(), describe());
            closeBody(response);
            return;
        }
        if (isResponded()) {
            throw new IllegalStateException("already responded to " + describe());
        }
        sender.prepare();
        int handlerStatus = response.status().code();
        if (sessions != null) {
            sessions.beforeResponse(response);
        }
        if (request != null) {
            response = connection.context().responses.apply(response, request, responsePolicy(),
                    connection.transport().loop().wallTime());
        }
        RequestBodyState bodyState = requestBody.state();
        if (!bodyState.isDone()) {
            if (closeAfter || bodyState == RequestBodyState.TO_HANDLER) {
                // Answered before the body finished: the rest of it is never read, so the connection must close.
                closeAfter = true;
                requestBody.cutShort(new IOException("answered before the body was read"));
            } else if (bodyState == RequestBodyState.UNCLAIMED) {
                discardBody();
            }
        }
        if (connection.shuttingDown() || connection.lastRequest()) {
            closeAfter = true; // announced in this response (RFC 9112 §9.6), not decided after it
        }
        if (ResponseSender.delimitedByClose(response, request)) {
            closeAfter = true; // HTTP/1.0 has no chunked coding: the close delimits the body
        }
        if (sender.send(response, request, handlerStatus, closeAfter)) {
            finishIfDone();
            connection.updateInterest();
        }
    }

    /**
     * Closes the file or source of a response that is never sent: the server owns them once a handler responds, and
     * would otherwise have closed them when the response ended.
     */
    private void closeBody(Response response) {
        try {
            if (response.bodyKind() == Response.BodyKind.FILE) {
                response.file().close();
            } else if (response.bodyKind() == Response.BodyKind.STREAM) {
                response.source().close();
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("{}: closing a dropped response's body failed: {}", connection.transport(), e.toString());
        }
    }

    /** @return true when the exchange has something to write now (the interim response, or its response) */
    boolean hasOutput() {
        return sender.hasOutput();
    }

    /**
     * One write of the interim response or the response, when the socket is writable; the exchange finishes when
     * the response is written and the body read.
     *
     * @throws IOException when the socket fails
     */
    void writeOnce() throws IOException {
        if (sender.writeOnce()) {
            finishIfDone();
        }
    }

    private void finishIfDone() {
        if (finished || sender.state() != ResponseState.WRITTEN || !requestBody.state().isDone()) {
            return;
        }
        finished = true;
        release();
        // Request bytes may still be on the wire after a body cut short or a malformed head: close with a linger.
        boolean unreadInput = requestBody.state() == RequestBodyState.CUT_SHORT || earlyError != null;
        connection.exchangeComplete(closeAfter, unreadInput);
    }

    @Override
    public void sendError(Status errorStatus) {
        sendError(new HttpException(errorStatus, errorStatus.reasonPhrase(), false));
    }

    @Override
    public void sendError(HttpException error) {
        if (aborted) {
            LOG.debug("{}: error {} for {} dropped: the exchange was aborted", connection.transport(),
                    error.status().code(), describe());
            return;
        }
        if (error.closeConnection()) {
            closeAfter = true;
        }
        Response response = ErrorPages.render(error.status(), location, server);
        var extra = error.headers();
        for (int i = 0; i < extra.size(); i++) {
            response.header(extra.name(i), extra.value(i));
        }
        respond(response);
    }

    /**
     * A failure before or while handling: an error response if none started, else the connection is cut.
     *
     * @param error the status to answer with
     */
    void fail(HttpException error) {
        if (!isResponded()) {
            sendError(error);
        } else if (sender.state() != ResponseState.WRITTEN) {
            connection.transport().close();
        }
    }

    /**
     * The connection's body or request deadline passed: 408 for a stalled body, 504 for a handler that did not
     * answer in time (its work is undone), or the connection is cut when a response is under way.
     *
     * @param whileReadingBody whether it was the body deadline ({@code client_body_timeout}, or the whole body's)
     */
    void timedOut(boolean whileReadingBody) {
        if (whileReadingBody) {
            LOG.debug("{}: request body stalled", connection.transport());
            if (giveUpBody(new IOException("body timeout"),
                    new HttpException(Status.REQUEST_TIMEOUT, "request body took too long", true))) {
                return;
            }
        } else if (!isResponded()) {
            LOG.warn("{}: {} got no response within the request timeout", connection.transport(), describe());
            runAbortActions();
            closeAfter = true;
            sendError(new HttpException(Status.GATEWAY_TIMEOUT, "the handler took too long", true));
            return;
        }
        connection.transport().close();
    }

    /** The loop needs the heap this request's head holds while its body trickles in: 503 and close (issue 15). */
    void shedWhileReadingBody() {
        giveUpBody(new IOException("shed to bound memory"),
                new HttpException(Status.SERVICE_UNAVAILABLE, "server busy", true));
        finishIfDone();
    }

    /**
     * The connection closed under the exchange: undo what the handler started. A later answer from the handler is
     * dropped.
     *
     * @param cause what the consumer of a body still coming is told
     */
    void abort(Throwable cause) {
        aborted = true;
        if (sessions != null) {
            sessions.cancel();
        }
        if (!requestBody.state().isDone()) {
            requestBody.cutShort(cause);
        }
        if (sender.state() != ResponseState.WRITTEN) {
            runAbortActions();
        }
        release();
    }

    private void runAbortActions() {
        for (Runnable action : abortActions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("{}: abort action failed", connection.transport(), e);
            }
        }
        abortActions.clear();
    }

    private void release() {
        if (sessions != null) {
            sessions.exchangeEnded();
        }
        sender.release();
    }

    private String describe() {
        return request != null ? request.toString() : head != null ? head.methodToken() + " " + head.rawTarget()
                : "request";
    }

    // ---- Exchange API ----

    @Override
    public Request request() {
        return request;
    }

    @Override
    public Location location() {
        return location;
    }

    @Override
    public EventLoop loop() {
        return connection.transport().loop();
    }

    @Override
    public boolean isResponded() {
        return sender.state() != ResponseState.PENDING;
    }

    @Override
    public void onAbort(Runnable cleanup) {
        abortActions.add(cleanup);
    }

    @Override
    public Optional<Session> session(boolean create) {
        return sessions != null ? sessions.session(loop(), create) : Optional.empty();
    }

    @Override
    public void redirectInternally(String target) {
        if (aborted) {
            // Dispatching again would arm the closed connection's timer: the redirect is dropped like an answer.
            LOG.debug("{}: internal redirect to {} dropped: the exchange was aborted", connection.transport(), target);
            return;
        }
        if (isResponded()) {
            throw new IllegalStateException("already responded");
        }
        if (++redirects > MAX_REDIRECTS) {
            fail(new HttpException(Status.INTERNAL_SERVER_ERROR, "too many internal redirects", false));
            return;
        }
        runGuarded(() -> {
            int q = target.indexOf('?');
            String decoded = PathDecoder.decode(q < 0 ? target : target.substring(0, q));
            request = request.redirected(target, decoded);
            requestBody.redirected();
            dispatch();
        }, target);
    }
}
