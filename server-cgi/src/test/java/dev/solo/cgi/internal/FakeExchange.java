package dev.solo.cgi.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.solo.core.EventLoop;
import dev.solo.http.BodyConsumer;
import dev.solo.http.Exchange;
import dev.solo.http.HttpException;
import dev.solo.http.Location;
import dev.solo.http.Request;
import dev.solo.http.Response;
import dev.solo.http.Session;
import dev.solo.http.Status;
import dev.solo.testing.handler.TestLoop;
import dev.solo.testing.handler.TestSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Records what a handler does with an exchange. */
final class FakeExchange implements Exchange {

    private final FakeRequest request;
    private final FakeLocation location;
    private final TestLoop loop;
    private final List<Runnable> abortActions = new ArrayList<>();
    Response response;
    Status errorStatus;
    HttpException error;
    String redirect;
    BodyConsumer bodyConsumer;
    TestSession session;
    boolean sessionSupport = true;

    FakeExchange(FakeRequest request, FakeLocation location, TestLoop loop) {
        this.request = request;
        this.location = location;
        this.loop = loop;
    }

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
        return loop;
    }

    @Override
    public void receiveBody(BodyConsumer consumer) {
        bodyConsumer = consumer;
    }

    @Override
    public void respond(Response answer) {
        assertFalse(isResponded(), "responded twice");
        response = answer;
    }

    @Override
    public void sendError(Status status) {
        assertFalse(isResponded(), "responded twice");
        errorStatus = status;
    }

    @Override
    public void sendError(HttpException exception) {
        assertFalse(isResponded(), "responded twice");
        error = exception;
        errorStatus = exception.status();
    }

    @Override
    public boolean isResponded() {
        return response != null || errorStatus != null || redirect != null;
    }

    @Override
    public void onAbort(Runnable cleanup) {
        abortActions.add(cleanup);
    }

    @Override
    public Optional<Session> session(boolean create) {
        if (session == null && create && sessionSupport) {
            session = new TestSession("new-session");
        }
        return Optional.ofNullable(session);
    }

    @Override
    public void redirectInternally(String path) {
        assertFalse(isResponded(), "responded twice");
        redirect = path;
    }

    /** Simulates the client going away. */
    void abort() {
        abortActions.forEach(Runnable::run);
    }

    /** @return the status sent, by response or error page; 0 before any */
    int status() {
        if (response != null) {
            return response.status().code();
        }
        return errorStatus == null ? 0 : errorStatus.code();
    }
}
