package dev.solo.http.internal.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.solo.config.SourcePosition;
import dev.solo.core.Timer;
import dev.solo.http.BodyConsumer;
import dev.solo.http.Exchange;
import dev.solo.http.Handler;
import dev.solo.http.HttpLimits;
import dev.solo.http.Method;
import dev.solo.http.Response;
import dev.solo.http.Status;
import dev.solo.http.internal.routing.HostTable;
import dev.solo.http.internal.routing.LocationTable;
import dev.solo.http.internal.routing.RouteLocation;
import dev.solo.http.internal.routing.Timeouts;
import dev.solo.http.internal.routing.VirtualServer;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * A handler that answers later without claiming the body: the body timer runs only while the client is expected to
 * send, and never outlives the body, or it answers 408 before the handler does. With {@code Expect: 100-continue}
 * (RFC 9110 §10.1.1) the client sends its body only once told to, so while no handler has claimed the body (and so
 * no {@code 100 Continue} went out) the body timer must not run; once a handler claims the body, {@code 100 Continue}
 * goes out and the body timer runs. A body that was sent is dropped, and then the request timeout bounds the handler.
 */
class HttpExchangeUnclaimedBodyTimerTest {

    private static final long BODY_TIMEOUT = 1_000;
    private static final long REQUEST_TIMEOUT = 5_000;
    private static final String WAITING_FOR_CONTINUE = "Host: localhost\r\nContent-Length: 5\r\n"
            + "Expect: 100-continue\r\n\r\n";

    private final ScriptedTransport transport = new ScriptedTransport();
    private final Timer timer = mock(Timer.class);
    private final ArgumentCaptor<Runnable> onTimeout = ArgumentCaptor.forClass(Runnable.class);
    /** The exchange the "/later" handler kept to answer later. */
    private Exchange kept;

    @Test
    void aHandlerThatAnswersLaterWithoutTheBodyIsAnsweredWithoutContinueBeforeAnyBodyTimeout() {
        send("POST /later HTTP/1.1\r\n" + WAITING_FOR_CONTINUE);
        assertEquals(REQUEST_TIMEOUT, lastArmedDelay(), "the handler's deadline, not the body's");

        kept.respond(Response.of(Status.OK).body("text/plain", "later"));
        transport.handler.onWritable();

        String output = transport.output();
        assertTrue(output.startsWith("HTTP/1.1 200 "), output);
        assertFalse(output.contains("100 Continue"), output);
        assertTrue(output.contains("\r\nConnection: close\r\n"), "the unsent body is never read: " + output);
        assertTrue(transport.outputShut || !transport.open, "the connection ends after the response");
    }

    @Test
    void aHandlerThatNeverAnswersAClientWaitingForContinueTimesOutAsAHandlerNotAsAStalledBody() {
        send("POST /later HTTP/1.1\r\n" + WAITING_FOR_CONTINUE);

        onTimeout.getValue().run();
        transport.handler.onWritable();

        String output = transport.output();
        assertTrue(output.startsWith("HTTP/1.1 504 "), output);
    }

    @Test
    void aHandlerThatAnswersLaterWithoutTheBodyHasTheRequestTimeoutOnceTheBodyIsDropped() {
        send("POST /later HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n\r\nhello");
        assertEquals(REQUEST_TIMEOUT, lastArmedDelay(), "the body is in: the handler's deadline, not the body's");

        kept.respond(Response.of(Status.OK).body("text/plain", "later"));
        transport.handler.onWritable();

        String output = transport.output();
        assertTrue(output.startsWith("HTTP/1.1 200 "), output);
        assertFalse(output.contains("Connection: close"), "the body was read, so the connection goes on: " + output);
    }

    @Test
    void aHandlerThatClaimsTheBodyGetsContinueSentAndTheBodyTimerStarted() {
        send("POST /claim HTTP/1.1\r\n" + WAITING_FOR_CONTINUE);
        assertEquals(BODY_TIMEOUT, lastArmedDelay(), "the client was told to send: its body is timed");

        transport.handler.onWritable();
        assertEquals("HTTP/1.1 100 Continue\r\n\r\n", transport.output());
    }

    private void send(String request) {
        when(transport.loop.schedule(anyLong(), onTimeout.capture())).thenReturn(timer);
        transport.handler = new HttpConnection(transport, new ConnectionContext(HttpLimits.DEFAULTS, false),
                hosts());
        transport.arrive(request);
        transport.handler.onReadable();
    }

    private long lastArmedDelay() {
        ArgumentCaptor<Long> delays = ArgumentCaptor.forClass(Long.class);
        verify(timer, atLeastOnce()).reschedule(delays.capture());
        return delays.getValue();
    }

    /** "/later" keeps the exchange and answers some other time; "/claim" claims the body and drops it. */
    private HostTable hosts() {
        LocationTable locations = new LocationTable();
        locations.add(location("/later", exchange -> {
            kept = exchange;
            return true;
        }));
        locations.add(location("/claim", exchange -> {
            exchange.receiveBody(new BodyConsumer() {
                @Override
                public void onData(ByteBuffer content) {
                    content.position(content.limit());
                }

                @Override
                public void onComplete() {
                    exchange.respond(Response.of(Status.NO_CONTENT));
                }

                @Override
                public void onAbort(Throwable cause) {
                }
            });
            return true;
        }));
        HostTable hosts = new HostTable();
        hosts.add(new VirtualServer(List.of("localhost"), locations,
                new Timeouts(60_000, BODY_TIMEOUT, 75_000, 60_000, REQUEST_TIMEOUT, 1000, 2 * BODY_TIMEOUT), null,
                new SourcePosition(Path.of("t.conf"), 1, 1)), true);
        return hosts;
    }

    private static RouteLocation location(String prefix, Handler handler) {
        RouteLocation location = new RouteLocation(new RouteLocation.Settings(prefix, false, Set.of(Method.POST),
                null, List.of(), false, 1024, Map.of(), "localhost"));
        location.handlers(List.of(handler));
        return location;
    }
}
