package dev.solo.testing.handler;

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
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An {@link Exchange} in memory, to unit-test a handler without a server or a socket: build the request, hand the
 * exchange to the handler, turn the {@link TestLoop} until the handler has answered, and read what the client would
 * see.
 *
 * <pre>{@code
 * TestExchange exchange = TestExchange.create(b -> b.method("POST").target("/echo?x=1")
 *         .header("Content-Type", "text/plain").body("hel", "lo"));   // the body arrives in two pieces
 * assertTrue(exchange.handle(handler));     // handler.handle(exchange), then the loop runs what is due
 * assertEquals(200, exchange.response().status());
 * assertEquals("hello", exchange.response().text());
 * exchange.advance(Duration.ofSeconds(1));  // timers of a handler that answers later
 * }</pre>
 *
 * <p>It behaves as the server's exchange where a handler can tell: the request head goes through the server's own
 * decoder (target, query, host, framing, path normalisation), so a request the server would refuse before any handler
 * is refused by the builder; the body arrives on later loop turns, piece by piece, capped by the location's body
 * limit (413), and is dropped when the handler returns without claiming it; a response before the body's end aborts
 * the body's consumer; a second response throws {@link IllegalStateException}; a stream body is pulled on the loop; the
 * client going away ({@link #abort()}) runs the {@link #onAbort} actions. Sessions are supported (the server-session
 * module installed) unless the builder says otherwise.
 *
 * <p>A handler may also be called directly, {@code handler.handle(exchange)}, followed by {@link #runPending()}: the
 * first loop turn then drops a body the handler did not claim, as the server does once {@code handle} returned.
 */
public final class TestExchange implements Exchange {

    private final TestRequest request;
    private final Location location;
    private final TestLoop loop;
    private final BodyFeed body;
    private final boolean sessionModule;
    private final List<Runnable> abortActions = new ArrayList<>(1);
    private TestSession session;
    private int sessionsCreated;
    private TestResponse response;
    private String redirectedTo;
    private boolean aborted;

    private TestExchange(TestExchangeBuilder builder) {
        this.request = builder.request();
        this.location = builder.location();
        this.loop = builder.loop();
        this.sessionModule = builder.sessionModule();
        this.session = builder.session();
        this.body = new BodyFeed(builder.bodyPieces(), request.hasBody(), location.maxBodySize(), loop,
                this::answerError);
        if (request.hasBody()) {
            // Runs at the first turn after handle() returned: an unclaimed body is dropped then, as by the server.
            loop.execute(body::dropIfUnclaimed);
        }
    }

    /**
     * An exchange for a request described by a builder.
     *
     * @param spec sets method, target, headers, body, addresses, location, session and loop; all have defaults
     *     ({@code GET /} from 192.0.2.1:40000 to 127.0.0.1:8080, {@code Host: localhost}, no body)
     * @return the exchange, not handled yet
     * @throws IllegalArgumentException when the server would answer the request itself, before any handler (a
     *     malformed head, an unknown method, {@code OPTIONS}, a body over the location's limit...)
     */
    public static TestExchange create(Consumer<TestExchangeBuilder> spec) {
        TestExchangeBuilder builder = new TestExchangeBuilder();
        spec.accept(builder);
        builder.check();
        return new TestExchange(builder);
    }

    /**
     * An exchange for {@code GET target}, without body.
     *
     * @param target the request-target, e.g. {@code /hello?name=Ada}
     * @return the exchange, not handled yet
     * @throws IllegalArgumentException when the server would refuse the target
     */
    public static TestExchange get(String target) {
        return create(b -> b.target(target));
    }

    // ---- driving the handler ----

    /**
     * Hands the exchange to a handler as the server does: {@code handler.handle(this)}; when the handler took the
     * request, an unclaimed body is dropped and the loop runs what is due (the body's pieces, tasks, timers due now).
     * For a code handler ({@code ExchangeHandler}), which always takes the request, call it directly and then
     * {@link #runPending()}.
     *
     * @param handler the handler under test
     * @return what the handler returned: true when it took the request
     * @throws IOException what the handler threw (the server would answer 500); it reaches the test unchanged
     * @throws AssertionError when the handler declined the request but answered it all the same
     */
    public boolean handle(Handler handler) throws IOException {
        boolean taken = handler.handle(this);
        if (!taken) {
            if (response != null || redirectedTo != null) {
                throw new AssertionError("the handler declined the request but answered it: " + describeAnswer());
            }
            return false;
        }
        body.dropIfUnclaimed();
        loop.runPending();
        return true;
    }

    /**
     * Runs what the loop has due now: body pieces, queued tasks, timers whose time has come, stream pulls.
     *
     * @return how many tasks ran
     */
    public int runPending() {
        return loop.runPending();
    }

    /**
     * Moves the loop's clock, running the timers on the way and whatever they set going.
     *
     * @param time how far, 0 or more
     * @return how many tasks ran
     */
    public int advance(Duration time) {
        return loop.advance(time);
    }

    /**
     * The client goes away (or a timeout fires) before the exchange ended: a body still arriving is aborted, the
     * {@link #onAbort} actions run when the response is not complete, and a stream body is closed.
     */
    public void abort() {
        if (aborted) {
            return;
        }
        aborted = true;
        body.abort(new IOException("the client went away"));
        if (response == null || !response.isComplete()) {
            runAbortActions();
        }
        if (response != null) {
            response.clientGone();
        }
    }

    // ---- what the client sees ----

    /**
     * @return the response, as the client would read it
     * @throws AssertionError when the handler has not answered (or redirected internally instead)
     */
    public TestResponse response() {
        if (response == null) {
            throw new AssertionError(redirectedTo != null ? describeAnswer()
                    : "no response yet to " + request + "; does the handler answer later? runPending() or advance()");
        }
        return response;
    }

    /** @return the path the handler redirected to with {@link #redirectInternally}, if it did */
    public Optional<String> internalRedirect() {
        return Optional.ofNullable(redirectedTo);
    }

    /** @return the visitor's session as it stands: given to the builder or created by the handler, and not ended */
    public Optional<TestSession> currentSession() {
        if (session != null && session.isInvalidated()) {
            session = null;
        }
        return Optional.ofNullable(session);
    }

    /** @return true when the body was delivered, dropped or cut, or the request had none */
    public boolean isBodySettled() {
        return body.isSettled();
    }

    // ---- Exchange ----

    @Override
    public Request request() {
        return request;
    }

    @Override
    public Location location() {
        return location;
    }

    /** @return the {@link TestLoop} this exchange runs on */
    @Override
    public TestLoop loop() {
        return loop;
    }

    /**
     * @param consumer where the body goes, piece by piece on later loop turns
     * @throws IllegalStateException as on the server: the body was claimed before, dropped (the handler returned
     *     without claiming it), or the exchange was answered
     */
    @Override
    public void receiveBody(BodyConsumer consumer) {
        Objects.requireNonNull(consumer, "consumer");
        if (isResponded()) {
            throw new IllegalStateException("the body was already claimed, dropped, or the exchange answered");
        }
        body.claim(consumer);
    }

    /**
     * @param answer the response
     * @throws IllegalStateException when the exchange was answered before, as on the server
     */
    @Override
    public void respond(Response answer) {
        send(Objects.requireNonNull(answer, "answer"), null);
    }

    /**
     * @param status the error status
     * @throws IllegalStateException when the exchange was answered before, as on the server
     */
    @Override
    public void sendError(Status status) {
        sendError(new HttpException(status, status.reasonPhrase(), false));
    }

    /**
     * @param error the error
     * @throws IllegalStateException when the exchange was answered before, as on the server
     */
    @Override
    public void sendError(HttpException error) {
        Response page = Response.of(error.status());
        var extra = error.headers();
        for (int i = 0; i < extra.size(); i++) {
            page.header(extra.name(i), extra.value(i));
        }
        send(page, error);
    }

    /** @return true once the handler responded, sent an error or redirected internally */
    @Override
    public boolean isResponded() {
        return response != null || redirectedTo != null;
    }

    @Override
    public void onAbort(Runnable cleanup) {
        abortActions.add(Objects.requireNonNull(cleanup, "cleanup"));
    }

    /**
     * @param create whether to create a session when the visitor has none
     * @return the visitor's session; empty when there is none, or when the builder said there is no session module
     */
    @Override
    public Optional<Session> session(boolean create) {
        if (!sessionModule) {
            return Optional.empty();
        }
        if (currentSession().isEmpty() && create) {
            session = new TestSession("test-session-" + ++sessionsCreated);
        }
        return Optional.ofNullable(session);
    }

    /**
     * Records the redirect; the test reads it with {@link #internalRedirect()} (the server would serve that path).
     *
     * @param path an absolute path, optionally with a query
     * @throws IllegalStateException when the exchange was answered before
     * @throws IllegalArgumentException when the path does not start with {@code /}
     */
    @Override
    public void redirectInternally(String path) {
        if (isResponded()) {
            throw new IllegalStateException("already responded");
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("an internal redirect needs an absolute path: " + path);
        }
        redirectedTo = path;
        body.answered();
    }

    private void send(Response answer, HttpException error) {
        if (isResponded()) {
            throw new IllegalStateException("already responded to " + request + ": " + describeAnswer());
        }
        response = new TestResponse(answer, error, request.method() == Method.HEAD, loop, this::runAbortActions);
        body.answered();
    }

    /** A failure while reading the body: its error page, unless the handler answered already. */
    private void answerError(HttpException error) {
        if (!isResponded()) {
            sendError(error);
        }
    }

    private void runAbortActions() {
        List<Runnable> actions = List.copyOf(abortActions);
        abortActions.clear();
        actions.forEach(Runnable::run);
    }

    private String describeAnswer() {
        return redirectedTo != null ? "redirected internally to " + redirectedTo : String.valueOf(response);
    }

    @Override
    public String toString() {
        return "TestExchange[" + request + (isResponded() ? ", " + describeAnswer() : "") + "]";
    }
}
